package bundle

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/model"
)

// A bundle's numbers are not trusted. One numbered 1 to 48 plus 2^64−1
// used to run the counter to its end: the next import of 50 rows wrapped
// it to 0 and wrote 48 of them over the requests already there. It is now
// imported with new numbers, and the import after it adds all 50.
func TestBundleNumberedNearTheEndIsRenumbered(t *testing.T) {
	const top = math.MaxUint64
	d := model.ProjectData{
		Project: model.Project{Name: "Near the end", LeadID: top - 1},
		People:  []model.Person{{ID: top - 1, Name: "Léa"}},
		Phases:  []model.Phase{{ID: top, Order: 1, Name: "Test"}},
	}
	for i := uint64(1); i <= 48; i++ {
		d.Changes = append(d.Changes, model.ChangeRequest{ID: i, Title: fmt.Sprintf("kept %d", i), CreatedAt: now})
	}
	d.Changes = append(d.Changes, model.ChangeRequest{ID: top, Title: "the last", RaisedIn: top, CreatedAt: now})
	d.History = []model.HistoryEntry{
		{ID: top - 1, At: now, By: "b", Kind: "changes", Key: be(top), Action: "create", Summary: "CR-last created"},
		{ID: top, At: now, By: "b", Kind: "changes", Key: be(top), Action: "update", Summary: "CR-last edited",
			Before: []byte(`{"v":1,"d":{"id":1,"title":"overwritten","created_at":"2025-01-01T00:00:00Z","decision":0,"status":0}}`)},
	}
	var buf bytes.Buffer
	if err := Write(&buf, d, "test", now); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `"id":18446744073709551615`) {
		t.Fatal("the bundle does not hold the number under test")
	}
	path := filepath.Join(t.TempDir(), "near-the-end.json")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	b, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	s := openStore(t)
	got, err := s.RestoreProject(b.Data, false, "importer")
	if err != nil {
		t.Fatalf("RestoreProject: %v", err)
	}
	pid := got.Project.ID
	rows := make([]model.ChangeRequest, 50)
	for i := range rows {
		rows[i] = model.ChangeRequest{Title: fmt.Sprintf("new %d", i+1), CreatedAt: now}
	}
	added, err := s.ImportChanges(pid, rows, "t")
	if err != nil {
		t.Fatalf("ImportChanges: %v", err)
	}
	crs, err := s.Changes(pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(crs) != 49+50 {
		t.Fatalf("%d requests after adding 50 to 49: some were overwritten", len(crs))
	}
	titles := map[string]bool{}
	for _, c := range crs {
		titles[c.Title] = true
	}
	for i := 1; i <= 48; i++ {
		if !titles[fmt.Sprintf("kept %d", i)] {
			t.Errorf("request %q is gone", fmt.Sprintf("kept %d", i))
		}
	}
	last := got.Changes[len(got.Changes)-1]
	if last.Title != "the last" || last.ID >= 1<<53 || last.RaisedIn != got.Phases[0].ID || got.Project.LeadID != got.People[0].ID {
		t.Fatalf("imported as %+v, phase %d, lead %d", last, got.Phases[0].ID, got.Project.LeadID)
	}
	for _, e := range got.History[:2] {
		if string(e.Key) != string(be(last.ID)) {
			t.Errorf("history entry %q names %x, the request is %s", e.Summary, e.Key, last.Ref())
		}
	}

	if added[0].ID <= last.ID {
		t.Errorf("the import started at %s, below the bundle's last request %s", added[0].Ref(), last.Ref())
	}
	// Undo takes back the import, then stops at the bundle.
	if _, err := s.Undo(pid, "t"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "t"); err == nil {
		t.Error("undo reached into the bundle's own history")
	}
	crs, _ = s.Changes(pid)
	if len(crs) != 49 {
		t.Errorf("after undoing the import: %d requests, want the bundle's 49", len(crs))
	}
	for _, c := range crs {
		if c.Title == "overwritten" {
			t.Errorf("undo wrote the bundle's before over %s", c.Ref())
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

func be(id uint64) []byte {
	return []byte{byte(id >> 56), byte(id >> 48), byte(id >> 40), byte(id >> 32), byte(id >> 24), byte(id >> 16), byte(id >> 8), byte(id)}
}
