package model

import "fmt"

// The rule that keeps a request's decision and status telling the same
// story, in one place. Each status stands for exactly one decision:
//
//	new                                           undecided
//	triaged, in progress, ready for retest, verified   now
//	deferred                                      later
//	rejected                                      rejected
//
// Everything that writes a decision or a status — the form, the status
// picker, triage, imports, the command line — goes through the functions
// here (SetStatus, Decide, DecisionStatusEdit, ReadDecisionStatus), and
// records stored before the rule existed are put right by Reconcile.
var statusDecision = [...]Decision{
	StatusNew:            DecisionUndecided,
	StatusTriaged:        DecisionNow,
	StatusInProgress:     DecisionNow,
	StatusReadyForRetest: DecisionNow,
	StatusVerified:       DecisionNow,
	StatusRejected:       DecisionRejected,
	StatusDeferred:       DecisionLater,
}

// ImpliedDecision is the decision a status stands for (see statusDecision);
// an unknown status stands for none, and gives undecided.
func ImpliedDecision(s CRStatus) Decision {
	if !knownStatus(s) {
		return DecisionUndecided
	}
	return statusDecision[s]
}

// knownDecision tells whether d is one of the four decisions.
func knownDecision(d Decision) bool { return d >= DecisionUndecided && d <= DecisionRejected }

// CheckDecisionStatus tells whether a decision and a status agree; the
// error says which decision the status needs.
func CheckDecisionStatus(d Decision, s CRStatus) error {
	if !knownStatus(s) || !knownDecision(d) || statusDecision[s] == d {
		return nil // Validate speaks about unknown values
	}
	return fmt.Errorf("decision %s contradicts status %s: a request %s is %s; change one of the two",
		d, s, statusPhrase(s), decisionPhrase(statusDecision[s]))
}

func statusPhrase(s CRStatus) string {
	if s == StatusInProgress {
		return "in progress"
	}
	return "that is " + s.String()
}

func decisionPhrase(d Decision) string {
	switch d {
	case DecisionUndecided:
		return "still undecided"
	case DecisionRejected:
		return "rejected"
	}
	return "decided " + d.String()
}

// Reconcile puts a contradictory request right and tells whether it
// changed anything. The status is what happened to the request, so it
// wins — except "new", which is only where every request starts: a new
// request that carries a decision takes the status that decision leads to.
func Reconcile(c ChangeRequest) (ChangeRequest, bool) {
	if !knownStatus(c.Status) || !knownDecision(c.Decision) || CheckDecisionStatus(c.Decision, c.Status) == nil {
		return c, false
	}
	if c.Status == StatusNew {
		if to, ok := decisionStatus(c.Decision); ok {
			c.Status = to
			return c, true
		}
	}
	c.Decision = statusDecision[c.Status]
	return c, true
}

// ReadDecisionStatus joins a decision and a status read apart (two
// columns of an imported file), either possibly missing: a missing
// decision is the one the status stands for, a missing status the one the
// decision leads to from new. "Undecided" and "new" say nothing was done
// yet, so the other side leads (an export writes them out). Otherwise both
// given must agree.
func ReadDecisionStatus(d Decision, haveDecision bool, s CRStatus, haveStatus bool) (Decision, CRStatus, error) {
	haveDecision = haveDecision && d != DecisionUndecided
	haveStatus = haveStatus && s != StatusNew
	switch {
	case haveDecision && haveStatus:
		return d, s, CheckDecisionStatus(d, s)
	case haveStatus:
		return ImpliedDecision(s), s, nil
	case haveDecision:
		if to, ok := decisionStatus(d); ok {
			return d, to, nil
		}
		return d, StatusNew, nil
	}
	return DecisionUndecided, StatusNew, nil
}

// DecisionStatusEdit is a change of decision, status or both, as a form or
// the command line gives it; fields not Set are left to the rule.
type DecisionStatusEdit struct {
	Decision    Decision
	Status      CRStatus
	SetDecision bool
	SetStatus   bool
}

// Apply makes the edit on c. A status alone moves along the workflow and
// brings its decision; a decision alone moves the status as Decide does;
// both must be a legal move and agree with each other.
func (e DecisionStatusEdit) Apply(c ChangeRequest) (ChangeRequest, error) {
	switch {
	case e.SetStatus:
		next, err := SetStatus(c, e.Status)
		if err != nil {
			return c, err
		}
		if e.SetDecision {
			if err := CheckDecisionStatus(e.Decision, next.Status); err != nil {
				return c, err
			}
		}
		return next, nil
	case e.SetDecision:
		return Decide(c, e.Decision)
	}
	return c, nil
}
