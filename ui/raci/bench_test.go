package raci

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/common"
)

// The budgets: 200 activities × 60 people in a 200×50 window (the pane
// gets 47 lines, the root keeps three); one keystroke, Update + View,
// under 3 ms; opening the pane under 50 ms. Colours on, as in a real
// terminal: styling is the cost that matters.
const (
	benchRows, benchCols = 200, 60
	benchW, benchH       = 200, 47
)

func benchPane(b *testing.B) (*Pane, *model.ProjectData) {
	b.Helper()
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	d := bigProject(benchRows, benchCols)
	ctx := &common.Context{Styles: themes.NewStyles(themes.Default(), true), Now: func() time.Time { return testNow }}
	p := New(ctx)
	p.SetSize(benchW, benchH)
	p.Update(common.ProjectLoadedMsg{Data: &d})
	if p.View() == "" {
		b.Fatal("empty view")
	}
	return p, &d
}

// BenchmarkKeystrokeMove walks the cursor down, right, up and left.
func BenchmarkKeystrokeMove(b *testing.B) {
	p, _ := benchPane(b)
	keys := []tea.KeyMsg{keyMsg("j"), keyMsg("l"), keyMsg("pgdown"), keyMsg("]"), keyMsg("k"), keyMsg("h")}
	b.ResetTimer()
	for i := range b.N {
		p.Update(keys[i%len(keys)])
		_ = p.View()
	}
}

// BenchmarkKeystrokeSet is a letter as the screen sees it. The key only
// queues the write; what costs is the write's event coming back: the grid
// brought up to date from the project with the event applied, then drawn.
func BenchmarkKeystrokeSet(b *testing.B) {
	p, d := benchPane(b)
	p.rowCur.Move(20)
	p.colCur.Move(7)
	p.settleRow(1)
	rw, _ := p.cursorActivity()
	c, _ := p.cursorPerson()
	key := model.Assignment{ActivityID: rw.activity.ID, PersonID: p.grid.people[c].ID}
	var changes []common.ProjectChangedMsg
	for i, role := range []model.Role{model.Accountable, model.Responsible, model.Consulted, model.RoleNone} {
		e := model.Event{ProjectID: d.Project.ID, From: uint64(i), To: uint64(i + 1)}
		r := model.Record{Kind: model.KindCells, Cell: key}
		if role != model.RoleNone {
			cell := key
			cell.Role = role
			r.Value = cell
		}
		e.Records = []model.Record{r}
		changes = append(changes, common.ProjectChangedMsg{Data: d.Apply(e), Events: []model.Event{e}})
	}
	b.ResetTimer()
	for i := range b.N {
		p.Update(changes[i%len(changes)])
		_ = p.View()
	}
}

// BenchmarkOpenPane builds the grid from a loaded project and draws the
// first frame, as on start-up and on a project switch.
func BenchmarkOpenPane(b *testing.B) {
	_, d := benchPane(b)
	ctx := &common.Context{Styles: themes.NewStyles(themes.Default(), true), Now: func() time.Time { return testNow }}
	b.ResetTimer()
	for range b.N {
		p := New(ctx)
		p.SetSize(benchW, benchH)
		p.Update(common.ProjectLoadedMsg{Data: d})
		_ = p.View()
	}
}

// BenchmarkOpenFromStore adds reading the project off the disk.
func BenchmarkOpenFromStore(b *testing.B) {
	hs := newHarness(b, bigProject(benchRows, benchCols), benchW, benchH)
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	b.ResetTimer()
	for range b.N {
		d, err := hs.store.LoadProject(hs.pid)
		if err != nil {
			b.Fatal(err)
		}
		p := New(hs.pane.ctx)
		p.SetSize(benchW, benchH)
		p.Update(common.ProjectLoadedMsg{Data: &d})
		_ = p.View()
	}
}

// BenchmarkMyRole toggles the my-role view of a busy person.
func BenchmarkMyRole(b *testing.B) {
	p, d := benchPane(b)
	d.Project.MeID = 1
	b.ResetTimer()
	for range b.N {
		p.Update(keyMsg("M"))
		_ = p.View()
	}
}
