package ui_test

import (
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/ui"
)

// bigMatrix replaces the sample's matrix with 200 activities × 60 people,
// every row valid.
func bigMatrix(d *model.ProjectData) {
	d.Project.SponsorID, d.Project.LeadID, d.Project.MeID = 0, 0, 0
	for i := range d.Phases {
		d.Phases[i].Gate.ByID = 0
		d.Phases[i].Gate.Override = nil
		for j := range d.Phases[i].Checklist {
			d.Phases[i].Checklist[j].ByID = 0
		}
	}
	for i := range d.Checklists {
		for j := range d.Checklists[i].Items {
			d.Checklists[i].Items[j].ByID = 0
		}
	}
	d.People, d.Activities, d.Cells = nil, nil, nil
	for i := range 60 {
		d.People = append(d.People, model.Person{ID: uint64(i + 1), Name: fmt.Sprintf("Person %02d", i+1), Team: model.Teams[i%len(model.Teams)]})
	}
	for i := range 200 {
		id := uint64(i + 1)
		d.Activities = append(d.Activities, model.Activity{ID: id, Name: fmt.Sprintf("Activity %03d", i+1), PhaseID: d.Phases[i%len(d.Phases)].ID, Order: i})
		d.Cells = append(d.Cells,
			model.Assignment{ActivityID: id, PersonID: uint64(i%60 + 1), Role: model.Accountable},
			model.Assignment{ActivityID: id, PersonID: uint64((i+1)%60 + 1), Role: model.Responsible},
			model.Assignment{ActivityID: id, PersonID: uint64((i+7)%60 + 1), Role: model.Consulted},
			model.Assignment{ActivityID: id, PersonID: uint64((i+13)%60 + 1), Role: model.Informed})
	}
}

// benchRACI opens the app on the big matrix at 200×50, colours on, on
// the RACI pane.
func benchRACI(b *testing.B) *ui.Model {
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	m := started(b, 200, 50, bigMatrix)
	press(b, m, "3")
	return m
}

// BenchmarkRACIKeystrokeMove is one cursor move through the root model:
// Update, then the whole window's View. Budget: 3 ms.
func BenchmarkRACIKeystrokeMove(b *testing.B) {
	m := benchRACI(b)
	keys := []tea.KeyMsg{key("j"), key("l"), key("j"), key("k"), key("h"), key("k")}
	b.ResetTimer()
	for i := range b.N {
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

// BenchmarkRACIKeystrokeSet is one letter set (the store write runs in its
// command, not counted): Update, then View. Budget: 3 ms.
func BenchmarkRACIKeystrokeSet(b *testing.B) {
	m := benchRACI(b)
	keys := []tea.KeyMsg{key("c"), key("i")}
	b.ResetTimer()
	for i := range b.N {
		m.Update(keys[i%len(keys)])
		_ = m.View()
	}
}

// BenchmarkRACIOpen loads the project off the store and shows the RACI
// pane, as on start-up or after a save. Budget: 50 ms.
func BenchmarkRACIOpen(b *testing.B) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	b.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	m, _ := newApp(b, bigMatrix)
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
	settle(b, m, cmd)
	press(b, m, "3")
	b.ResetTimer()
	for range b.N {
		settle(b, m, m.Init())
		_ = m.View()
	}
}
