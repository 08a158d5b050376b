package changes

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/model/modeltest"
	"mopdeck/ui/components"
)

// A text filter reached by typing, erasing, choosing facets and saving in
// between shows the rows a filter of every request by the same text and
// facets shows: the steps it remembers never stand in for rows they do
// not hold.
func TestTypedFilterMatchesAFullFilter(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		rng := rand.New(rand.NewPCG(seed, 11))
		data := modeltest.Changes(400, now, seed)
		var q queue
		q.measured = []int{1, 8} // title and assignee
		q.load(data, now)
		typed := ""
		patched := false // a save since the rows were last filtered whole
		alphabet := []string{"t", "h", "e", " ", "r", "q", "1", "2", "a", "o"}
		for step := range 600 {
			switch k := rng.IntN(20); {
			case k < 10: // a key
				typed += alphabet[rng.IntN(len(alphabet))]
				q.setText(typed)
			case k < 15 && typed != "": // backspace
				typed = typed[:len(typed)-1]
				q.setText(typed)
			case k == 15: // a facet, toggled
				q.facets.Toggle(model.FacetStatus, model.CRStatuses[rng.IntN(len(model.CRStatuses))].String())
				q.refilter()
				patched = false
			case k == 16: // a save rewrites a title
				i := rng.IntN(len(data))
				data[i].Title = fmt.Sprintf("the request %d", rng.IntN(30))
				data[i].Assignee = strings.Repeat("Ann ", rng.IntN(6))
				patched = true
				q.patch([]model.Record{{Kind: model.KindChanges, ID: data[i].ID, Value: data[i]}}, now)
			case k == 17: // the sort changes
				q.sort = q.sort.next()
				q.resort()
				patched = false
			case k == 18: // a new text
				typed = ""
				q.setText(typed)
			}
			var want []*entry
			for _, e := range q.order {
				if q.passes(e) {
					want = append(want, e)
				}
			}
			if got, exp := ids(q.shown), ids(want); !slices.Equal(got, exp) {
				t.Fatalf("seed %d step %d, text %q: rows\n got %v\nwant %v", seed, step, typed, got, exp)
			}
			for i, row := range q.rows {
				if row[0] != q.shown[i].cr.Ref() || len(q.rows) != len(q.shown) {
					t.Fatalf("seed %d step %d: row %d shows %s", seed, step, i, row[0])
				}
			}
			// The widths handed to the table hold every row shown; a save
			// may leave them wider, never narrower.
			for _, col := range q.measured {
				widest := 0
				for _, row := range q.rows {
					widest = max(widest, components.CellWidth(row[col]))
				}
				if q.widest[col] < widest || (q.widest[col] != widest && !patched) {
					t.Fatalf("seed %d step %d: column %d measured %d, widest row %d", seed, step, col, q.widest[col], widest)
				}
			}
		}
	}
}

// refines holds exactly when every earlier word is inside a new one.
func TestRefines(t *testing.T) {
	for _, c := range []struct {
		words, earlier string
		want           bool
	}{
		{"lead", "lea", true},
		{"lead form", "lead", true},
		{"lead form", "form lead", true},
		{"lead", "", true},
		{"lea", "lead", false},
		{"lead", "lead form", false},
		{"xlead", "lead", true},
		{"le ad", "lead", false},
	} {
		if got := refines(strings.Fields(c.words), strings.Fields(c.earlier)); got != c.want {
			t.Errorf("refines(%q, %q) = %v", c.words, c.earlier, got)
		}
	}
}

// Keys that arrive faster than the table follows: each changes the
// prompt at once, and once their asks come back, in whatever order, the
// table shows the last text typed.
func TestFilterFollowsABurstOfKeys(t *testing.T) {
	h := newHarness(t, nil)
	h.press("/")
	var asks []tea.Cmd
	for _, k := range []string{"w", "o", "r", "k", "f", "l", "o", "w"} {
		asks = append(asks, h.p.Update(keyMsg(k)))
	}
	if v := h.view(); !strings.Contains(v, "filter: workflow") {
		t.Fatalf("the prompt does not show the keys typed:\n%s", v)
	}
	rng := rand.New(rand.NewPCG(3, 3))
	rng.Shuffle(len(asks), func(i, j int) { asks[i], asks[j] = asks[j], asks[i] })
	for _, c := range asks {
		h.run(c)
	}
	var want []string
	for _, e := range h.p.q.order {
		if strings.Contains(e.haystack(), "workflow") {
			want = append(want, e.cr.Ref())
		}
	}
	if got := h.tableIDs(); len(want) == 0 || len(want) == len(h.p.q.order) || !slices.Equal(got, want) {
		t.Fatalf("rows after the burst = %v, want %v", got, want)
	}
	// enter keeps the text; an ask still on its way is out of date.
	late := filterDueMsg{seq: h.p.filterSeq, text: "work"}
	h.press("enter")
	h.run(func() tea.Msg { return late })
	if h.p.q.text != "workflow" {
		t.Fatalf("a late ask changed the filter to %q", h.p.q.text)
	}
}

// esc puts the old text back at once, so the esc that clears the
// filters next is not undone by an ask arriving after it.
func TestFilterEscThenClear(t *testing.T) {
	h := newHarness(t, nil)
	all := h.tableIDs()
	h.press("/")
	ask := h.p.Update(keyMsg("w"))
	h.press("esc", "esc")
	h.run(ask)
	if h.p.q.text != "" || !slices.Equal(h.tableIDs(), all) {
		t.Fatalf("filter %q, rows %v after esc, esc", h.p.q.text, h.tableIDs())
	}
}
