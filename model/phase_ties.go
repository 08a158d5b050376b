package model

import (
	"fmt"
	"strings"
)

// PhaseTies counts the records that point at a phase: deleting the phase
// unties them (they stay, without a phase).
type PhaseTies struct {
	Activities, Changes, Docs int
}

// TiesToPhase counts the activities, change requests (raised in it) and
// docs tied to a phase.
func TiesToPhase(d ProjectData, phaseID uint64) PhaseTies {
	var t PhaseTies
	for _, a := range d.Activities {
		if a.PhaseID == phaseID {
			t.Activities++
		}
	}
	for _, c := range d.Changes {
		if c.RaisedIn == phaseID {
			t.Changes++
		}
	}
	for _, doc := range d.Docs {
		if doc.PhaseID == phaseID {
			t.Docs++
		}
	}
	return t
}

// None tells whether nothing is tied to the phase.
func (t PhaseTies) None() bool { return t == PhaseTies{} }

// String writes the counts in words, leaving out the kinds with none:
// "3 activities, 1 change request and 2 docs"; "" when nothing is tied.
func (t PhaseTies) String() string {
	var parts []string
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, pluralWord(n, one, many)))
		}
	}
	add(t.Activities, "activity", "activities")
	add(t.Changes, "change request", "change requests")
	add(t.Docs, "doc", "docs")
	if len(parts) == 0 {
		return ""
	}
	return strings.TrimSpace(joinWord(parts, "and"))
}
