package changes

import (
	"cmp"
	"slices"
	"strings"
)

// sortColumn is the column the table is ordered by; s cycles through them.
// Every order falls back on priority, so equal rows keep the queue order.
type sortColumn int

const (
	sortPriority sortColumn = iota
	sortID
	sortTitle
	sortImpact
	sortComplexity
	sortEstimate
	sortDecision
	sortStatus
	sortAssignee
	sortAge
	numSorts
)

var sortNames = [...]string{
	"priority", "ID", "title", "impact (high first)", "complexity (high first)", "estimate (small first)",
	"decision", "status", "assignee", "age (oldest first)",
}

func (s sortColumn) String() string { return sortNames[s] }

func (s sortColumn) next() sortColumn { return (s + 1) % numSorts }

// column is the table column the sort reads, marked in the header; the
// priority order has none.
func (s sortColumn) column() int {
	switch s {
	case sortPriority:
		return -1
	case sortID, sortTitle:
		return int(s) - 1
	}
	return int(s) // the quadrant column sits between title and impact
}

// sortName says how the rows are ordered, with "reversed" when they are.
func (q *queue) sortName() string {
	if q.desc {
		return q.sort.String() + ", reversed"
	}
	return q.sort.String()
}

func (q *queue) orderBy() func(a, b *entry) int { return orderBy(q.sort, q.desc) }

// sortEntries returns the entries in the column's order, reversed when
// desc, reusing buf. Entries come in priority order, so priority needs no
// sort.
func sortEntries(es []*entry, col sortColumn, desc bool, buf []*entry) []*entry {
	order := append(buf[:0], es...)
	switch {
	case col == sortPriority && desc:
		slices.Reverse(order)
	case col != sortPriority:
		slices.SortStableFunc(order, orderBy(col, desc))
	}
	return order
}

// orderBy compares two entries in the column's order, equal ones in
// priority order; desc reverses the whole order, ties included, so that
// reversing twice gives the rows back as they were.
func orderBy(col sortColumn, desc bool) func(a, b *entry) int {
	by := compareBy(col)
	f := func(a, b *entry) int {
		if by != nil {
			if c := by(a, b); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.rank, b.rank)
	}
	if desc {
		return func(a, b *entry) int { return f(b, a) }
	}
	return f
}

func compareBy(col sortColumn) func(a, b *entry) int {
	switch col {
	case sortID:
		return func(a, b *entry) int { return cmp.Compare(a.cr.ID, b.cr.ID) }
	case sortTitle:
		return func(a, b *entry) int {
			at, _ := a.sortKeys()
			bt, _ := b.sortKeys()
			return strings.Compare(at, bt)
		}
	case sortImpact:
		return func(a, b *entry) int { return cmp.Compare(b.cr.Impact, a.cr.Impact) }
	case sortComplexity:
		return func(a, b *entry) int { return cmp.Compare(b.cr.Complexity, a.cr.Complexity) }
	case sortEstimate:
		// Requests without an estimate go last, not first.
		return func(a, b *entry) int {
			if c := lastIf(a.cr.EstimateHrs <= 0, b.cr.EstimateHrs <= 0); c != 0 {
				return c
			}
			return cmp.Compare(a.cr.EstimateHrs, b.cr.EstimateHrs)
		}
	case sortDecision:
		return func(a, b *entry) int { return cmp.Compare(a.cr.Decision, b.cr.Decision) }
	case sortStatus:
		return func(a, b *entry) int { return cmp.Compare(a.cr.Status, b.cr.Status) }
	case sortAssignee:
		// Unassigned requests go last.
		return func(a, b *entry) int {
			_, ax := a.sortKeys()
			_, bx := b.sortKeys()
			if c := lastIf(ax == "", bx == ""); c != 0 {
				return c
			}
			return strings.Compare(ax, bx)
		}
	case sortAge:
		return func(a, b *entry) int { return a.cr.CreatedAt.Compare(b.cr.CreatedAt) }
	}
	return nil
}

// lastIf orders the rows where a condition holds after the others.
func lastIf(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
