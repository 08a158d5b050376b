package changes

import (
	"strconv"
	"testing"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// typeFilter sets the text filter as / and typing would.
func (h *harness) typeFilter(text string) {
	h.t.Helper()
	h.press("/")
	for _, r := range text {
		h.press(string(r))
	}
	h.press("enter")
}

// A request added while the filter hides it must not pull the cursor to it
// at some later reload, when the next key would act on it.
func TestAddingARequestTheFilterHidesLeavesTheCursorAlone(t *testing.T) {
	h := newHarness(t, nil)
	h.typeFilter("proofs")
	h.press("a")
	f := h.p.form
	fill(f, func(v *formValues) { v.title = "Rename the export button" })
	h.run(h.p.submitForm(f))
	if len(h.host.Errs) > 0 || h.stored(16).Title != "Rename the export button" {
		t.Fatalf("not added: errors %v", h.host.Errs)
	}
	h.press("esc", "esc") // close the form if open, clear the filter: CR-16 is shown now
	h.selectID(8)
	h.press(">") // saves, so the project reloads
	if c, _ := h.p.selected(); c.ID != 8 {
		t.Fatalf("the reload moved the cursor to CR-%d", c.ID)
	}
	h.press(">")
	if c := h.stored(8); c.Status != model.StatusReadyForRetest {
		t.Fatalf("the second > did not act on CR-8: %s", c.Status)
	}
	if c := h.stored(16); c.Status != model.StatusNew {
		t.Fatalf("the second > acted on CR-16: %s", c.Status)
	}
}

// Filters, sort and the open view belong to one project: opening another
// starts afresh, while reloading the same project keeps them.
func TestOpeningAnotherProjectResetsFiltersSortAndMode(t *testing.T) {
	h := newHarness(t, nil)
	other := model.SampleProject(now)
	other.Project.Name = "Spring launch"
	other, err := h.s.CreateProject(other, "tester")
	if err != nil {
		t.Fatal(err)
	}
	h.typeFilter("budget")
	phase := h.p.data.Phases[2].ID
	h.p.q.facets.Toggle(model.FacetRaisedIn, strconv.FormatUint(phase, 10))
	h.p.q.refilter()
	h.press("s")
	h.run(common.LoadProject(h.s, h.pid))
	if !h.p.q.filtered() || h.p.q.sort != sortID {
		t.Fatal("reloading the same project must keep the filter and the sort")
	}
	h.press("m")
	h.run(common.LoadProject(h.s, other.Project.ID))
	if h.p.q.filtered() || h.p.q.sort != sortPriority || h.p.mode != modeTable {
		t.Fatalf("another project kept filter %q/%v, sort %s, mode %d", h.p.q.text, h.p.q.facets.Active(), h.p.q.sort, h.p.mode)
	}
	if n := len(h.tableIDs()); n == 0 {
		t.Fatalf("the other project shows no rows:\n%s", h.view())
	}
}
