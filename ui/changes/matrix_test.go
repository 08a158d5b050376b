package changes

import (
	"strings"
	"testing"

	"mopdeck/model"
)

func TestMatrixCountsHoursAndTopIDs(t *testing.T) {
	h := newHarness(t, nil)
	h.press("m")
	if !h.p.Capturing() {
		t.Fatal("the matrix must hold the keyboard")
	}
	v := h.view()
	for _, want := range []string{
		"Quick win — high impact · low effort", "3 requests · 19 h", "CR-1 CR-7 CR-5",
		"Major project", "3 requests · 172 h", "CR-6 CR-4 CR-10",
		"Fill-in", "3 requests · 5 h", "Money pit", "1 request · 70 h", "CR-2",
		"rejected: 1 request, 50 h, not counted above", // CR-3, rejected, stands apart
		"not rated yet: 4",
	} {
		if !strings.Contains(v, want) {
			t.Fatalf("matrix lacks %q:\n%s", want, v)
		}
	}
}

func TestMatrixSelectionFiltersTheTable(t *testing.T) {
	h := newHarness(t, nil)
	h.press("m", "right", "down") // money pit
	if !strings.Contains(h.view(), "▸Money pit") {
		t.Fatalf("selection not drawn:\n%s", h.view())
	}
	h.press("enter")
	if h.p.mode != modeTable {
		t.Fatal("enter must return to the table")
	}
	v := h.view()
	if !strings.Contains(v, "filter: quadrant: money pit") {
		t.Fatalf("summary:\n%s", v)
	}
	ids := h.tableIDs()
	if len(ids) != 2 || ids[0] != "CR-2" || ids[1] != "CR-3" {
		t.Fatalf("rows = %v", ids)
	}
}

func TestMatrixFollowsOtherFacetsAndChanges(t *testing.T) {
	h := newHarness(t, nil)
	h.p.q.facets.Only(model.FacetDecision, "now")
	h.p.q.facets.Only(model.FacetQuadrant, "fill-in") // freed by the matrix
	h.p.q.refilter()
	h.press("m")
	v := h.view()
	if !strings.Contains(v, "6 requests matching the filter") || !strings.Contains(v, "2 requests · 3 h") {
		t.Fatalf("the matrix must count the filtered requests in every quadrant:\n%s", v)
	}
	// A change saved while the matrix is open shows at once.
	c := h.stored(12)
	c.Impact, c.Complexity, c.Decision, c.Status = 5, model.ComplexityLow, model.DecisionNow, model.StatusTriaged
	h.run(h.p.edit(12, "rated", func(model.ChangeRequest) (model.ChangeRequest, error) { return c, nil }))
	if v := h.view(); !strings.Contains(v, "4 requests · 19 h") {
		t.Fatalf("the matrix did not follow the reload:\n%s", v)
	}
}

// At 80 columns a quadrant's name is never cut (the axes' words, which
// the labels around the grid repeat, give way), and the note under the
// grid wraps rather than losing its end.
func TestMatrixAt80ColumnsCutsNoName(t *testing.T) {
	h := newHarness(t, nil)
	h.p.SetSize(80, 22) // the pane inside an 80×24 window
	h.press("m")
	v := h.view()
	for _, want := range []string{"▸Quick win ", " Major project ", " Fill-in ", " Money pit ", "not counted", "above"} {
		if !strings.Contains(v, want) {
			t.Errorf("lacks %q:\n%s", want, v)
		}
	}
	if strings.Contains(v, "…│") || strings.Contains(v, "· h…") {
		t.Errorf("a quadrant's title is cut:\n%s", v)
	}
	if n := len(strings.Split(v, "\n")); n > 22 {
		t.Errorf("%d lines in a pane of 22", n)
	}
}
