package docs

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// A new doc is stored with its title, selected, and opened in the editor
// at once: a title is all it has yet.
func TestNewDocIsCreatedSelectedAndOpenedInTheEditor(t *testing.T) {
	h := newHarness(t, nil)
	useEditor(h, fakeEditor(t, `printf 'Freeze the configuration on Friday.\n' >> "$f"`))
	h.press("a")
	if !h.p.Capturing() {
		t.Fatal("the title prompt does not hold the keyboard")
	}
	h.mustContain(h.view(), "new doc title:")
	h.typeText("Cut-over runbook")
	if h.p.Capturing() {
		t.Fatal("the prompt stays open after enter")
	}
	doc, ok := h.storedDoc("Cut-over runbook")
	if !ok || doc.Rev != 2 || doc.Body != "# Cut-over runbook\n\nFreeze the configuration on Friday.\n" || !doc.Updated.Equal(testNow) {
		t.Fatalf("stored new doc, once written in the editor: %+v (found %v)", doc, ok)
	}
	if e, _ := h.p.selected(); e.doc.ID != doc.ID {
		t.Fatalf("the new doc is not selected: %q", e.doc.Title)
	}
	h.mustContain(h.view(), "Cut-over runbook · rev 2", "Freeze the configuration on Friday.")
}

func TestNewDocNeedsATitle(t *testing.T) {
	h := newHarness(t, nil)
	n := len(h.p.entries)
	h.press("a")
	h.typeText("   ")
	if !strings.Contains(h.host.Err, "needs a title") || len(h.p.entries) != n {
		t.Fatalf("blank title: error %q, %d entries (was %d)", h.host.Err, len(h.p.entries), n)
	}
	h.press("a", "x", "esc")
	if h.p.Capturing() || len(h.p.entries) != n {
		t.Fatal("esc did not cancel the new doc")
	}
}

func TestRenameDoc(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Test plan")
	h.press("E")
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

// t picks the phase in the shared picker: typing narrows to it, enter
// ties; "(no phase)" unties; a name that matches nothing chooses nothing
// and esc leaves the doc as it was.
func TestTieDocToPhase(t *testing.T) {
	h := newHarness(t, nil)
	h.selectTitle("Training manual")
	phases := model.PhasesInOrder(h.p.data.Phases)
	for _, tc := range []struct {
		typed string
		want  uint64
	}{
		{"build", phaseNamed(t, phases, "Build")},
		{strings.ToLower(phases[0].Name), phases[0].ID},
		{"no phase", 0},
	} {
		h.press("t")
		if !h.p.Capturing() || !h.p.Typing() {
			t.Fatal("the phase picker does not hold the keyboard")
		}
		h.mustContain(h.view(), "Tie Training manual to which phase?")
		h.typeText(tc.typed)
		doc, _ := h.storedDoc("Training manual")
		if h.host.Err != "" || doc.PhaseID != tc.want || h.p.Capturing() {
			t.Errorf("%q: phase %d, want %d (error %q, picker open %v)", tc.typed, doc.PhaseID, tc.want, h.host.Err, h.p.Capturing())
		}
	}
	h.press("t")
	h.typeText("nope")
	if !h.p.Capturing() {
		t.Fatal("enter on an empty list closed the picker")
	}
	h.press("esc")
	if doc, _ := h.storedDoc("Training manual"); doc.PhaseID != 0 || h.p.Capturing() {
		t.Fatalf("esc: phase %d, picker open %v", doc.PhaseID, h.p.Capturing())
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
