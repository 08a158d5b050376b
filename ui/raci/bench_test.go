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

// BenchmarkKeystrokeSet sets letters: the grid, the row's check and the
// summary are updated at once; the store write is left to its command.
func BenchmarkKeystrokeSet(b *testing.B) {
	p, _ := benchPane(b)
	p.rowCur.Move(20)
	p.colCur.Move(7)
	p.settleRow(1)
	keys := []tea.KeyMsg{keyMsg("a"), keyMsg("r"), keyMsg("c"), keyMsg("space")}
	b.ResetTimer()
	for i := range b.N {
		p.Update(keys[i%len(keys)])
		_ = p.View()
	}
}

// BenchmarkOpenPane builds the grid from a loaded project and draws the
// first frame, as on start-up and after every save's reload.
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
