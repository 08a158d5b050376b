package model

import "strings"

// RowIssue is an activity whose row breaks a RACI rule or earns a warning.
type RowIssue struct {
	Activity Activity
	Problems []RowProblem
}

// Text lists the problems in words: "no A, no R", warnings marked.
func (r RowIssue) Text() string {
	texts := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		texts[i] = p.String()
		if p.Warning() {
			texts[i] += " (warning)"
		}
	}
	return strings.Join(texts, ", ")
}

// Load is a person holding OverloadFrom A's or more.
type Load struct {
	PersonID     uint64
	Accountables int
}

// ReviewRACI applies the rules to the whole matrix: the rows with
// problems, in matrix order, and the overloaded people, in people order.
// Letters are counted one by one, so an A/R cell is its row's A and one
// of its R's, and one of its holder's A's. Cells of unknown activities or
// people are left out.
func ReviewRACI(d ProjectData) (rows []RowIssue, overloaded []Load) {
	byRow := make(map[uint64][]Role, len(d.Activities))
	for _, a := range d.Activities {
		byRow[a.ID] = nil
	}
	people := make(map[uint64]bool, len(d.People))
	for _, p := range d.People {
		people[p.ID] = true
	}
	accountables := make(map[uint64]int)
	for _, c := range d.Cells {
		roles, ok := byRow[c.ActivityID]
		if c.Role == RoleNone || !ok || !people[c.PersonID] {
			continue
		}
		byRow[c.ActivityID] = append(roles, c.Role)
		if c.Role.Has(Accountable) {
			accountables[c.PersonID]++
		}
	}
	for _, a := range ActivitiesInOrder(d) {
		if ps := CheckRow(byRow[a.ID], len(d.People)); len(ps) > 0 {
			rows = append(rows, RowIssue{Activity: a, Problems: ps})
		}
	}
	seen := make(map[uint64]bool, len(d.People))
	for _, p := range d.People {
		if seen[p.ID] {
			continue
		}
		seen[p.ID] = true
		if n := accountables[p.ID]; Overloaded(n) {
			overloaded = append(overloaded, Load{PersonID: p.ID, Accountables: n})
		}
	}
	return rows, overloaded
}
