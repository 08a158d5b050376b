package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

const top = math.MaxUint64

// hostileBundle is sample() numbered at the very end of uint64, with a
// history that names records deleted since, a range, a cell, an undo, and
// an update whose Before would overwrite a request if undo ever reached
// it. Every number is written out by hand, not by the code under test.
func hostileBundle() model.ProjectData {
	const (
		lea, sam           = top - 10, top - 3
		discovery, design  = top - 7, top
		cr1, cr2, crGone   = top, 3, top - 4
		act1, act2         = top - 1, 1 << 63
		doc, list          = top - 2, top - 5
		rangeLo, rangeHigh = 10, top - 6
	)
	d := sample()
	d.Project.SponsorID, d.Project.LeadID, d.Project.MeID = sam, lea, lea
	d.People[0].ID, d.People[1].ID = lea, sam
	d.Phases[0].ID, d.Phases[1].ID = discovery, design
	d.Phases[0].Deliverables[0].DocID = doc
	d.Phases[0].Checklist[0].ByID = lea
	d.Phases[0].Gate.ByID = sam
	d.Phases[0].Gate.Override.ByID = lea
	d.Changes[0].ID, d.Changes[0].RaisedIn = cr1, design
	d.Changes[1].ID = cr2
	d.Activities[0].ID, d.Activities[0].PhaseID = act1, discovery
	d.Activities[1].ID, d.Activities[1].PhaseID = act2, design
	d.Cells = []model.Assignment{
		{ActivityID: act1, PersonID: sam, Role: model.Accountable},
		{ActivityID: act1, PersonID: lea, Role: model.Responsible},
		{ActivityID: act2, PersonID: lea, Role: model.Accountable},
		{ActivityID: act2, PersonID: sam, Role: model.Consulted},
	}
	d.Docs[0].ID, d.Docs[0].PhaseID = doc, discovery
	d.Checklists[0].ID = list
	d.Checklists[0].Items[0].ByID = lea
	evil := []byte(`{"v":1,"d":{"id":3,"title":"EVIL","created_at":"2025-03-03T09:00:00Z","decision":0,"status":0}}`)
	d.History = []model.HistoryEntry{
		{ID: 7, At: t0, By: "b", Kind: KindCells, Key: CellKey(act1, sam), Action: ActionCreate, Summary: "cell"},
		{ID: 8, At: t0, By: "b", Kind: KindChanges, Key: itob(crGone), Action: ActionDelete, Summary: "gone", Before: evil, Undoes: top},
		{ID: 9, At: t0, By: "b", Kind: KindChanges, Key: itob(rangeLo), Through: rangeHigh, Action: ActionCreate, Summary: "range"},
		{ID: top - 1, At: t0, By: "b", Kind: KindProject, Key: keyProject, Action: ActionCreate, Summary: "created"},
		{ID: top, At: t0, By: "b", Kind: KindChanges, Key: itob(cr1), Action: ActionUpdate, Summary: "update", Before: evil, After: evil},
	}
	return d
}

func jsonCopy(t *testing.T, d model.ProjectData) []byte {
	t.Helper()
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// A bundle numbered at the end of uint64 is imported with new numbers,
// every reference following its record; undo never reaches the bundle's
// own history; the counters have room, so later writes overwrite nothing.
func TestRestoreRenumbersEveryRecordAndReference(t *testing.T) {
	s := openT(t, tempPath(t))
	in := hostileBundle()
	was := jsonCopy(t, in)
	got, err := s.RestoreProject(in, false, "importer")
	if err != nil {
		t.Fatalf("RestoreProject: %v", err)
	}
	if string(jsonCopy(t, in)) != string(was) {
		t.Error("RestoreProject changed the caller's data")
	}
	eachID(&got, func(kind string, id *uint64) {
		if *id > 1<<40 {
			t.Errorf("%s %d kept a number near the end of the counter", kind, *id)
		}
	})

	person := func(id uint64) string {
		p, ok := got.Person(id)
		if !ok {
			return fmt.Sprintf("missing person %d", id)
		}
		return p.Name
	}
	phase := func(id uint64) string {
		for _, ph := range got.Phases {
			if ph.ID == id {
				return ph.Name
			}
		}
		return fmt.Sprintf("missing phase %d", id)
	}
	byTitle := map[string]model.ChangeRequest{}
	for _, c := range got.Changes {
		byTitle[c.Title] = c
	}
	cr1 := byTitle["Add a lead-source field"]
	disc := got.Phases[slices.IndexFunc(got.Phases, func(p model.Phase) bool { return p.Name == "Discovery" })]
	acts := map[string]uint64{}
	for _, a := range got.Activities {
		acts[a.Name] = a.ID
		want := map[string]string{"Discovery sign-off": "Discovery", "Design document": "Design"}[a.Name]
		if phase(a.PhaseID) != want {
			t.Errorf("activity %q is in %s, want %s", a.Name, phase(a.PhaseID), want)
		}
	}
	people := map[string]uint64{}
	for _, p := range got.People {
		people[p.Name] = p.ID
	}
	for _, c := range []struct{ what, got, want string }{
		{"sponsor", person(got.Project.SponsorID), "Sam Roy"},
		{"lead", person(got.Project.LeadID), "Léa Martin"},
		{"me", person(got.Project.MeID), "Léa Martin"},
		{"CR raised in", phase(cr1.RaisedIn), "Design"},
		{"phase checklist ticked by", person(disc.Checklist[0].ByID), "Léa Martin"},
		{"gate signed by", person(disc.Gate.ByID), "Sam Roy"},
		{"override by", person(disc.Gate.Override.ByID), "Léa Martin"},
		{"checklist ticked by", person(got.Checklists[0].Items[0].ByID), "Léa Martin"},
		{"doc phase", phase(got.Docs[0].PhaseID), "Discovery"},
	} {
		if c.got != c.want {
			t.Errorf("%s: %s, want %s", c.what, c.got, c.want)
		}
	}
	if disc.Deliverables[0].DocID != got.Docs[0].ID {
		t.Errorf("the deliverable points at doc %d, the doc is %d", disc.Deliverables[0].DocID, got.Docs[0].ID)
	}
	wantCells := map[[2]uint64]model.Role{
		{acts["Discovery sign-off"], people["Sam Roy"]}:    model.Accountable,
		{acts["Discovery sign-off"], people["Léa Martin"]}: model.Responsible,
		{acts["Design document"], people["Léa Martin"]}:    model.Accountable,
		{acts["Design document"], people["Sam Roy"]}:       model.Consulted,
	}
	for _, c := range got.Cells {
		if wantCells[[2]uint64{c.ActivityID, c.PersonID}] != c.Role {
			t.Errorf("cell %+v is not one of the bundle's", c)
		}
	}

	// History names the same records under their new numbers; the copies
	// in the old numbering are gone.
	h := map[string]model.HistoryEntry{}
	for _, e := range got.History[:len(got.History)-1] {
		h[e.Summary] = e
		if e.Before != nil || e.After != nil {
			t.Errorf("entry %q keeps a copy in the old numbering", e.Summary)
		}
	}
	if k := h["update"].Key; btoi(k) != cr1.ID {
		t.Errorf("the update names CR %d, the request is %s", btoi(k), cr1.Ref())
	}
	if k := h["cell"].Key; string(k) != string(CellKey(acts["Discovery sign-off"], people["Sam Roy"])) {
		t.Errorf("the cell entry names %x", k)
	}
	if h["gone"].Undoes != h["update"].ID {
		t.Errorf("the undo names entry %d, the entry it undid is %d", h["gone"].Undoes, h["update"].ID)
	}
	lo, hi := btoi(h["range"].Key), h["range"].Through
	gone := btoi(h["gone"].Key)
	for _, c := range got.Changes {
		if c.ID >= lo && c.ID <= hi {
			t.Errorf("%s fell into the range %d–%d, which held none of the bundle's requests", c.Ref(), lo, hi)
		}
		if c.ID == gone {
			t.Errorf("%s took the number of the deleted request", c.Ref())
		}
	}

	// Undo stops at the import: the bundle's entries are not undone.
	if _, err := s.Undo(got.Project.ID, "t"); !errors.Is(err, ErrNothingToUndo) {
		t.Errorf("undo after the import: %v, want nothing to undo", err)
	}
	crs, _ := s.Changes(got.Project.ID)
	for _, c := range crs {
		if c.Title == "EVIL" {
			t.Fatalf("undo wrote the bundle's before over %s", c.Ref())
		}
	}

	// New records take fresh numbers; an import of 50 overwrites nothing.
	np, err := s.SavePerson(got.Project.ID, model.Person{Name: "New"}, "t")
	if err != nil {
		t.Fatal(err)
	}
	if np.ID <= max(people["Sam Roy"], people["Léa Martin"]) {
		t.Errorf("the new person took number %d", np.ID)
	}
	fifty := importedRequests(50)
	for i := range fifty {
		fifty[i].RaisedIn = 0
	}
	added, err := s.ImportChanges(got.Project.ID, fifty, "t")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range added {
		if c.ID <= hi || c.ID == gone || c.ID <= cr1.ID {
			t.Errorf("imported %s reuses a number the project names", c.Ref())
		}
	}
	if crs, _ := s.Changes(got.Project.ID); len(crs) != 52 {
		t.Errorf("%d requests after importing 50 into 2", len(crs))
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %v %v", problems, err)
	}
}

// A bundle mopdeck wrote keeps its numbers, gaps included: CR-12 stays
// CR-12 on the other laptop.
func TestRestoreKeepsTheNumbersOfABundleMopdeckWrote(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	if _, err := s.ImportChanges(pid, importedRequests(3000), "t"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Undo(pid, "t"); err != nil { // a gap of 3000
		t.Fatal(err)
	}
	kept, err := s.SaveChange(pid, model.ChangeRequest{Title: "after the gap", CreatedAt: t0}, "t")
	if err != nil {
		t.Fatal(err)
	}
	want, err := s.LoadProjectFull(pid)
	if err != nil {
		t.Fatal(err)
	}
	want.Project.Name = "Copy"
	got, err := s.RestoreProject(want, false, "t")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Changes, want.Changes) || !reflect.DeepEqual(got.History[:len(want.History)], want.History) {
		t.Errorf("the copy was renumbered: %s came back as %s", kept.Ref(), got.Changes[len(got.Changes)-1].Ref())
	}
}

// Every counter refuses to wrap: at its end a write is refused and
// nothing is overwritten.
func TestCountersRefuseToWrap(t *testing.T) {
	s := openT(t, tempPath(t))
	d := createT(t, s, sample())
	pid := d.Project.ID
	setSeq := func(path ...string) {
		t.Helper()
		err := s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket([]byte(path[0]))
			for _, p := range path[1:] {
				b = b.Bucket([]byte(p))
			}
			return b.SetSequence(top)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	setSeq(string(bucketProjects))
	sum := fileSum(t, s.Path())
	if _, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "Next"}}, "t"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "no project number is left") {
		t.Errorf("a project past the end: %v", err)
	}
	if fileSum(t, s.Path()) != sum {
		t.Error("a refused project changed the file")
	}
	setSeq(string(bucketProjects), string(itob(pid)), KindChanges)
	sum = fileSum(t, s.Path())
	if _, err := s.ImportChanges(pid, importedRequests(50), "t"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "no change request number is left") {
		t.Errorf("an import past the end: %v", err)
	}
	if fileSum(t, s.Path()) != sum {
		t.Error("a refused import changed the file")
	}
	if crs, _ := s.Changes(pid); !reflect.DeepEqual(crs, d.Changes) {
		t.Error("the requests changed")
	}

	// Numbers a caller gives are bounded too, so no counter is set near
	// its end.
	s = openT(t, tempPath(t))
	for name, edit := range map[string]func(*model.ProjectData){
		"record": func(d *model.ProjectData) { d.Changes[1].ID = top },
		"history key": func(d *model.ProjectData) {
			d.History = append(d.History, model.HistoryEntry{ID: 2, Kind: KindPhases, Key: itob(top), Action: ActionDelete})
		},
		"history entry": func(d *model.ProjectData) { d.History[0].ID = top },
	} {
		d := sample()
		d.Project.Name = name
		edit(&d)
		if _, err := s.CreateProject(d, "t"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "beyond") {
			t.Errorf("%s numbered %d: err = %v", name, uint64(top), err)
		}
	}
}

// eachID must visit every number the model holds: a field added to a
// record without it would keep the bundle's number on import.
func TestEachIDVisitsEveryNumber(t *testing.T) {
	var d model.ProjectData
	next := uint64(0)
	fields := map[uint64]string{}
	fill(reflect.ValueOf(&d).Elem(), "ProjectData", &next, fields)
	// Kept as is on purpose: the project's own number is the store's,
	// Version is not stored.
	for n, f := range fields {
		if f == "ProjectData.Project.ID" || f == "ProjectData.Version" {
			delete(fields, n)
		}
	}
	d.History[0].Kind, d.History[0].Key = KindChanges, itob(next+1)
	eachID(&d, func(_ string, id *uint64) { delete(fields, *id) })
	for _, f := range fields {
		t.Errorf("%s is not renumbered on import: add it to eachID", f)
	}
}

// fill gives every uint64 reachable from v a number of its own, with one
// element in each slice and every pointer set.
func fill(v reflect.Value, path string, next *uint64, fields map[uint64]string) {
	switch v.Kind() {
	case reflect.Uint64:
		*next++
		v.SetUint(*next)
		fields[*next] = path
	case reflect.Struct:
		if v.Type().PkgPath() != "mopdeck/model" {
			return // time.Time and the like
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), path+"."+v.Type().Field(i).Name, next, fields)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // JSON bytes and keys
		}
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), path+"[]", next, fields)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), path, next, fields)
	}
}

// BenchmarkRenumber100k numbers afresh a project of 100,000 requests with
// one history entry each, every number shifted so that all change.
//
//	go test ./store/ -run '^$' -bench Renumber -benchtime 5x
func BenchmarkRenumber100k(b *testing.B) {
	d := sample()
	for i := range 100_000 {
		id := uint64(top-200_000) + 2*uint64(i)
		d.Changes = append(d.Changes, model.ChangeRequest{ID: id, Title: "x", CreatedAt: t0})
		d.History = append(d.History, model.HistoryEntry{ID: uint64(10 + i), Kind: KindChanges, Key: itob(id), Action: ActionCreate})
	}
	for b.Loop() {
		c := d
		if err := renumber(&c); err != nil {
			b.Fatal(err)
		}
	}
}
