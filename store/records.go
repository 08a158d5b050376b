package store

import (
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// spec describes one record kind to the generic save and delete.
type spec[T any] struct {
	kind     string
	id       func(*T) uint64
	setID    func(*T, uint64)
	validate func(T) error
	// label names the record in summaries: `phase "Design"`, "CR-12".
	label func(T) string
	// long names it on create and delete; label when nil.
	long func(T) string
	// refs checks the records it points at exist; nil when none.
	refs func(pb *bolt.Bucket, v T) error
}

func (sp *spec[T]) longLabel(v T) string {
	if sp.long != nil {
		return sp.long(v)
	}
	return sp.label(v)
}

func exists(pb *bolt.Bucket, kind string, id uint64) bool {
	b := pb.Bucket([]byte(kind))
	return b != nil && b.Get(itob(id)) != nil
}

func phaseRef(pb *bolt.Bucket, what string, id uint64) error {
	if id == 0 || exists(pb, KindPhases, id) {
		return nil
	}
	return invalidf("%s points at phase %d, which does not exist: pick an existing phase or none", what, id)
}

var phaseSpec = &spec[model.Phase]{
	kind:     KindPhases,
	id:       func(p *model.Phase) uint64 { return p.ID },
	setID:    func(p *model.Phase, id uint64) { p.ID = id },
	validate: model.Phase.Validate,
	label:    func(p model.Phase) string { return fmt.Sprintf("phase %q", truncate(p.Name, 40)) },
	refs: func(pb *bolt.Bucket, p model.Phase) error {
		for _, d := range p.Deliverables {
			if d.DocID != 0 && !exists(pb, KindDocs, d.DocID) {
				return invalidf("deliverable %q points at doc %d, which does not exist: link an existing doc or none", d.Name, d.DocID)
			}
		}
		return nil
	},
}

var changeSpec = &spec[model.ChangeRequest]{
	kind:     KindChanges,
	id:       func(c *model.ChangeRequest) uint64 { return c.ID },
	setID:    func(c *model.ChangeRequest, id uint64) { c.ID = id },
	validate: model.ChangeRequest.Validate,
	label:    model.ChangeRequest.Ref,
	long: func(c model.ChangeRequest) string {
		return fmt.Sprintf("%s %q", c.Ref(), truncate(c.Title, 40))
	},
	refs: func(pb *bolt.Bucket, c model.ChangeRequest) error {
		return phaseRef(pb, c.Ref()+" raised-in", c.RaisedIn)
	},
}

var personSpec = &spec[model.Person]{
	kind:     KindPeople,
	id:       func(p *model.Person) uint64 { return p.ID },
	setID:    func(p *model.Person, id uint64) { p.ID = id },
	validate: model.Person.Validate,
	label:    func(p model.Person) string { return fmt.Sprintf("person %q", truncate(p.Name, 40)) },
}

var activitySpec = &spec[model.Activity]{
	kind:     KindActivities,
	id:       func(a *model.Activity) uint64 { return a.ID },
	setID:    func(a *model.Activity, id uint64) { a.ID = id },
	validate: model.Activity.Validate,
	label:    func(a model.Activity) string { return fmt.Sprintf("activity %q", truncate(a.Name, 40)) },
	refs: func(pb *bolt.Bucket, a model.Activity) error {
		return phaseRef(pb, fmt.Sprintf("activity %q", a.Name), a.PhaseID)
	},
}

var docSpec = &spec[model.Doc]{
	kind:     KindDocs,
	id:       func(d *model.Doc) uint64 { return d.ID },
	setID:    func(d *model.Doc, id uint64) { d.ID = id },
	validate: model.Doc.Validate,
	label:    func(d model.Doc) string { return fmt.Sprintf("doc %q", truncate(d.Title, 40)) },
	refs: func(pb *bolt.Bucket, d model.Doc) error {
		return phaseRef(pb, fmt.Sprintf("doc %q", d.Title), d.PhaseID)
	},
}

var checklistSpec = &spec[model.Checklist]{
	kind:     KindChecklists,
	id:       func(c *model.Checklist) uint64 { return c.ID },
	setID:    func(c *model.Checklist, id uint64) { c.ID = id },
	validate: model.Checklist.Validate,
	label:    func(c model.Checklist) string { return fmt.Sprintf("checklist %q", truncate(c.Name, 40)) },
}

// SavePhase creates the phase (ID 0, new ID from the bucket's sequence) or
// updates it (ErrNotFound when it no longer exists), recording history.
func (s *Store) SavePhase(pid uint64, p model.Phase, by string) (model.Phase, error) {
	return saveOne(s, pid, phaseSpec, p, by)
}

// DeletePhase deletes a phase. Activities, change requests and docs tied
// to it lose the link (phase 0); undo restores the links.
func (s *Store) DeletePhase(pid, id uint64, by string) error {
	return deleteOne(s, pid, phaseSpec, id, by)
}

// SaveChange creates or updates one change request.
func (s *Store) SaveChange(pid uint64, c model.ChangeRequest, by string) (model.ChangeRequest, error) {
	return saveOne(s, pid, changeSpec, c, by)
}

// DeleteChange deletes one change request.
func (s *Store) DeleteChange(pid, id uint64, by string) error {
	return deleteOne(s, pid, changeSpec, id, by)
}

// UpdateChange reads change request id, applies edit to it and saves the
// result, in one transaction: quick successive edits (one triage key after
// another) each start from what is stored, never from a stale copy. An
// edit that changes nothing writes nothing and records no history.
func (s *Store) UpdateChange(pid, id uint64, by string, edit func(model.ChangeRequest) (model.ChangeRequest, error)) (model.ChangeRequest, error) {
	return updateOne(s, pid, changeSpec, id, fmt.Sprintf("CR-%d", id), by, edit)
}

// UpdateChecklist is UpdateChange for a checklist: two items ticked in
// quick succession both stay ticked.
func (s *Store) UpdateChecklist(pid, id uint64, by string, edit func(model.Checklist) (model.Checklist, error)) (model.Checklist, error) {
	return updateOne(s, pid, checklistSpec, id, "the checklist", by, edit)
}

// UpdatePhase is UpdateChange for a phase: deliverables ticked in quick
// succession all stay ticked.
func (s *Store) UpdatePhase(pid, id uint64, by string, edit func(model.Phase) (model.Phase, error)) (model.Phase, error) {
	return updateOne(s, pid, phaseSpec, id, "the phase", by, edit)
}

// updateOne reads a stored record, applies edit and saves the result with
// history in one transaction; an unchanged result writes nothing. what
// names the record in the message when it is gone.
func updateOne[T any](s *Store, pid uint64, sp *spec[T], id uint64, what, by string, edit func(T) (T, error)) (T, error) {
	var out T
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		cur, ok, err := getRecord[T](pb, sp.kind, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s %w: it may have been deleted meanwhile; reload the project", what, ErrNotFound)
		}
		next, err := edit(cur)
		if err != nil {
			return invalid(err)
		}
		sp.setID(&next, id)
		if err := sp.validate(next); err != nil {
			return invalid(err)
		}
		saved, changed, err := putRecord(s, pb, sp, next, by)
		if err != nil {
			return err
		}
		out = saved
		if !changed {
			return errNoop
		}
		return nil
	})
	return out, err
}

// UpdatePerson is UpdateChange for a person.
func (s *Store) UpdatePerson(pid, id uint64, by string, edit func(model.Person) (model.Person, error)) (model.Person, error) {
	return updateOne(s, pid, personSpec, id, "the person", by, edit)
}

// UpdateActivity is UpdateChange for a RACI activity: a move and a rename
// in quick succession both stay.
func (s *Store) UpdateActivity(pid, id uint64, by string, edit func(model.Activity) (model.Activity, error)) (model.Activity, error) {
	return updateOne(s, pid, activitySpec, id, "the activity", by, edit)
}

// UpdateDoc is UpdateChange for a doc.
func (s *Store) UpdateDoc(pid, id uint64, by string, edit func(model.Doc) (model.Doc, error)) (model.Doc, error) {
	return updateOne(s, pid, docSpec, id, "the doc", by, edit)
}

// SavePerson creates or updates a person.
func (s *Store) SavePerson(pid uint64, p model.Person, by string) (model.Person, error) {
	return saveOne(s, pid, personSpec, p, by)
}

// DeletePerson deletes a person with their RACI cells; the project's
// sponsor, lead and "me" links to them are cleared. Undo restores all.
func (s *Store) DeletePerson(pid, id uint64, by string) error {
	return deleteOne(s, pid, personSpec, id, by)
}

// SaveActivity creates or updates a RACI activity (a row).
func (s *Store) SaveActivity(pid uint64, a model.Activity, by string) (model.Activity, error) {
	return saveOne(s, pid, activitySpec, a, by)
}

// DeleteActivity deletes an activity with its row of cells.
func (s *Store) DeleteActivity(pid, id uint64, by string) error {
	return deleteOne(s, pid, activitySpec, id, by)
}

// SaveDoc creates or updates a doc.
func (s *Store) SaveDoc(pid uint64, d model.Doc, by string) (model.Doc, error) {
	return saveOne(s, pid, docSpec, d, by)
}

// DeleteDoc deletes a doc; deliverables linked to it lose the link.
func (s *Store) DeleteDoc(pid, id uint64, by string) error {
	return deleteOne(s, pid, docSpec, id, by)
}

// SaveChecklist creates or updates a checklist.
func (s *Store) SaveChecklist(pid uint64, c model.Checklist, by string) (model.Checklist, error) {
	return saveOne(s, pid, checklistSpec, c, by)
}

// DeleteChecklist deletes a checklist.
func (s *Store) DeleteChecklist(pid, id uint64, by string) error {
	return deleteOne(s, pid, checklistSpec, id, by)
}

// SaveChanges saves many change requests in one transaction: all or none.
// Every request is validated before anything is written.
func (s *Store) SaveChanges(pid uint64, crs []model.ChangeRequest, by string) ([]model.ChangeRequest, error) {
	for i, c := range crs {
		if err := c.Validate(); err != nil {
			return nil, invalid(fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(crs), crName(c), err))
		}
	}
	out := make([]model.ChangeRequest, len(crs))
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		changed := false
		for i, c := range crs {
			saved, ch, err := putRecord(s, pb, changeSpec, c, by)
			if err != nil {
				return fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(crs), crName(c), err)
			}
			out[i] = saved
			changed = changed || ch
		}
		if !changed {
			return errNoop
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func crName(c model.ChangeRequest) string {
	if c.ID != 0 {
		return c.Ref()
	}
	if t := strings.TrimSpace(c.Title); t != "" {
		return fmt.Sprintf("%q", truncate(t, 40))
	}
	return "untitled"
}

func saveOne[T any](s *Store, pid uint64, sp *spec[T], v T, by string) (T, error) {
	if err := sp.validate(v); err != nil {
		return v, invalid(err)
	}
	var out T
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		saved, changed, err := putRecord(s, pb, sp, v, by)
		if err != nil {
			return err
		}
		out = saved
		if !changed {
			return errNoop
		}
		return nil
	})
	if err != nil {
		return v, err
	}
	return out, nil
}

// putRecord writes one record and its history entry inside a transaction.
// changed is false when the stored bytes are already the same (nothing
// written, no history).
func putRecord[T any](s *Store, pb *bolt.Bucket, sp *spec[T], v T, by string) (T, bool, error) {
	b, err := kindBucket(pb, sp.kind)
	if err != nil {
		return v, false, err
	}
	if sp.refs != nil {
		if err := sp.refs(pb, v); err != nil {
			return v, false, err
		}
	}
	id := sp.id(&v)
	var before []byte
	if id == 0 {
		if id, err = nextID(b, kindNoun(sp.kind)); err != nil {
			return v, false, err
		}
		sp.setID(&v, id)
	} else {
		cur := b.Get(itob(id))
		if cur == nil {
			return v, false, fmt.Errorf("%s %w: it may have been deleted meanwhile; reload the project", sp.label(v), ErrNotFound)
		}
		before = bytes.Clone(cur)
	}
	after, err := encode(v)
	if err != nil {
		return v, false, err
	}
	if bytes.Equal(before, after) {
		return v, false, nil
	}
	e := model.HistoryEntry{By: by, Kind: sp.kind, Key: itob(id), Before: before, After: after}
	if before == nil {
		e.Action = ActionCreate
		e.Summary = sp.longLabel(v) + " created"
	} else {
		e.Action = ActionUpdate
		e.Summary = sp.label(v) + " updated"
		if old, err := decode[T](before); err == nil {
			if d := diffFields(pb, old, v); d != "" {
				e.Summary += ": " + d
			}
		}
	}
	if err := b.Put(itob(id), after); err != nil {
		return v, false, err
	}
	s.touch(sp.kind, itob(id))
	if err := s.appendHistory(pb, e); err != nil {
		return v, false, err
	}
	return v, true, nil
}

func deleteOne[T any](s *Store, pid uint64, sp *spec[T], id uint64, by string) error {
	return deleteChecked(s, pid, sp, id, by, nil)
}

// getRecord reads one record of a kind.
func getRecord[T any](pb *bolt.Bucket, kind string, id uint64) (T, bool, error) {
	var zero T
	b := pb.Bucket([]byte(kind))
	if b == nil {
		return zero, false, nil
	}
	v := b.Get(itob(id))
	if v == nil {
		return zero, false, nil
	}
	t, err := decode[T](v)
	return t, err == nil, err
}

// cellRefs returns the names of a cell's activity and person, or an error
// when either does not exist.
func cellRefs(pb *bolt.Bucket, a model.Assignment) (activity, person string, err error) {
	act, ok, _ := getRecord[model.Activity](pb, KindActivities, a.ActivityID)
	if !ok {
		return "", "", invalidf("RACI cell points at activity %d, which does not exist: reload the matrix", a.ActivityID)
	}
	p, ok, _ := getRecord[model.Person](pb, KindPeople, a.PersonID)
	if !ok {
		return "", "", invalidf("RACI cell points at person %d, who does not exist: reload the matrix", a.PersonID)
	}
	return act.Name, p.Name, nil
}

// refsOf checks the references of a stored value of any kind; used by undo
// before it writes a value back.
func refsOf(pb *bolt.Bucket, kind string, val []byte) error {
	switch kind {
	case KindChanges:
		return refsAs(pb, changeSpec, val)
	case KindActivities:
		return refsAs(pb, activitySpec, val)
	case KindDocs:
		return refsAs(pb, docSpec, val)
	case KindPhases:
		return refsAs(pb, phaseSpec, val)
	case KindProject:
		p, err := decode[model.Project](val)
		if err != nil {
			return err
		}
		return projectRefs(pb, p)
	case KindCells:
		a, err := decode[model.Assignment](val)
		if err != nil {
			return err
		}
		_, _, err = cellRefs(pb, a)
		return err
	}
	return nil
}

func refsAs[T any](pb *bolt.Bucket, sp *spec[T], val []byte) error {
	v, err := decode[T](val)
	if err != nil {
		return err
	}
	return sp.refs(pb, v)
}

// cascadeDelete updates or removes the records that point at the record
// being deleted and returns them (with their bytes before and after) and a
// note for the summary.
func cascadeDelete(pb *bolt.Bucket, kind string, key []byte) ([]cascadeItem, string, error) {
	var items []cascadeItem
	var notes []string
	note := func(n int, what string) {
		if n > 0 {
			notes = append(notes, fmt.Sprintf("%d %s", n, plural(n, what)))
		}
	}
	id := btoi(key)
	switch kind {
	case KindPhases:
		n, err := relink(pb, KindActivities, fmt.Sprintf(`"phase_id":%d`, id), &items, func(a *model.Activity) bool {
			return unlink(&a.PhaseID, id)
		})
		if err != nil {
			return nil, "", err
		}
		note(n, "activity")
		if n, err = relink(pb, KindChanges, fmt.Sprintf(`"raised_in":%d`, id), &items, func(c *model.ChangeRequest) bool {
			return unlink(&c.RaisedIn, id)
		}); err != nil {
			return nil, "", err
		}
		note(n, "change request")
		if n, err = relink(pb, KindDocs, fmt.Sprintf(`"phase_id":%d`, id), &items, func(d *model.Doc) bool {
			return unlink(&d.PhaseID, id)
		}); err != nil {
			return nil, "", err
		}
		note(n, "doc")
		if len(notes) > 0 {
			return items, " (" + strings.Join(notes, ", ") + " unlinked)", nil
		}
	case KindPeople:
		n, err := removeCells(pb, &items, func(_, person uint64) bool { return person == id })
		if err != nil {
			return nil, "", err
		}
		note(n, "RACI cell")
		if err := relinkProject(pb, &items, func(p *model.Project) bool {
			a, b, c := unlink(&p.SponsorID, id), unlink(&p.LeadID, id), unlink(&p.MeID, id)
			return a || b || c
		}); err != nil {
			return nil, "", err
		}
		if len(notes) > 0 {
			return items, " with " + strings.Join(notes, ", "), nil
		}
	case KindActivities:
		n, err := removeCells(pb, &items, func(act, _ uint64) bool { return act == id })
		if err != nil {
			return nil, "", err
		}
		note(n, "RACI cell")
		if len(notes) > 0 {
			return items, " with " + strings.Join(notes, ", "), nil
		}
	case KindDocs:
		n, err := relink(pb, KindPhases, fmt.Sprintf(`"doc_id":%d`, id), &items, func(p *model.Phase) bool {
			changed := false
			for i := range p.Deliverables {
				changed = unlink(&p.Deliverables[i].DocID, id) || changed
			}
			return changed
		})
		if err != nil {
			return nil, "", err
		}
		note(n, "phase")
		if len(notes) > 0 {
			return items, " (" + strings.Join(notes, ", ") + " unlinked)", nil
		}
	}
	return items, "", nil
}

func unlink(field *uint64, id uint64) bool {
	if *field == id {
		*field = 0
		return true
	}
	return false
}

func plural(n int, what string) string {
	if n == 1 {
		return what
	}
	if what == "person" {
		return "people"
	}
	if strings.HasSuffix(what, "y") {
		return strings.TrimSuffix(what, "y") + "ies"
	}
	return what + "s"
}

// relink rewrites the records of kind that mod changes. hint is a byte
// string every such record contains, to skip decoding the others.
func relink[T any](pb *bolt.Bucket, kind, hint string, items *[]cascadeItem, mod func(*T) bool) (int, error) {
	b := pb.Bucket([]byte(kind))
	if b == nil {
		return 0, nil
	}
	type upd struct{ k, before, after []byte }
	var ups []upd
	h := []byte(hint)
	err := b.ForEach(func(k, v []byte) error {
		if v == nil || !bytes.Contains(v, h) {
			return nil
		}
		t, err := decode[T](v)
		if err != nil {
			return nil // Check reports it; a delete should not fail on it
		}
		if !mod(&t) {
			return nil
		}
		after, err := encode(t)
		if err != nil {
			return err
		}
		ups = append(ups, upd{bytes.Clone(k), bytes.Clone(v), after})
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, u := range ups {
		if err := b.Put(u.k, u.after); err != nil {
			return 0, err
		}
		*items = append(*items, cascadeItem{Kind: kind, Key: u.k, Before: u.before, After: u.after})
	}
	return len(ups), nil
}

func relinkProject(pb *bolt.Bucket, items *[]cascadeItem, mod func(*model.Project) bool) error {
	cur := pb.Get(keyProject)
	if cur == nil {
		return nil
	}
	p, err := decode[model.Project](cur)
	if err != nil || !mod(&p) {
		return nil
	}
	after, err := encode(p)
	if err != nil {
		return err
	}
	*items = append(*items, cascadeItem{Kind: KindProject, Key: keyProject, Before: bytes.Clone(cur), After: after})
	return pb.Put(keyProject, after)
}

func removeCells(pb *bolt.Bucket, items *[]cascadeItem, match func(act, person uint64) bool) (int, error) {
	b := pb.Bucket([]byte(KindCells))
	if b == nil {
		return 0, nil
	}
	var gone []cascadeItem
	err := b.ForEach(func(k, v []byte) error {
		if act, person, ok := splitCellKey(k); ok && match(act, person) {
			gone = append(gone, cascadeItem{Kind: KindCells, Key: bytes.Clone(k), Before: bytes.Clone(v)})
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, it := range gone {
		if err := b.Delete(it.Key); err != nil {
			return 0, err
		}
	}
	*items = append(*items, gone...)
	return len(gone), nil
}
