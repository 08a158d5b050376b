package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// appendHistory stores e with the next ID of the project's history and
// the store's clock.
func (s *Store) appendHistory(pb *bolt.Bucket, e model.HistoryEntry) error {
	hb, err := kindBucket(pb, kindHistory)
	if err != nil {
		return err
	}
	if e.ID, err = nextID(hb, "history entry"); err != nil {
		return err
	}
	e.At = s.now().Round(0)
	if err := s.judge(pb, &e); err != nil {
		return err
	}
	v, err := encode(e)
	if err != nil {
		return err
	}
	if err := hb.Put(itob(e.ID), v); err != nil {
		return err
	}
	s.logHistory(e)
	return nil
}

// History returns a project's last limit entries (all when limit <= 0),
// newest last.
func (s *Store) History(pid uint64, limit int) ([]model.HistoryEntry, error) {
	var out []model.HistoryEntry
	err := s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		if limit <= 0 {
			out, err = loadAll[model.HistoryEntry](pb, kindHistory)
			if err != nil {
				return damagedErr(s.path, fmt.Errorf("project %d, history: %w", pid, err))
			}
			return nil
		}
		out, err = lastEntries(pb, limit)
		if err != nil {
			return damagedErr(s.path, fmt.Errorf("project %d, history: %w", pid, err))
		}
		return nil
	})
	return out, err
}

// lastEntries reads a project's newest limit history entries, oldest
// first.
func lastEntries(pb *bolt.Bucket, limit int) ([]model.HistoryEntry, error) {
	out := []model.HistoryEntry{}
	hb := pb.Bucket([]byte(kindHistory))
	if hb == nil {
		return out, nil
	}
	c := hb.Cursor()
	for k, v := c.Last(); k != nil && len(out) < limit; k, v = c.Prev() {
		e, err := decode[model.HistoryEntry](v)
		if err != nil {
			return nil, fmt.Errorf("entry %d: %w", btoi(k), err)
		}
		out = append(out, e)
	}
	slices.Reverse(out)
	return out, nil
}

// undoHead is the part of an entry Undo needs to walk back.
type undoHead struct {
	ID     uint64 `json:"id"`
	Kind   string `json:"kind"`
	Action string `json:"action"`
	Undoes uint64 `json:"undoes"`
}

// Undo reverts the newest entry (of the given kinds, when any are given)
// that is not itself an undo and was not undone yet: it writes the entry's
// Before back, or deletes the record when Before is empty, in one
// transaction, and records an entry with Undoes set. It returns the entry
// it reverted, or ErrNothingToUndo. An entry for a range of records (an
// import) is undone whole. The project's "create" entry is a
// floor: entries before it came with an imported bundle and are not undone.
// A cascading delete is undone with its dependents, except those edited
// since. A value whose phase, activity or person is gone is refused.
func (s *Store) Undo(pid uint64, by string, kinds ...string) (model.HistoryEntry, error) {
	for _, k := range kinds {
		if !slices.Contains(Kinds, k) {
			return model.HistoryEntry{}, fmt.Errorf("unknown history kind %q: use one of %s", k, strings.Join(Kinds, ", "))
		}
	}
	var target model.HistoryEntry
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		hb := pb.Bucket([]byte(kindHistory))
		found := false
		if hb != nil {
			undone := map[uint64]bool{}
			c := hb.Cursor()
			for k, v := c.Last(); k != nil; k, v = c.Prev() {
				var h undoHead
				if err := json.Unmarshal(v, &envelope[*undoHead]{D: &h}); err != nil {
					return damagedErr(s.path, fmt.Errorf("project %d, history entry %d: %w", pid, btoi(k), err))
				}
				if h.Undoes != 0 {
					undone[h.Undoes] = true
					continue
				}
				if h.Kind == KindProject && h.Action == ActionCreate {
					break
				}
				if undone[h.ID] || (len(kinds) > 0 && !slices.Contains(kinds, h.Kind)) {
					continue
				}
				if target, err = decode[model.HistoryEntry](v); err != nil {
					return damagedErr(s.path, fmt.Errorf("project %d, history entry %d: %w", pid, btoi(k), err))
				}
				found = true
				break
			}
		}
		if !found {
			what := "changes"
			if len(kinds) > 0 {
				nouns := make([]string, len(kinds))
				for i, k := range kinds {
					nouns[i] = kindNoun(k)
				}
				what = strings.Join(nouns, " or ") + " changes"
			}
			return fmt.Errorf("%w: no %s left to undo in this project", ErrNothingToUndo, what)
		}
		return s.revert(pb, target, by)
	})
	if err != nil {
		return model.HistoryEntry{}, err
	}
	return target, nil
}

// kindValues returns the bucket holding a kind's values ("project" lives
// in the project's own bucket).
func kindValues(pb *bolt.Bucket, kind string) (*bolt.Bucket, error) {
	if kind == KindProject {
		return pb, nil
	}
	if !slices.Contains(Kinds, kind) {
		return nil, fmt.Errorf("history kind %q is unknown to this mopdeck", kind)
	}
	return kindBucket(pb, kind)
}

func (s *Store) revert(pb *bolt.Bucket, t model.HistoryEntry, by string) error {
	b, err := kindValues(pb, t.Kind)
	if err != nil {
		return err
	}
	if len(t.Key) == 0 {
		return damagedErr(s.path, fmt.Errorf("history entry %d has no key", t.ID))
	}
	cur := bytes.Clone(b.Get(t.Key))
	s.touch(t.Kind, t.Key)
	e := model.HistoryEntry{By: by, Kind: t.Kind, Key: t.Key, Undoes: t.ID, Summary: "undo: " + t.Summary}
	refuse := func(err error) error {
		return fmt.Errorf("cannot undo %s: %w", t.Summary, err)
	}

	if t.Through != 0 {
		return s.revertRange(pb, b, t, e)
	}
	if none(t.Before) {
		// The entry created the record: delete it (and what points at it).
		if t.Kind == KindProject {
			return refuse(fmt.Errorf("a project is not deleted by undo"))
		}
		e.Action = ActionDelete
		if cur != nil {
			cascade, _, err := cascadeDelete(pb, t.Kind, t.Key)
			if err != nil {
				return err
			}
			if err := b.Delete(t.Key); err != nil {
				return err
			}
			s.touchItems(cascade)
			if e.Before, err = withCascade(cur, cascade); err != nil {
				return err
			}
		}
		return s.appendHistory(pb, e)
	}

	rec, cascade, err := splitCascade(t.Before)
	if err != nil {
		return damagedErr(s.path, err)
	}
	// unlinked gathers what points at records this undo removes, so the
	// undo entry tells the whole story.
	var unlinked []cascadeItem
	if createdHead(rec) {
		// The entry created its record along with those it carries (see
		// recordCreated): the record goes as a create's undo takes it.
		if unlinked, err = s.removeCreated(pb, b, t.Key, cur, &e); err != nil {
			return err
		}
	} else {
		if err := refsOf(pb, t.Kind, rec); err != nil {
			return refuse(err)
		}
		e.Action = ActionUpdate
		if cur == nil {
			e.Action = ActionCreate
		}
		if err := b.Put(t.Key, rec); err != nil {
			return err
		}
		e.Before, e.After = cur, rec
	}
	s.touchItems(cascade)
	for _, it := range cascade {
		cb, err := kindValues(pb, it.Kind)
		if err != nil {
			return err
		}
		if !bytes.Equal(cb.Get(it.Key), it.After) {
			continue // edited or removed since: leave it
		}
		if none(it.Before) {
			// Created by the entry (a phase inserted in a batch): what
			// was tied to it since is unlinked, as a delete would.
			more, _, err := cascadeDelete(pb, it.Kind, it.Key)
			if err != nil {
				return err
			}
			unlinked = append(unlinked, more...)
			if err := cb.Delete(it.Key); err != nil {
				return err
			}
			continue
		}
		if refsOf(pb, it.Kind, it.Before) != nil {
			continue
		}
		if err := cb.Put(it.Key, it.Before); err != nil {
			return err
		}
	}
	s.touchItems(unlinked)
	if len(unlinked) > 0 && e.Before != nil {
		if e.Before, err = withCascade(e.Before, unlinked); err != nil {
			return err
		}
	}
	return s.appendHistory(pb, e)
}

// revertRange undoes an entry that created records Key to Through of its
// kind at once (an import): the ones still there are removed, with what
// points at them, in this one transaction, and every one is touched so
// the event removes them from the screen. The undo entry names the same
// range and keeps no copy of the records: it is never undone itself, and
// the import it reverts did not keep one either.
func (s *Store) revertRange(pb, b *bolt.Bucket, t, e model.HistoryEntry) error {
	first := btoi(t.Key)
	if len(t.Key) != 8 || t.Kind == KindProject || t.Kind == KindCells || t.Through < first || t.Through > b.Sequence() || !none(t.Before) {
		return damagedErr(s.path, fmt.Errorf("history entry %d names %s %d to %d, which this project cannot hold", t.ID, t.Kind, first, t.Through))
	}
	e.Action, e.Through = ActionDelete, t.Through
	gone := uint64(0)
	for id := first; ; id++ {
		key := itob(id)
		if b.Get(key) != nil {
			cascade, _, err := cascadeDelete(pb, t.Kind, key)
			if err != nil {
				return err
			}
			if err := b.Delete(key); err != nil {
				return err
			}
			s.touch(t.Kind, key)
			s.touchItems(cascade)
			gone++
		}
		if id == t.Through {
			break
		}
	}
	if n := t.Through - first + 1; gone < n {
		e.Summary += fmt.Sprintf(" (%d of the %d were gone already)", n-gone, n)
	}
	return s.appendHistory(pb, e)
}

// diffFields describes what changed between two records of the same
// struct type: `impact 0 → 4, decision undecided → now`. Fields compare by
// their JSON, so times equal in value but not in location are equal. A
// field naming another record (a phase, a person…) shows that record's
// name as pb holds it; bookkeeping (order, revision, last-edited time)
// is left out: people did not change it, the app did.
func diffFields(pb *bolt.Bucket, old, new any) string {
	ov, nv := reflect.ValueOf(old), reflect.ValueOf(new)
	t := ov.Type()
	if t != nv.Type() || t.Kind() != reflect.Struct {
		return ""
	}
	var parts []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := fieldName(f)
		if name == "" || bookkeeping[name] {
			continue
		}
		a, b := ov.Field(i).Interface(), nv.Field(i).Interface()
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		if bytes.Equal(ja, jb) {
			continue
		}
		if kind, ok := refFields[name]; ok {
			if x, ok := a.(uint64); ok {
				parts = append(parts, fmt.Sprintf("%s %s → %s", name, refName(pb, kind, x), refName(pb, kind, b.(uint64))))
				continue
			}
		}
		parts = append(parts, describe(name, a, b))
	}
	const most = 4
	if len(parts) > most {
		parts = append(parts[:most], fmt.Sprintf("%d more", len(parts)-most))
	}
	return strings.Join(parts, ", ")
}

// bookkeeping are the fields the app keeps for itself: an identity, a
// place in a list, a revision counter, a last-edited stamp.
var bookkeeping = map[string]bool{"id": true, "order": true, "rev": true, "updated": true}

// refFields are the fields (as fieldName spells them) that hold another
// record's ID, and the kind of that record.
var refFields = map[string]string{
	"phase": KindPhases, "raised in": KindPhases,
	"me": KindPeople, "sponsor": KindPeople, "lead": KindPeople, "by": KindPeople, "person": KindPeople,
	"activity": KindActivities, "doc": KindDocs,
}

// refName is the name of record id of kind, quoted, as pb holds it now;
// "none" for no record, and the bare number for one that is gone.
func refName(pb *bolt.Bucket, kind string, id uint64) string {
	if id == 0 {
		return "none"
	}
	var name string
	var ok bool
	switch kind {
	case KindPhases:
		var v model.Phase
		v, ok, _ = getRecord[model.Phase](pb, kind, id)
		name = v.Name
	case KindPeople:
		var v model.Person
		v, ok, _ = getRecord[model.Person](pb, kind, id)
		name = v.Name
	case KindActivities:
		var v model.Activity
		v, ok, _ = getRecord[model.Activity](pb, kind, id)
		name = v.Name
	case KindDocs:
		var v model.Doc
		v, ok, _ = getRecord[model.Doc](pb, kind, id)
		name = v.Title
	}
	if !ok || name == "" {
		return fmt.Sprintf("#%d (gone)", id)
	}
	return fmt.Sprintf("%q", truncate(name, 40))
}

func fieldName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" {
		return ""
	}
	if name == "" {
		name = strings.ToLower(f.Name)
	}
	switch name {
	case "estimate_hours":
		return "estimate"
	case "raised_in":
		return "raised in"
	case "me_id":
		return "me"
	}
	name = strings.TrimSuffix(name, "_id")
	return strings.ReplaceAll(name, "_", " ")
}

func describe(name string, a, b any) string {
	switch x := a.(type) {
	case time.Time:
		y := b.(time.Time)
		return fmt.Sprintf("%s %s → %s", name, fmtTime(x, y), fmtTime(y, x))
	case fmt.Stringer:
		return fmt.Sprintf("%s %s → %s", name, orNone(x.String()), orNone(b.(fmt.Stringer).String()))
	case string:
		y := b.(string)
		if short(x) && short(y) {
			return fmt.Sprintf("%s %q → %q", name, x, y)
		}
		return name + " edited"
	case int, int64, uint64, uint32, bool:
		return fmt.Sprintf("%s %v → %v", name, a, b)
	case float64:
		return fmt.Sprintf("%s %g → %g", name, x, b.(float64))
	}
	return name + " changed"
}

func short(s string) bool {
	return len(s) <= 40 && !strings.ContainsAny(s, "\n\r")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// fmtTime writes a date, with the time of day when the date alone would not
// show the change.
func fmtTime(t, other time.Time) string {
	if t.IsZero() {
		return "none"
	}
	if !other.IsZero() && t.Format(model.DateLayout) == other.Format(model.DateLayout) {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format(model.DateLayout)
}

// kindNoun names a record kind in a sentence: "change request changes".
func kindNoun(kind string) string {
	switch kind {
	case KindChanges:
		return "change request"
	case KindPeople:
		return "people"
	case KindCells:
		return "RACI cell"
	case KindActivities:
		return "activity"
	}
	return strings.TrimSuffix(kind, "s")
}
