package changes

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"mopdeck/model"
)

// entry is one request with what the table needs of it computed once per
// load: its cells, its lower-cased searchable text and its priority rank.
type entry struct {
	cr    model.ChangeRequest
	q     model.Quadrant
	rank  int // position in priority order
	cells []string
	hay   string
	// title and assignee are lower-cased and trimmed, for sorting.
	title, assignee string
}

// queue is the pane's view of the requests: every entry in priority order,
// the current sort order and the rows that pass the filters.
type queue struct {
	entries []entry
	byID    map[uint64]int
	order   []int // entries in the current sort
	shown   []int // entries passing the filters, in sort order
	rows    [][]string
	sort    sortColumn
	words   []string
	text    string
	facets  model.CRFilter
}

// load rebuilds the entries; sorting and filtering are kept.
func (q *queue) load(crs []model.ChangeRequest, now time.Time) {
	// Sorting pointers moves 8 bytes per swap instead of a whole request.
	sorted := make([]*model.ChangeRequest, len(crs))
	for i := range crs {
		sorted[i] = &crs[i]
	}
	slices.SortFunc(sorted, func(a, b *model.ChangeRequest) int { return model.ComparePriority(*a, *b) })
	q.entries = make([]entry, len(sorted))
	q.byID = make(map[uint64]int, len(sorted))
	for i, cp := range sorted {
		c := *cp
		cells := row(c, now)
		q.entries[i] = entry{
			cr: c, q: model.QuadrantOf(c), rank: i, cells: cells,
			hay:      strings.ToLower(strings.Join(cells[:len(cells)-1], " ") + " " + string(c.Area) + " " + c.RaisedBy + " " + c.Description),
			title:    strings.ToLower(strings.TrimSpace(c.Title)),
			assignee: strings.ToLower(strings.TrimSpace(c.Assignee)),
		}
		q.byID[c.ID] = i
	}
	q.resort()
}

// resort orders the entries by the sort column, then refilters.
func (q *queue) resort() {
	q.order = sortEntries(q.entries, q.sort, q.order)
	q.refilter()
}

// setText sets the free-text filter.
func (q *queue) setText(text string) {
	q.text = strings.TrimSpace(text)
	q.words = strings.Fields(strings.ToLower(q.text))
	q.refilter()
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
	q.shown = q.shown[:0]
	q.rows = q.rows[:0]
	active := q.facets.Active()
	for _, i := range q.order {
		e := &q.entries[i]
		if !containsAll(e.hay, q.words) || active && !q.facets.Match(e.cr) {
			continue
		}
		q.shown = append(q.shown, i)
		q.rows = append(q.rows, e.cells)
	}
}

// matching returns the requests that pass the text filter and the given
// facets (the matrix frees the quadrant facet).
func (q *queue) matching(f model.CRFilter) []model.ChangeRequest {
	out := make([]model.ChangeRequest, 0, len(q.entries))
	for i := range q.entries {
		e := &q.entries[i]
		if containsAll(e.hay, q.words) && f.Match(e.cr) {
			out = append(out, e.cr)
		}
	}
	return out
}

// find returns the request with an ID and whether it exists.
func (q *queue) find(id uint64) (model.ChangeRequest, bool) {
	i, ok := q.byID[id]
	if !ok {
		return model.ChangeRequest{}, false
	}
	return q.entries[i].cr, true
}

// shownIndex returns the row of a request in the filtered table, or -1.
func (q *queue) shownIndex(id uint64) int {
	i, ok := q.byID[id]
	if !ok {
		return -1
	}
	for r, s := range q.shown {
		if s == i {
			return r
		}
	}
	return -1
}

func containsAll(h string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(h, w) {
			return false
		}
	}
	return true
}

// row writes a request's table cells; the last one, the age, depends on
// the clock and is kept out of the searchable text.
func row(c model.ChangeRequest, now time.Time) []string {
	imp := ""
	if c.Impact > 0 {
		imp = strconv.Itoa(c.Impact)
	}
	return []string{
		c.Ref(), c.Title, model.QuadrantOf(c).String(), imp, c.Complexity.String(), hours(c.EstimateHrs),
		c.Decision.String(), c.Status.String(), c.Assignee, fmt.Sprintf("%dd", model.Age(c, now)),
	}
}

// hours writes an estimate: "" for none, "12", "1.5".
func hours(h float64) string {
	if h <= 0 {
		return ""
	}
	return strconv.FormatFloat(h, 'f', -1, 64)
}
