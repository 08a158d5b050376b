package store

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// Contradictory requests stored by an older mopdeck are put right on the
// first read-write load, with one history entry naming each; a second
// load, and a read-only open, change nothing.
func TestLoadRepairsContradictoryRequests(t *testing.T) {
	d := sample()
	d.Changes = append(d.Changes,
		model.ChangeRequest{ID: 3, Title: "Rejected but now", CreatedAt: t0, Decision: model.DecisionNow, Status: model.StatusRejected},
		model.ChangeRequest{ID: 4, Title: "Verified but rejected", CreatedAt: t0, Decision: model.DecisionRejected, Status: model.StatusVerified},
		model.ChangeRequest{ID: 5, Title: "In progress, undecided", CreatedAt: t0, Status: model.StatusInProgress},
	)
	path := tempPath(t)
	s := openT(t, path)
	pid := createT(t, s, d).Project.ID
	s.Close()

	// Read-only: the file is not touched.
	ro, err := Open(path, Options{AppVersion: "test", ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	got, err := ro.LoadProject(pid)
	ro.Close()
	if err != nil || got.Changes[2].Decision != model.DecisionNow {
		t.Fatalf("read-only load repaired or failed: %v %v", got.Changes[2].Decision, err)
	}

	s = openT(t, path)
	before := historyLen(t, s, pid)
	got, err = s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64][2]string{3: {"rejected", "rejected"}, 4: {"now", "verified"}, 5: {"now", "in progress"}, 1: {"now", "triaged"}}
	for _, c := range got.Changes {
		if w, ok := want[c.ID]; ok && (c.Decision.String() != w[0] || c.Status.String() != w[1]) {
			t.Errorf("%s = %s/%s, want %s/%s", c.Ref(), c.Decision, c.Status, w[0], w[1])
		}
		if err := model.CheckDecisionStatus(c.Decision, c.Status); err != nil {
			t.Errorf("%s after load: %v", c.Ref(), err)
		}
	}
	if n := historyLen(t, s, pid); n != before+1 {
		t.Fatalf("history grew by %d entries, want 1", n-before)
	}
	h, _ := s.History(pid, 1)
	for _, ref := range []string{"CR-3", "CR-4", "CR-5"} {
		if !strings.Contains(h[0].Summary, ref) {
			t.Errorf("history entry %q does not name %s", h[0].Summary, ref)
		}
	}
	if strings.Contains(h[0].Summary, "CR-1 ") || strings.Contains(h[0].Summary, "CR-2 ") {
		t.Errorf("history entry %q names requests that were right", h[0].Summary)
	}
	s = reopen(t, s)
	if _, err := s.LoadProject(pid); err != nil {
		t.Fatal(err)
	}
	if n := historyLen(t, s, pid); n != before+1 {
		t.Fatalf("a second load wrote history again (%d entries, want %d)", n, before+1)
	}
}
