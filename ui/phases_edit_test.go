package ui_test

import (
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
)

// phOrder lists the stored phases' names in Order.
func phOrder(t testing.TB, s *store.Store, pid uint64) []string {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range model.PhasesInOrder(d.Phases) {
		names = append(names, p.Name)
	}
	return names
}

func phWantStatus(t *testing.T, m *ui.Model, isErr bool, want string) {
	t.Helper()
	msg, e := m.Status()
	if e != isErr || !strings.Contains(msg, want) {
		t.Fatalf("status = %q (error %v), want %q (error %v)", msg, e, want, isErr)
	}
}

// The fresh project starts 2026-11-20: Discovery 11-20 → 11-21, Design
// 11-22 → 12-12.
func TestEditPhaseNameAndDates(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "e")
	phClear(t, m)
	phType(t, m, "Design & workbooks")
	press(t, m, "enter")
	if v := phView(m); !strings.Contains(v, "planned start (YYYY-MM-DD): 2026-11-22") {
		t.Fatalf("the start prompt does not show the current date:\n%s", v)
	}

	// A date that does not read is refused and asked again, as typed.
	phClear(t, m)
	phType(t, m, "2026-13-01")
	press(t, m, "enter")
	phWantStatus(t, m, true, `"2026-13-01" is not a date: write it as YYYY-MM-DD`)
	if v := phView(m); !strings.Contains(v, "planned start (YYYY-MM-DD): 2026-13-01") {
		t.Fatalf("the start prompt did not come back:\n%s", v)
	}

	// An end before the start is refused and nothing is saved.
	phClear(t, m)
	phType(t, m, "2026-11-21")
	press(t, m, "enter")
	phClear(t, m)
	phType(t, m, "2026-11-10")
	press(t, m, "enter")
	phWantStatus(t, m, true, "ends before it starts")
	if got := phPhase(t, s, pid, "Design"); got.Name != "Design" {
		t.Fatalf("a refused edit was half saved: %+v", got)
	}

	// Overlapping Discovery by a day is allowed, with a warning; starting
	// on the day it ends is a hand-over.
	press(t, m, "e", "enter")
	phClear(t, m)
	phType(t, m, "2026-11-21")
	press(t, m, "enter", "enter")
	phWantStatus(t, m, false, `phase "Design" saved`)
	if msg, _ := m.Status(); strings.Contains(msg, "warning") {
		t.Fatalf("a hand-over was warned about: %q", msg)
	}
	press(t, m, "e", "enter")
	phClear(t, m)
	phType(t, m, "2026-11-20")
	press(t, m, "enter", "enter")
	phWantStatus(t, m, false, `saved; warning: "Design" starts 2026-11-20, before "Discovery" ends 2026-11-21: the phases overlap`)
	if got := phPhase(t, s, pid, "Design"); got.PlannedStart.Format(model.DateLayout) != "2026-11-20" {
		t.Fatalf("the overlapping dates were not saved: %v", got.PlannedStart)
	}
}

func TestEditPhaseSavesEverythingAtOnce(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "e")
	phClear(t, m)
	phType(t, m, "Design & workbooks")
	press(t, m, "enter")
	phClear(t, m)
	phType(t, m, "2026-11-23")
	press(t, m, "enter")
	// esc on the last step: nothing of the three is saved.
	press(t, m, "esc")
	if got := phPhase(t, s, pid, "Design"); got.PlannedStart.Format(model.DateLayout) != "2026-11-22" {
		t.Fatalf("esc saved part of the edit: %+v", got)
	}
	press(t, m, "e")
	phClear(t, m)
	phType(t, m, "Design & workbooks")
	press(t, m, "enter")
	phClear(t, m)
	phType(t, m, "2026-11-23")
	press(t, m, "enter", "enter")
	got := phPhase(t, s, pid, "Design & workbooks")
	if got.PlannedStart.Format(model.DateLayout) != "2026-11-23" || got.PlannedEnd.Format(model.DateLayout) != "2026-12-12" {
		t.Fatalf("saved %v → %v", got.PlannedStart, got.PlannedEnd)
	}
	press(t, m, "u")
	if got := phPhase(t, s, pid, "Design"); got.PlannedStart.Format(model.DateLayout) != "2026-11-22" {
		t.Fatalf("undo did not restore the phase: %+v", got)
	}
}

func TestAddMoveDeletePhasesWithUndo(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	orig := phOrder(t, s, pid)

	press(t, m, "a")
	phType(t, m, "Kick-off")
	press(t, m, "enter")
	want := slices.Insert(slices.Clone(orig), 1, "Kick-off")
	if got := phOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("after add: %v, want %v", got, want)
	}
	if v := phView(m); !strings.Contains(v, "│ Kick-off") {
		t.Fatalf("the new phase is not selected:\n%s", v)
	}

	press(t, m, "K")
	want = append([]string{"Kick-off"}, orig...)
	if got := phOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("after move up: %v, want %v", got, want)
	}
	press(t, m, "K")
	phWantStatus(t, m, true, `"Kick-off" is already the first phase`)

	press(t, m, "u") // the move
	if got := phOrder(t, s, pid); got[1] != "Kick-off" {
		t.Fatalf("after undoing the move: %v", got)
	}
	press(t, m, "u") // the insert, in one step
	if got := phOrder(t, s, pid); !slices.Equal(got, orig) {
		t.Fatalf("after undoing the insert: %v, want %v", got, orig)
	}

	press(t, m, "g", "d")
	if v := phView(m); !strings.Contains(v, `Delete phase "Discovery"`) {
		t.Fatalf("no confirmation before delete:\n%s", v)
	}
	press(t, m, "n")
	if got := phOrder(t, s, pid); !slices.Equal(got, orig) {
		t.Fatalf("n deleted the phase: %v", got)
	}
	press(t, m, "d", "y")
	if got := phOrder(t, s, pid); slices.Contains(got, "Discovery") {
		t.Fatalf("Discovery not deleted: %v", got)
	}
	press(t, m, "u")
	if got := phOrder(t, s, pid); !slices.Equal(got, orig) {
		t.Fatalf("undo did not bring Discovery back: %v", got)
	}
}

func TestDeliverablesAndExitItems(t *testing.T) {
	m, s := phStarted(t, 120, 40, freshMRM(model.RoleSponsor))
	pid := m.ProjectID()
	press(t, m, "j", "enter", " ") // Design's first deliverable
	if got := phPhase(t, s, pid, "Design"); !got.Deliverables[0].Done || got.Deliverables[1].Done {
		t.Fatalf("toggle: %+v", got.Deliverables)
	}
	press(t, m, "a")
	phType(t, m, "Data dictionary")
	press(t, m, "enter")
	got := phPhase(t, s, pid, "Design")
	if len(got.Deliverables) != 3 || got.Deliverables[1].Name != "Data dictionary" {
		t.Fatalf("add: %+v", got.Deliverables)
	}
	if v := phView(m); !strings.Contains(v, "▸ [ ] Data dictionary") {
		t.Fatalf("the new deliverable is not selected:\n%s", v)
	}
	press(t, m, "J")
	if got := phPhase(t, s, pid, "Design"); got.Deliverables[2].Name != "Data dictionary" {
		t.Fatalf("move down: %+v", got.Deliverables)
	}
	press(t, m, "e")
	phClear(t, m)
	phType(t, m, "Data dictionary v1")
	press(t, m, "enter")
	if got := phPhase(t, s, pid, "Design"); got.Deliverables[2].Name != "Data dictionary v1" {
		t.Fatalf("rename: %+v", got.Deliverables)
	}
	press(t, m, "d", "y")
	if got := phPhase(t, s, pid, "Design"); len(got.Deliverables) != 2 {
		t.Fatalf("delete: %+v", got.Deliverables)
	}
	press(t, m, "u")
	if got := phPhase(t, s, pid, "Design"); len(got.Deliverables) != 3 {
		t.Fatalf("undo delete: %+v", got.Deliverables)
	}

	// An exit item records who checked it and when.
	press(t, m, "G", " ")
	got = phPhase(t, s, pid, "Design")
	last := got.Checklist[len(got.Checklist)-1]
	if !last.Done || last.ByID != 1 || !last.At.Equal(now) {
		t.Fatalf("exit item = %+v", last)
	}

	// esc goes back to the list; j then moves between phases again.
	press(t, m, "esc", "j")
	if v := phView(m); !strings.Contains(v, "│ Build") {
		t.Fatalf("esc did not return to the phases:\n%s", v)
	}
}

func TestSignedOffPhaseKeepsItsDeliverables(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil) // the sample: Discovery signed off
	press(t, m, "enter", " ")
	phWantStatus(t, m, true, `the "Discovery" gate is signed off: its deliverables and exit checklist stay as approved`)
	if got := phPhase(t, s, m.ProjectID(), "Discovery"); !got.Deliverables[0].Done {
		t.Fatal("a signed-off deliverable was unticked")
	}
}

func TestTimelineToggle(t *testing.T) {
	m, _ := phStarted(t, 100, 30, nil)
	press(t, m, "v")
	v := phView(m)
	for _, want := range []string{"▀ planned  ▄ actual", "▼", "Post-production", "◇!"} {
		if !strings.Contains(v, want) {
			t.Errorf("timeline lacks %q:\n%s", want, v)
		}
	}
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {200, 60}, {300, 100}} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		settle(t, m, cmd)
		assertFits(t, m.View(), sz[0], sz[1])
	}
	press(t, m, "v")
	if v := phView(m); strings.Contains(v, "▀ planned") || !strings.Contains(v, "Deliverables") {
		t.Fatalf("v did not go back to the list:\n%s", v)
	}
}

func TestPhasesItemsFocusFitsEverySize(t *testing.T) {
	m, _ := phStarted(t, 80, 24, nil)
	press(t, m, "j", "j", "j", "enter", "G")
	for _, sz := range [][2]int{{80, 24}, {100, 30}, {300, 100}} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		settle(t, m, cmd)
		assertFits(t, m.View(), sz[0], sz[1])
		if v := phView(m); !strings.Contains(v, "▸ [ ]") {
			t.Fatalf("%v: the selected exit item scrolled out of view:\n%s", sz, v)
		}
	}
}

func TestOverlapIsShownOnThePhase(t *testing.T) {
	m, _ := phStarted(t, 160, 40, func(d *model.ProjectData) {
		freshMRM(model.RoleSponsor)(d)
		d.Phases[1].PlannedStart = d.Phases[0].PlannedStart
	})
	press(t, m, "j")
	if v := phView(m); !strings.Contains(v, `⚠ "Design" starts 2026-11-20, before "Discovery" ends 2026-11-21:`) || !strings.Contains(v, "overlap") {
		t.Fatalf("the overlap is not shown:\n%s", v)
	}
	press(t, m, "j")
	if v := phView(m); strings.Contains(v, "⚠") {
		t.Fatalf("Build does not overlap anything:\n%s", v)
	}
}

// Two deliverables ticked before the first save's reload arrives both
// stay ticked: each write starts from the stored phase.
func TestTwoQuickDeliverableTicksBothStay(t *testing.T) {
	m, s := phStarted(t, 120, 40, meSarah)
	press(t, m, "j", "j", "j", "j", "enter") // Train: 0/2 deliverables
	_, first := m.Update(key(" "))
	_, _ = m.Update(key("j"))
	_, second := m.Update(key(" "))
	settle(t, m, first)
	settle(t, m, second)
	d, err := s.LoadProject(m.ProjectID())
	if err != nil {
		t.Fatal(err)
	}
	for _, ph := range d.Phases {
		if ph.Name != "Train" {
			continue
		}
		if done, total := ph.DeliverablesDone(); done != 2 || total != 2 {
			t.Fatalf("Train deliverables done %d/%d after two quick ticks, want 2/2", done, total)
		}
		return
	}
	t.Fatal("no Train phase")
}
