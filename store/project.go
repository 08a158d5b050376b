package store

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"sync"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// Projects returns every project, in creation order (archived included).
func (s *Store) Projects() ([]model.Project, error) {
	out := []model.Project{}
	err := s.view(func(tx *bolt.Tx) error {
		root := tx.Bucket(bucketProjects)
		if root == nil {
			return nil
		}
		return root.ForEach(func(k, v []byte) error {
			if v != nil {
				return nil
			}
			pb := root.Bucket(k)
			p, err := decode[model.Project](pb.Get(keyProject))
			if err != nil {
				return damagedErr(s.path, fmt.Errorf("project %d: %w", btoi(k), err))
			}
			out = append(out, p)
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// LoadProject reads a project, slices in key (creation) order, with its
// newest model.RecentHistory history entries: what the app and the
// status report need, at a cost that does not grow with the project's
// age. d.Version is the project's version in the same read.
func (s *Store) LoadProject(id uint64) (model.ProjectData, error) {
	s.repairOnce(id) // the app's load; exports read what is stored
	return s.loadProject(id, model.RecentHistory)
}

// LoadProjectFull is LoadProject with every history entry, for bundles.
func (s *Store) LoadProjectFull(id uint64) (model.ProjectData, error) {
	return s.loadProject(id, 0)
}

func (s *Store) loadProject(id uint64, history int) (model.ProjectData, error) {
	var d model.ProjectData
	err := s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, id)
		if err != nil {
			return err
		}
		d, err = s.loadProjectTx(id, pb, history)
		return err
	})
	return d, err
}

// loadProjectTx reads a project inside tx, with its last history entries
// (all when history is 0).
func (s *Store) loadProjectTx(pid uint64, pb *bolt.Bucket, history int) (d model.ProjectData, err error) {
	bad := func(kind string, err error) error {
		return damagedErr(s.path, fmt.Errorf("project %d, %s: %w", pid, kind, err))
	}
	if d.Project, err = decode[model.Project](pb.Get(keyProject)); err != nil {
		return d, bad(KindProject, err)
	}
	if d.Phases, err = loadAll[model.Phase](pb, KindPhases); err != nil {
		return d, bad(KindPhases, err)
	}
	if d.Changes, err = loadAll[model.ChangeRequest](pb, KindChanges); err != nil {
		return d, bad(KindChanges, err)
	}
	if d.People, err = loadAll[model.Person](pb, KindPeople); err != nil {
		return d, bad(KindPeople, err)
	}
	if d.Activities, err = loadAll[model.Activity](pb, KindActivities); err != nil {
		return d, bad(KindActivities, err)
	}
	if d.Cells, err = loadAll[model.Assignment](pb, KindCells); err != nil {
		return d, bad(KindCells, err)
	}
	if d.Docs, err = loadAll[model.Doc](pb, KindDocs); err != nil {
		return d, bad(KindDocs, err)
	}
	if d.Checklists, err = loadAll[model.Checklist](pb, KindChecklists); err != nil {
		return d, bad(KindChecklists, err)
	}
	if history > 0 {
		// The app and the report need what happened, not the bytes
		// undo writes back: Undo reads those from the store.
		d.History, err = lastEntries(pb, history)
		for i := range d.History {
			d.History[i].Before, d.History[i].After = nil, nil
		}
	} else {
		d.History, err = loadAll[model.HistoryEntry](pb, kindHistory)
	}
	if err != nil {
		return d, bad(kindHistory, err)
	}
	if hb := pb.Bucket([]byte(kindHistory)); hb != nil {
		d.Version = hb.Sequence()
	}
	return d, nil
}

// loadAll decodes every value of a project's nested bucket, in key order.
// The result is never nil, so JSON bundles show [] rather than null.
func loadAll[T any](pb *bolt.Bucket, kind string) ([]T, error) {
	b := pb.Bucket([]byte(kind))
	if b == nil {
		return []T{}, nil
	}
	var keys, vals [][]byte
	err := b.ForEach(func(k, v []byte) error {
		if v != nil {
			keys, vals = append(keys, k), append(vals, v)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make([]T, len(vals))
	err = decodeAll(vals, func(i int, v []byte) error {
		t, err := decode[T](v)
		if err != nil {
			return fmt.Errorf("key %x: %w", keys[i], err)
		}
		out[i] = t
		return nil
	})
	return out, err
}

// parallelFrom is the number of values from which decoding is split
// across the cores: opening 100,000 change requests is mostly JSON.
const parallelFrom = 4096

// decodeAll runs decode on every value, on all cores when there are many.
// The values live in the file's memory map, valid while the transaction
// is open, which outlasts the call. A worker that faults on the map (the
// file truncated under it) reports damage as the caller's goroutine would.
func decodeAll(vals [][]byte, decode func(i int, v []byte) error) error {
	workers := min(runtime.GOMAXPROCS(0), len(vals)/parallelFrom+1)
	if workers <= 1 {
		for i, v := range vals {
			if err := decode(i, v); err != nil {
				return err
			}
		}
		return nil
	}
	errs := make([]error, workers)
	var wg sync.WaitGroup
	chunk := (len(vals) + workers - 1) / workers
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
			defer func() {
				if r := recover(); r != nil {
					errs[w] = fmt.Errorf("reading the file failed: %v", r)
				}
			}()
			for i := w * chunk; i < min((w+1)*chunk, len(vals)); i++ {
				if err := decode(i, vals[i]); err != nil {
					errs[w] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// SaveProject updates a project's own fields (name, dates, sponsor…).
func (s *Store) SaveProject(p model.Project, by string) (model.Project, error) {
	if p.ID == 0 {
		return p, invalidf("project %q has no ID: create it with CreateProject", p.Name)
	}
	return s.UpdateProject(p.ID, by, func(model.Project) (model.Project, error) { return p, nil })
}

// UpdateProject reads project id, applies edit and saves the result with
// history, in one transaction: a rename and a "me" chosen in quick
// succession both stay. An edit that changes nothing writes nothing.
func (s *Store) UpdateProject(id uint64, by string, edit func(model.Project) (model.Project, error)) (model.Project, error) {
	var out model.Project
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, id)
		if err != nil {
			return err
		}
		cur, old, err := s.storedProject(pb, id)
		if err != nil {
			return err
		}
		p, err := edit(old)
		if err != nil {
			return invalid(err)
		}
		p.ID = id
		if err := p.Validate(); err != nil {
			return invalid(err)
		}
		if err := projectRefs(pb, p); err != nil {
			return err
		}
		out = p
		after, err := encode(p)
		if err != nil {
			return err
		}
		if bytes.Equal(cur, after) {
			return errNoop
		}
		summary := fmt.Sprintf("project %q updated", truncate(p.Name, 40))
		if d := diffFields(pb, old, p); d != "" {
			summary += ": " + d
		}
		return s.putProject(pb, cur, after, by, summary)
	})
	return out, err
}

// storedProject reads pb's project record: its bytes, for the history,
// and its value.
func (s *Store) storedProject(pb *bolt.Bucket, pid uint64) ([]byte, model.Project, error) {
	cur := bytes.Clone(pb.Get(keyProject))
	p, err := decode[model.Project](cur)
	if err != nil {
		return nil, p, damagedErr(s.path, fmt.Errorf("project %d: %w", pid, err))
	}
	return cur, p, nil
}

// putProject writes the project record after over cur, with its history
// entry.
func (s *Store) putProject(pb *bolt.Bucket, cur, after []byte, by, summary string) error {
	s.touch(KindProject, keyProject)
	if err := pb.Put(keyProject, after); err != nil {
		return err
	}
	return s.appendHistory(pb, model.HistoryEntry{By: by, Kind: KindProject, Key: keyProject, Action: ActionUpdate,
		Summary: summary, Before: cur, After: after})
}

// projectRefs checks the people the project names exist.
func projectRefs(pb *bolt.Bucket, p model.Project) error {
	for _, r := range []struct {
		what string
		id   uint64
	}{{"sponsor", p.SponsorID}, {"lead", p.LeadID}, {`"me"`, p.MeID}} {
		if err := refPerson(pb, r.what, r.id); err != nil {
			return err
		}
	}
	return nil
}

func refPerson(pb *bolt.Bucket, what string, id uint64) error {
	if id == 0 || exists(pb, KindPeople, id) {
		return nil
	}
	return invalidf("the project's %s is person %d, who does not exist: pick someone from the project's people", what, id)
}

// CreateProject writes a whole project in one transaction: from a template,
// a bundle or a blank form. The project gets a new ID. Records keep their
// non-zero IDs (templates and bundles cross-reference them); zero IDs get
// fresh ones above the highest given; every bucket's sequence ends at or
// above its highest ID. d.History is kept as is, and one "create" entry is
// added. Everything is validated first: nothing is written on error.
func (s *Store) CreateProject(d model.ProjectData, by string) (model.ProjectData, error) {
	return s.createProject(d, by, func(*bolt.Bucket) (uint64, error) { return 0, nil })
}

// createProject is CreateProject with a step run first in the same
// transaction, on the projects bucket (RestoreProject checks names and
// removes the project a bundle replaces there). first returns the number
// the new project takes, or 0 for a new number: a project that replaces
// another takes its number, and so its place in the list and as the one
// opened by default.
func (s *Store) createProject(d model.ProjectData, by string, first func(root *bolt.Bucket) (uint64, error)) (model.ProjectData, error) {
	if err := d.Project.Validate(); err != nil {
		return d, invalid(err)
	}
	// Own copies: IDs are assigned in place.
	d.Phases = slices.Clone(d.Phases)
	d.Changes = slices.Clone(d.Changes)
	d.People = slices.Clone(d.People)
	d.Activities = slices.Clone(d.Activities)
	d.Docs = slices.Clone(d.Docs)
	d.Checklists = slices.Clone(d.Checklists)
	d.History = slices.Clone(d.History)

	var seqs [8]uint64
	var err error
	if seqs[0], err = prepare(d.Phases, phaseSpec, "phase"); err != nil {
		return d, err
	}
	if seqs[1], err = prepare(d.Changes, changeSpec, "change request"); err != nil {
		return d, err
	}
	if seqs[2], err = prepare(d.People, personSpec, "person"); err != nil {
		return d, err
	}
	if seqs[3], err = prepare(d.Activities, activitySpec, "activity"); err != nil {
		return d, err
	}
	if seqs[4], err = prepare(d.Docs, docSpec, "doc"); err != nil {
		return d, err
	}
	if seqs[5], err = prepare(d.Checklists, checklistSpec, "checklist"); err != nil {
		return d, err
	}
	histSpec := &spec[model.HistoryEntry]{
		id:       func(e *model.HistoryEntry) uint64 { return e.ID },
		setID:    func(e *model.HistoryEntry, id uint64) { e.ID = id },
		validate: func(model.HistoryEntry) error { return nil },
	}
	if seqs[6], err = prepare(d.History, histSpec, "history entry"); err != nil {
		return d, err
	}
	cells, err := prepareCells(&d)
	if err != nil {
		return d, err
	}
	if err := checkDataRefs(&d); err != nil {
		return d, err
	}
	if err := refPerson2(&d, d.Project); err != nil {
		return d, err
	}

	var out model.ProjectData
	err = s.update(func(tx *bolt.Tx) error {
		root, err := tx.CreateBucketIfNotExists(bucketProjects)
		if err != nil {
			return err
		}
		pid, err := first(root)
		if err != nil {
			return err
		}
		if pid == 0 {
			if pid, err = nextID(root, "project"); err != nil {
				return err
			}
		}
		p := d.Project
		p.ID = pid
		pb, err := root.CreateBucket(itob(pid))
		if err != nil {
			return fmt.Errorf("cannot create project %d: %w; run `mopdeck check`", pid, err)
		}
		if s.tx != nil {
			s.tx.open(pid, pb, true)
		}
		pv, err := encode(p)
		if err != nil {
			return err
		}
		if err := pb.Put(keyProject, pv); err != nil {
			return err
		}
		if err := putAll(pb, KindPhases, d.Phases, phaseSpec.id, seqs[0]); err != nil {
			return err
		}
		if err := putAll(pb, KindChanges, d.Changes, changeSpec.id, seqs[1]); err != nil {
			return err
		}
		if err := putAll(pb, KindPeople, d.People, personSpec.id, seqs[2]); err != nil {
			return err
		}
		if err := putAll(pb, KindActivities, d.Activities, activitySpec.id, seqs[3]); err != nil {
			return err
		}
		if err := putAll(pb, KindDocs, d.Docs, docSpec.id, seqs[4]); err != nil {
			return err
		}
		if err := putAll(pb, KindChecklists, d.Checklists, checklistSpec.id, seqs[5]); err != nil {
			return err
		}
		if err := putAll(pb, kindHistory, d.History, histSpec.id, seqs[6]); err != nil {
			return err
		}
		if err := retireNamedIDs(pb, &d); err != nil {
			return err
		}
		cb, err := pb.CreateBucketIfNotExists([]byte(KindCells))
		if err != nil {
			return err
		}
		for _, c := range cells {
			v, err := encode(c)
			if err != nil {
				return err
			}
			if err := cb.Put(CellKey(c.ActivityID, c.PersonID), v); err != nil {
				return err
			}
		}
		if err := s.appendHistory(pb, model.HistoryEntry{
			By: by, Kind: KindProject, Key: keyProject, Action: ActionCreate,
			Summary: createdSummary(p, &d, len(cells)), After: pv,
		}); err != nil {
			return err
		}
		out, err = s.loadProjectTx(pid, pb, 0)
		return err
	})
	if err != nil {
		return d, err
	}
	return out, nil
}

// prepare validates records and gives zero IDs fresh ones above the
// highest given ID; it returns the bucket's sequence. An ID past maxID is
// refused: the bucket's counter would end there.
func prepare[T any](items []T, sp *spec[T], noun string) (uint64, error) {
	seen := make(map[uint64]bool, len(items))
	var top uint64
	for i := range items {
		if err := sp.validate(items[i]); err != nil {
			return 0, invalid(fmt.Errorf("%s %d of %d: %w; nothing was created", noun, i+1, len(items), err))
		}
		id := sp.id(&items[i])
		if id == 0 {
			continue
		}
		if id > maxID {
			return 0, invalidf("%s %d of %d has ID %d, beyond %d, the highest mopdeck gives; nothing was created", noun, i+1, len(items), id, uint64(maxID))
		}
		if seen[id] {
			return 0, invalidf("two %s share ID %d: give each its own ID or leave it 0; nothing was created", plural(2, noun), id)
		}
		seen[id] = true
		top = max(top, id)
	}
	for i := range items {
		if sp.id(&items[i]) == 0 {
			top++
			sp.setID(&items[i], top)
		}
	}
	return top, nil
}

func putAll[T any](pb *bolt.Bucket, kind string, items []T, id func(*T) uint64, seq uint64) error {
	b, err := pb.CreateBucketIfNotExists([]byte(kind))
	if err != nil {
		return err
	}
	// Keys in order make bbolt's inserts append-only (fast and compact).
	slices.SortFunc(items, func(a, b T) int {
		x, y := id(&a), id(&b)
		switch {
		case x < y:
			return -1
		case x > y:
			return 1
		}
		return 0
	})
	for i := range items {
		v, err := encode(items[i])
		if err != nil {
			return err
		}
		if err := b.Put(itob(id(&items[i])), v); err != nil {
			return err
		}
	}
	return raiseSequence(b, seq, kind)
}

// prepareCells drops empty cells, checks letters and duplicates, and
// returns the cells to write.
func prepareCells(d *model.ProjectData) ([]model.Assignment, error) {
	acts := make(map[uint64]bool, len(d.Activities))
	for _, a := range d.Activities {
		acts[a.ID] = true
	}
	people := make(map[uint64]bool, len(d.People))
	for _, p := range d.People {
		people[p.ID] = true
	}
	seen := make(map[[2]uint64]bool, len(d.Cells))
	out := make([]model.Assignment, 0, len(d.Cells))
	for i, c := range d.Cells {
		if c.Role == model.RoleNone {
			continue
		}
		if err := validRole(c.Role); err != nil {
			return nil, invalid(fmt.Errorf("RACI cell %d of %d: %w; nothing was created", i+1, len(d.Cells), err))
		}
		if !acts[c.ActivityID] {
			return nil, invalidf("RACI cell %d of %d points at activity %d, which is not in the project; nothing was created", i+1, len(d.Cells), c.ActivityID)
		}
		if !people[c.PersonID] {
			return nil, invalidf("RACI cell %d of %d points at person %d, who is not in the project; nothing was created", i+1, len(d.Cells), c.PersonID)
		}
		k := [2]uint64{c.ActivityID, c.PersonID}
		if seen[k] {
			return nil, invalidf("RACI cell (activity %d, person %d) appears twice; nothing was created", c.ActivityID, c.PersonID)
		}
		seen[k] = true
		out = append(out, c)
	}
	d.Cells = out
	return out, nil
}

// checkDataRefs checks that change requests, activities and docs point at
// phases of the same project, and deliverables at its docs.
func checkDataRefs(d *model.ProjectData) error {
	phases := make(map[uint64]bool, len(d.Phases))
	for _, p := range d.Phases {
		phases[p.ID] = true
	}
	bad := func(what string, id uint64) error {
		return invalidf("%s points at phase %d, which is not in the project; nothing was created", what, id)
	}
	for _, c := range d.Changes {
		if c.RaisedIn != 0 && !phases[c.RaisedIn] {
			return bad(c.Ref()+" raised-in", c.RaisedIn)
		}
	}
	for _, a := range d.Activities {
		if a.PhaseID != 0 && !phases[a.PhaseID] {
			return bad(fmt.Sprintf("activity %q", a.Name), a.PhaseID)
		}
	}
	docs := make(map[uint64]bool, len(d.Docs))
	for _, doc := range d.Docs {
		if doc.PhaseID != 0 && !phases[doc.PhaseID] {
			return bad(fmt.Sprintf("doc %q", doc.Title), doc.PhaseID)
		}
		docs[doc.ID] = true
	}
	for _, p := range d.Phases {
		for _, dl := range p.Deliverables {
			if dl.DocID != 0 && !docs[dl.DocID] {
				return invalidf("deliverable %q of phase %q points at doc %d, which is not in the project; nothing was created", truncate(dl.Name, 40), truncate(p.Name, 40), dl.DocID)
			}
		}
	}
	return nil
}

// refPerson2 checks the project's links to people against the data given.
func refPerson2(d *model.ProjectData, p model.Project) error {
	for _, r := range []struct {
		what string
		id   uint64
	}{{"sponsor", p.SponsorID}, {"lead", p.LeadID}, {`"me"`, p.MeID}} {
		if r.id == 0 {
			continue
		}
		if _, ok := d.Person(r.id); !ok {
			return invalidf("the project's %s is person %d, who is not in the project; nothing was created", r.what, r.id)
		}
	}
	return nil
}

func createdSummary(p model.Project, d *model.ProjectData, cells int) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, what)))
		}
	}
	add(len(d.Phases), "phase")
	add(len(d.Changes), "change request")
	add(len(d.People), "person")
	add(len(d.Activities), "activity")
	add(cells, "RACI cell")
	add(len(d.Docs), "doc")
	add(len(d.Checklists), "checklist")
	s := fmt.Sprintf("project %q created", truncate(p.Name, 40))
	if p.Template != "" {
		s += " from " + p.Template
	}
	if len(parts) > 0 {
		s += " with " + strings.Join(parts, ", ")
	}
	return s
}
