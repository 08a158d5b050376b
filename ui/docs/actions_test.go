package docs

import (
	"strings"
	"testing"

	"mopdeck/model"
)

func TestNewDocIsCreatedAndSelected(t *testing.T) {
	h := newHarness(t, nil)
	h.press("n")
	if !h.p.Capturing() {
		t.Fatal("the title prompt does not hold the keyboard")
	}
	h.mustContain(h.view(), "new doc title:")
	h.typeText("Cut-over runbook")
	if h.p.Capturing() {
		t.Fatal("the prompt stays open after enter")
	}
	doc, ok := h.storedDoc("Cut-over runbook")
	if !ok || doc.Rev != 1 || doc.Body != "# Cut-over runbook\n\n" || !doc.Updated.Equal(testNow) {
		t.Fatalf("stored new doc: %+v (found %v)", doc, ok)
	}
	if e, _ := h.p.selected(); e.doc.ID != doc.ID {
		t.Fatalf("the new doc is not selected: %q", e.doc.Title)
	}
	h.mustContain(h.view(), "Cut-over runbook · rev 1")
}

func TestNewDocNeedsATitle(t *testing.T) {
	h := newHarness(t, nil)
	n := len(h.p.entries)
	h.press("n")
	h.typeText("   ")
	if !strings.Contains(h.host.Err, "needs a title") || len(h.p.entries) != n {
		t.Fatalf("blank title: error %q, %d entries (was %d)", h.host.Err, len(h.p.entries), n)
	}
	h.press("n", "x", "esc")
	if h.p.Capturing() || len(h.p.entries) != n {
		t.Fatal("esc did not cancel the new doc")
	}
}

func TestRenameDoc(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Test plan")
	h.press("r")
	h.mustContain(h.view(), "rename doc: Test plan")
	for range len("Test plan") {
		h.run(h.p.Update(backspace()))
	}
	h.typeText("UAT plan")
	if _, ok := h.storedDoc("UAT plan"); !ok {
		t.Fatalf("renamed doc not stored: %v", h.titles())
	}
	if e, _ := h.p.selected(); e.doc.Title != "UAT plan" {
		t.Fatalf("selection moved to %q", e.doc.Title)
	}
}

func TestTieDocToPhase(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Training manual")
	phases := model.PhasesInOrder(h.p.data.Phases)
	for _, tc := range []struct {
		answer string
		want   uint64
		errHas string
	}{
		{"1", phases[0].ID, ""},
		{"build", phaseNamed(t, phases, "Build"), ""},
		{"", 0, ""},
		{"99", 0, "there is no phase 99"},
		{"Nope", 0, `no phase is named "Nope"`},
	} {
		h.clearStatus()
		h.press("p")
		for range 40 {
			h.run(h.p.Update(backspace()))
		}
		h.typeText(tc.answer)
		doc, _ := h.storedDoc("Training manual")
		if tc.errHas != "" {
			if !strings.Contains(h.host.Err, tc.errHas) {
				t.Errorf("answer %q: error %q, want %q", tc.answer, h.host.Err, tc.errHas)
			}
			continue
		}
		if h.host.Err != "" || doc.PhaseID != tc.want {
			t.Errorf("answer %q: phase %d, want %d (error %q)", tc.answer, doc.PhaseID, tc.want, h.host.Err)
		}
	}
}

func phaseNamed(t *testing.T, phases []model.Phase, name string) uint64 {
	t.Helper()
	for _, p := range phases {
		if p.Name == name {
			return p.ID
		}
	}
	t.Fatalf("no phase %q", name)
	return 0
}

func TestFindPhaseAmbiguousPrefix(t *testing.T) {
	phases := []model.Phase{{ID: 1, Order: 1, Name: "Test"}, {ID: 2, Order: 2, Name: "Train"}, {ID: 3, Order: 3, Name: "Test again"}}
	if _, err := findPhase(phases, "t"); err == nil || !strings.Contains(err.Error(), "could be") {
		t.Fatalf("ambiguous prefix: %v", err)
	}
	if id, err := findPhase(phases, "test"); err != nil || id != 1 {
		t.Fatalf("an exact name beats a prefix: %d %v", id, err)
	}
	if id, err := findPhase(phases, "tr"); err != nil || id != 2 {
		t.Fatalf("unique prefix: %d %v", id, err)
	}
}

func TestDeleteAsksThenUndoRestores(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Requirements sheet")
	h.press("d")
	if !h.p.Capturing() {
		t.Fatal("the confirmation does not hold the keyboard")
	}
	h.mustContain(h.view(), `Delete the doc "Requirements sheet"? u undoes it. (y/n)`)
	h.press("n")
	if _, ok := h.storedDoc("Requirements sheet"); !ok {
		t.Fatal("n deleted the doc")
	}
	h.press("d", "y")
	if _, ok := h.storedDoc("Requirements sheet"); ok {
		t.Fatal("y did not delete the doc")
	}
	for _, title := range h.titles() {
		if title == "Requirements sheet" {
			t.Fatal("the deleted doc is still listed")
		}
	}
	h.press("u")
	if _, ok := h.storedDoc("Requirements sheet"); !ok {
		t.Fatalf("undo did not restore the doc (error %q)", h.host.Err)
	}
}
