package store

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"mopdeck/model"
)

// raciProject stores two phases, three rows and three people; Ana is
// Accountable for both Design rows, Cy holds two R's and no A.
func raciProject(t *testing.T, s *Store) uint64 {
	t.Helper()
	d, err := s.CreateProject(model.ProjectData{
		Project: model.Project{Name: "Raci", Template: "mrm", Start: t0},
		Phases:  []model.Phase{{ID: 1, Name: "Design", Order: 0}, {ID: 2, Name: "Build", Order: 1}},
		People:  []model.Person{{ID: 1, Name: "Ana"}, {ID: 2, Name: "Bo"}, {ID: 3, Name: "Cy"}},
		Activities: []model.Activity{
			{ID: 1, Name: "Design document", PhaseID: 1, Order: 0},
			{ID: 2, Name: "Design review", PhaseID: 1, Order: 1},
			{ID: 3, Name: "Build config", PhaseID: 2, Order: 2},
		},
		Cells: []model.Assignment{
			{ActivityID: 1, PersonID: 1, Role: model.Accountable},
			{ActivityID: 2, PersonID: 1, Role: model.Accountable},
			{ActivityID: 2, PersonID: 3, Role: model.Responsible},
			{ActivityID: 3, PersonID: 2, Role: model.Accountable},
			{ActivityID: 3, PersonID: 3, Role: model.Responsible},
		},
	}, "test")
	if err != nil {
		t.Fatal(err)
	}
	return d.Project.ID
}

// distinctOrders fails when two rows of a phase share an Order.
func distinctOrders(t *testing.T, s *Store, pid uint64) {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[2]uint64]string{}
	for _, a := range d.Activities {
		k := [2]uint64{a.PhaseID, uint64(a.Order)}
		if other, ok := seen[k]; ok {
			t.Fatalf("%q and %q share order %d in phase %d", other, a.Name, a.Order, a.PhaseID)
		}
		seen[k] = a.Name
	}
}

func TestAddActivityTwiceTakesTwoPlaces(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	// Both built from the same moment-old copy: the store places them.
	for _, name := range []string{"Workbooks", "Wireframes"} {
		a, err := s.AddActivity(pid, model.Activity{Name: name, PhaseID: 1}, "Hugo")
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 {
			t.Fatalf("%s got no ID", name)
		}
	}
	want := []string{"Design document", "Design review", "Workbooks", "Wireframes", "Build config"}
	if got := activityOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	distinctOrders(t, s, pid)
	h := mustHistory(t, s, pid)
	if got := h[len(h)-1].Summary; got != `activity "Wireframes" created` {
		t.Fatalf("summary = %q", got)
	}
	if _, err := s.Undo(pid, "Hugo", KindActivities); err != nil {
		t.Fatal(err)
	}
	if got := activityOrder(t, s, pid); slices.Contains(got, "Wireframes") {
		t.Fatalf("undo kept the row: %v", got)
	}
	if _, err := s.AddActivity(pid, model.Activity{ID: 2, Name: "x", PhaseID: 1}, "Hugo"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("AddActivity with an ID: err = %v, want ErrInvalid", err)
	}
	if _, err := s.AddActivity(pid, model.Activity{Name: "x", PhaseID: 99}, "Hugo"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("AddActivity to a missing phase: err = %v, want ErrInvalid", err)
	}
}

func TestMoveActivityStartsFromTheStoredRows(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	if _, err := s.AddActivity(pid, model.Activity{Name: "Workbooks", PhaseID: 1}, "Hugo"); err != nil {
		t.Fatal(err)
	}
	d, _ := s.LoadProject(pid)
	id := d.Activities[len(d.Activities)-1].ID
	n := len(mustHistory(t, s, pid))

	// Two moves up typed together: each starts where the last one left
	// the row, so it goes up two places, not one twice.
	for range 2 {
		moved, err := s.MoveActivity(pid, id, -1, "Hugo")
		if err != nil {
			t.Fatal(err)
		}
		if len(moved) < 2 {
			t.Fatalf("a move renumbered %d rows, want 2 or more", len(moved))
		}
	}
	want := []string{"Workbooks", "Design document", "Design review", "Build config"}
	if got := activityOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	h := mustHistory(t, s, pid)
	if len(h) != n+2 || h[len(h)-1].Summary != `activity "Workbooks" moved up` {
		t.Fatalf("history grew by %d, newest %q; want one entry per move", len(h)-n, h[len(h)-1].Summary)
	}
	// A rename after the move changes the name only.
	if _, err := s.UpdateActivity(pid, id, "Hugo", func(a model.Activity) (model.Activity, error) {
		a.Name = "Design workbooks"
		return a, nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := activityOrder(t, s, pid)[0]; got != "Design workbooks" {
		t.Fatalf("first row = %q", got)
	}
	distinctOrders(t, s, pid)

	// At the end of its phase: nothing moves, nothing is recorded.
	n = len(mustHistory(t, s, pid))
	moved, err := s.MoveActivity(pid, id, -1, "Hugo")
	if err != nil || len(moved) != 0 {
		t.Fatalf("moving the first row up: %v, %v", moved, err)
	}
	if got := len(mustHistory(t, s, pid)); got != n {
		t.Fatalf("a move that moved nothing recorded history")
	}
	// One undo takes back one whole move.
	if _, err := s.Undo(pid, "Hugo", KindActivities); err != nil { // the rename
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "Hugo", KindActivities); err != nil {
		t.Fatal(err)
	}
	want = []string{"Design document", "Workbooks", "Design review", "Build config"}
	if got := activityOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("after undoing one move: %v, want %v", got, want)
	}
	if _, err := s.MoveActivity(pid, 99, 1, "Hugo"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("moving a missing row: err = %v, want ErrNotFound", err)
	}
}

func TestTieActivityPutsTheRowLastThere(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	a, ok, err := s.TieActivity(pid, 1, 2, "Hugo")
	if err != nil || !ok {
		t.Fatalf("tie: %v, %v", ok, err)
	}
	if a.PhaseID != 2 {
		t.Fatalf("tied row = %+v", a)
	}
	want := []string{"Design review", "Build config", "Design document"}
	if got := activityOrder(t, s, pid); !slices.Equal(got, want) {
		t.Fatalf("rows = %v, want %v", got, want)
	}
	distinctOrders(t, s, pid)
	h := mustHistory(t, s, pid)
	if got := h[len(h)-1].Summary; got != `activity "Design document" tied to phase "Build"` {
		t.Fatalf("summary = %q", got)
	}
	if _, ok, err := s.TieActivity(pid, 1, 2, "Hugo"); ok || err != nil {
		t.Fatalf("tying to the phase it is in: %v, %v", ok, err)
	}
	if _, ok, err := s.TieActivity(pid, 1, 0, "Hugo"); !ok || err != nil {
		t.Fatalf("untie: %v, %v", ok, err)
	}
	if got := activityOrder(t, s, pid); got[len(got)-1] != "Design document" {
		t.Fatalf("untied row is not last: %v", got)
	}
	if _, _, err := s.TieActivity(pid, 1, 99, "Hugo"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("tying to a missing phase: err = %v, want ErrNotFound", err)
	}
}

func TestRemovePersonRefusesWhileAccountable(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	n := len(mustHistory(t, s, pid))
	err := s.RemovePerson(pid, 1, "Hugo")
	if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "Ana is Accountable for 2 activities") {
		t.Fatalf("removing Ana: err = %v", err)
	}
	// An A given just before is seen: Cy holds none, then one.
	if err := s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 3, Role: model.Accountable}, "Hugo"); err != nil {
		t.Fatal(err)
	}
	if err := s.RemovePerson(pid, 3, "Hugo"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("removing Cy with an A: err = %v, want ErrInvalid", err)
	}
	d, _ := s.LoadProject(pid)
	if len(d.People) != 3 || len(mustHistory(t, s, pid)) != n+1 {
		t.Fatalf("a refused removal wrote: %d people", len(d.People))
	}

	if err := s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 3, Role: model.RoleNone}, "Hugo"); err != nil {
		t.Fatal(err)
	}
	rec := s.Recording()
	if err := rec.RemovePerson(pid, 3, "Hugo"); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, e := range rec.Events() {
		for _, r := range e.Records {
			kinds[r.Kind]++
		}
	}
	if kinds[KindPeople] != 1 || kinds[KindCells] != 2 {
		t.Fatalf("the removal's event holds %v, want the person and her 2 cells", kinds)
	}
	h := mustHistory(t, s, pid)
	if got := h[len(h)-1].Summary; got != `person "Cy" deleted with 2 RACI cells` {
		t.Fatalf("summary = %q", got)
	}
	if _, err := s.Undo(pid, "Hugo", KindPeople); err != nil {
		t.Fatal(err)
	}
	d, _ = s.LoadProject(pid)
	if len(d.People) != 3 || len(d.Cells) != 5 {
		t.Fatalf("undo brought back %d people, %d cells", len(d.People), len(d.Cells))
	}
	if err := s.RemovePerson(pid, 99, "Hugo"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("removing a missing person: err = %v, want ErrNotFound", err)
	}
}
