package model

import (
	"fmt"
	"strings"
)

// The change-request workflow, in one place. A request moves
//
//	new ──► triaged ──► in progress ──► ready for retest ──► verified
//
// and may leave the main line for rejected or deferred:
//
//   - new → triaged, rejected or deferred (triage);
//   - triaged → in progress, rejected or deferred;
//   - in progress → ready for retest, or deferred (pushed to the backlog);
//   - ready for retest → verified, or back to in progress (retest failed);
//   - deferred → triaged (back from the backlog);
//   - rejected → triaged (reopened).
//
// Verified is the last step. Staying on the same status is always allowed.
var crNext = [...][]CRStatus{
	StatusNew:            {StatusTriaged, StatusRejected, StatusDeferred},
	StatusTriaged:        {StatusInProgress, StatusRejected, StatusDeferred},
	StatusInProgress:     {StatusReadyForRetest, StatusDeferred},
	StatusReadyForRetest: {StatusInProgress, StatusVerified},
	StatusVerified:       nil,
	StatusRejected:       {StatusTriaged},
	StatusDeferred:       {StatusTriaged},
}

func knownStatus(s CRStatus) bool { return s >= StatusNew && int(s) < len(crNext) }

// NextStatuses lists the statuses a request may move to from "from", in
// workflow order, not counting staying where it is. It is empty for
// verified and for an unknown status.
func NextStatuses(from CRStatus) []CRStatus {
	if !knownStatus(from) {
		return nil
	}
	next := crNext[from]
	out := make([]CRStatus, 0, len(next))
	for _, s := range CRStatuses { // workflow order, whatever the table's order
		for _, n := range next {
			if n == s {
				out = append(out, s)
			}
		}
	}
	return out
}

// CanTransition tells whether a request may move from one status to
// another; the error says what may come next instead.
func CanTransition(from, to CRStatus) error {
	if !knownStatus(from) {
		return fmt.Errorf("unknown status %d: cannot move the request", int(from))
	}
	if !knownStatus(to) {
		return fmt.Errorf("unknown status %d: use one of %s", int(to), joinOr(statusNames(CRStatuses)))
	}
	if from == to {
		return nil
	}
	next := NextStatuses(from)
	for _, s := range next {
		if s == to {
			return nil
		}
	}
	if len(next) == 0 {
		return fmt.Errorf("cannot go from %s to %s: %s is the last step", from, to, from)
	}
	return fmt.Errorf("cannot go from %s to %s: next can be %s", from, to, joinOr(statusNames(next)))
}

// SetStatus moves a request to a new status if the workflow allows it, and
// gives it the decision that status stands for (see statusDecision):
// rejecting sets both.
func SetStatus(c ChangeRequest, to CRStatus) (ChangeRequest, error) {
	if err := CanTransition(c.Status, to); err != nil {
		return c, err
	}
	c.Status = to
	c.Decision = ImpliedDecision(to)
	return c, nil
}

// Rate records the lead's ratings (impact 1–5 or 0, complexity, estimate in
// hours) and validates them. Rating never moves the status: a new request
// stays in the triage queue until it gets a decision.
func Rate(c ChangeRequest, impact int, cx Complexity, estimateHrs float64) (ChangeRequest, error) {
	r := c
	r.Impact, r.Complexity, r.EstimateHrs = impact, cx, estimateHrs
	if err := r.Validate(); err != nil {
		return c, err
	}
	return r, nil
}

// decisionStatus is the status a decision leads to; ok is false for
// "undecided", which moves nothing.
func decisionStatus(d Decision) (CRStatus, bool) {
	switch d {
	case DecisionNow:
		return StatusTriaged, true
	case DecisionLater:
		return StatusDeferred, true
	case DecisionRejected:
		return StatusRejected, true
	}
	return 0, false
}

// Decide records the lead's decision and moves the status with it, so the
// two agree (see statusDecision):
//
//   - undecided: only a new request is undecided; any other is refused;
//   - now: a new (or deferred, or rejected) request becomes triaged; one
//     already triaged or further along stays where it is;
//   - later: the request is deferred;
//   - rejected: the request is rejected.
//
// The status only moves along the workflow: directly, or through triaged
// (a rejected request decided "later" is reopened, then deferred). Where
// the workflow does not lead there — work in retest or verified, or
// rejecting work in progress — the decision is refused and the error says
// what to do first.
func Decide(c ChangeRequest, d Decision) (ChangeRequest, error) {
	if !knownDecision(d) {
		return c, fmt.Errorf("unknown decision: use now, later or reject")
	}
	if CheckDecisionStatus(d, c.Status) == nil {
		c.Decision = d
		return c, nil
	}
	to, ok := decisionStatus(d)
	if !ok {
		return c, fmt.Errorf("cannot make %s undecided: it is %s already; decide now, later or reject instead", c.Ref(), c.Status)
	}
	direct := CanTransition(c.Status, to) == nil
	viaTriage := CanTransition(c.Status, StatusTriaged) == nil && CanTransition(StatusTriaged, to) == nil
	if !direct && !viaTriage {
		next := NextStatuses(c.Status)
		if len(next) == 0 {
			return c, fmt.Errorf("cannot decide %s for %s: it is %s, the last step", d, c.Ref(), c.Status)
		}
		return c, fmt.Errorf("cannot decide %s for %s yet: it is %s; move it to %s first",
			d, c.Ref(), c.Status, joinOr(statusNames(next)))
	}
	c.Decision, c.Status = d, to
	return c, nil
}

func statusNames(ss []CRStatus) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.String()
	}
	return out
}

// joinOr writes "a", "a or b", "a, b or c".
func joinOr(xs []string) string { return joinWord(xs, "or") }

func joinWord(xs []string, word string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " " + word + " " + xs[len(xs)-1]
}
