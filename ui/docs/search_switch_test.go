package docs

import (
	"testing"

	"mopdeck/model"
)

// A search still running when the user switches project must not land in
// the new project's pane: its hits name the old project's docs.
func TestSearchResultOfThePreviousProjectIsDropped(t *testing.T) {
	h := newHarness(t, nil)
	h.skip = func(msg any) bool { _, ok := msg.(searchResultMsg); return ok }
	h.press("/")
	h.typeText("plan")
	if len(h.held) != 1 {
		t.Fatalf("held %d messages, want the search result", len(h.held))
	}

	other := model.SampleProject(testNow)
	other.Project.Name = "Beta"
	saved, err := h.s.CreateProject(other, "tester")
	if err != nil {
		t.Fatal(err)
	}
	h.skip = func(msg any) bool { _, ok := msg.(searchResultMsg); return ok }
	h.switchTo(saved.Project.ID)
	h.release()
	if h.p.search.active() {
		t.Fatalf("the old project's search was taken in the new one: %q", h.p.search.query)
	}
}
