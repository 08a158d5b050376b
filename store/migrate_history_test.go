package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
	"mopdeck/store/bundle"
)

// testdata/schema1.bbolt (not .db, which git ignores) was written by the
// schema 1 code (history before/after as base64), compacted, and is kept
// as it was. It holds two projects. Project 1, "CRM roll-out 2025", is
// sample() after: CR-3 created and its decision set; a RACI cell changed
// and one removed; the project renamed; a phase "Build" inserted by a
// batch (a cascade item with no before); phase 1 deleted, unlinking an
// activity and a doc, then that undone; CR-4 to CR-6 imported, one entry
// each; CR-2 deleted; person 2 (the sponsor) deleted with two cells
// (cascade items with no after, and the project's sponsor link); CR-3's
// title and impact edited last. Project 2, "Second", has one request
// whose impact was edited. bundle/testdata/project-v1.json is project 1
// exported by the same code in the same state: version 1, base64 history.
const schema1Fixture = "testdata/schema1.bbolt"

// schema1Copy copies the fixture to a new folder and returns its path.
func schema1Copy(t *testing.T) string { return fixtureCopy(t, schema1Fixture) }

// fixtureCopy copies a kept database file to a new folder, so a test may
// migrate and write it, and returns the copy's path.
func fixtureCopy(t *testing.T, fixture string) string {
	t.Helper()
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := tempPath(t)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestSchema1FileIsUpgradedInPlace(t *testing.T) {
	path := schema1Copy(t)
	sum := fileSum(t, path)
	s := openT(t, path)

	if s.SchemaBackup() != path+".schema1.bak" || fileSum(t, s.SchemaBackup()) != sum {
		t.Fatalf("SchemaBackup = %q; want the untouched original beside the file", s.SchemaBackup())
	}
	s.db.View(func(tx *bolt.Tx) error {
		if v := strconv.Itoa(SchemaVersion); string(tx.Bucket(bucketMeta).Get(keySchema)) != v {
			t.Errorf("schema after the upgrade = %q, want %s", tx.Bucket(bucketMeta).Get(keySchema), v)
		}
		return nil
	})
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("Check after the upgrade: %q %v", problems, err)
	}

	// The records are those the old mopdeck exported, and the history
	// reads as the old bundle does once converted.
	got, err := s.LoadProjectFull(1)
	if err != nil {
		t.Fatal(err)
	}
	old, err := bundle.ReadFile("bundle/testdata/project-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	want := old.Data
	want.Project.ID, want.Version = got.Project.ID, got.Version
	// The upgrade goes on to schema 3, which writes a cell's letter as a
	// string where the bundle's history keeps schema 1's number.
	for i := range want.History {
		want.History[i].Before = lettersAsStrings(want.History[i].Before)
		want.History[i].After = lettersAsStrings(want.History[i].After)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("project 1 after the upgrade differs from its schema 1 export:\n got %+v\nwant %+v", got, want)
	}
	if got.Project.Name != "CRM roll-out 2025" || len(got.Changes) != 5 || len(got.History) != 16 || got.Project.SponsorID != 0 {
		t.Fatalf("project 1 holds %q, %d requests, %d history entries, sponsor %d",
			got.Project.Name, len(got.Changes), len(got.History), got.Project.SponsorID)
	}

	for _, e := range got.History {
		rawEverywhere(t, e)
	}
	// Stored bytes come through byte for byte (the title holds <, > and
	// &, which the encoder escapes): what entry 4 wrote is what entry 16
	// found.
	h := got.History
	if !bytes.Equal(h[15].Before, h[3].After) || !bytes.Contains(h[15].Before, []byte(`\u003cleads\u003e \u0026`)) {
		t.Errorf("entry 16 before = %s\nentry 4 after = %s", h[15].Before, h[3].After)
	}

	second, err := s.LoadProject(2)
	if err != nil || second.Project.Name != "Second" || len(second.Changes) != 1 || second.Changes[0].Impact != 1 {
		t.Fatalf("project 2: %+v %v", second.Changes, err)
	}
	sh, err := s.History(2, 0)
	if err != nil || len(sh) != 2 {
		t.Fatalf("project 2 history: %d entries, %v", len(sh), err)
	}
	for _, e := range sh {
		rawEverywhere(t, e)
	}
}

// rawEverywhere fails unless e's before and after, and those of every
// dependent record it carries, are stored records as raw JSON.
func rawEverywhere(t *testing.T, e model.HistoryEntry) {
	t.Helper()
	for _, v := range []json.RawMessage{e.Before, e.After} {
		if len(v) == 0 {
			continue
		}
		var env struct {
			V       int               `json:"v"`
			D       json.RawMessage   `json:"d"`
			Cascade []json.RawMessage `json:"cascade"`
		}
		if err := json.Unmarshal(v, &env); err != nil || env.V != 1 || len(env.D) == 0 || env.D[0] != '{' {
			t.Errorf("entry %d %q: not a stored record: %.80s (%v)", e.ID, e.Summary, v, err)
			continue
		}
		for _, c := range env.Cascade {
			var it map[string]json.RawMessage
			if err := json.Unmarshal(c, &it); err != nil {
				t.Errorf("entry %d: cascade item %s: %v", e.ID, c, err)
			}
			for _, k := range []string{"before", "after"} {
				if b, ok := it[k]; ok && !bytes.HasPrefix(b, []byte(`{"v":1,"d":{`)) {
					t.Errorf("entry %d %q: cascade %s is not a raw record: %.60s", e.ID, e.Summary, k, b)
				}
			}
		}
	}
}

func TestUndoWalksBackHistoryRecordedBeforeTheUpgrade(t *testing.T) {
	s := openT(t, schema1Copy(t))
	undo := func(want string) {
		t.Helper()
		e, err := s.Undo(1, "Léa")
		if err != nil || !strings.Contains(e.Summary, want) {
			t.Fatalf("undo: %q %v, want %q", e.Summary, err, want)
		}
	}
	cr := func(id uint64) (model.ChangeRequest, bool) {
		crs, err := s.Changes(1)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range crs {
			if c.ID == id {
				return c, true
			}
		}
		return model.ChangeRequest{}, false
	}

	undo("CR-3 updated")
	if c, _ := cr(3); c.Title != "Score <leads> & MQLs" || c.Impact != 2 || c.Decision != model.DecisionNow {
		t.Errorf("CR-3 after undo: %q impact %d decision %v", c.Title, c.Impact, c.Decision)
	}
	// A delete with a cascade: the person, their cells and the
	// project's sponsor link come back.
	undo(`person "Sam Roy" deleted with 2 RACI cells`)
	d, err := s.LoadProject(1)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Person(2); !ok || d.Project.SponsorID != 2 || !hasCell(d, 1, 2, model.Accountable) || !hasCell(d, 2, 2, model.Informed) {
		t.Errorf("after undoing the person delete: sponsor %d, cells %+v", d.Project.SponsorID, d.Cells)
	}
	// That load put CR-3 (decided now, left new by schema 1) right: its
	// entry comes first, and undoing it changes nothing.
	undo("decision and status made to agree")
	undo("CR-2")
	if _, ok := cr(2); !ok {
		t.Error("CR-2 not back")
	}
	// Imports of schema 1 are one entry per request.
	undo("CR-6")
	if _, ok := cr(6); ok {
		t.Error("CR-6 still there")
	}
	undo("CR-5")
	undo("CR-4")
	// The phase batch: the inserted phase goes, the renumbered one gets
	// its place back.
	undo(`phase "Build" inserted`)
	d, err = s.LoadProject(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Phases) != 2 || d.Phases[1].Order != 2 {
		t.Errorf("phases after undoing the batch: %+v", d.Phases)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check after the undos: %q %v", problems, err)
	}
	if _, err := s.Undo(2, "Sam"); err != nil {
		t.Fatal(err)
	}
	if crs, _ := s.Changes(2); crs[0].Impact != 0 {
		t.Errorf("project 2's CR-1 after undo: impact %d", crs[0].Impact)
	}
}

func hasCell(d model.ProjectData, act, person uint64, r model.Role) bool {
	for _, c := range d.Cells {
		if c.ActivityID == act && c.PersonID == person {
			return c.Role == r
		}
	}
	return false
}

// oldEntry is a history entry as schema 1 encoded it.
type oldEntry struct {
	ID      uint64 `json:"id"`
	Kind    string `json:"kind"`
	Key     []byte `json:"key"`
	Action  string `json:"action"`
	Summary string `json:"summary"`
	Before  []byte `json:"before,omitempty"`
	After   []byte `json:"after,omitempty"`
}

// withRawFile runs fn on the file with bbolt alone, as another program.
func withRawFile(t *testing.T, path string, fn func(tx *bolt.Tx) error) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(fn)
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestLongHistoryIsUpgradedAcrossChunks(t *testing.T) {
	path := schema1Copy(t)
	n := 2*historyChunk + 7
	rec := []byte(`{"v":1,"d":{"id":1,"title":"Only \u003cone\u003e"}}`)
	withRawFile(t, path, func(tx *bolt.Tx) error {
		hb := tx.Bucket(bucketProjects).Bucket(itob(2)).Bucket([]byte(kindHistory))
		for i := 0; i < n; i++ {
			id, err := hb.NextSequence()
			if err != nil {
				return err
			}
			v, err := json.Marshal(envelope[oldEntry]{V: 1, D: oldEntry{ID: id, Kind: KindChanges, Key: itob(1),
				Action: ActionUpdate, Summary: fmt.Sprintf("edit %d", id), Before: rec, After: rec}})
			if err != nil {
				return err
			}
			if err := hb.Put(itob(id), v); err != nil {
				return err
			}
		}
		return nil
	})
	s := openT(t, path)
	h, err := s.History(2, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != n+2 {
		t.Fatalf("%d entries after the upgrade, want %d", len(h), n+2)
	}
	for _, e := range h[2:] {
		if !bytes.Equal(e.Before, rec) || !bytes.Equal(e.After, rec) {
			t.Fatalf("entry %d: before %s after %s", e.ID, e.Before, e.After)
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %q %v", problems, err)
	}
}

func TestUpgradeThatCannotReadAnEntryChangesNothing(t *testing.T) {
	path := schema1Copy(t)
	// The last entry of project 2 holds an object where schema 1 wrote a
	// base64 string: project 1 converts, then the upgrade must stop.
	withRawFile(t, path, func(tx *bolt.Tx) error {
		hb := tx.Bucket(bucketProjects).Bucket(itob(2)).Bucket([]byte(kindHistory))
		return hb.Put(itob(2), []byte(`{"v":1,"d":{"id":2,"kind":"changes","key":"AAAAAAAAAAE=","action":"update","before":{"v":1}}}`))
	})
	sum := fileSum(t, path)
	_, err := Open(path, Options{})
	want := fmt.Sprintf("cannot upgrade %s from schema 1: project 2, history entry 2, before: not a base64 string of the old layout; the file was not changed", path)
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Fatalf("Open = %v\nwant %q", err, want)
	}
	if fileSum(t, path) != sum {
		t.Error("a failed upgrade changed the file")
	}
	if m, _ := filepath.Glob(path + ".schema*"); len(m) != 0 {
		t.Errorf("a failed upgrade left copies: %v", m)
	}
	if errors.Is(err, ErrDamaged) || errors.Is(err, ErrInternal) {
		t.Errorf("an entry the upgrade cannot read is neither damage nor a bug of this run: %v", err)
	}
}
