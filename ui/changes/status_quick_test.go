package changes

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// Two > pressed before the reload each take one step: the next status is
// worked out from the stored request, not from the snapshot on screen.
func TestQuickAdvanceKeysEachTakeOneStep(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(8) // triaged
	first := h.p.Update(keyMsg(">"))
	second := h.p.Update(keyMsg(">"))
	h.run(first)
	h.run(second)
	if c := h.stored(8); c.Status != model.StatusReadyForRetest {
		t.Fatalf("status = %s, want ready for retest (errors %v)", c.Status, h.host.Errs)
	}
	got := strings.Join(h.host.Notes, " | ")
	if !strings.Contains(got, "triaged → in progress") || !strings.Contains(got, "in progress → ready for retest") {
		t.Fatalf("the notes must say what each key did: %v", h.host.Notes)
	}
}

// A > reaching a request already at the last step is refused, not saved.
func TestQuickAdvancePastTheLastStepIsRefused(t *testing.T) {
	h := newHarness(t, nil)
	h.selectID(7) // ready for retest
	first := h.p.Update(keyMsg(">"))
	second := h.p.Update(keyMsg(">"))
	h.run(first)
	h.run(second)
	if c := h.stored(7); c.Status != model.StatusVerified {
		t.Fatalf("status = %s, want verified", c.Status)
	}
	if !strings.Contains(h.lastErr(), "CR-7 is verified, the last step") {
		t.Fatalf("errors = %v, notes %v", h.host.Errs, h.host.Notes)
	}
}
