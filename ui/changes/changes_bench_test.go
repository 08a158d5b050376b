package changes

import (
	"fmt"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// bigChanges adds n generated requests to the sample project: every
// quadrant, status, decision and area, a few assignees and phases.
func bigChanges(n int) func(d *model.ProjectData) {
	return func(d *model.ProjectData) {
		d.Changes = d.Changes[:0]
		people := []string{"Julien Roux", "Nicolas Laurent", "Sarah Lefebvre", ""}
		for i := range n {
			d.Changes = append(d.Changes, model.ChangeRequest{
				ID:          uint64(i + 1),
				Title:       fmt.Sprintf("Change request %d about the lead form and the approval workflow", i),
				Description: "Testers found that the field order differs from the design document; sales wants the region first.",
				RaisedBy:    "Tester", RaisedIn: d.Phases[i%len(d.Phases)].ID,
				CreatedAt: now.Add(-time.Duration(i) * time.Hour),
				Area:      model.Areas[i%len(model.Areas)],
				Impact:    i % 6, Complexity: model.Complexity(i % 4), EstimateHrs: float64(i % 90),
				Decision: model.Decision(i % 4), Status: model.CRStatuses[i%len(model.CRStatuses)],
				Assignee: people[i%len(people)],
			})
		}
	}
}

// loaded returns a harness with 10,000 requests, and the loaded project.
func loaded(b *testing.B) (*harness, common.ProjectLoadedMsg) { return loadedN(b, 10000) }

// loadedN is loaded with n requests.
func loadedN(b *testing.B, n int) (*harness, common.ProjectLoadedMsg) {
	h := newHarness(b, bigChanges(n))
	d, err := h.s.LoadProject(h.pid)
	if err != nil {
		b.Fatal(err)
	}
	if len(h.p.q.entries) != n {
		b.Fatalf("%d requests loaded", len(h.p.q.entries))
	}
	return h, common.ProjectLoadedMsg{Data: &d}
}

// BenchmarkLoadPane10k: the pane takes a loaded project of 10,000 requests
// (sort, cells, search text) and draws its first frame.
func BenchmarkLoadPane10k(b *testing.B) {
	h, msg := loaded(b)
	for b.Loop() {
		h.p.Update(msg)
		_ = h.p.View()
	}
}

// BenchmarkKeystroke10k: one cursor move, Update then View.
func BenchmarkKeystroke10k(b *testing.B) {
	h, _ := loaded(b)
	down, up := keyMsg("down"), keyMsg("up")
	i := 0
	for b.Loop() {
		k := down
		if i%200 >= 100 {
			k = up
		}
		i++
		h.p.Update(k)
		_ = h.p.View()
	}
}

// BenchmarkFilter10k: applying a free-text filter and a facet, then
// drawing.
func BenchmarkFilter10k(b *testing.B) {
	h, _ := loaded(b)
	texts := []string{"approval 12", "lead form", ""}
	i := 0
	for b.Loop() {
		h.p.q.facets.Toggle(model.FacetStatus, "new")
		h.p.q.setText(texts[i%len(texts)])
		h.p.refreshTable(h.p.selectedID())
		_ = h.p.View()
		i++
	}
}

// BenchmarkResort10k: s, re-sorting 10,000 rows, then drawing.
func BenchmarkResort10k(b *testing.B) {
	h, _ := loaded(b)
	s := keyMsg("s")
	for b.Loop() {
		h.p.Update(s)
		_ = h.p.View()
	}
}

// BenchmarkMatrix10k: opening the matrix over 10,000 requests.
func BenchmarkMatrix10k(b *testing.B) {
	h, _ := loaded(b)
	m, esc := keyMsg("m"), keyMsg("esc")
	for b.Loop() {
		h.p.Update(m)
		_ = h.p.View()
		h.p.Update(esc)
	}
}

// BenchmarkTriageKey10k: one triage key in a 10,000-request project
// (Update and View; the write itself runs in a command).
func BenchmarkTriageKey10k(b *testing.B) {
	h, _ := loaded(b)
	h.run(h.p.Update(keyMsg("t")))
	keys := []tea.KeyMsg{keyMsg("3"), keyMsg("4")}
	i := 0
	for b.Loop() {
		h.p.Update(keys[i%2])
		_ = h.p.View()
		i++
	}
}

// TestViewCostDoesNotGrowWithRows: drawing 10,000 rows allocates the same
// as drawing 100, since only the rows on screen are drawn.
func TestViewCostDoesNotGrowWithRows(t *testing.T) {
	small := newHarness(t, bigChanges(100))
	big := newHarness(t, bigChanges(10000))
	a := testing.AllocsPerRun(20, func() { _ = small.p.View() })
	z := testing.AllocsPerRun(20, func() { _ = big.p.View() })
	if z > a*1.1+5 {
		t.Fatalf("View allocates %.0f times with 10,000 rows and %.0f with 100", z, a)
	}
}

// BenchmarkOpenPane10k: what a user waits for when the pane opens on a
// project of 10,000 requests: read the project from the store, build the
// queue, draw the first frame.
func BenchmarkOpenPane10k(b *testing.B) {
	h, _ := loaded(b)
	for b.Loop() {
		msg := common.LoadProject(h.s, h.pid)()
		loaded, ok := msg.(common.ProjectLoadedMsg)
		if !ok {
			b.Fatalf("load: %v", msg)
		}
		h.p.data = nil // a fresh pane, not a reload
		h.p.Update(loaded)
		_ = h.p.View()
	}
}

// benchTypeFilter: / then "lead form 12" typed key by key, then erased key
// by key, then esc. Each key's ask is carried out before the next key
// comes and the pane is drawn, as when typing slower than the table
// follows; the figure is per key.
func benchTypeFilter(b *testing.B, n int) {
	h, _ := loadedN(b, n)
	const typed = "lead form 12"
	var keys []tea.KeyMsg
	for _, r := range typed {
		keys = append(keys, keyMsg(string(r)))
	}
	for range typed {
		keys = append(keys, keyMsg("backspace"))
	}
	slash, esc := keyMsg("/"), keyMsg("esc")
	for b.Loop() {
		h.p.Update(slash)
		for _, k := range keys {
			deliver(h.p, h.p.Update(k))
			_ = h.p.View()
		}
		h.p.Update(esc)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(keys))/1e6, "ms/key")
}

func BenchmarkTypeFilter10k(b *testing.B)  { benchTypeFilter(b, 10_000) }
func BenchmarkTypeFilter100k(b *testing.B) { benchTypeFilter(b, 100_000) }

// deliver runs a command and hands the pane what it returns, batches
// included, without a harness's bookkeeping.
func deliver(p *Pane, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			deliver(p, c)
		}
	default:
		deliver(p, p.Update(msg))
	}
}
