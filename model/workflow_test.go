package model

import (
	"slices"
	"strings"
	"testing"
)

func TestCanTransitionMatrix(t *testing.T) {
	const (
		N = StatusNew
		T = StatusTriaged
		P = StatusInProgress
		Q = StatusReadyForRetest
		V = StatusVerified
		X = StatusRejected
		D = StatusDeferred
	)
	// allowed[from] = every status reachable in one step, staying included.
	allowed := map[CRStatus][]CRStatus{
		N: {N, T, X, D},
		T: {T, P, X, D},
		P: {P, Q, D},
		Q: {Q, V, P},
		V: {V},
		X: {X, T},
		D: {D, T},
	}
	if len(CRStatuses) != 7 {
		t.Fatalf("expected 7 statuses, got %d", len(CRStatuses))
	}
	for _, from := range CRStatuses {
		for _, to := range CRStatuses {
			t.Run(from.String()+" to "+to.String(), func(t *testing.T) {
				want := slices.Contains(allowed[from], to)
				err := CanTransition(from, to)
				if want && err != nil {
					t.Fatalf("CanTransition(%s, %s) = %v, want allowed", from, to, err)
				}
				if !want {
					if err == nil {
						t.Fatalf("CanTransition(%s, %s) = nil, want refused", from, to)
					}
					msg := err.Error()
					if !strings.HasPrefix(msg, "cannot go from "+from.String()+" to "+to.String()+": ") {
						t.Errorf("message %q does not name from and to", msg)
					}
					for _, n := range NextStatuses(from) {
						if !strings.Contains(msg, n.String()) {
							t.Errorf("message %q does not list allowed %s", msg, n)
						}
					}
				}
			})
		}
	}
}

func TestCanTransitionMessages(t *testing.T) {
	tests := []struct {
		from, to CRStatus
		want     string
	}{
		{StatusNew, StatusVerified, "cannot go from new to verified: next can be triaged, rejected or deferred"},
		{StatusInProgress, StatusTriaged, "cannot go from in progress to triaged: next can be ready for retest or deferred"},
		{StatusDeferred, StatusInProgress, "cannot go from deferred to in progress: next can be triaged"},
		{StatusVerified, StatusInProgress, "cannot go from verified to in progress: verified is the last step"},
	}
	for _, tt := range tests {
		err := CanTransition(tt.from, tt.to)
		if err == nil || err.Error() != tt.want {
			t.Errorf("CanTransition(%s, %s) = %v, want %q", tt.from, tt.to, err, tt.want)
		}
	}
	if CanTransition(CRStatus(9), StatusNew) == nil || CanTransition(StatusNew, CRStatus(-1)) == nil {
		t.Error("unknown statuses must be refused")
	}
}

func TestNextStatuses(t *testing.T) {
	tests := []struct {
		from CRStatus
		want []CRStatus
	}{
		{StatusNew, []CRStatus{StatusTriaged, StatusRejected, StatusDeferred}},
		{StatusTriaged, []CRStatus{StatusInProgress, StatusRejected, StatusDeferred}},
		{StatusInProgress, []CRStatus{StatusReadyForRetest, StatusDeferred}},
		{StatusReadyForRetest, []CRStatus{StatusInProgress, StatusVerified}},
		{StatusVerified, []CRStatus{}},
		{StatusRejected, []CRStatus{StatusTriaged}},
		{StatusDeferred, []CRStatus{StatusTriaged}},
		{CRStatus(42), nil},
	}
	for _, tt := range tests {
		got := NextStatuses(tt.from)
		if !slices.Equal(got, tt.want) {
			t.Errorf("NextStatuses(%s) = %v, want %v", tt.from, got, tt.want)
		}
	}
}

func TestSetStatus(t *testing.T) {
	c := ChangeRequest{ID: 1, Title: "x", Status: StatusNew}
	got, err := SetStatus(c, StatusTriaged)
	if err != nil || got.Status != StatusTriaged {
		t.Fatalf("SetStatus new→triaged = %v, %v", got.Status, err)
	}
	got2, err := SetStatus(got, StatusVerified)
	if err == nil || got2.Status != StatusTriaged {
		t.Fatalf("SetStatus triaged→verified = %v, %v; want refused and unchanged", got2.Status, err)
	}
}

func TestDecide(t *testing.T) {
	const refused = CRStatus(-1)
	tests := []struct {
		from CRStatus
		d    Decision
		want CRStatus
	}{
		{StatusNew, DecisionUndecided, StatusNew},
		{StatusNew, DecisionNow, StatusTriaged},
		{StatusNew, DecisionLater, StatusDeferred},
		{StatusNew, DecisionRejected, StatusRejected},

		{StatusTriaged, DecisionUndecided, refused}, // nothing leads back to new
		{StatusTriaged, DecisionNow, StatusTriaged},
		{StatusTriaged, DecisionLater, StatusDeferred},
		{StatusTriaged, DecisionRejected, StatusRejected},

		{StatusInProgress, DecisionNow, StatusInProgress},
		{StatusInProgress, DecisionLater, StatusDeferred},
		{StatusInProgress, DecisionRejected, refused}, // no direct step: defer it first

		{StatusReadyForRetest, DecisionNow, StatusReadyForRetest},
		{StatusReadyForRetest, DecisionLater, refused},
		{StatusReadyForRetest, DecisionRejected, refused},

		{StatusVerified, DecisionNow, StatusVerified},
		{StatusVerified, DecisionLater, refused},
		{StatusVerified, DecisionRejected, refused},

		{StatusDeferred, DecisionNow, StatusTriaged},       // back from the backlog
		{StatusDeferred, DecisionLater, StatusDeferred},    //
		{StatusDeferred, DecisionRejected, StatusRejected}, // via triaged
		{StatusDeferred, DecisionUndecided, refused},

		{StatusRejected, DecisionNow, StatusTriaged},    // reopened
		{StatusRejected, DecisionLater, StatusDeferred}, // reopened, then deferred
		{StatusRejected, DecisionRejected, StatusRejected},
	}
	for _, tt := range tests {
		c := ChangeRequest{ID: 3, Title: "t", Status: tt.from, Decision: ImpliedDecision(tt.from)}
		got, err := Decide(c, tt.d)
		if tt.want == refused {
			if err == nil || got != c {
				t.Errorf("Decide(%s, %s) = %s/%s, %v; want refused, unchanged", tt.from, tt.d, got.Decision, got.Status, err)
			}
			continue
		}
		if err != nil || got.Decision != tt.d || got.Status != tt.want {
			t.Errorf("Decide(%s, %s) = %s/%s, %v; want %s/%s", tt.from, tt.d, got.Decision, got.Status, err, tt.d, tt.want)
		}
	}
}

func TestRateDoesNotTriage(t *testing.T) {
	c := ChangeRequest{ID: 1, Title: "Add a field", Status: StatusNew}
	got, err := Rate(c, 4, ComplexityLow, 6)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != StatusNew || got.Decision != DecisionUndecided {
		t.Errorf("rating moved the request: %s/%s", got.Status, got.Decision)
	}
	if got.Impact != 4 || got.Complexity != ComplexityLow || got.EstimateHrs != 6 {
		t.Errorf("ratings not recorded: %+v", got)
	}
	bad, err := Rate(c, 6, ComplexityLow, 6)
	if err == nil || bad != c {
		t.Errorf("Rate with impact 6 = %+v, %v; want refused and unchanged", bad, err)
	}
	if _, err := Rate(c, 3, ComplexityHigh, -2); err == nil {
		t.Error("Rate with a negative estimate must be refused")
	}
}

func TestJoinOr(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{nil, ""},
		{[]string{"a"}, "a"},
		{[]string{"a", "b"}, "a or b"},
		{[]string{"a", "b", "c"}, "a, b or c"},
	}
	for _, tt := range tests {
		if got := joinOr(tt.in); got != tt.want {
			t.Errorf("joinOr(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
