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

// sortEntries returns the entries in the column's order, reusing buf.
// Entries come in priority order, so priority needs no sort.
func sortEntries(es []*entry, col sortColumn, buf []*entry) []*entry {
	order := append(buf[:0], es...)
	if col != sortPriority {
		slices.SortStableFunc(order, orderBy(col))
	}
	return order
}

// orderBy compares two entries in the column's order, equal ones in
// priority order.
func orderBy(col sortColumn) func(a, b *entry) int {
	by := compareBy(col)
	return func(a, b *entry) int {
		if by != nil {
			if c := by(a, b); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.rank, b.rank)
	}
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
