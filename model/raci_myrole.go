package model

import (
	"fmt"
	"strings"
)

// LetterActivities are the activities where a person holds one letter.
type LetterActivities struct {
	Role       Role
	Activities []Activity
	// Cells are the whole cells, one per activity: A/R where the person
	// holds R too.
	Cells []Role
}

// PhaseRoles are a person's letters within one phase, in R, A, C, I order.
type PhaseRoles struct {
	// PhaseID is 0 for activities tied to no phase.
	PhaseID uint64
	// Phase is the phase's name, or NoPhaseName.
	Phase   string
	Letters []LetterActivities
}

// PersonRoles is "my role": every activity where the person holds a
// letter, grouped by phase (in matrix order) and by letter (R, A, C, I),
// activities in matrix order. A cell holding two letters (A/R) lists its
// activity under each. Cells of unknown activities are ignored.
func PersonRoles(d ProjectData, personID uint64) []PhaseRoles {
	held := make(map[uint64]Role)
	for _, c := range d.Cells {
		if c.PersonID == personID && c.Role != RoleNone {
			held[c.ActivityID] = c.Role
		}
	}
	if len(held) == 0 {
		return nil
	}
	var out []PhaseRoles
	var cur *PhaseRoles
	for _, a := range ActivitiesInOrder(d) {
		r, ok := held[a.ID]
		if !ok {
			continue
		}
		// Rows of a deleted phase are listed with the untied ones.
		phaseID := a.PhaseID
		if _, ok := d.Phase(phaseID); !ok {
			phaseID = 0
		}
		if cur == nil || cur.PhaseID != phaseID {
			out = append(out, PhaseRoles{PhaseID: phaseID, Phase: ActivityPhaseName(d, a)})
			cur = &out[len(out)-1]
		}
		for _, l := range r.Letters() {
			cur.add(l, r, a)
		}
	}
	return out
}

func (p *PhaseRoles) add(r, cell Role, a Activity) {
	for i := range p.Letters {
		if l := &p.Letters[i]; l.Role == r {
			l.Activities = append(l.Activities, a)
			l.Cells = append(l.Cells, cell)
			return
		}
	}
	p.Letters = append(p.Letters, LetterActivities{Role: r, Activities: []Activity{a}, Cells: []Role{cell}})
	// Keep R, A, C, I order: insertion sort on a list of at most four.
	for i := len(p.Letters) - 1; i > 0 && roleRank(p.Letters[i].Role) < roleRank(p.Letters[i-1].Role); i-- {
		p.Letters[i], p.Letters[i-1] = p.Letters[i-1], p.Letters[i]
	}
}

func roleRank(r Role) int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return len(Roles)
}

// RoleCounts counts a person's letters across the matrix, in Roles order:
// an A/R cell counts once under A and once under R.
func RoleCounts(groups []PhaseRoles) map[Role]int {
	n := make(map[Role]int, len(Roles))
	for _, g := range groups {
		for _, l := range g.Letters {
			n[l.Role] += len(l.Activities)
		}
	}
	return n
}

// AccountableFor lists the activities a person is Accountable for, in
// matrix order.
func AccountableFor(d ProjectData, personID uint64) []Activity {
	var out []Activity
	for _, g := range PersonRoles(d, personID) {
		for _, l := range g.Letters {
			if l.Role == Accountable {
				out = append(out, l.Activities...)
			}
		}
	}
	return out
}

// CanRemovePerson refuses to remove someone who is still Accountable for
// an activity: the row would lose its A without anyone noticing. The error
// names the rows (the first few, then how many more).
func CanRemovePerson(d ProjectData, personID uint64) error {
	acts := AccountableFor(d, personID)
	if len(acts) == 0 {
		return nil
	}
	const shown = 3
	names := make([]string, 0, shown)
	for i, a := range acts {
		if i == shown {
			names = append(names, fmt.Sprintf("%d more", len(acts)-shown))
			break
		}
		names = append(names, fmt.Sprintf("%q", SanitizeLine(a.Name)))
	}
	who := SanitizeLine(d.PersonName(personID))
	return fmt.Errorf("%s is Accountable for %d %s (%s): give those A's to someone else first",
		who, len(acts), pluralWord(len(acts), "activity", "activities"), strings.Join(names, ", "))
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
