package changes

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// verifyCR7 moves CR-7 from ready for retest to verified from the table:
// a change made before triage, which triage's u must never reach.
func verifyCR7(h *harness) {
	h.t.Helper()
	h.selectID(7)
	h.press(">")
	if c := h.stored(7); c.Status != model.StatusVerified {
		h.t.Fatalf("CR-7 = %s, want verified (errors %v)", c.Status, h.host.Errs)
	}
}

// Keys pressed before the reload compare against the older snapshot, so a
// key can send a write that changes nothing. u undoes only what was
// recorded in history.
func TestTriageUndoCountsOnlyWritesThatChangedSomething(t *testing.T) {
	h := newHarness(t, nil)
	verifyCR7(h)
	h.press("t")
	first := h.p.Update(keyMsg("3"))  // CR-12 impact 3, not written yet
	h.press("right", "left")          // back on CR-12 as the old snapshot has it
	second := h.p.Update(keyMsg("3")) // the same impact again: a write that changes nothing
	h.run(first)
	h.run(second)
	if c := h.stored(12); c.Impact != 3 {
		t.Fatalf("CR-12 impact = %d, want 3", c.Impact)
	}
	h.press("u")
	if c := h.stored(12); c.Impact != 0 {
		t.Fatalf("u did not undo the impact: %+v (errors %v)", c, h.host.Errs)
	}
	h.press("u")
	if c := h.stored(7); c.Status != model.StatusVerified {
		t.Fatalf("the second u undid the change made before triage: CR-7 is %s", c.Status)
	}
	if !strings.Contains(h.lastNote(), "nothing changed in this triage") {
		t.Fatalf("notes = %v", h.host.Notes)
	}
}

func TestTriageUndoSkipsAFailedWrite(t *testing.T) {
	h := newHarness(t, nil)
	verifyCR7(h)
	h.press("t")
	rate := h.p.Update(keyMsg("3")) // CR-12
	if err := h.s.DeleteChange(h.pid, 12, "someone else"); err != nil {
		t.Fatal(err)
	}
	h.run(rate)
	if !strings.Contains(h.lastErr(), "CR-12") {
		t.Fatalf("the failed write is not reported: errors %v", h.host.Errs)
	}
	h.press("u")
	if !strings.Contains(h.lastNote(), "nothing changed in this triage") {
		t.Fatalf("notes = %v", h.host.Notes)
	}
	d, err := h.s.LoadProject(h.pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Changes {
		if c.ID == 12 {
			t.Fatal("u in triage undid someone else's delete")
		}
	}
	if c := h.stored(7); c.Status != model.StatusVerified {
		t.Fatalf("u undid the change made before triage: CR-7 is %s", c.Status)
	}
}

// u pressed before the writes have reported still undoes the newest
// triage write and shows the request it touched.
func TestTriageUndoPressedBeforeTheWritesReport(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t")
	rate := h.p.Update(keyMsg("4"))   // CR-12
	decide := h.p.Update(keyMsg("n")) // CR-12 decided now; CR-13 shows
	rate13 := h.p.Update(keyMsg("2")) // CR-13
	undo := h.p.Update(keyMsg("u"))
	h.run(rate)
	h.run(decide)
	h.run(rate13)
	h.run(undo)
	if c := h.stored(13); c.Impact != 0 {
		t.Fatalf("u did not undo CR-13's impact: %+v", c)
	}
	if c := h.stored(12); c.Impact != 4 || c.Decision != model.DecisionNow {
		t.Fatalf("CR-12 changed: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "Triage · CR-13") {
		t.Fatalf("u must show the request it restored:\n%s", v)
	}
	h.press("u")
	if c := h.stored(12); c.Decision != model.DecisionUndecided || c.Impact != 4 {
		t.Fatalf("the second u must undo CR-12's decision: %+v", c)
	}
	if v := h.view(); !strings.Contains(v, "Triage · CR-12") {
		t.Fatalf("u must show the request it restored:\n%s", v)
	}
}
