package changes

import (
	"strings"
	"testing"
)

// The rest of a suggested name is drawn as if typed: the form says which
// key takes it, → takes it, and tab leaves what was typed.
func TestFormSaysHowToTakeASuggestedName(t *testing.T) {
	h := newHarness(t, nil)
	h.press("a", "Fix the brief", "tab", "tab", "tab", "léa") // on Raised by
	if v := h.view(); !strings.Contains(v, `→ or ctrl+e takes the suggested name · tab keeps "léa"`) {
		t.Fatalf("no word on the suggestion:\n%s", v)
	}
	h.press("right")
	if h.p.form.v.raisedBy != "léa Petit" {
		t.Fatalf("→ did not take the suggestion: %q", h.p.form.v.raisedBy)
	}
	if v := h.view(); strings.Contains(v, "takes the suggested name") {
		t.Fatalf("the hint stays once the name is whole:\n%s", v)
	}
	h.press("tab", "Ju") // on Raised in, a choice: no hint there
	if v := h.view(); strings.Contains(v, "takes the suggested name") {
		t.Fatalf("a hint on a field that suggests nothing:\n%s", v)
	}
}

// A name field saves the project's spelling of a person typed in another
// case or without accents, and keeps anyone else as typed.
func TestFormSavesThePersonAsTheProjectSpellsThem(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"léa Petit", "Léa Petit"},              // taken with → after "léa"
		{"  lea  petit ", "Léa Petit"},          // no accent, other spacing
		{"Jo Tester", "Jo Tester"},              // a tester outside the project
		{"lea.petit@acme.example", "Léa Petit"}, // the handle
	} {
		h := newHarness(t, nil)
		h.press("a")
		fill(h.p.form, func(v *formValues) { v.title, v.raisedBy, v.assignee = "Fix the brief", c.typed, c.typed })
		h.run(h.p.submitForm(h.p.form))
		if got := h.stored(16); got.RaisedBy != c.want || got.Assignee != c.want {
			t.Errorf("%q saved as %q / %q, want %q", c.typed, got.RaisedBy, got.Assignee, c.want)
		}
	}
}

// At 80 columns the form's first line says, uncut, how it saves.
func TestFormSaysHowItSavesAt80Columns(t *testing.T) {
	h := newHarness(t, nil)
	h.p.SetSize(80, 22)
	h.press("a")
	if first := strings.Split(h.view(), "\n")[0]; !strings.Contains(first, "enter on the last field saves · ←/→ choose · esc cancels") {
		t.Fatalf("first line %q", first)
	}
}
