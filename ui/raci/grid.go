package raci

import (
	"cmp"
	"slices"

	"mopdeck/model"
)

// row is one line of the grid: a phase heading or an activity.
type row struct {
	heading  string
	activity model.Activity
	problems []model.RowProblem
}

// grid is the matrix arranged for drawing: built once per load, so moving
// the cursor costs nothing but drawing the window in view.
type grid struct {
	rows   []row
	people []model.Person
	// cells maps activity ID → person index → letter.
	cells map[uint64][]model.Role
	// accountables counts A's per person index.
	accountables []int
}

func buildGrid(d *model.ProjectData) grid {
	g := grid{people: d.People, cells: map[uint64][]model.Role{}}
	col := make(map[uint64]int, len(d.People))
	for i, p := range d.People {
		col[p.ID] = i
	}
	g.accountables = make([]int, len(d.People))
	for _, c := range d.Cells {
		i, ok := col[c.PersonID]
		if !ok {
			continue
		}
		roles := g.cells[c.ActivityID]
		if roles == nil {
			roles = make([]model.Role, len(d.People))
			g.cells[c.ActivityID] = roles
		}
		roles[i] = c.Role
		if c.Role == model.Accountable {
			g.accountables[i]++
		}
	}
	phaseOrder := make(map[uint64]int, len(d.Phases))
	for _, ph := range d.Phases {
		phaseOrder[ph.ID] = ph.Order
	}
	acts := slices.Clone(d.Activities)
	slices.SortStableFunc(acts, func(a, b model.Activity) int {
		if c := cmp.Compare(phaseRank(phaseOrder, a.PhaseID), phaseRank(phaseOrder, b.PhaseID)); c != 0 {
			return c
		}
		return cmp.Compare(a.Order, b.Order)
	})
	var last uint64 = ^uint64(0)
	for _, a := range acts {
		if a.PhaseID != last {
			last = a.PhaseID
			name := d.PhaseName(a.PhaseID)
			if name == "" {
				name = "Not tied to a phase"
			}
			g.rows = append(g.rows, row{heading: name})
		}
		g.rows = append(g.rows, row{activity: a, problems: model.CheckRow(nonEmpty(g.cells[a.ID]), len(d.People))})
	}
	return g
}

// phaseRank puts activities with no phase last.
func phaseRank(order map[uint64]int, id uint64) int {
	if o, ok := order[id]; ok {
		return o
	}
	return int(^uint(0) >> 1)
}

func nonEmpty(roles []model.Role) []model.Role {
	out := make([]model.Role, 0, len(roles))
	for _, r := range roles {
		if r != model.RoleNone {
			out = append(out, r)
		}
	}
	return out
}

// badRows counts activities that break a rule (warnings aside).
func (g grid) badRows() int {
	n := 0
	for _, r := range g.rows {
		for _, p := range r.problems {
			if !p.Warning() {
				n++
				break
			}
		}
	}
	return n
}

// activities counts the activity rows (headings aside).
func (g grid) activities() int {
	n := 0
	for _, r := range g.rows {
		if r.heading == "" {
			n++
		}
	}
	return n
}
