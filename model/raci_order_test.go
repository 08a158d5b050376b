package model

import (
	"slices"
	"testing"
)

// orderFixture has two phases (Design before Build, created the other
// way round) and rows in each, plus one row tied to no phase and one tied
// to a phase that no longer exists.
func orderFixture() ProjectData {
	return ProjectData{
		Phases: []Phase{{ID: 2, Name: "Build", Order: 1}, {ID: 1, Name: "Design", Order: 0}},
		Activities: []Activity{
			{ID: 10, Name: "b1", PhaseID: 2, Order: 0},
			{ID: 11, Name: "d2", PhaseID: 1, Order: 5},
			{ID: 12, Name: "d1", PhaseID: 1, Order: 2},
			{ID: 13, Name: "loose", Order: 1},
			{ID: 14, Name: "orphan", PhaseID: 99, Order: 0},
			{ID: 15, Name: "b2", PhaseID: 2, Order: 3},
		},
	}
}

func names(acts []Activity) []string {
	out := make([]string, len(acts))
	for i, a := range acts {
		out[i] = a.Name
	}
	return out
}

func TestActivitiesInOrder(t *testing.T) {
	got := names(ActivitiesInOrder(orderFixture()))
	want := []string{"d1", "d2", "b1", "b2", "orphan", "loose"}
	if !slices.Equal(got, want) {
		t.Fatalf("order = %v, want %v", got, want)
	}
}

// apply saves moved activities back into d, as the store would.
func apply(d *ProjectData, changed []Activity) {
	for _, c := range changed {
		for i := range d.Activities {
			if d.Activities[i].ID == c.ID {
				d.Activities[i] = c
			}
		}
	}
}

func TestMoveActivity(t *testing.T) {
	tests := []struct {
		name    string
		id      uint64
		delta   int
		want    []string
		changed int
	}{
		{"down within a phase swaps two", 12, 1, []string{"d2", "d1", "b1", "b2", "orphan", "loose"}, 2},
		{"up within a phase swaps two", 15, -1, []string{"d1", "d2", "b2", "b1", "orphan", "loose"}, 2},
		{"first row cannot go up", 12, -1, nil, 0},
		{"last row of a phase stays in it", 11, 1, nil, 0},
		{"first row of a phase stays in it", 10, -1, nil, 0},
		{"untied rows move among themselves", 13, -1, []string{"d1", "d2", "b1", "b2", "loose", "orphan"}, 2},
		{"unknown activity", 77, 1, nil, 0},
		{"no move", 12, 0, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := orderFixture()
			changed := MoveActivity(d, tt.id, tt.delta)
			if len(changed) != tt.changed {
				t.Fatalf("%d activities changed, want %d: %v", len(changed), tt.changed, changed)
			}
			if tt.want == nil {
				return
			}
			apply(&d, changed)
			if got := names(ActivitiesInOrder(d)); !slices.Equal(got, tt.want) {
				t.Fatalf("after the move: %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMoveActivityWithTiedOrdersRenumbers(t *testing.T) {
	d := ProjectData{Phases: []Phase{{ID: 1, Name: "P"}}, Activities: []Activity{
		{ID: 1, Name: "a", PhaseID: 1}, {ID: 2, Name: "b", PhaseID: 1}, {ID: 3, Name: "c", PhaseID: 1},
	}}
	changed := MoveActivity(d, 3, -1)
	apply(&d, changed)
	if got := names(ActivitiesInOrder(d)); !slices.Equal(got, []string{"a", "c", "b"}) {
		t.Fatalf("after moving c up: %v", got)
	}
	// Moving it back is now a plain swap.
	changed = MoveActivity(d, 3, 1)
	if len(changed) != 2 {
		t.Fatalf("second move changed %d rows, want 2", len(changed))
	}
	apply(&d, changed)
	if got := names(ActivitiesInOrder(d)); !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Fatalf("after moving c down: %v", got)
	}
}

func TestTieActivity(t *testing.T) {
	d := orderFixture()
	a, ok := TieActivity(d, 13, 1)
	if !ok || a.PhaseID != 1 || a.Order != 6 {
		t.Fatalf("tie loose → Design = %+v, %v; want phase 1, order 6 (after d2's 5)", a, ok)
	}
	apply(&d, []Activity{a})
	if got := names(ActivitiesInOrder(d)); !slices.Equal(got, []string{"d1", "d2", "loose", "b1", "b2", "orphan"}) {
		t.Fatalf("after tying: %v", got)
	}
	if _, ok := TieActivity(d, 13, 1); ok {
		t.Fatal("tying to the same phase again should change nothing")
	}
	if _, ok := TieActivity(d, 404, 1); ok {
		t.Fatal("an unknown activity cannot be tied")
	}
	a, ok = TieActivity(d, 10, 0)
	if !ok || a.PhaseID != 0 || a.Order != 1 {
		t.Fatalf("untie b1 = %+v, %v; want phase 0, order 1 (after orphan's 0)", a, ok)
	}
	if n := NextActivityOrder(ProjectData{}, 3); n != 0 {
		t.Fatalf("next order in an empty phase = %d, want 0", n)
	}
}
