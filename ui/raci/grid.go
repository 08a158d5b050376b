package raci

import (
	"mopdeck/model"
)

// row is one line of the grid: a phase heading or an activity.
type row struct {
	heading string
	// phaseID is the phase the row is listed under (0: none).
	phaseID  uint64
	activity model.Activity
	problems []model.RowProblem
}

func (r row) isHeading() bool { return r.heading != "" }

// grid is the matrix arranged for drawing: built once per load, then kept
// up to date cell by cell from the writes' events, so that a keystroke
// costs the window in view and not the whole matrix.
type grid struct {
	rows   []row
	people []model.Person
	// cells maps activity ID → person index → the cell's letters.
	cells map[uint64][]model.Role
	// accountables counts A's per person index.
	accountables []int
	colOf        map[uint64]int
	rowOf        map[uint64]int
	// Tallies for the summary line, kept by recount.
	broken, warned int
	byProblem      map[model.RowProblem]int
	overloaded     []int
}

func buildGrid(d *model.ProjectData) grid {
	g := grid{
		people: d.People,
		cells:  make(map[uint64][]model.Role, len(d.Activities)),
		colOf:  make(map[uint64]int, len(d.People)),
		rowOf:  make(map[uint64]int, len(d.Activities)),
	}
	for i, p := range d.People {
		g.colOf[p.ID] = i
	}
	g.accountables = make([]int, len(d.People))
	known := make(map[uint64]bool, len(d.Activities))
	for _, a := range d.Activities {
		known[a.ID] = true
	}
	for _, c := range d.Cells {
		i, ok := g.colOf[c.PersonID]
		if !ok || !known[c.ActivityID] {
			continue
		}
		roles := g.rolesOf(c.ActivityID)
		roles[i] = c.Role
		if c.Role.Has(model.Accountable) {
			g.accountables[i]++
		}
	}
	phases := make(map[uint64]bool, len(d.Phases))
	for _, ph := range d.Phases {
		phases[ph.ID] = true
	}
	first := true
	var last uint64
	for _, a := range model.ActivitiesInOrder(*d) {
		phaseID := a.PhaseID
		if !phases[phaseID] {
			phaseID = 0
		}
		if first || phaseID != last {
			first, last = false, phaseID
			g.rows = append(g.rows, row{heading: model.ActivityPhaseName(*d, a), phaseID: phaseID})
		}
		g.rowOf[a.ID] = len(g.rows)
		g.rows = append(g.rows, row{activity: a, phaseID: phaseID, problems: g.check(a.ID)})
	}
	g.recount()
	return g
}

// rolesOf returns the row's letters, creating the row on first use.
func (g *grid) rolesOf(activityID uint64) []model.Role {
	roles := g.cells[activityID]
	if roles == nil {
		roles = make([]model.Role, len(g.people))
		g.cells[activityID] = roles
	}
	return roles
}

func (g *grid) check(activityID uint64) []model.RowProblem {
	roles := g.cells[activityID]
	filled := make([]model.Role, 0, len(roles))
	for _, r := range roles {
		if r != model.RoleNone {
			filled = append(filled, r)
		}
	}
	return model.CheckRow(filled, len(g.people))
}

// role is the letters at a row and person index (none on headings).
func (g *grid) role(r, c int) model.Role {
	if r < 0 || r >= len(g.rows) || c < 0 || c >= len(g.people) {
		return model.RoleNone
	}
	roles := g.cells[g.rows[r].activity.ID]
	if g.rows[r].isHeading() || roles == nil {
		return model.RoleNone
	}
	return roles[c]
}

// set puts the letters the store wrote in a cell and checks the row
// again, so that a key costs its row and not a rebuild. It returns the
// cell's old letters.
func (g *grid) set(r, c int, role model.Role) model.Role {
	rw := &g.rows[r]
	roles := g.rolesOf(rw.activity.ID)
	old := roles[c]
	roles[c] = role
	if old.Has(model.Accountable) {
		g.accountables[c]--
	}
	if role.Has(model.Accountable) {
		g.accountables[c]++
	}
	rw.problems = g.check(rw.activity.ID)
	g.recount()
	return old
}

// recount refreshes the summary tallies: one pass over the rows and the
// people, microseconds even at 200 × 60.
func (g *grid) recount() {
	g.broken, g.warned = 0, 0
	g.byProblem = map[model.RowProblem]int{}
	for _, r := range g.rows {
		broken := false
		for _, p := range r.problems {
			g.byProblem[p]++
			broken = broken || !p.Warning()
		}
		switch {
		case broken:
			g.broken++
		case len(r.problems) > 0:
			g.warned++
		}
	}
	g.overloaded = g.overloaded[:0]
	for i, n := range g.accountables {
		if model.Overloaded(n) {
			g.overloaded = append(g.overloaded, i)
		}
	}
}

// activities counts the activity rows (headings aside).
func (g *grid) activities() int { return len(g.rowOf) }

// phaseAt is the phase a row belongs to: the phase under which a new
// activity typed there is added.
func (g *grid) phaseAt(r int) uint64 {
	if r < 0 || r >= len(g.rows) {
		return 0
	}
	return g.rows[r].phaseID
}
