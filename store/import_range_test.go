package store

import (
	"fmt"
	"testing"
	"time"

	"mopdeck/model"
)

func importedRequests(n int) []model.ChangeRequest {
	crs := make([]model.ChangeRequest, n)
	for i := range crs {
		crs[i] = model.ChangeRequest{Title: fmt.Sprintf("imported %d", i+1), CreatedAt: t0, Impact: i%5 + 1, RaisedIn: 2}
	}
	return crs
}

func TestAnImportIsOneUndoStep(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	if _, err := s.SaveChange(pid, model.ChangeRequest{Title: "before the import"}, "Léa"); err != nil {
		t.Fatal(err)
	}
	before, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.ImportChanges(pid, importedRequests(20), "Léa")
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range got {
		if c.ID != uint64(4+i) {
			t.Fatalf("request %d numbered CR-%d, want CR-%d", i+1, c.ID, 4+i)
		}
	}
	h, err := s.History(pid, 1)
	if err != nil {
		t.Fatal(err)
	}
	if e := h[0]; historyLen(t, s, pid) != len(before.History)+1 || e.Summary != "imported 20 change requests (CR-4 to CR-23)" ||
		e.Kind != KindChanges || btoi(e.Key) != 4 || e.Through != 23 || e.Action != ActionCreate || len(e.Before)+len(e.After) != 0 {
		t.Fatalf("the import recorded %+v, want one entry for CR-4 to CR-23", e)
	}

	rec := s.Recording()
	undone, err := rec.Undo(pid, "Léa")
	if err != nil || undone.Through != 23 {
		t.Fatalf("undo: %+v %v", undone, err)
	}
	after, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(after.Changes) != len(before.Changes) {
		t.Fatalf("%d requests after one undo, want the %d there before", len(after.Changes), len(before.Changes))
	}
	for i := range before.Changes {
		if after.Changes[i] != before.Changes[i] {
			t.Errorf("undo changed %s: %+v", before.Changes[i].Ref(), after.Changes[i])
		}
	}
	last := after.History[len(after.History)-1]
	if last.Undoes != h[0].ID || last.Action != ActionDelete || last.Through != 23 || btoi(last.Key) != 4 ||
		last.Summary != "undo: imported 20 change requests (CR-4 to CR-23)" {
		t.Errorf("undo recorded %+v", last)
	}
	// One event removes all twenty, so a screen showing them drops them.
	events := rec.Events()
	if len(events) != 1 || len(events[0].Records) != 20 {
		t.Fatalf("undo events: %+v", events)
	}
	for i, r := range events[0].Records {
		if r.Kind != KindChanges || r.ID != uint64(4+i) || !r.Deleted() {
			t.Errorf("event record %d: %+v", i, r)
		}
	}
	// The next undo goes on to what came before the import.
	if e, err := s.Undo(pid, "Léa"); err != nil || e.Summary != `CR-3 "before the import" created` {
		t.Errorf("second undo: %q %v", e.Summary, err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %q %v", problems, err)
	}
	// Numbers are not given again: the next request is CR-24.
	if c, err := s.SaveChange(pid, model.ChangeRequest{Title: "next"}, "Léa"); err != nil || c.ID != 24 {
		t.Errorf("next request: %s %v", c.Ref(), err)
	}
}

func TestImportOfOneIsAnOrdinaryCreate(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	if _, err := s.ImportChanges(pid, importedRequests(1), "Léa"); err != nil {
		t.Fatal(err)
	}
	h, _ := s.History(pid, 1)
	if h[0].Summary != `CR-3 "imported 1" imported` || h[0].Through != 0 {
		t.Errorf("entry %+v", h[0])
	}
	if _, err := s.Undo(pid, "Léa"); err != nil {
		t.Fatal(err)
	}
	if crs, _ := s.Changes(pid); len(crs) != 2 {
		t.Errorf("%d requests after undo, want 2", len(crs))
	}
}

// A bundle whose history names a range keeps those numbers retired, even
// for requests deleted since.
func TestRestoredRangeRetiresItsNumbers(t *testing.T) {
	s := openT(t, tempPath(t))
	d := sample()
	d.History = append(d.History, model.HistoryEntry{ID: 2, At: t0, By: "import", Kind: KindChanges, Key: itob(3), Through: 9,
		Action: ActionCreate, Summary: "imported 7 change requests (CR-3 to CR-9)"})
	pid := createT(t, s, d).Project.ID
	if c, err := s.SaveChange(pid, model.ChangeRequest{Title: "new"}, "Léa"); err != nil || c.ID != 10 {
		t.Errorf("new request after a restored range: %s %v, want CR-10", c.Ref(), err)
	}
}

// importAndUndo imports n requests into a new project and undoes them.
func importAndUndo(t testing.TB, n int) (importTook, undoTook time.Duration) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	crs := importedRequests(n)
	start := time.Now()
	if _, err := s.ImportChanges(pid, crs, "bench"); err != nil {
		t.Fatal(err)
	}
	importTook = time.Since(start)
	start = time.Now()
	if _, err := s.Undo(pid, "bench"); err != nil {
		t.Fatal(err)
	}
	undoTook = time.Since(start)
	if crs, err := s.Changes(pid); err != nil || len(crs) != 2 {
		t.Fatalf("after undoing an import of %d: %d requests, %v", n, len(crs), err)
	}
	if h := historyLen(t, s, pid); h != 4 {
		t.Fatalf("history holds %d entries, want the bundle's, the create, the import and its undo", h)
	}
	return importTook, undoTook
}

func TestLargeImportUndoesInOneStep(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	imp, undo := importAndUndo(t, n)
	t.Logf("import of %d: %v, undo: %v", n, imp, undo)
}

func BenchmarkImportAndUndo100k(b *testing.B) {
	for i := 0; i < b.N; i++ {
		importAndUndo(b, 100_000)
	}
}
