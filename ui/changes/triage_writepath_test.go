package changes

import (
	"strings"
	"testing"
)

// The last decision's note says triage is done, and no later message of
// the same key overwrites it, whatever order the runtime runs the key's
// commands in (Settle shuffles them; ten runs, ten orders).
func TestTriageDoneNoteIsTheLastWord(t *testing.T) {
	for run := range 10 {
		h := newHarness(t, nil)
		h.press("t", "n", "n", "n", "n")
		if h.p.mode != modeSummary {
			t.Fatalf("run %d: triage did not end on its summary after the last decision", run)
		}
		if !strings.Contains(h.host.Note, "triage done") {
			t.Fatalf("run %d: status line = %q, want the triage-done note (notes %v)", run, h.host.Note, h.host.Notes)
		}
	}
}

// A rating the store refuses never shows: the request was deleted by
// another writer meanwhile, so the pane reads the project again and moves
// on, and impact 3 appears nowhere.
func TestTriageRefusedRatingIsNotShown(t *testing.T) {
	h := newHarness(t, nil)
	h.press("t")
	if !strings.Contains(h.view(), "CR-12") {
		t.Fatalf("triage does not start on CR-12:\n%s", h.view())
	}
	if err := h.s.DeleteChange(h.pid, 12, "someone else"); err != nil {
		t.Fatal(err)
	}
	h.press("3")
	if !strings.Contains(h.lastErr(), "CR-12") {
		t.Fatalf("the refusal is not reported: errors %v", h.host.Errs)
	}
	v := h.view()
	if strings.Contains(v, "CR-12") || strings.Contains(v, "impact 3") {
		t.Fatalf("the refused rating or the deleted request is still shown:\n%s", v)
	}
	if !strings.Contains(v, "CR-13") {
		t.Fatalf("triage did not move on to the next request:\n%s", v)
	}
}
