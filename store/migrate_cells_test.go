package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// testdata/schema2.bbolt was written by the schema 2 code, which stored a
// cell's one letter as its character code ("role":65), then compacted,
// and is kept as it was. Project 1 is sample() after, in this order:
// cell (1,1) R → I; cell (2,2) C removed; (2,2) R created; (1,1) I → C,
// then that undone (an undo entry holding cells); person 2, Sam Roy,
// deleted with cells (1,2) A and (2,2) R and the sponsor link (a
// cascade of cells); person 3, Zoé Blanc, created and given A on (1,3);
// activity 2 deleted with cell (2,1) A; (1,3) A → C. Project 2,
// "Second", is sample() with cell (2,2) C → I.
const schema2Fixture = "testdata/schema2.bbolt"

func schema2Copy(t *testing.T) string { return fixtureCopy(t, schema2Fixture) }

// numericRole finds a letter stored as a number.
var numericRole = regexp.MustCompile(`"role":\d`)

// lettersAsStrings rewrites schema 2's letters in stored bytes as schema
// 3 writes them, for comparing with an older export.
func lettersAsStrings(b []byte) []byte {
	for code, l := range map[string]string{"82": "R", "65": "A", "67": "C", "73": "I"} {
		b = bytes.ReplaceAll(b, []byte(`"role":`+code+`}`), []byte(`"role":"`+l+`"}`))
	}
	return b
}

// storedValues returns every value of a project's cells and history, raw.
func storedValues(t *testing.T, s *Store, pid uint64) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	s.db.View(func(tx *bolt.Tx) error {
		pb := tx.Bucket(bucketProjects).Bucket(itob(pid))
		for _, kind := range []string{KindCells, kindHistory} {
			pb.Bucket([]byte(kind)).ForEach(func(k, v []byte) error {
				out[fmt.Sprintf("%s %x", kind, k)] = bytes.Clone(v)
				return nil
			})
		}
		return nil
	})
	return out
}

func cellsOf(t *testing.T, s *Store, pid uint64) map[[2]uint64]model.Role {
	t.Helper()
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	out := map[[2]uint64]model.Role{}
	for _, c := range d.Cells {
		out[[2]uint64{c.ActivityID, c.PersonID}] = c.Role
	}
	return out
}

func sameCells(t *testing.T, what string, got map[[2]uint64]model.Role, want map[[2]uint64]model.Role) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s: cells %v, want %v", what, got, want)
	}
}

func TestSchema2FileIsUpgradedToLetterSets(t *testing.T) {
	path := schema2Copy(t)
	sum := fileSum(t, path)
	s := openT(t, path)
	if s.SchemaBackup() != path+".schema2.bak" || fileSum(t, s.SchemaBackup()) != sum {
		t.Fatalf("SchemaBackup = %q; want the untouched original beside the file", s.SchemaBackup())
	}
	s.db.View(func(tx *bolt.Tx) error {
		if v := string(tx.Bucket(bucketMeta).Get(keySchema)); v != "3" {
			t.Errorf("schema after the upgrade = %q, want 3", v)
		}
		return nil
	})
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("Check after the upgrade: %q %v", problems, err)
	}
	for _, pid := range []uint64{1, 2} {
		vals := storedValues(t, s, pid)
		holds := 0
		for k, v := range vals {
			if numericRole.Match(v) {
				t.Errorf("project %d, %s still holds a letter as a number: %s", pid, k, v)
			}
			if bytes.Contains(v, []byte(`"role":"`)) {
				holds++
			}
		}
		if holds == 0 {
			t.Errorf("project %d holds no cell at all after the upgrade", pid)
		}
	}
	I, C, A, R := model.Informed, model.Consulted, model.Accountable, model.Responsible
	sameCells(t, "project 1", cellsOf(t, s, 1), map[[2]uint64]model.Role{{1, 1}: I, {1, 3}: C})
	sameCells(t, "project 2", cellsOf(t, s, 2), map[[2]uint64]model.Role{{1, 1}: R, {1, 2}: A, {2, 1}: A, {2, 2}: I})

	// Entries that hold no cell are kept byte for byte.
	h, err := s.History(1, 0)
	if err != nil || len(h) != 12 {
		t.Fatalf("history: %d entries, %v", len(h), err)
	}
	if h[1].Kind != KindProject || !bytes.Contains(h[1].After, []byte(`"name":"CRM roll-out"`)) {
		t.Errorf("entry 2 = %+v", h[1])
	}
	if string(h[2].Before) != `{"v":1,"d":{"activity_id":1,"person_id":1,"role":"R"}}` {
		t.Errorf("entry 3 before = %s", h[2].Before)
	}
}

// Every entry recorded before the upgrade is undone after it, in the
// cells' new layout: each undo compares what an entry wrote with what is
// stored, so both must have been rewritten alike.
func TestUndoWalksBackCellsRecordedBeforeTheUpgrade(t *testing.T) {
	s := openT(t, schema2Copy(t))
	I, C, A, R := model.Informed, model.Consulted, model.Accountable, model.Responsible
	steps := []struct {
		summary string
		cells   map[[2]uint64]model.Role
	}{
		{`"Zoé Blanc": A → C`, map[[2]uint64]model.Role{{1, 1}: I, {1, 3}: A}},
		{`activity "Design document" deleted with 1 RACI cell`, map[[2]uint64]model.Role{{1, 1}: I, {1, 3}: A, {2, 1}: A}},
		{`"Zoé Blanc": none → A`, map[[2]uint64]model.Role{{1, 1}: I, {2, 1}: A}},
		{`person "Zoé Blanc" created`, map[[2]uint64]model.Role{{1, 1}: I, {2, 1}: A}},
		{`person "Sam Roy" deleted with 2 RACI cells`, map[[2]uint64]model.Role{{1, 1}: I, {1, 2}: A, {2, 1}: A, {2, 2}: R}},
		{`"Sam Roy": none → R`, map[[2]uint64]model.Role{{1, 1}: I, {1, 2}: A, {2, 1}: A}},
		{`"Sam Roy": C → none`, map[[2]uint64]model.Role{{1, 1}: I, {1, 2}: A, {2, 1}: A, {2, 2}: C}},
		{`"Léa Martin": R → I`, map[[2]uint64]model.Role{{1, 1}: R, {1, 2}: A, {2, 1}: A, {2, 2}: C}},
	}
	for _, st := range steps {
		e, err := s.Undo(1, "Léa")
		if err != nil || !strings.Contains(e.Summary, st.summary) {
			t.Fatalf("undo: %q %v, want %q", e.Summary, err, st.summary)
		}
		sameCells(t, "after undoing "+st.summary, cellsOf(t, s, 1), st.cells)
	}
	d, _ := s.LoadProject(1)
	if d.Project.SponsorID != 2 {
		t.Errorf("sponsor after the undos = %d, want Sam back (2)", d.Project.SponsorID)
	}
	if _, err := s.Undo(1, "Léa"); err == nil {
		t.Error("undo went past the project's creation")
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("Check after the undos: %q %v", problems, err)
	}
}

func TestManyCellsAreUpgradedAcrossChunks(t *testing.T) {
	path := schema2Copy(t)
	n := 2*historyChunk + 5
	withRawFile(t, path, func(tx *bolt.Tx) error {
		cb := tx.Bucket(bucketProjects).Bucket(itob(2)).Bucket([]byte(KindCells))
		for i := 0; i < n; i++ {
			v := fmt.Sprintf(`{"v":1,"d":{"activity_id":%d,"person_id":1,"role":67}}`, 100+i)
			if err := cb.Put(CellKey(uint64(100+i), 1), []byte(v)); err != nil {
				return err
			}
		}
		return nil
	})
	s := openT(t, path)
	for k, v := range storedValues(t, s, 2) {
		if numericRole.Match(v) {
			t.Fatalf("%s not upgraded: %s", k, v)
		}
	}
	if got := len(cellsOf(t, s, 2)); got != n+4 {
		t.Fatalf("%d cells after the upgrade, want %d", got, n+4)
	}
}

func TestUpgradeThatCannotReadACellChangesNothing(t *testing.T) {
	path := schema2Copy(t)
	withRawFile(t, path, func(tx *bolt.Tx) error {
		cb := tx.Bucket(bucketProjects).Bucket(itob(2)).Bucket([]byte(KindCells))
		return cb.Put(CellKey(2, 2), []byte(`{"v":1,"d":{"activity_id":2,"person_id":2,"role":88}}`))
	})
	sum := fileSum(t, path)
	_, err := Open(path, Options{})
	want := fmt.Sprintf("cannot upgrade %s from schema 2: project 2, RACI cell (activity 2, person 2):", path)
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "the file was not changed") {
		t.Fatalf("Open = %v\nwant %q…", err, want)
	}
	if fileSum(t, path) != sum {
		t.Error("a failed upgrade changed the file")
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("a failed upgrade left copies: %v", m)
	}
}

// The letters an older file or bundle holds as numbers read as they were.
func TestOldLetterCodesStillRead(t *testing.T) {
	for code, want := range map[int]model.Role{0: model.RoleNone, 'R': model.Responsible, 'A': model.Accountable, 'C': model.Consulted, 'I': model.Informed} {
		var a model.Assignment
		if err := json.Unmarshal([]byte(fmt.Sprintf(`{"role":%d}`, code)), &a); err != nil || a.Role != want {
			t.Errorf("role %d reads %q %v, want %q", code, a.Role, err, want)
		}
	}
}
