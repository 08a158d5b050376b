package model

import (
	"cmp"
	"slices"
)

// NoPhaseName heads the RACI rows that are not tied to any phase.
const NoPhaseName = "Not tied to a phase"

// ActivitiesInOrder returns the activities as the matrix lists them: by
// phase order (rows tied to no phase, or to a phase that no longer exists,
// last), then by their Order within the phase, then in creation order.
func ActivitiesInOrder(d ProjectData) []Activity {
	rank := phaseRanks(d.Phases)
	acts := slices.Clone(d.Activities)
	slices.SortStableFunc(acts, func(a, b Activity) int {
		if c := cmp.Compare(rankOf(rank, a.PhaseID), rankOf(rank, b.PhaseID)); c != 0 {
			return c
		}
		return cmp.Compare(a.Order, b.Order)
	})
	return acts
}

func phaseRanks(phases []Phase) map[uint64]int {
	rank := make(map[uint64]int, len(phases))
	for i, p := range PhasesInOrder(phases) {
		rank[p.ID] = i
	}
	return rank
}

func rankOf(rank map[uint64]int, phaseID uint64) int {
	if r, ok := rank[phaseID]; ok {
		return r
	}
	return len(rank)
}

// ActivityPhaseName names the phase an activity is listed under in the
// matrix: its phase's name, or NoPhaseName.
func ActivityPhaseName(d ProjectData, a Activity) string {
	if name := d.PhaseName(a.PhaseID); name != "" {
		return name
	}
	return NoPhaseName
}

// siblings returns the activities listed under the same phase heading as
// phaseID, in matrix order. An unknown phase counts as no phase.
func siblings(d ProjectData, phaseID uint64) []Activity {
	_, known := d.Phase(phaseID)
	var out []Activity
	for _, a := range ActivitiesInOrder(d) {
		_, aKnown := d.Phase(a.PhaseID)
		if a.PhaseID == phaseID || (!known && !aKnown) {
			out = append(out, a)
		}
	}
	return out
}

// NextActivityOrder is the Order that puts a new activity last in a phase.
func NextActivityOrder(d ProjectData, phaseID uint64) int {
	next := 0
	for _, a := range siblings(d, phaseID) {
		next = max(next, a.Order+1)
	}
	return next
}

// MoveActivity moves an activity one place up (delta < 0) or down (delta
// > 0) among the activities of its phase. It returns the activities whose
// Order changes, ready to save: the two neighbours swap their Order, or,
// when Orders are tied, the phase is renumbered in its shown order. It
// returns nil when the activity is unknown or already at that end.
func MoveActivity(d ProjectData, id uint64, delta int) []Activity {
	if delta == 0 {
		return nil
	}
	var phaseID uint64
	found := false
	for _, a := range d.Activities {
		if a.ID == id {
			phaseID, found = a.PhaseID, true
			break
		}
	}
	if !found {
		return nil
	}
	sib := siblings(d, phaseID)
	i := slices.IndexFunc(sib, func(a Activity) bool { return a.ID == id })
	j := i + 1
	if delta < 0 {
		j = i - 1
	}
	if j < 0 || j >= len(sib) {
		return nil
	}
	if sib[i].Order != sib[j].Order && strictlyIncreasing(sib) {
		a, b := sib[i], sib[j]
		a.Order, b.Order = b.Order, a.Order
		return []Activity{a, b}
	}
	// Tied Orders cannot be swapped: number the phase afresh in the order
	// it is shown, with the two rows exchanged.
	base := sib[0].Order
	sib[i], sib[j] = sib[j], sib[i]
	var out []Activity
	for k, a := range sib {
		if a.Order != base+k {
			a.Order = base + k
			out = append(out, a)
		}
	}
	return out
}

func strictlyIncreasing(acts []Activity) bool {
	for k := 1; k < len(acts); k++ {
		if acts[k].Order <= acts[k-1].Order {
			return false
		}
	}
	return true
}

// TieActivity ties an activity to a phase (0 for none) and puts it last
// there. ok is false when the activity is unknown or already in that phase.
func TieActivity(d ProjectData, id, phaseID uint64) (Activity, bool) {
	for _, a := range d.Activities {
		if a.ID != id {
			continue
		}
		if a.PhaseID == phaseID {
			return a, false
		}
		a.Order = NextActivityOrder(d, phaseID)
		a.PhaseID = phaseID
		return a, true
	}
	return Activity{}, false
}
