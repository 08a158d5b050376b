package changes

import (
	"slices"
	"strings"
	"testing"

	"mopdeck/model"
)

func TestTableStartsInPriorityOrder(t *testing.T) {
	h := newHarness(t, nil)
	v := h.view()
	if !strings.Contains(v, "sorted by priority") {
		t.Fatalf("the sort is not shown:\n%s", v)
	}
	ids := h.tableIDs()
	want := []string{"CR-1", "CR-7", "CR-5", "CR-6"} // quick wins first, then major projects
	if len(ids) != 15 || !slices.Equal(ids[:4], want) || ids[14] != "CR-15" {
		t.Fatalf("rows = %v", ids)
	}
}

func TestSortCyclesAndKeepsTheSelection(t *testing.T) {
	h := newHarness(t, nil)
	h.press("j", "j") // CR-5
	h.press("s")
	if v := h.view(); !strings.Contains(v, "sorted by ID") {
		t.Fatalf("header does not show the ID sort:\n%s", v)
	}
	ids := h.tableIDs()
	if ids[0] != "CR-1" || ids[1] != "CR-2" || ids[14] != "CR-15" {
		t.Fatalf("ID order = %v", ids)
	}
	if c, _ := h.p.selected(); c.ID != 5 {
		t.Fatalf("selection moved to CR-%d, want CR-5", c.ID)
	}
	h.press("s", "s") // title, impact
	if v := h.view(); !strings.Contains(v, "sorted by impact") {
		t.Fatalf("header does not show the impact sort:\n%s", v)
	}
	ids = h.tableIDs()
	// Impact 5 first (CR-5 before CR-6 by priority), unrated last.
	if ids[0] != "CR-5" || ids[1] != "CR-6" || !strings.HasPrefix(ids[14], "CR-1") {
		t.Fatalf("impact order = %v", ids)
	}
	for range numSorts - 3 {
		h.press("s")
	}
	if v := h.view(); !strings.Contains(v, "sorted by priority") {
		t.Fatalf("s did not cycle back to priority:\n%s", v)
	}
}

func TestEverySortIsATotalOrder(t *testing.T) {
	h := newHarness(t, nil)
	for col := range numSorts {
		order := sortEntries(h.p.q.entries, col, false, nil)
		seen := map[*entry]bool{}
		for _, i := range order {
			seen[i] = true
		}
		if len(order) != 15 || len(seen) != 15 {
			t.Fatalf("%s: order %v is not a permutation", col, order)
		}
		again := sortEntries(h.p.q.entries, col, false, nil)
		if !slices.Equal(order, again) {
			t.Fatalf("%s: sorting is not deterministic", col)
		}
	}
	est := sortEntries(h.p.q.entries, sortEstimate, false, nil)
	if last := est[14].cr; last.EstimateHrs != 0 {
		t.Fatalf("requests without an estimate must sort last, got CR-%d", last.ID)
	}
}

func TestFacetFilterBySeveralFacets(t *testing.T) {
	h := newHarness(t, nil)
	h.press("f", "enter") // status
	if v := h.view(); !strings.Contains(v, "[ ] new") || !strings.Contains(v, "4") {
		t.Fatalf("status values are not listed with counts:\n%s", v)
	}
	h.press("space")                  // new
	h.press("down", "down", "space")  // in progress
	h.press("esc", "down")            // decision
	h.press("enter", "down", "space") // now
	h.press("esc", "esc")
	v := h.view()
	if !strings.Contains(v, "filter: status: new, in progress · decision: now  (esc clears)") {
		t.Fatalf("filter summary missing:\n%s", v)
	}
	if ids := h.tableIDs(); !slices.Equal(ids, []string{"CR-5", "CR-6", "CR-11"}) {
		t.Fatalf("rows = %v, want the three requests decided now and in progress", ids)
	}
	h.press("esc")
	if v := h.view(); strings.Contains(v, "filter:") || len(h.tableIDs()) != 15 {
		t.Fatalf("esc did not clear every filter:\n%s", v)
	}
}

func TestFacetPhaseAndAssignee(t *testing.T) {
	h := newHarness(t, nil)
	h.p.openFacets()
	h.press("down", "down", "down", "down", "enter") // raised in
	v := h.view()
	if !strings.Contains(v, "Test") || !strings.Contains(v, "no phase") {
		t.Fatalf("phases are not listed by name:\n%s", v)
	}
	h.press("esc", "down", "enter") // assignee
	v = h.view()
	if !strings.Contains(v, "Julien Roux") || !strings.Contains(v, "nobody") {
		t.Fatalf("assignees are not listed:\n%s", v)
	}
	h.press("space", "esc", "esc")
	if !strings.Contains(h.view(), "assignee: Julien Roux") {
		t.Fatalf("summary:\n%s", h.view())
	}
	for _, id := range h.tableIDs() {
		if c := h.stored(parseRef(t, id)); c.Assignee != "Julien Roux" {
			t.Fatalf("%s is assigned to %q", id, c.Assignee)
		}
	}
}

func TestTextAndFacetFiltersCombine(t *testing.T) {
	h := newHarness(t, nil)
	h.p.q.facets.Only(0, "deferred")
	h.p.q.setText("workflow")
	h.p.refreshTable(0)
	if ids := h.tableIDs(); !slices.Equal(ids, []string{"CR-10", "CR-2"}) {
		t.Fatalf("rows = %v", ids)
	}
	if v := h.view(); !strings.Contains(v, "filter: workflow · status: deferred") {
		t.Fatalf("summary:\n%s", v)
	}
	h.p.q.setText("no such words anywhere")
	h.p.refreshTable(0)
	if v := h.view(); !strings.Contains(v, "No request matches the filter.") {
		t.Fatalf("an empty result is not explained:\n%s", v)
	}
}

func parseRef(t *testing.T, ref string) uint64 {
	t.Helper()
	var id uint64
	for _, r := range strings.TrimPrefix(ref, "CR-") {
		if r < '0' || r > '9' {
			t.Fatalf("bad ref %q", ref)
		}
		id = id*10 + uint64(r-'0')
	}
	return id
}

// TestSortReversesAndMarksItsColumn: r reverses the order (twice gives
// it back), s starts the next column in its own order, and the header
// marks the sorted column with ▲ or ▼.
func TestSortReversesAndMarksItsColumn(t *testing.T) {
	h := newHarness(t, nil)
	h.p.SetSize(200, 30)
	h.press("s") // ID
	head := func() string { return strings.Split(h.view(), "\n")[1] }
	if !strings.Contains(head(), "ID ▲") || strings.Contains(head(), "▼") {
		t.Fatalf("the ID sort is not marked: %q", head())
	}
	h.press("r")
	ids := h.tableIDs()
	if ids[0] != "CR-15" || ids[14] != "CR-1" {
		t.Fatalf("reversed ID order = %v", ids)
	}
	if v := h.view(); !strings.Contains(v, "sorted by ID, reversed") || !strings.Contains(head(), "ID ▼") {
		t.Fatalf("the reversed sort is not shown:\n%s", v)
	}
	h.press("r")
	if ids := h.tableIDs(); ids[0] != "CR-1" {
		t.Fatalf("reversing twice = %v", ids)
	}
	h.press("r", "s") // title, in its own order again
	if !strings.Contains(head(), "Title ▲") || strings.Contains(head(), "ID ▲") {
		t.Fatalf("the title sort is not marked: %q", head())
	}
	h.press("s", "s", "s", "s", "s", "s", "s") // impact … age
	if !strings.Contains(head(), "Age ▲") {
		t.Fatalf("the age sort is not marked: %q", head())
	}
	h.press("s", "r") // priority, reversed
	if ids := h.tableIDs(); ids[14] != "CR-1" || strings.ContainsAny(head(), "▲▼") {
		t.Fatalf("reversed priority = %v, header %q", ids, head())
	}
}

// A project without requests says so, and says it still while the import
// prompt is open, rather than blaming a filter there is not.
func TestEmptyProjectSaysHowToStart(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Changes = nil })
	if v := h.view(); !strings.Contains(v, "No change requests yet: a adds one, i imports a file.") {
		t.Fatalf("empty pane:\n%s", v)
	}
	h.press("i")
	if v := h.view(); !strings.Contains(v, "No change requests yet") || strings.Contains(v, "filter") {
		t.Fatalf("empty pane with the import prompt open:\n%s", v)
	}
}

// An ID is never cut: from CR-10000 on, the ID column widens to it.
func TestLongIDsAreShownWhole(t *testing.T) {
	h := newHarness(t, bigChanges(10_000))
	h.p.q.setText("request 9999 about")
	h.p.refreshTable(0)
	if ids := h.tableIDs(); !slices.Contains(ids, "CR-10000") {
		t.Fatalf("rows %v: CR-10000 is not shown whole:\n%s", ids, h.view())
	}
}
