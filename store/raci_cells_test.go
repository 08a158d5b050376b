package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

func cellOf(t *testing.T, s *Store, pid, act, person uint64) model.Role {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Cells {
		if c.ActivityID == act && c.PersonID == person {
			return c.Role
		}
	}
	return model.RoleNone
}

// A key toggles its letter on the cell as stored: A then R is A/R, one
// history entry each; the same key again takes its letter off, and the
// last letter off deletes the cell. Undo walks it back one key at a time.
func TestToggleCellCombinesLetters(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	steps := []struct {
		letter model.Role
		want   model.Role
		action string
	}{
		{model.Accountable, model.Accountable, ActionCreate},
		{model.Responsible, model.Accountable | model.Responsible, ActionUpdate},
		{model.Accountable, model.Responsible, ActionUpdate},
		{model.Responsible, model.RoleNone, ActionDelete},
	}
	for _, st := range steps {
		got, err := s.ToggleCell(pid, 1, 2, st.letter, "Ana")
		if err != nil || got != st.want || cellOf(t, s, pid, 1, 2) != st.want {
			t.Fatalf("toggle %s: returned %q %v, stored %q; want %q", st.letter, got, err, cellOf(t, s, pid, 1, 2), st.want)
		}
		h, _ := s.History(pid, 1)
		if h[0].Action != st.action {
			t.Errorf("toggle %s recorded %q, want %q (%s)", st.letter, h[0].Action, st.action, h[0].Summary)
		}
	}
	h, _ := s.History(pid, 3)
	if !strings.HasSuffix(h[0].Summary, "A → A/R") || !strings.HasSuffix(h[1].Summary, "A/R → R") {
		t.Errorf("summaries: %q, %q", h[0].Summary, h[1].Summary)
	}
	for _, want := range []model.Role{model.Responsible, model.Accountable | model.Responsible, model.Accountable, model.RoleNone} {
		if _, err := s.Undo(pid, "Ana"); err != nil {
			t.Fatal(err)
		}
		if got := cellOf(t, s, pid, 1, 2); got != want {
			t.Fatalf("after undo: %q, want %q", got, want)
		}
	}
}

func TestToggleCellRefusals(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	before := historyLen(t, s, pid)
	for _, tc := range []struct {
		name   string
		act    uint64
		person uint64
		letter model.Role
		want   string
	}{
		{"two letters at once", 1, 2, model.Accountable | model.Responsible, "toggles one RACI letter"},
		{"no letter", 1, 2, model.RoleNone, "toggles one RACI letter"},
		{"unknown activity", 99, 2, model.Responsible, "activity 99, which does not exist"},
		{"unknown person", 1, 99, model.Responsible, "person 99, who does not exist"},
	} {
		_, err := s.ToggleCell(pid, tc.act, tc.person, tc.letter, "Ana")
		if err == nil || !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want %q", tc.name, err, tc.want)
		}
	}
	if err := s.SetCell(pid, model.Assignment{ActivityID: 1, PersonID: 2, Role: model.Role(0x30)}, "Ana"); !errors.Is(err, ErrInvalid) {
		t.Errorf("SetCell with unknown letters: %v", err)
	}
	if n := historyLen(t, s, pid); n != before {
		t.Errorf("refusals recorded %d entries", n-before)
	}
}

// A cell is stored with its letters as a string, which a mopdeck from
// before combined cells (a number there) refuses rather than misreads.
func TestCellIsStoredAsLetters(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	if _, err := s.ToggleCell(pid, 1, 2, model.Responsible, "Ana"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ToggleCell(pid, 1, 2, model.Accountable, "Ana"); err != nil {
		t.Fatal(err)
	}
	var raw []byte
	s.db.View(func(tx *bolt.Tx) error {
		raw = bytes.Clone(tx.Bucket(bucketProjects).Bucket(itob(pid)).Bucket([]byte(KindCells)).Get(CellKey(1, 2)))
		return nil
	})
	if want := `{"v":1,"d":{"activity_id":1,"person_id":2,"role":"AR"}}`; string(raw) != want {
		t.Fatalf("stored %s, want %s", raw, want)
	}
	var old struct {
		D struct {
			Role byte `json:"role"`
		} `json:"d"`
	}
	if err := json.Unmarshal(raw, &old); err == nil {
		t.Errorf("a one-letter reader read %s as %q", raw, old.D.Role)
	}
}

// Check reports a cell left in the one-letter layout in a file that
// says it holds letters as strings.
func TestCheckFindsCellsInTheOldLayout(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketProjects).Bucket(itob(pid)).Bucket([]byte(KindCells)).
			Put(CellKey(1, 1), []byte(`{"v":1,"d":{"activity_id":1,"person_id":1,"role":65}}`))
	})
	problems, err := s.Check()
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "holds its letter as a number") {
		t.Fatalf("Check = %q %v", problems, err)
	}
	// It still reads as what it said: an A.
	if got := cellOf(t, s, pid, 1, 1); got != model.Accountable {
		t.Errorf("old cell reads %q, want A", got)
	}
}

// The events of toggles replay to the stored matrix.
func TestToggleEventsCarryTheCell(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := raciProject(t, s)
	start, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	rec := s.Recording()
	for _, l := range []model.Role{model.Accountable, model.Responsible, model.Consulted, model.Accountable} {
		if _, err := rec.ToggleCell(pid, 2, 2, l, "Ana"); err != nil {
			t.Fatal(err)
		}
	}
	cur := &start
	for _, e := range rec.Events() {
		cur = cur.Apply(e)
	}
	want, _ := s.LoadProject(pid)
	if !reflect.DeepEqual(cur.Cells, want.Cells) {
		t.Fatalf("replayed cells %+v\nstored %+v", cur.Cells, want.Cells)
	}
	if got := cellOf(t, s, pid, 2, 2); got != model.Responsible|model.Consulted {
		t.Fatalf("cell = %q, want R/C", got)
	}
}
