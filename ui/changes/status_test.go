package changes

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// selectID puts the table cursor on a request.
func (h *harness) selectID(id uint64) {
	h.t.Helper()
	r := h.p.q.shownIndex(id)
	if r < 0 {
		h.t.Fatalf("CR-%d is not shown", id)
	}
	h.p.table.Cursor.Pos = r
	h.p.table.Cursor.Clamp()
}

func TestAdvanceStatusAlongTheMainLine(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Project.MeID = d.People[1].ID })
	h.selectID(8) // triaged
	want := []model.CRStatus{model.StatusInProgress, model.StatusReadyForRetest, model.StatusVerified}
	for _, s := range want {
		h.press(">")
		if c := h.stored(8); c.Status != s {
			t.Fatalf("status = %s, want %s (errors %v)", c.Status, s, h.host.Errs)
		}
	}
	h.press(">")
	if !strings.Contains(h.lastErr(), "CR-8 is verified, the last step") {
		t.Fatalf("errors = %v", h.host.Errs)
	}
	hist, _ := h.s.History(h.pid, 1)
	if last := hist[0]; !strings.Contains(last.Summary, "verified") || last.By != h.p.data.People[1].Name {
		t.Fatalf("history must name the chosen person: %+v", last)
	}
}

func TestStatusPickerRefusesIllegalJumps(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(12) // new
	h.press("S")
	v := h.view()
	if !strings.Contains(v, "Status of CR-12 — now new") || !strings.Contains(v, "not from new") {
		t.Fatalf("picker:\n%s", v)
	}
	h.press("down", "down", "down", "enter") // from "triaged" (the first allowed) to "verified"
	if !strings.Contains(h.lastErr(), "cannot go from new to verified: next can be triaged, rejected or deferred") {
		t.Fatalf("errors = %v", h.host.Errs)
	}
	if c := h.stored(12); c.Status != model.StatusNew {
		t.Fatalf("an illegal jump was saved: %s", c.Status)
	}
	h.press("S", "enter") // the first allowed: triaged
	if c := h.stored(12); c.Status != model.StatusTriaged {
		t.Fatalf("status = %s, want triaged (errors %v)", c.Status, h.host.Errs)
	}
}

func TestDeleteAsksAndUndoBringsBack(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(9)
	h.press("d")
	if !strings.Contains(h.view(), `Delete CR-9 "Open the campaign calendar`) {
		t.Fatalf("no confirmation:\n%s", h.view())
	}
	h.press("n")
	if len(h.p.q.entries) != 15 {
		t.Fatal("n must not delete")
	}
	h.press("d", "y")
	if _, ok := h.p.q.find(9); ok || len(h.p.q.entries) != 14 {
		t.Fatal("y did not delete CR-9")
	}
	h.press("u")
	if c := h.stored(9); c.Title != "Open the campaign calendar in week view by default" {
		t.Fatalf("undo did not restore CR-9: %+v", c)
	}
	if !strings.Contains(h.lastNote(), "undone") {
		t.Fatalf("notes = %v", h.host.Notes)
	}
}

func TestUndoFromTheTableRevertsAnyEdit(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(5)
	h.press(">") // in progress → ready for retest
	h.press("u")
	if c := h.stored(5); c.Status != model.StatusInProgress {
		t.Fatalf("status after undo = %s", c.Status)
	}
}
