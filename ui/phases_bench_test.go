package ui_test

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui"
)

// bigPlan replaces the sample's phases with 50 phases of 10 deliverables
// and 5 exit items each (500 deliverables), a fortnight apiece, the first
// ones signed off, with a goal in markdown.
func bigPlan(d *model.ProjectData) {
	start := now.AddDate(0, -6, 0)
	d.Phases = d.Phases[:0]
	for i := range 50 {
		ph := model.Phase{ID: uint64(i + 1), Order: i, Name: fmt.Sprintf("Phase %02d", i+1),
			Goal:         fmt.Sprintf("Deliver **step %d** of the roll-out.\n\n- agree scope\n- build\n- review", i+1),
			PlannedStart: start.AddDate(0, 0, 14*i), PlannedEnd: start.AddDate(0, 0, 14*i+13),
			BlocksOnOpenChanges: i == 20}
		if ph.PlannedEnd.Before(now) {
			ph.ActualStart, ph.ActualEnd = ph.PlannedStart, ph.PlannedEnd.AddDate(0, 0, 1)
			ph.Status, ph.Gate = model.PhaseSignedOff, model.Gate{SignedOff: true, ByID: 1, At: ph.ActualEnd}
		}
		for j := range 10 {
			ph.Deliverables = append(ph.Deliverables, model.Deliverable{Name: fmt.Sprintf("Deliverable %d.%d", i+1, j+1), Done: ph.Gate.SignedOff})
		}
		for j := range 5 {
			ph.Checklist = append(ph.Checklist, model.CheckItem{Text: fmt.Sprintf("Exit check %d.%d", i+1, j+1), Done: ph.Gate.SignedOff})
		}
		d.Phases = append(d.Phases, ph)
	}
	for i := range d.Changes {
		d.Changes[i].RaisedIn = 0
	}
	for i := range d.Activities {
		d.Activities[i].PhaseID = 0
	}
	for i := range d.Docs {
		d.Docs[i].PhaseID = 0
	}
}

// benchKeys presses keys in turn, timing Update and View as the runtime
// runs them on every key. The commands a key returns (a goal rendering,
// nothing else for moves) are run untimed, as the runtime runs them off
// the input loop.
func benchKeys(b *testing.B, m *ui.Model, keys []string) {
	b.Helper()
	msgs := make([]tea.KeyMsg, len(keys))
	for i, k := range keys {
		msgs[i] = key(k)
	}
	// One lap untimed, so every goal is rendered and cached.
	for _, k := range msgs {
		_, cmd := m.Update(k)
		settle(b, m, cmd)
	}
	b.ResetTimer()
	for i := range b.N {
		_, cmd := m.Update(msgs[i%len(msgs)])
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		b.StopTimer()
		settle(b, m, cmd)
		b.StartTimer()
	}
}

// walk goes down the fifty phases and back up.
func walk() []string {
	var keys []string
	for range 49 {
		keys = append(keys, "j")
	}
	for range 49 {
		keys = append(keys, "k")
	}
	return keys
}

// BenchmarkPhasesKeystroke: 50 phases, 500 deliverables, one key moves
// the selection and the window is redrawn; the budget is 2 ms.
func BenchmarkPhasesKeystroke(b *testing.B) {
	m, _ := phStarted(b, 160, 50, bigPlan)
	benchKeys(b, m, walk())
}

// BenchmarkPhasesItemKeystroke moves through a phase's items.
func BenchmarkPhasesItemKeystroke(b *testing.B) {
	m, _ := phStarted(b, 160, 50, bigPlan)
	press(b, m, "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "enter")
	keys := []string{}
	for range 14 {
		keys = append(keys, "j")
	}
	for range 14 {
		keys = append(keys, "k")
	}
	benchKeys(b, m, keys)
}

// BenchmarkPhasesTimelineKeystroke moves the selection on the timeline at
// 200 columns.
func BenchmarkPhasesTimelineKeystroke(b *testing.B) {
	m, _ := phStarted(b, 200, 60, bigPlan)
	press(b, m, "v")
	benchKeys(b, m, walk())
}
