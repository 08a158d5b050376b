package changes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// entry is one request with what the table needs of it computed once per
// load: its cells and its priority rank. Its lower-cased searchable text is
// built the first time a text filter needs it: with 100,000 requests it
// is the largest thing the pane would hold, and most sessions never
// filter by words.
type entry struct {
	cr    model.ChangeRequest
	q     model.Quadrant
	rank  int // position in priority order
	cells []string
	hay   string
	built bool // hay is built
	// widths of the cells the table sizes to their content, capped at
	// 255, measured the first time the rows shown are (see queue.widest).
	widths   [numCells]uint8
	measured bool
	// title and assignee, trimmed and lower-cased, are built the first
	// time the table is sorted by them.
	title, assignee string
	folded          bool
}

// sortKeys returns the title and assignee as the table sorts them.
func (e *entry) sortKeys() (title, assignee string) {
	if !e.folded {
		e.title = strings.ToLower(strings.TrimSpace(e.cr.Title))
		e.assignee = strings.ToLower(strings.TrimSpace(e.cr.Assignee))
		e.folded = true
	}
	return e.title, e.assignee
}

// cellWidths returns the widths of the entry's cells in columns cols;
// the others are 0.
func (e *entry) cellWidths(cols []int) *[numCells]uint8 {
	if !e.measured {
		for _, i := range cols {
			e.widths[i] = uint8(min(components.CellWidth(e.cells[i]), 255))
		}
		e.measured = true
	}
	return &e.widths
}

// haystack is the request's searchable text, lower-cased.
func (e *entry) haystack() string {
	if !e.built {
		c := e.cr
		e.hay = strings.ToLower(strings.Join(e.cells[:len(e.cells)-1], " ") + " " + string(c.Area) + " " + c.AreaText + " " + c.SourceKey + " " + c.RaisedBy + " " + c.Description)
		e.built = true
	}
	return e.hay
}

// queue is the pane's view of the requests: every entry in priority order,
// the current sort order and the rows that pass the filters. Entries are
// pointers so that a write re-places one request by moving pointers, not
// requests, and byID stays valid while others shift.
type queue struct {
	entries []*entry // priority order; entry.rank is the index
	byID    map[uint64]*entry
	order   []*entry // entries in the current sort
	shown   []*entry // entries passing the filters, in sort order
	rows    [][]string
	// widest is the widest cell of each column in measured of rows (or
	// wider: a row a save took out may have set it), for the table to
	// share the width without measuring every row again.
	widest   [numCells]int
	measured []int // the columns the table sizes to their content
	// maxID is the highest request ID held: the ID column is as wide as
	// its reference, so that CR-100000 is never cut.
	maxID uint64
	// untriaged are the requests waiting for triage, in priority order.
	untriaged []*entry
	sort      sortColumn
	desc      bool // the sort reversed
	words     []string
	text      string
	facets    model.CRFilter
	// steps are the rows of the last texts typed into the filter, newest
	// last, kept only while nothing else changes (see setText).
	steps []textStep
}

// textStep is what one text filter kept.
type textStep struct {
	words  []string
	facets model.CRFilter // the facets then (the filter copies on write)
	shown  []*entry
	widest [numCells]int
}

// maxTextSteps bounds the texts remembered: at 100,000 requests each
// step is at most 800 KB of pointers.
const maxTextSteps = 8

// load rebuilds the entries; sorting and filtering are kept.
func (q *queue) load(crs []model.ChangeRequest, now time.Time) {
	q.entries = make([]*entry, len(crs))
	q.byID = make(map[uint64]*entry, len(crs))
	q.maxID = 0
	for i := range crs {
		e := newEntry(crs[i], now)
		q.entries[i] = e
		q.byID[e.cr.ID] = e
		q.maxID = max(q.maxID, e.cr.ID)
	}
	slices.SortFunc(q.entries, func(a, b *entry) int { return model.ComparePriority(a.cr, b.cr) })
	q.renumber(0, len(q.entries))
	q.untriaged = q.untriaged[:0]
	for _, e := range q.entries {
		if e.cr.Untriaged() {
			q.untriaged = append(q.untriaged, e)
		}
	}
	q.resort()
}

func newEntry(c model.ChangeRequest, now time.Time) *entry {
	return &entry{cr: c, q: model.QuadrantOf(c), cells: row(c, now)}
}

// renumber sets the rank of the entries in [from, to).
func (q *queue) renumber(from, to int) {
	for i := from; i < min(to, len(q.entries)); i++ {
		q.entries[i].rank = i
	}
}

// patch applies written and deleted requests without rebuilding (and
// returns the cells of the rows it wrote, for the table to measure): each is
// taken out of the priority order, the current sort, the rows shown and
// the untriaged list, and put back where it now belongs in each, found by
// binary search. Ranks are renumbered only across the stretch that moved.
// The cost is a few scans of pointers, not a sort or a filter of every
// request.
func (q *queue) patch(records []model.Record, now time.Time) (written [][]string) {
	q.forget()
	for _, r := range records {
		if r.Kind != model.KindChanges {
			continue
		}
		lo, hi := len(q.entries), 0
		if old := q.byID[r.ID]; old != nil {
			q.entries = slices.Delete(q.entries, old.rank, old.rank+1)
			q.order = deletePtr(q.order, old)
			q.untriaged = deletePtr(q.untriaged, old)
			if i := slices.Index(q.shown, old); i >= 0 {
				q.shown = slices.Delete(q.shown, i, i+1)
				q.rows = slices.Delete(q.rows, i, i+1)
			}
			delete(q.byID, r.ID)
			lo, hi = old.rank, len(q.entries)
		}
		c, ok := r.Value.(model.ChangeRequest)
		if !ok {
			q.renumber(lo, hi)
			continue
		}
		e := newEntry(c, now)
		q.maxID = max(q.maxID, c.ID)
		at, _ := slices.BinarySearchFunc(q.entries, e, func(x, want *entry) int { return model.ComparePriority(x.cr, want.cr) })
		q.entries = slices.Insert(q.entries, at, e)
		q.byID[c.ID] = e
		if hi == 0 {
			hi = len(q.entries) // a new request shifts all after it
		} else {
			hi = max(at, lo) + 1 // an edit shifts the stretch it crossed
		}
		q.renumber(min(lo, at), hi)
		q.place(e)
		written = append(written, e.cells)
	}
	q.remember() // the rows shown now, for the text typed next
	return written
}

// place puts a new or re-ranked entry into the current sort, the rows
// shown when it passes the filters, and the untriaged list.
func (q *queue) place(e *entry) {
	by := q.orderBy()
	q.order = insertSorted(q.order, e, by)
	if q.passes(e) {
		i, _ := slices.BinarySearchFunc(q.shown, e, by)
		q.shown = slices.Insert(q.shown, i, e)
		q.rows = slices.Insert(q.rows, i, e.cells)
		q.widen(e)
	}
	if e.cr.Untriaged() {
		q.untriaged = insertSorted(q.untriaged, e, orderBy(sortPriority, false))
	}
}

func insertSorted(list []*entry, e *entry, by func(a, b *entry) int) []*entry {
	i, _ := slices.BinarySearchFunc(list, e, by)
	return slices.Insert(list, i, e)
}

func deletePtr(list []*entry, e *entry) []*entry {
	if i := slices.Index(list, e); i >= 0 {
		return slices.Delete(list, i, i+1)
	}
	return list
}

// resort orders the entries by the sort column, then refilters.
func (q *queue) resort() {
	q.order = sortEntries(q.entries, q.sort, q.desc, q.order)
	q.refilter()
}

// setText sets the free-text filter. As the user types, each text
// usually adds to the last: a longer text keeps a subset of the rows the
// shorter one kept, so only those are scanned, and erasing a character
// finds a text already filtered, whose rows are taken back without a
// scan. The steps remembered are dropped whenever anything else changes
// the rows (a save, a sort, a facet, a load).
func (q *queue) setText(text string) {
	q.text = strings.TrimSpace(text)
	q.words = strings.Fields(strings.ToLower(q.text))
	var base *textStep
	for i := len(q.steps) - 1; i >= 0; i-- {
		st := q.steps[i]
		if !st.facets.Equal(q.facets) {
			continue
		}
		if slices.Equal(st.words, q.words) {
			q.shown, q.widest = st.shown, st.widest
			q.rows = q.rows[:0]
			for _, e := range st.shown {
				q.rows = append(q.rows, e.cells)
			}
			q.steps = append(slices.Delete(q.steps, i, i+1), st) // the newest again
			return
		}
		if base == nil && refines(q.words, st.words) {
			base = &q.steps[i]
		}
	}
	if base == nil {
		q.refilter()
		return
	}
	// The base's rows passed the same facets.
	shown := make([]*entry, 0, len(base.shown))
	for _, e := range base.shown {
		if containsAll(e.haystack(), q.words) {
			shown = append(shown, e)
		}
	}
	q.show(shown)
	q.remember()
}

// refines tells whether every row holding all the words also holds all
// of the earlier words: each earlier word is inside one of the words.
func refines(words, earlier []string) bool {
	for _, w := range earlier {
		if !slices.ContainsFunc(words, func(x string) bool { return strings.Contains(x, w) }) {
			return false
		}
	}
	return true
}

// show makes shown the rows shown.
func (q *queue) show(shown []*entry) {
	q.shown = shown
	q.rows = q.rows[:0]
	q.widest = [numCells]int{}
	for _, e := range shown {
		q.rows = append(q.rows, e.cells)
		q.widen(e)
	}
}

// widen makes widest hold an entry's cells.
func (q *queue) widen(e *entry) {
	w := e.cellWidths(q.measured)
	for _, i := range q.measured {
		q.widest[i] = max(q.widest[i], int(w[i]))
	}
}

// remember keeps the rows shown as the step of the current words.
func (q *queue) remember() {
	if len(q.steps) == maxTextSteps {
		q.steps = slices.Delete(q.steps, 0, 1)
	}
	q.steps = append(q.steps, textStep{words: q.words, facets: q.facets, shown: q.shown, widest: q.widest})
}

// clear drops every filter.
func (q *queue) clear() {
	q.text, q.words, q.facets = "", nil, model.CRFilter{}
	q.refilter()
}

func (q *queue) filtered() bool { return q.text != "" || q.facets.Active() }

// refilter keeps the entries that hold every word of the text filter and
// pass the facets, in sort order. Rows are shared with the entries, so a
// filter costs a scan, not a rebuild.
func (q *queue) refilter() {
	q.forget()
	shown := make([]*entry, 0, len(q.order))
	for _, e := range q.order {
		if q.passes(e) {
			shown = append(shown, e)
		}
	}
	q.show(shown)
	q.remember()
}

// forget drops the steps remembered: the rows they hold are out of date.
func (q *queue) forget() { q.steps = q.steps[:0] }

// passes tells whether an entry holds every word of the text filter and
// passes the facets.
func (q *queue) passes(e *entry) bool {
	return (len(q.words) == 0 || containsAll(e.haystack(), q.words)) && (!q.facets.Active() || q.facets.Match(e.cr))
}

// matching returns the requests that pass the text filter and the given
// facets (the matrix frees the quadrant facet).
func (q *queue) matching(f model.CRFilter) []model.ChangeRequest {
	out := make([]model.ChangeRequest, 0, len(q.entries))
	for _, e := range q.entries {
		if (len(q.words) == 0 || containsAll(e.haystack(), q.words)) && f.Match(e.cr) {
			out = append(out, e.cr)
		}
	}
	return out
}

// find returns the request with an ID and whether it exists.
func (q *queue) find(id uint64) (model.ChangeRequest, bool) {
	e, ok := q.byID[id]
	if !ok {
		return model.ChangeRequest{}, false
	}
	return e.cr, true
}

// shownIndex returns the row of a request in the filtered table, or -1.
func (q *queue) shownIndex(id uint64) int {
	e, ok := q.byID[id]
	if !ok {
		return -1
	}
	return slices.Index(q.shown, e)
}

func containsAll(h string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// numCells is how many cells row writes.
const numCells = 10

// row writes a request's table cells; the last one, the age, depends on
// the clock and is kept out of the searchable text.
func row(c model.ChangeRequest, now time.Time) []string {
	imp := ""
	if c.Impact > 0 {
		imp = strconv.Itoa(c.Impact)
	}
	cells := [numCells]string{ // an array: the count is checked as it is built
		c.Ref(), c.Title, model.QuadrantOf(c).String(), imp, c.Complexity.String(), hours(c.EstimateHrs),
		c.Decision.String(), c.Status.String(), c.Assignee, fmt.Sprintf("%dd", model.Age(c, now)),
	}
	return cells[:]
}

// hours writes an estimate: "" for none, "12", "1.5".
func hours(h float64) string {
	if h <= 0 {
		return ""
	}
	return strconv.FormatFloat(h, 'f', -1, 64)
}
