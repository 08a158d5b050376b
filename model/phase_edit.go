package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Phase edits are pure: each takes phases as loaded and returns the records
// to store, leaving its input untouched. Gate moves (start, sign-off) live
// in gate.go.

// newPhaseDays is how long a phase added by hand is planned to last.
const newPhaseDays = 7

// EditPhase renames a phase and moves its planned dates. An empty name or
// an end before the start is refused; an overlap with the phase before or
// after is allowed and comes back as warnings.
func EditPhase(d ProjectData, id uint64, name string, start, end time.Time) (Phase, []string, error) {
	ph, ok := d.Phase(id)
	if !ok {
		return Phase{}, nil, unknownPhaseError(id)
	}
	ph.Name = strings.TrimSpace(SanitizeLine(name))
	ph.PlannedStart, ph.PlannedEnd = start, end
	if err := ph.Validate(); err != nil {
		return ph, nil, err
	}
	return ph, OverlapWarnings(d.Phases, ph), nil
}

// renumber gives the phases, already in their new order, Orders 0..n-1 and
// returns the ones whose Order changed (a new phase, ID 0, always counts).
func renumber(ordered []Phase) []Phase {
	var changed []Phase
	for i := range ordered {
		if ordered[i].Order != i || ordered[i].ID == 0 {
			ordered[i].Order = i
			changed = append(changed, ordered[i])
		}
	}
	return changed
}

// InsertPhase adds a phase named name after the phase afterID (at the end
// when afterID is 0), planned for a week from the day after that phase
// ends. It returns the records to store: the new phase (ID 0) and every
// phase whose Order moved to make room.
func InsertPhase(phases []Phase, afterID uint64, name string) ([]Phase, error) {
	name = strings.TrimSpace(SanitizeLine(name))
	if name == "" {
		return nil, errors.New("phase name is empty: give the phase a name")
	}
	ordered := PhasesInOrder(phases)
	at := len(ordered)
	if afterID != 0 {
		at = slices.IndexFunc(ordered, func(p Phase) bool { return p.ID == afterID })
		if at < 0 {
			return nil, unknownPhaseError(afterID)
		}
		at++
	}
	ph := Phase{Name: name, Duration: "1 week"}
	if at > 0 && !ordered[at-1].PlannedEnd.IsZero() {
		ph.PlannedStart = ordered[at-1].PlannedEnd.AddDate(0, 0, 1)
		ph.PlannedEnd = ph.PlannedStart.AddDate(0, 0, newPhaseDays-1)
	}
	ordered = slices.Insert(ordered, at, ph)
	return renumber(ordered), nil
}

// MovePhase moves a phase delta places in Order (-1 earlier, +1 later) and
// returns the phases whose Order changed. Moving past either end is
// refused with a message.
func MovePhase(phases []Phase, id uint64, delta int) ([]Phase, error) {
	ordered := PhasesInOrder(phases)
	i := slices.IndexFunc(ordered, func(p Phase) bool { return p.ID == id })
	if i < 0 {
		return nil, unknownPhaseError(id)
	}
	j := i + delta
	if j < 0 {
		return nil, fmt.Errorf("%s is already the first phase", quoteName(ordered[i].Name))
	}
	if j >= len(ordered) {
		return nil, fmt.Errorf("%s is already the last phase", quoteName(ordered[i].Name))
	}
	ph := ordered[i]
	ordered = slices.Delete(ordered, i, i+1)
	ordered = slices.Insert(ordered, j, ph)
	return renumber(ordered), nil
}

// ItemKind tells the two lists of a phase apart.
type ItemKind int

const (
	ItemDeliverable ItemKind = iota
	ItemExit
)

func (k ItemKind) String() string {
	if k == ItemExit {
		return "exit item"
	}
	return "deliverable"
}

// PhaseItems counts a phase's deliverables and exit items, the rows the
// detail view walks: deliverables first, then the exit checklist.
func PhaseItems(ph Phase) int { return len(ph.Deliverables) + len(ph.Checklist) }

// ItemAt maps a row of PhaseItems to its list and index in that list.
func ItemAt(ph Phase, row int) (ItemKind, int, bool) {
	switch {
	case row < 0:
		return 0, 0, false
	case row < len(ph.Deliverables):
		return ItemDeliverable, row, true
	case row < PhaseItems(ph):
		return ItemExit, row - len(ph.Deliverables), true
	}
	return 0, 0, false
}

// itemRow is the inverse of ItemAt.
func itemRow(ph Phase, kind ItemKind, i int) int {
	if kind == ItemExit {
		return len(ph.Deliverables) + i
	}
	return i
}

// frozen refuses edits to the lists of a phase whose gate is signed: what
// the signer approved stays as it was approved.
func frozen(ph Phase) error {
	if ph.Gate.SignedOff || ph.Status == PhaseSignedOff {
		return fmt.Errorf("the %s gate is signed off: its deliverables and exit checklist stay as approved", quoteName(ph.Name))
	}
	return nil
}

// ownLists gives ph its own copies of the slices it shares with the loaded
// project, so edits never reach the caller's data.
func ownLists(ph Phase) Phase {
	ph.Deliverables = slices.Clone(ph.Deliverables)
	ph.Checklist = slices.Clone(ph.Checklist)
	return ph
}

func itemCount(ph Phase, kind ItemKind) int {
	if kind == ItemExit {
		return len(ph.Checklist)
	}
	return len(ph.Deliverables)
}

func checkIndex(ph Phase, kind ItemKind, i int) error {
	if i < 0 || i >= itemCount(ph, kind) {
		return fmt.Errorf("phase %s has no %s %d: reload the project", quoteName(ph.Name), kind, i+1)
	}
	return nil
}

// ToggleItem marks a deliverable or exit item done, or not done. A checked
// exit item records who checked it and when.
func ToggleItem(ph Phase, kind ItemKind, i int, byID uint64, at time.Time) (Phase, error) {
	if err := checkIndex(ph, kind, i); err != nil {
		return ph, err
	}
	if err := frozen(ph); err != nil {
		return ph, err
	}
	ph = ownLists(ph)
	if kind == ItemDeliverable {
		ph.Deliverables[i].Done = !ph.Deliverables[i].Done
		return ph, nil
	}
	ph.Checklist[i].Toggle(byID, at)
	return ph, nil
}

// AddItem inserts a deliverable or exit item after index after (at the top
// when after is -1) and returns the phase and the new item's row.
func AddItem(ph Phase, kind ItemKind, after int, text string) (Phase, int, error) {
	text = strings.TrimSpace(SanitizeLine(text))
	if text == "" {
		return ph, 0, fmt.Errorf("the %s has no name: type one", kind)
	}
	if err := frozen(ph); err != nil {
		return ph, 0, err
	}
	at := min(max(after+1, 0), itemCount(ph, kind))
	ph = ownLists(ph)
	if kind == ItemDeliverable {
		ph.Deliverables = slices.Insert(ph.Deliverables, at, Deliverable{Name: text})
	} else {
		ph.Checklist = slices.Insert(ph.Checklist, at, CheckItem{Text: text})
	}
	return ph, itemRow(ph, kind, at), nil
}

// RenameItem changes a deliverable's name or an exit item's text.
func RenameItem(ph Phase, kind ItemKind, i int, text string) (Phase, error) {
	if err := checkIndex(ph, kind, i); err != nil {
		return ph, err
	}
	text = strings.TrimSpace(SanitizeLine(text))
	if text == "" {
		return ph, fmt.Errorf("the %s has no name: type one, or delete it", kind)
	}
	if err := frozen(ph); err != nil {
		return ph, err
	}
	ph = ownLists(ph)
	if kind == ItemDeliverable {
		ph.Deliverables[i].Name = text
	} else {
		ph.Checklist[i].Text = text
	}
	return ph, nil
}

// RemoveItem deletes a deliverable or exit item.
func RemoveItem(ph Phase, kind ItemKind, i int) (Phase, error) {
	if err := checkIndex(ph, kind, i); err != nil {
		return ph, err
	}
	if err := frozen(ph); err != nil {
		return ph, err
	}
	ph = ownLists(ph)
	if kind == ItemDeliverable {
		ph.Deliverables = slices.Delete(ph.Deliverables, i, i+1)
	} else {
		ph.Checklist = slices.Delete(ph.Checklist, i, i+1)
	}
	return ph, nil
}

// MoveItem moves a deliverable or exit item delta places within its own
// list and returns the phase and the item's new row.
func MoveItem(ph Phase, kind ItemKind, i, delta int) (Phase, int, error) {
	if err := checkIndex(ph, kind, i); err != nil {
		return ph, 0, err
	}
	j := i + delta
	if j < 0 || j >= itemCount(ph, kind) {
		where := "first"
		if delta > 0 {
			where = "last"
		}
		return ph, itemRow(ph, kind, i), fmt.Errorf("this %s is already the %s", kind, where)
	}
	if err := frozen(ph); err != nil {
		return ph, 0, err
	}
	ph = ownLists(ph)
	if kind == ItemDeliverable {
		ph.Deliverables[i], ph.Deliverables[j] = ph.Deliverables[j], ph.Deliverables[i]
	} else {
		ph.Checklist[i], ph.Checklist[j] = ph.Checklist[j], ph.Checklist[i]
	}
	return ph, itemRow(ph, kind, j), nil
}

// ItemName returns a deliverable's name or an exit item's text.
func ItemName(ph Phase, kind ItemKind, i int) string {
	if checkIndex(ph, kind, i) != nil {
		return ""
	}
	if kind == ItemDeliverable {
		return ph.Deliverables[i].Name
	}
	return ph.Checklist[i].Text
}

// ItemDone tells whether a deliverable or exit item is done.
func ItemDone(ph Phase, kind ItemKind, i int) bool {
	if checkIndex(ph, kind, i) != nil {
		return false
	}
	if kind == ItemDeliverable {
		return ph.Deliverables[i].Done
	}
	return ph.Checklist[i].Done
}
