package bundle

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"mopdeck/model"
)

// testdata/project-v1.json was exported by the mopdeck of bundle version
// 1, whose history held before/after as base64 strings: a project with
// creates, updates, a batch that inserted a phase, deletes whose history
// carries dependent records (a person with their RACI cells and the
// project's sponsor link; a phase with the links to it), an undo and
// imported requests.
const v1Fixture = "testdata/project-v1.json"

func TestVersion1BundleIsConvertedAsItIsRead(t *testing.T) {
	b, err := ReadFile(v1Fixture)
	if err != nil {
		t.Fatal(err)
	}
	h := b.Data.History
	if b.Version != 1 || len(h) != 16 || len(b.Data.Changes) != 5 {
		t.Fatalf("read version %d, %d history entries, %d requests", b.Version, len(h), len(b.Data.Changes))
	}
	// Stored bytes come back byte for byte: what entry 4 wrote is what
	// entry 16 found (the title holds <, > and &, escaped when stored).
	if !bytes.Equal(h[15].Before, h[3].After) || !bytes.Contains(h[3].After, []byte(`\u003cleads\u003e`)) {
		t.Errorf("entry 16 before %s\nentry 4 after %s", h[15].Before, h[3].After)
	}
	// The person's delete carries their cells and the project as raw
	// records too.
	del := h[14]
	var env struct {
		D       json.RawMessage `json:"d"`
		Cascade []struct {
			Kind   string          `json:"kind"`
			Before json.RawMessage `json:"before"`
			After  json.RawMessage `json:"after"`
		} `json:"cascade"`
	}
	if err := json.Unmarshal(del.Before, &env); err != nil || !strings.Contains(del.Summary, "Sam Roy") || len(env.Cascade) != 3 {
		t.Fatalf("entry 15 %q before %s: %v", del.Summary, del.Before, err)
	}
	for _, it := range env.Cascade {
		if !bytes.HasPrefix(it.Before, []byte(`{"v":1,"d":{`)) || (it.Kind == model.KindCells) != (len(it.After) == 0) {
			t.Errorf("cascade item %s: before %s after %s", it.Kind, it.Before, it.After)
		}
	}

	// It imports into a store, checks clean, and the user goes on.
	s := openStore(t)
	got, err := s.RestoreProject(b.Data, false, "importer")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.History[:16], h) {
		t.Error("the imported history differs from the bundle's")
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check after import: %q %v", problems, err)
	}
	if _, err := s.SaveChange(got.Project.ID, model.ChangeRequest{Title: "after the session"}, "Léa"); err != nil {
		t.Fatal(err)
	}
	if e, err := s.Undo(got.Project.ID, "Léa"); err != nil || !strings.Contains(e.Summary, "after the session") {
		t.Errorf("undo after import: %v %v", e.Summary, err)
	}

	// Written again, it is a version 2 bundle that reads back the same.
	var buf bytes.Buffer
	if err := Write(&buf, b.Data, "test", now); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(buf.Bytes(), []byte(`"before":"eyJ`)) {
		t.Error("the new bundle still holds base64")
	}
	again, err := Read(&buf, "again.json")
	if err != nil || again.Version != Version || !reflect.DeepEqual(again.Data, b.Data) {
		t.Errorf("version 2 round trip: v%d %v", again.Version, err)
	}
}

func TestNullHistoryValuesReadAsNone(t *testing.T) {
	text := `{"format":"mopdeck-project","version":2,"data":{"project":{"name":"X"},
		"history":[{"id":1,"kind":"changes","key":"AAAAAAAAAAE=","action":"create","before":null,"after":null}]}}`
	b, err := Read(strings.NewReader(text), "x.json")
	if err != nil {
		t.Fatal(err)
	}
	if e := b.Data.History[0]; e.Before != nil || e.After != nil {
		t.Errorf("before %q after %q, want none", e.Before, e.After)
	}
}
