package model

import (
	"strings"
	"testing"
)

var allDecisions = []Decision{DecisionUndecided, DecisionNow, DecisionLater, DecisionRejected}

// The table itself: every status stands for exactly one decision, and the
// pairs the product promises are the ones allowed.
func TestDecisionStatusTable(t *testing.T) {
	want := map[CRStatus]Decision{
		StatusNew: DecisionUndecided, StatusTriaged: DecisionNow, StatusInProgress: DecisionNow,
		StatusReadyForRetest: DecisionNow, StatusVerified: DecisionNow,
		StatusDeferred: DecisionLater, StatusRejected: DecisionRejected,
	}
	for _, s := range CRStatuses {
		for _, d := range allDecisions {
			err := CheckDecisionStatus(d, s)
			if ok := d == want[s]; ok != (err == nil) {
				t.Errorf("CheckDecisionStatus(%s, %s) = %v; want allowed=%v", d, s, err, ok)
			}
			if err != nil && !strings.Contains(err.Error(), want[s].String()) && want[s] != DecisionUndecided {
				t.Errorf("CheckDecisionStatus(%s, %s) = %q: does not name %s", d, s, err, want[s])
			}
		}
	}
}

// From every agreeing pair, every status move and every decision either
// is refused leaving the request as it was, or ends on an agreeing pair;
// the same holds for every combined edit. This is the whole space: 7
// statuses × (4 decisions + 7 statuses + 28 pairs).
func TestEveryWriteKeepsTheRule(t *testing.T) {
	for _, from := range CRStatuses {
		c := ChangeRequest{ID: 9, Title: "x", Status: from, Decision: ImpliedDecision(from)}
		check := func(what string, got ChangeRequest, err error) {
			t.Helper()
			if err != nil {
				if got != c {
					t.Errorf("%s from %s: refused (%v) but changed the request to %s/%s", what, from, err, got.Decision, got.Status)
				}
				return
			}
			if e := CheckDecisionStatus(got.Decision, got.Status); e != nil {
				t.Errorf("%s from %s: saved %s/%s: %v", what, from, got.Decision, got.Status, e)
			}
		}
		for _, d := range allDecisions {
			got, err := Decide(c, d)
			check("Decide "+d.String(), got, err)
			got, err = DecisionStatusEdit{Decision: d, SetDecision: true}.Apply(c)
			check("edit decision "+d.String(), got, err)
		}
		for _, to := range CRStatuses {
			got, err := SetStatus(c, to)
			check("SetStatus "+to.String(), got, err)
			for _, d := range allDecisions {
				got, err := DecisionStatusEdit{Decision: d, Status: to, SetDecision: true, SetStatus: true}.Apply(c)
				check("edit "+d.String()+"+"+to.String(), got, err)
				if err == nil && got.Decision != d {
					t.Errorf("edit %s+%s from %s kept %s, not the decision given", d, to, from, got.Decision)
				}
			}
		}
	}
}

// The contradictions seen in use: each is refused where it is typed.
func TestContradictionsRefused(t *testing.T) {
	triaged := ChangeRequest{ID: 4, Title: "x", Status: StatusTriaged, Decision: DecisionNow}
	// The form: later + rejected.
	if _, err := (DecisionStatusEdit{Decision: DecisionLater, Status: StatusRejected, SetDecision: true, SetStatus: true}).Apply(triaged); err == nil {
		t.Error("later + rejected saved")
	}
	// The status picker: rejecting sets the decision too.
	got, err := SetStatus(triaged, StatusRejected)
	if err != nil || got.Decision != DecisionRejected {
		t.Errorf("SetStatus rejected = %s/%s, %v; want rejected/rejected", got.Decision, got.Status, err)
	}
	// An import: now + rejected, reject + verified refused; a missing side
	// is filled in from the other.
	for _, tc := range []struct {
		d          Decision
		s          CRStatus
		hd, hs, ok bool
		wd         Decision
		ws         CRStatus
	}{
		{DecisionNow, StatusRejected, true, true, false, 0, 0},
		{DecisionRejected, StatusVerified, true, true, false, 0, 0},
		{DecisionLater, StatusInProgress, true, true, false, 0, 0},
		{DecisionUndecided, StatusInProgress, true, true, true, DecisionNow, StatusInProgress},
		{DecisionUndecided, StatusInProgress, false, true, true, DecisionNow, StatusInProgress},
		{DecisionLater, StatusNew, true, false, true, DecisionLater, StatusDeferred},
		{DecisionNow, StatusNew, true, true, true, DecisionNow, StatusTriaged},
		{DecisionUndecided, StatusNew, true, true, true, DecisionUndecided, StatusNew},
		{DecisionUndecided, StatusNew, false, false, true, DecisionUndecided, StatusNew},
	} {
		d, s, err := ReadDecisionStatus(tc.d, tc.hd, tc.s, tc.hs)
		if (err == nil) != tc.ok || tc.ok && (d != tc.wd || s != tc.ws) {
			t.Errorf("ReadDecisionStatus(%s %v, %s %v) = %s, %s, %v", tc.d, tc.hd, tc.s, tc.hs, d, s, err)
		}
	}
}

// Every stored pair is either left alone (it agrees) or put right, and
// the status wins but for "new", which takes the decision's status.
func TestReconcile(t *testing.T) {
	for _, s := range CRStatuses {
		for _, d := range allDecisions {
			c := ChangeRequest{ID: 1, Title: "x", Status: s, Decision: d}
			got, changed := Reconcile(c)
			if changed != (CheckDecisionStatus(d, s) != nil) {
				t.Errorf("Reconcile(%s/%s) changed=%v", d, s, changed)
			}
			if err := CheckDecisionStatus(got.Decision, got.Status); err != nil {
				t.Errorf("Reconcile(%s/%s) = %s/%s: %v", d, s, got.Decision, got.Status, err)
			}
			if s != StatusNew && got.Status != s {
				t.Errorf("Reconcile(%s/%s) moved the status to %s", d, s, got.Status)
			}
			if s == StatusNew && d != DecisionUndecided && got.Decision != d {
				t.Errorf("Reconcile(%s/new) dropped the decision: %s/%s", d, got.Decision, got.Status)
			}
		}
	}
}

func TestMatrixLeavesRejectedApart(t *testing.T) {
	crs := []ChangeRequest{
		{ID: 1, Title: "a", Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 80, Status: StatusTriaged, Decision: DecisionNow},
		{ID: 2, Title: "b", Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 40, Status: StatusRejected, Decision: DecisionRejected},
	}
	m := Matrix(crs, 5)
	if m[MoneyPit].Count != 1 || m[MoneyPit].Hours != 80 {
		t.Errorf("money pit = %d, %g h; want 1, 80 h (the rejected request apart)", m[MoneyPit].Count, m[MoneyPit].Hours)
	}
	n, h := RejectedTotal(crs)
	if got := RejectedLine(n, h); got != "rejected: 1 request, 40 h" {
		t.Errorf("RejectedLine = %q", got)
	}
	r := StatusReport(ProjectData{Project: Project{Name: "P"}, Changes: crs}, reportNow)
	if !strings.Contains(r, "| money pit | 1 | 80 |") || !strings.Contains(r, "rejected: 1 request, 40 h") {
		t.Errorf("report does not leave the rejected request apart:\n%s", r)
	}
}
