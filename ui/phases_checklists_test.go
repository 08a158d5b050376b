package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
)

// The sample's one checklist is the data clean-up, its first five items
// checked by Nicolas Laurent (person 6); Sarah Lefebvre is person 7.
const (
	clSarah      = 7
	clFirstOpen  = 5 // the first unchecked item
	clOpenText   = "Junk removed from structured fields: notes in phone fields, test records"
	clSampleName = "Data clean-up"
)

func meSarah(d *model.ProjectData) { d.Project.MeID = clSarah }

// clLists reads the project's checklists off the store.
func clLists(t testing.TB, s *store.Store, m *ui.Model) []model.Checklist {
	t.Helper()
	d, err := s.LoadProject(m.ProjectID())
	if err != nil {
		t.Fatal(err)
	}
	return d.Checklists
}

// clDown presses j n times.
func clDown(t testing.TB, m *ui.Model, n int) {
	t.Helper()
	for range n {
		press(t, m, "j")
	}
}

func clWantInView(t testing.TB, m *ui.Model, wants ...string) {
	t.Helper()
	v := phView(m)
	for _, w := range wants {
		if !strings.Contains(v, w) {
			t.Errorf("view lacks %q:\n%s", w, v)
		}
	}
}

func TestChecklistsViewShowsTheSampleChecklist(t *testing.T) {
	m, _ := phStarted(t, 120, 40, nil)
	if v := phView(m); strings.Contains(v, clSampleName) {
		t.Fatalf("the phases list already shows the checklist:\n%s", v)
	}
	press(t, m, "c")
	clWantInView(t, m,
		"1 checklist · 5/12 items checked",
		clSampleName, "█", "░", " 5/12",
		"Prepare", "Clean", "Keep it clean",
		"▸ [x] Database backed up before any change · Nicolas Laurent 2026-10-24",
		"[ ] "+clOpenText)
	if v := phView(m); strings.Contains(v, "Deliverables") {
		t.Fatalf("the checklists view still shows the phase detail:\n%s", v)
	}

	// v goes to the timeline, c back, esc and c to the phases.
	press(t, m, "v")
	clWantInView(t, m, "▀ planned")
	if v := phView(m); strings.Contains(v, "Keep it clean") {
		t.Fatalf("the timeline still shows the checklists:\n%s", v)
	}
	press(t, m, "c")
	clWantInView(t, m, "Keep it clean")
	press(t, m, "esc")
	clWantInView(t, m, "Deliverables")
	press(t, m, "c", "c")
	clWantInView(t, m, "Deliverables")
}

func TestCheckingAnItemRecordsMeAndNow(t *testing.T) {
	m, s := phStarted(t, 120, 40, meSarah)
	press(t, m, "c")
	clDown(t, m, clFirstOpen)
	press(t, m, " ")
	it := clLists(t, s, m)[0].Items[clFirstOpen]
	if it.Text != clOpenText || !it.Done || it.ByID != clSarah || !it.At.Equal(now) {
		t.Fatalf("stored item = %+v, want %q checked by %d at %v", it, clOpenText, clSarah, now)
	}
	if msg, isErr := m.Status(); isErr || msg != `"Junk removed from structured fields: no…" checked (6/12)` {
		t.Fatalf("status = %q (error %v)", msg, isErr)
	}
	clWantInView(t, m, "6/12 items checked", " 6/12", "▸ [x] "+clOpenText+" · Sarah Lefebvre 2026-11-23")

	// x unchecks it: who and when go with the check.
	press(t, m, "x")
	it = clLists(t, s, m)[0].Items[clFirstOpen]
	if it.Done || it.ByID != 0 || !it.At.IsZero() {
		t.Fatalf("unchecked item = %+v", it)
	}
	clWantInView(t, m, "5/12 items checked", "▸ [ ] "+clOpenText)
	for _, line := range strings.Split(phView(m), "\n") {
		if strings.Contains(line, clOpenText) && strings.Contains(line, "Sarah Lefebvre") {
			t.Fatalf("the unchecked item still names who checked it: %q", line)
		}
	}
}

func TestCheckingWithoutMeIsRefused(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	press(t, m, "c")
	clDown(t, m, clFirstOpen)
	press(t, m, " ")
	if msg, isErr := m.Status(); !isErr || !strings.Contains(msg, `choose who you are first (@ picks "me")`) {
		t.Fatalf("status = %q (error %v)", msg, isErr)
	}
	if it := clLists(t, s, m)[0].Items[clFirstOpen]; it.Done || it.ByID != 0 {
		t.Fatalf("a refused check was stored: %+v", it)
	}
	h, err := s.History(m.ProjectID(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) > 0 && h[0].Kind == store.KindChecklists {
		t.Fatalf("a refused check left history: %+v", h[0])
	}
	clWantInView(t, m, "5/12 items checked")
}

func TestAttachABuiltInChecklist(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	press(t, m, "c", "a")
	clWantInView(t, m, "Attach which built-in checklist?",
		"1  Marketo instance mini-audit", "2  Data clean-up", "3  Year in review")

	// Typing narrows; a word that matches nothing chooses nothing.
	phType(t, m, "nope")
	press(t, m, "enter")
	clWantInView(t, m, "filter: nope", "nothing matches")
	if lists := clLists(t, s, m); len(lists) != 1 {
		t.Fatalf("%d checklists stored, want 1", len(lists))
	}
	phClear(t, m)
	phType(t, m, "year-in-review")
	press(t, m, "enter")

	lists := clLists(t, s, m)
	if len(lists) != 2 {
		t.Fatalf("%d checklists stored, want 2", len(lists))
	}
	added := lists[1]
	if added.Name != "Year in review" || len(added.Items) != 11 {
		t.Fatalf("attached = %q with %d items", added.Name, len(added.Items))
	}
	if done, _ := added.Progress(); done != 0 || added.Items[0].ByID != 0 {
		t.Fatalf("the attached checklist is not fresh: %+v", added.Items[0])
	}
	if msg, _ := m.Status(); msg != `checklist "Year in review" attached (0/11)` {
		t.Fatalf("status = %q", msg)
	}
	// The new checklist is selected, below the first.
	clWantInView(t, m, "2 checklists · 5/23 items checked", " 0/11", "▸ [ ] Number of campaigns run this year")
	if v := phView(m); strings.Contains(v, "Attach which") {
		t.Fatalf("the choices stay on screen after attaching:\n%s", v)
	}

	// A digit picks its checklist at once; esc attaches nothing.
	press(t, m, "a", "esc", "a", "1")
	if lists := clLists(t, s, m); len(lists) != 3 || lists[2].Name != "Marketo instance mini-audit" {
		t.Fatalf("checklists after attaching #1 = %d", len(lists))
	}
}

func TestDeleteAChecklistThenUndo(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	press(t, m, "c", "d")
	clWantInView(t, m, `Delete checklist "Data clean-up" (5/12 checked)? u undoes it (y/n)`)
	press(t, m, "n")
	if n := len(clLists(t, s, m)); n != 1 {
		t.Fatalf("n deleted the checklist: %d left", n)
	}
	press(t, m, "d", "y")
	if n := len(clLists(t, s, m)); n != 0 {
		t.Fatalf("%d checklists left after deleting", n)
	}
	clWantInView(t, m, "0 checklists", "No checklists yet: a attaches")
	press(t, m, "u")
	lists := clLists(t, s, m)
	if len(lists) != 1 || lists[0].Name != clSampleName {
		t.Fatalf("undo gave back %d checklists", len(lists))
	}
	if done, total := lists[0].Progress(); done != 5 || total != 12 || lists[0].Items[0].ByID != 6 {
		t.Fatalf("undo gave back %d/%d checked, first by %d", done, total, lists[0].Items[0].ByID)
	}
	clWantInView(t, m, "1 checklist · 5/12 items checked", "Nicolas Laurent")
}

// TestUndoInChecklistsUndoesOnlyChecklists: u in the checklists view
// reverts the latest checklist change, not a newer phase change.
func TestUndoInChecklistsUndoesOnlyChecklists(t *testing.T) {
	m, s := phStarted(t, 120, 40, meSarah)
	press(t, m, "c")
	clDown(t, m, clFirstOpen)
	press(t, m, " ", "c", "j", "j", "j", "enter", " ", "esc") // then untick Test's first deliverable
	if ph := phPhase(t, s, m.ProjectID(), "Test"); ph.Deliverables[0].Done {
		t.Fatal("the phase change meant to stay did not happen")
	}
	press(t, m, "c", "u")
	if it := clLists(t, s, m)[0].Items[clFirstOpen]; it.Done {
		t.Fatalf("u did not undo the check: %+v", it)
	}
	if ph := phPhase(t, s, m.ProjectID(), "Test"); ph.Deliverables[0].Done {
		t.Fatal("u in the checklists view undid a phase change")
	}
}

func TestChecklistsScrollAndFit(t *testing.T) {
	m, _ := phStarted(t, 80, 24, func(d *model.ProjectData) {
		d.Checklists[0].Name = "対応する 🎉 clean-up\x1b[31m with a very long name that never seems to end at all"
		d.Checklists[0].Items[1].Text = "Long item 🎉🎉 " + strings.Repeat("word ", 30)
		for _, t := range model.ChecklistTemplates() {
			d.Checklists = append(d.Checklists, model.Checklist{ID: uint64(len(d.Checklists) + 1), Name: t.Name, Items: t.Items})
		}
	})
	press(t, m, "c")
	assertFits(t, m.View(), 80, 24)
	if strings.Contains(m.View(), "\x1b[31m") {
		t.Fatal("a hostile name is drawn raw")
	}
	// 48 items: the last one is far below; G brings it into view.
	press(t, m, "G")
	clWantInView(t, m, "▸ [ ] Summary shared with the rest of the company")
	if v := phView(m); strings.Contains(v, "Prepare") {
		t.Fatalf("rows far above the cursor are drawn:\n%s", v)
	}
	assertFits(t, m.View(), 80, 24)
	press(t, m, "g")
	clWantInView(t, m, "Prepare", "▸ [x] Database backed up")
	for range 2 {
		_, cmd := m.Update(tea.KeyMsg{Type: tea.KeyPgDown})
		settle(t, m, cmd)
	}
	clWantInView(t, m, "▸ [")
	assertFits(t, m.View(), 80, 24)
	press(t, m, "a")
	clWantInView(t, m, "Attach which built-in checklist?")
	assertFits(t, m.View(), 80, 24)
	press(t, m, "esc")
	for _, sz := range [][2]int{{200, 60}, {80, 24}, {30, 8}, {1, 1}} {
		_, cmd := m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		settle(t, m, cmd)
		assertFits(t, m.View(), sz[0], sz[1])
	}
}

func TestChecklistsHelp(t *testing.T) {
	m, _ := phStarted(t, 80, 24, nil)
	press(t, m, "c", "?")
	clWantInView(t, m, "attach checklist", "delete checklist", "undo checklist change", "done / not done")
	assertFits(t, m.View(), 80, 24)
}

// Two items ticked before the reload of the first save arrives: each
// write starts from what is stored, so neither undoes the other.
func TestTwoQuickTicksBothStay(t *testing.T) {
	m, s := phStarted(t, 120, 40, meSarah)
	press(t, m, "c")
	clDown(t, m, clFirstOpen)
	_, first := m.Update(key(" "))
	_, _ = m.Update(key("j"))
	_, second := m.Update(key(" "))
	settle(t, m, first)
	settle(t, m, second)
	items := clLists(t, s, m)[0].Items
	for _, i := range []int{clFirstOpen, clFirstOpen + 1} {
		if !items[i].Done || items[i].ByID != clSarah {
			t.Errorf("item %d %q: done %v by %d, want ticked by Sarah", i, items[i].Text, items[i].Done, items[i].ByID)
		}
	}
}
