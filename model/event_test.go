package model

import (
	"slices"
	"testing"
)

func TestApplyKeepsSetsInIDOrderAndLeavesTheOldValue(t *testing.T) {
	d := &ProjectData{
		Phases:  []Phase{{ID: 1, Name: "Discovery"}, {ID: 3, Name: "Build"}},
		Changes: []ChangeRequest{{ID: 1, Title: "a"}, {ID: 2, Title: "b"}},
		Cells:   []Assignment{{ActivityID: 1, PersonID: 1, Role: Responsible}, {ActivityID: 2, PersonID: 1, Role: Accountable}},
		Version: 7,
	}
	e := Event{From: 7, To: 9, Records: []Record{
		{Kind: KindPhases, ID: 2, Value: Phase{ID: 2, Name: "Design"}},       // insert in the middle
		{Kind: KindPhases, ID: 3},                                            // delete
		{Kind: KindChanges, ID: 2, Value: ChangeRequest{ID: 2, Title: "b2"}}, // update
		{Kind: KindCells, Cell: Assignment{ActivityID: 1, PersonID: 2}, Value: Assignment{ActivityID: 1, PersonID: 2, Role: Informed}}, // insert
		{Kind: KindCells, Cell: Assignment{ActivityID: 2, PersonID: 1}},                                                                // delete
	}}
	got := d.Apply(e)
	if names := []string{got.Phases[0].Name, got.Phases[1].Name}; len(got.Phases) != 2 || !slices.Equal(names, []string{"Discovery", "Design"}) {
		t.Fatalf("phases = %+v", got.Phases)
	}
	if got.Changes[1].Title != "b2" || got.Version != 9 {
		t.Fatalf("changes = %+v, version %d", got.Changes, got.Version)
	}
	want := []Assignment{{ActivityID: 1, PersonID: 1, Role: Responsible}, {ActivityID: 1, PersonID: 2, Role: Informed}}
	if !slices.Equal(got.Cells, want) {
		t.Fatalf("cells = %+v, want %+v", got.Cells, want)
	}
	if len(d.Phases) != 2 || d.Phases[1].Name != "Build" || len(d.Cells) != 2 || d.Version != 7 {
		t.Fatalf("the old value changed: %+v", d)
	}
}

// A snapshot taken for a command is not touched by later events, though
// requests are updated in place.
func TestSnapshotIsIsolatedFromInPlaceUpdates(t *testing.T) {
	d := &ProjectData{Changes: []ChangeRequest{{ID: 1, Title: "a"}}}
	snap := d.Snapshot()
	d = d.Apply(Event{To: 1, Records: []Record{{Kind: KindChanges, ID: 1, Value: ChangeRequest{ID: 1, Title: "edited"}}}})
	if snap.Changes[0].Title != "a" || d.Changes[0].Title != "edited" {
		t.Fatalf("snapshot %q, project %q", snap.Changes[0].Title, d.Changes[0].Title)
	}
}

func TestApplyKeepsOnlyRecentHistory(t *testing.T) {
	d := &ProjectData{}
	for i := range RecentHistory + 5 {
		d = d.Apply(Event{From: uint64(i), To: uint64(i + 1), History: []HistoryEntry{{ID: uint64(i + 1)}}})
	}
	if len(d.History) != RecentHistory || d.History[0].ID != 6 || d.History[len(d.History)-1].ID != RecentHistory+5 {
		t.Fatalf("history holds %d entries, %d to %d", len(d.History), d.History[0].ID, d.History[len(d.History)-1].ID)
	}
}
