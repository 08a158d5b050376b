package model

import "testing"

func TestAdvanceStatus(t *testing.T) {
	tests := []struct {
		from CRStatus
		to   CRStatus
		ok   bool
	}{
		{StatusNew, StatusTriaged, true},
		{StatusTriaged, StatusInProgress, true},
		{StatusInProgress, StatusReadyForRetest, true},
		{StatusReadyForRetest, StatusVerified, true},
		{StatusVerified, StatusVerified, false},
		{StatusRejected, StatusTriaged, true},
		{StatusDeferred, StatusTriaged, true},
		{CRStatus(-1), CRStatus(-1), false},
		{CRStatus(7), CRStatus(7), false},
	}
	for _, tt := range tests {
		to, ok := AdvanceStatus(tt.from)
		if to != tt.to || ok != tt.ok {
			t.Errorf("AdvanceStatus(%s) = %s, %v; want %s, %v", tt.from, to, ok, tt.to, tt.ok)
		}
		if ok {
			if err := CanTransition(tt.from, to); err != nil {
				t.Errorf("AdvanceStatus(%s) = %s, which the workflow refuses: %v", tt.from, to, err)
			}
		}
	}
}

// TestWorkflowWalk follows one request through the whole life the product
// describes, one legal step at a time, and checks that the illegal jumps on
// the way are refused without changing the request.
func TestWorkflowWalk(t *testing.T) {
	c := ChangeRequest{ID: 7, Title: "Region filter"}
	steps := []struct {
		to      CRStatus
		refused bool
	}{
		{StatusVerified, true},   // new cannot jump to verified
		{StatusInProgress, true}, // nor skip triage
		{StatusTriaged, false},
		{StatusReadyForRetest, true},
		{StatusInProgress, false},
		{StatusTriaged, true}, // no way back to triage from work in progress
		{StatusReadyForRetest, false},
		{StatusInProgress, false}, // retest failed
		{StatusReadyForRetest, false},
		{StatusVerified, false},
		{StatusInProgress, true}, // verified is the last step
		{StatusDeferred, true},
	}
	for i, s := range steps {
		before := c
		got, err := SetStatus(c, s.to)
		switch {
		case s.refused && err == nil:
			t.Fatalf("step %d: %s → %s was allowed", i, before.Status, s.to)
		case s.refused && got != before:
			t.Fatalf("step %d: a refused move changed the request: %+v", i, got)
		case !s.refused && err != nil:
			t.Fatalf("step %d: %s → %s refused: %v", i, before.Status, s.to, err)
		}
		c = got
	}
	if c.Status != StatusVerified {
		t.Fatalf("ended at %s, want verified", c.Status)
	}
}

func TestDeferredAndRejectedComeBackThroughTriage(t *testing.T) {
	for _, side := range []CRStatus{StatusDeferred, StatusRejected} {
		c := ChangeRequest{Title: "x", Status: StatusTriaged}
		c, err := SetStatus(c, side)
		if err != nil {
			t.Fatalf("triaged → %s: %v", side, err)
		}
		if _, err := SetStatus(c, StatusInProgress); err == nil {
			t.Fatalf("%s → in progress was allowed; it must go through triaged", side)
		}
		if c, err = SetStatus(c, StatusTriaged); err != nil || c.Status != StatusTriaged {
			t.Fatalf("%s → triaged: %v", side, err)
		}
	}
}
