package model

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// The gate rules, in one place:
//
//   - phases run in Order; the first may start at any time, any other once
//     the previous phase's gate is signed off, unless the project lead
//     overrides (the override is recorded on the phase's gate);
//   - a gate may be signed by the sponsor, or by the person Accountable on
//     the phase's gate activity (the RACI row with Gate set);
//   - a gate may be signed once the phase has started, the previous gate is
//     signed off (or was overridden), every deliverable and exit-checklist
//     item is done and, for the phase that blocks on open changes (Test),
//     every change request decided "now" is verified or rejected.

// Blocker kinds.
const (
	BlockerUnknownPhase = "unknown phase"
	BlockerNotStarted   = "not started"
	BlockerPreviousGate = "previous gate"
	BlockerDeliverable  = "deliverable"
	BlockerChecklist    = "checklist"
	BlockerOpenChange   = "open change"
	BlockerSignedOff    = "signed off"
)

// Blocker is one thing that keeps a gate shut.
type Blocker struct {
	Kind string
	Text string
}

// maxBlockersInError is how many blockers an error spells out before it
// says "and N more".
const maxBlockersInError = 3

// OpenNowChanges returns the requests decided "now" that are neither
// verified nor rejected, in their given order.
func OpenNowChanges(crs []ChangeRequest) []ChangeRequest {
	var out []ChangeRequest
	for _, c := range crs {
		if isOpenNow(c) {
			out = append(out, c)
		}
	}
	return out
}

func isOpenNow(c ChangeRequest) bool {
	return c.Decision == DecisionNow && c.Status != StatusVerified && c.Status != StatusRejected
}

// PhasesInOrder returns a copy of the phases sorted by Order (stable, so
// equal orders keep their stored order).
func PhasesInOrder(phases []Phase) []Phase {
	out := slices.Clone(phases)
	slices.SortStableFunc(out, func(a, b Phase) int { return cmp.Compare(a.Order, b.Order) })
	return out
}

// phaseAndPrevious finds a phase and the one before it in Order.
func phaseAndPrevious(d ProjectData, phaseID uint64) (ph, prev Phase, hasPrev, found bool) {
	ordered := PhasesInOrder(d.Phases)
	for i, p := range ordered {
		if p.ID == phaseID {
			if i > 0 {
				return p, ordered[i-1], true, true
			}
			return p, Phase{}, false, true
		}
	}
	return Phase{}, Phase{}, false, false
}

func unknownPhaseError(id uint64) error {
	return fmt.Errorf("no phase with ID %d in this project", id)
}

func quoteName(s string) string { return `"` + SanitizeLine(s) + `"` }

// GateBlockers lists exactly what keeps a phase's gate from being signed
// off; it is empty when the gate may be signed. Each condition is reported
// on its own: one blocker per missing deliverable, per unchecked exit item,
// per open "now" change.
func GateBlockers(d ProjectData, phaseID uint64) []Blocker {
	ph, prev, hasPrev, found := phaseAndPrevious(d, phaseID)
	if !found {
		return []Blocker{{Kind: BlockerUnknownPhase, Text: unknownPhaseError(phaseID).Error()}}
	}
	var out []Blocker
	if ph.Gate.SignedOff || ph.Status == PhaseSignedOff {
		out = append(out, Blocker{BlockerSignedOff, fmt.Sprintf("the %s gate is already signed off", quoteName(ph.Name))})
	}
	if ph.Status == PhaseNotStarted {
		out = append(out, Blocker{BlockerNotStarted, fmt.Sprintf("phase %s has not started", quoteName(ph.Name))})
	}
	if hasPrev && !prev.Gate.SignedOff && ph.Gate.Override == nil {
		out = append(out, Blocker{BlockerPreviousGate, fmt.Sprintf("previous gate %s is not signed off", quoteName(prev.Name))})
	}
	for _, dl := range ph.Deliverables {
		if !dl.Done {
			out = append(out, Blocker{BlockerDeliverable, fmt.Sprintf("deliverable %s is not done", quoteName(dl.Name))})
		}
	}
	for _, it := range ph.Checklist {
		if !it.Done {
			out = append(out, Blocker{BlockerChecklist, fmt.Sprintf("exit item %s is not checked", quoteName(it.Text))})
		}
	}
	if ph.BlocksOnOpenChanges {
		open := OpenNowChanges(d.Changes)
		SortByPriority(open)
		for _, c := range open {
			out = append(out, Blocker{BlockerOpenChange,
				fmt.Sprintf("%s %s decided now, status %s", c.Ref(), quoteName(c.Title), c.Status)})
		}
	}
	return out
}

// OpenWork is what a phase still has to finish before its gate: the
// deliverables not done, the exit items not checked and, for the phase that
// blocks on open changes, the changes decided "now" still open. The order
// of the gate's blockers is kept.
func OpenWork(d ProjectData, phaseID uint64) []Blocker {
	var out []Blocker
	for _, b := range GateBlockers(d, phaseID) {
		switch b.Kind {
		case BlockerDeliverable, BlockerChecklist, BlockerOpenChange:
			out = append(out, b)
		}
	}
	return out
}

// DescribeBlockers writes blockers in one sentence: the first few, then
// how many more.
func DescribeBlockers(bs []Blocker) string { return summariseBlockers(bs) }

// CanStart tells whether a phase may start by the gate order: the first
// phase always, any other once the previous gate is signed off (or when an
// override is already recorded on this phase).
func CanStart(d ProjectData, phaseID uint64) error {
	ph, prev, hasPrev, found := phaseAndPrevious(d, phaseID)
	if !found {
		return unknownPhaseError(phaseID)
	}
	if !hasPrev || prev.Gate.SignedOff || ph.Gate.Override != nil {
		return nil
	}
	return fmt.Errorf("cannot start %s: the gate of the previous phase %s is not signed off yet; the project lead can override",
		quoteName(ph.Name), quoteName(prev.Name))
}

// StartPhase starts a phase that has not started and whose turn has come:
// status in progress, actual start at the given time. It returns the
// updated phase for the caller to store.
func StartPhase(d ProjectData, phaseID uint64, at time.Time) (Phase, error) {
	ph, ok := d.Phase(phaseID)
	if !ok {
		return Phase{}, unknownPhaseError(phaseID)
	}
	if ph.Status != PhaseNotStarted {
		return ph, fmt.Errorf("phase %s has already started (%s)", quoteName(ph.Name), ph.Status)
	}
	if err := CanStart(d, phaseID); err != nil {
		return ph, err
	}
	ph.Status = PhaseInProgress
	ph.ActualStart = at
	return ph, nil
}

// OverrideStart lets the project lead start a phase before the previous
// gate is signed off. The reason is required and the override (who, when,
// why) is recorded on the phase's gate. An override that is not needed is
// refused: start the phase normally.
func OverrideStart(d ProjectData, phaseID, byID uint64, reason string, at time.Time) (Phase, error) {
	ph, ok := d.Phase(phaseID)
	if !ok {
		return Phase{}, unknownPhaseError(phaseID)
	}
	if ph.Status != PhaseNotStarted {
		return ph, fmt.Errorf("phase %s has already started (%s)", quoteName(ph.Name), ph.Status)
	}
	if d.Project.LeadID == 0 {
		return ph, errors.New("only the project lead may override a gate, and this project has no lead: set one first")
	}
	if byID != d.Project.LeadID {
		return ph, fmt.Errorf("only the project lead (%s) may override a gate", personLabel(d, d.Project.LeadID))
	}
	reason = strings.TrimSpace(Sanitize(reason))
	if reason == "" {
		return ph, errors.New("an override needs a reason: say why the phase starts before the gate")
	}
	if CanStart(d, phaseID) == nil {
		return ph, fmt.Errorf("no override needed: phase %s may start normally", quoteName(ph.Name))
	}
	ph.Gate.Override = &Override{ByID: byID, At: at, Reason: reason}
	ph.Status = PhaseInProgress
	ph.ActualStart = at
	return ph, nil
}

// personLabel names a person for messages: their name, or "person #N".
func personLabel(d ProjectData, id uint64) string {
	if n := SanitizeLine(strings.TrimSpace(d.PersonName(id))); n != "" {
		return n
	}
	return fmt.Sprintf("person #%d", id)
}

// GateActivity returns the RACI activity standing for a phase's gate.
func GateActivity(d ProjectData, phaseID uint64) (Activity, bool) {
	for _, a := range d.Activities {
		if a.Gate && a.PhaseID == phaseID {
			return a, true
		}
	}
	return Activity{}, false
}

// GateAccountables returns the IDs of the people Accountable on a phase's
// gate activity (normally one), in cell order.
func GateAccountables(d ProjectData, phaseID uint64) []uint64 {
	act, ok := GateActivity(d, phaseID)
	if !ok {
		return nil
	}
	var out []uint64
	for _, c := range d.Cells {
		if c.ActivityID == act.ID && c.Role.Has(Accountable) && !slices.Contains(out, c.PersonID) {
			out = append(out, c.PersonID)
		}
	}
	return out
}

// MaySign tells whether a person may sign a phase's gate: the sponsor, or
// a person Accountable on the gate activity.
func MaySign(d ProjectData, phaseID, personID uint64) bool {
	if personID == 0 {
		return false
	}
	if d.Project.SponsorID == personID {
		return true
	}
	return slices.Contains(GateAccountables(d, phaseID), personID)
}

// CanSignOff tells whether a person may sign a phase's gate now: they must
// be allowed to sign, and nothing may block the gate.
func CanSignOff(d ProjectData, phaseID, personID uint64) error {
	ph, ok := d.Phase(phaseID)
	if !ok {
		return unknownPhaseError(phaseID)
	}
	if !MaySign(d, phaseID, personID) {
		var who []string
		if d.Project.SponsorID != 0 {
			who = append(who, "the sponsor ("+personLabel(d, d.Project.SponsorID)+")")
		}
		for _, id := range GateAccountables(d, phaseID) {
			who = append(who, "the person accountable for the gate ("+personLabel(d, id)+")")
		}
		if len(who) == 0 {
			return fmt.Errorf("no one may sign the %s gate yet: set a sponsor, or an A on the gate's RACI row", quoteName(ph.Name))
		}
		return fmt.Errorf("%s may not sign the %s gate: only %s may", personLabel(d, personID), quoteName(ph.Name), joinOr(who))
	}
	bs := GateBlockers(d, phaseID)
	if len(bs) == 0 {
		return nil
	}
	return fmt.Errorf("the %s gate cannot be signed off: %s", quoteName(ph.Name), summariseBlockers(bs))
}

func summariseBlockers(bs []Blocker) string {
	n := min(len(bs), maxBlockersInError)
	texts := make([]string, n)
	for i := range n {
		texts[i] = bs[i].Text
	}
	s := strings.Join(texts, "; ")
	if more := len(bs) - n; more > 0 {
		s += fmt.Sprintf("; and %d more (%d in all)", more, len(bs))
	}
	return s
}

// SignOff signs a phase's gate: who, when and a note are recorded, the
// phase is signed off and its actual end is set if it was not. It returns
// the updated phase for the caller to store.
func SignOff(d ProjectData, phaseID, personID uint64, note string, at time.Time) (Phase, error) {
	if err := CanSignOff(d, phaseID, personID); err != nil {
		ph, _ := d.Phase(phaseID)
		return ph, err
	}
	ph, _ := d.Phase(phaseID)
	ph.Gate.SignedOff = true
	ph.Gate.ByID = personID
	ph.Gate.At = at
	ph.Gate.Note = strings.TrimSpace(Sanitize(note))
	ph.Status = PhaseSignedOff
	if ph.ActualEnd.IsZero() {
		ph.ActualEnd = at
	}
	return ph, nil
}

// RequestSignOff moves a phase in progress to awaiting sign-off.
func RequestSignOff(d ProjectData, phaseID uint64) (Phase, error) {
	ph, ok := d.Phase(phaseID)
	if !ok {
		return Phase{}, unknownPhaseError(phaseID)
	}
	if ph.Status != PhaseInProgress {
		return ph, fmt.Errorf("only a phase in progress can ask for sign-off: %s is %s", quoteName(ph.Name), ph.Status)
	}
	ph.Status = PhaseAwaitingSignOff
	return ph, nil
}

// PhaseWarnings lists date problems across phases, in Order: a phase that
// ends before it starts (planned or actual), and a phase planned to start
// before the previous one ends (allowed, but worth a look). Starting on the
// day the previous phase ends is a hand-over, not an overlap. Phases without
// dates are skipped.
func PhaseWarnings(phases []Phase) []string {
	var out []string
	ordered := PhasesInOrder(phases)
	for i, p := range ordered {
		name := quoteName(p.Name)
		if !p.PlannedStart.IsZero() && !p.PlannedEnd.IsZero() && p.PlannedEnd.Before(p.PlannedStart) {
			out = append(out, fmt.Sprintf("%s is planned to end %s, before it starts %s",
				name, p.PlannedEnd.Format(DateLayout), p.PlannedStart.Format(DateLayout)))
		}
		if !p.ActualStart.IsZero() && !p.ActualEnd.IsZero() && p.ActualEnd.Before(p.ActualStart) {
			out = append(out, fmt.Sprintf("%s actually ended %s, before it started %s",
				name, p.ActualEnd.Format(DateLayout), p.ActualStart.Format(DateLayout)))
		}
		if i == 0 {
			continue
		}
		prev := ordered[i-1]
		if !p.PlannedStart.IsZero() && !prev.PlannedEnd.IsZero() && p.PlannedStart.Format(DateLayout) < prev.PlannedEnd.Format(DateLayout) {
			out = append(out, fmt.Sprintf("%s starts %s, before %s ends %s: the phases overlap",
				name, p.PlannedStart.Format(DateLayout), quoteName(prev.Name), prev.PlannedEnd.Format(DateLayout)))
		}
	}
	return out
}
