package model

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// PhaseStatus is where a phase stands in its life.
type PhaseStatus int

const (
	PhaseNotStarted PhaseStatus = iota
	PhaseInProgress
	PhaseAwaitingSignOff
	PhaseSignedOff
)

var phaseStatusNames = [...]string{"not started", "in progress", "awaiting sign-off", "signed off"}

func (s PhaseStatus) String() string {
	if s < 0 || int(s) >= len(phaseStatusNames) {
		return "unknown"
	}
	return phaseStatusNames[s]
}

// Phase is one ordered step of a project, closed by a gate.
type Phase struct {
	ID    uint64 `json:"id"`
	Order int    `json:"order"`
	Name  string `json:"name"`
	// Goal is markdown.
	Goal string `json:"goal,omitempty"`
	// Duration is the typical span as people say it, e.g. "2–3 weeks".
	Duration     string        `json:"duration,omitempty"`
	PlannedStart time.Time     `json:"planned_start"`
	PlannedEnd   time.Time     `json:"planned_end"`
	ActualStart  time.Time     `json:"actual_start"`
	ActualEnd    time.Time     `json:"actual_end"`
	Status       PhaseStatus   `json:"status"`
	Deliverables []Deliverable `json:"deliverables,omitempty"`
	Checklist    []CheckItem   `json:"checklist,omitempty"`
	Participants []string      `json:"participants,omitempty"`
	Gate         Gate          `json:"gate"`
	// BlocksOnOpenChanges marks the phase whose gate stays shut while a
	// change decided "now" is not verified (the Test phase).
	BlocksOnOpenChanges bool `json:"blocks_on_open_changes,omitempty"`
}

// Deliverable is something a phase must produce.
type Deliverable struct {
	Name  string `json:"name"`
	Done  bool   `json:"done"`
	DocID uint64 `json:"doc_id,omitempty"`
}

// Gate is the formal sign-off that closes a phase.
type Gate struct {
	SignedOff bool      `json:"signed_off"`
	ByID      uint64    `json:"by_id,omitempty"`
	At        time.Time `json:"at"`
	Note      string    `json:"note,omitempty"`
	// Override records a lead starting this phase before the previous gate
	// was signed off.
	Override *Override `json:"override,omitempty"`
}

// Override is a recorded exception to the gate order.
type Override struct {
	ByID   uint64    `json:"by_id"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

// DeliverablesDone counts finished deliverables.
func (p Phase) DeliverablesDone() (done, total int) {
	for _, d := range p.Deliverables {
		if d.Done {
			done++
		}
	}
	return done, len(p.Deliverables)
}

// WorkDone counts a phase's finished work: deliverables and exit-checklist
// items together, since the gate waits for both.
func (p Phase) WorkDone() (done, total int) {
	done, total = p.DeliverablesDone()
	for _, c := range p.Checklist {
		if c.Done {
			done++
		}
	}
	return done, total + len(p.Checklist)
}

// Validate reports the first problem with a phase's own fields.
func (p Phase) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return errors.New("phase name is empty: give the phase a name")
	}
	if err := CheckNameLength("phase", p.Name); err != nil {
		return err
	}
	if !p.PlannedStart.IsZero() && !p.PlannedEnd.IsZero() && p.PlannedEnd.Before(p.PlannedStart) {
		return fmt.Errorf("phase %q ends before it starts: planned end %s is before start %s",
			p.Name, p.PlannedEnd.Format(DateLayout), p.PlannedStart.Format(DateLayout))
	}
	if !p.ActualStart.IsZero() && !p.ActualEnd.IsZero() && p.ActualEnd.Before(p.ActualStart) {
		return fmt.Errorf("phase %q actual end is before its actual start", p.Name)
	}
	for _, d := range p.Deliverables {
		if strings.TrimSpace(d.Name) == "" {
			return fmt.Errorf("phase %q has a deliverable with no name", p.Name)
		}
	}
	return nil
}

// DateLayout is how dates are written everywhere in mopdeck.
const DateLayout = "2006-01-02"
