package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// SheetError is a RACI file refused: every problem, each with its row and
// column. Nothing was written.
type SheetError struct {
	Problems []model.SheetProblem
}

func (e *SheetError) Error() string {
	if len(e.Problems) == 1 {
		return e.Problems[0].String() + "; nothing was imported"
	}
	return fmt.Sprintf("%d problems, the first: %s; nothing was imported", len(e.Problems), e.Problems[0])
}

func (e *SheetError) Unwrap() error { return ErrInvalid }

// RACIImported says what an import wrote.
type RACIImported struct {
	Plan model.RACIPlan
	// Cells the file filled that were new, changed, or already so; and,
	// with replace, the project's cells it cleared.
	Created, Changed, Unchanged, Cleared int
}

// Written tells whether the import changed anything.
func (r RACIImported) Written() bool {
	return len(r.Plan.NewPeople)+len(r.Plan.NewActivities)+r.Created+r.Changed+r.Cleared > 0
}

// ImportRACI writes a matrix read from a file into a project, in one
// transaction, all or nothing: the sheet is matched to the project as
// stored (model.PlanRACIImport), the people and activities it names and
// the project lacks are created, and the cells it fills are set to its
// letters; with replace, every other cell of the project is cleared.
// A file naming something it cannot match is refused with every problem
// (a *SheetError). The whole import is one history entry, one undo.
func (s *Store) ImportRACI(pid uint64, sheet model.RACISheet, replace bool, by string) (RACIImported, error) {
	var out RACIImported
	err := s.update(func(tx *bolt.Tx) error {
		out = RACIImported{}
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		d, err := loadMatrix(pb)
		if err != nil {
			return damagedErr(s.path, fmt.Errorf("project %d: %w", pid, err))
		}
		plan, problems := model.PlanRACIImport(d, sheet, replace)
		if len(problems) > 0 {
			return &SheetError{Problems: problems}
		}
		out.Plan = plan
		var items []cascadeItem
		peopleIDs, err := createAll(s, pb, personSpec, plan.NewPeople, &items)
		if err != nil {
			return err
		}
		actIDs, err := createAll(s, pb, activitySpec, plan.NewActivities, &items)
		if err != nil {
			return err
		}
		if err := s.writeCells(pb, plan.Assignments(peopleIDs, actIDs), replace, &items, &out); err != nil {
			return err
		}
		if len(items) == 0 {
			return errNoop
		}
		return s.recordImport(pb, items, by, importSummary(sheet.File, out))
	})
	return out, err
}

// loadMatrix reads what matching a sheet needs.
func loadMatrix(pb *bolt.Bucket) (model.ProjectData, error) {
	var d model.ProjectData
	var err error
	if d.People, err = loadAll[model.Person](pb, KindPeople); err != nil {
		return d, err
	}
	if d.Activities, err = loadAll[model.Activity](pb, KindActivities); err != nil {
		return d, err
	}
	if d.Phases, err = loadAll[model.Phase](pb, KindPhases); err != nil {
		return d, err
	}
	d.Cells, err = loadAll[model.Assignment](pb, KindCells)
	return d, err
}

// createAll stores new records of one kind and returns their IDs.
func createAll[T any](s *Store, pb *bolt.Bucket, sp *spec[T], recs []T, items *[]cascadeItem) ([]uint64, error) {
	if len(recs) == 0 {
		return nil, nil
	}
	b, err := kindBucket(pb, sp.kind)
	if err != nil {
		return nil, err
	}
	ids := make([]uint64, len(recs))
	for i := range recs {
		v := recs[i]
		if err := sp.validate(v); err != nil {
			return nil, invalid(fmt.Errorf("%s: %w; nothing was imported", sp.longLabel(v), err))
		}
		if sp.refs != nil {
			if err := sp.refs(pb, v); err != nil {
				return nil, err
			}
		}
		id, err := nextID(b, kindNoun(sp.kind))
		if err != nil {
			return nil, err
		}
		sp.setID(&v, id)
		after, err := encode(v)
		if err != nil {
			return nil, err
		}
		if err := b.Put(itob(id), after); err != nil {
			return nil, err
		}
		s.touch(sp.kind, itob(id))
		*items = append(*items, cascadeItem{Kind: sp.kind, Key: itob(id), After: after})
		ids[i] = id
	}
	return ids, nil
}

// writeCells sets the cells a file fills and, with replace, clears the
// others, counting what changed.
func (s *Store) writeCells(pb *bolt.Bucket, cells []model.Assignment, replace bool, items *[]cascadeItem, out *RACIImported) error {
	cb, err := kindBucket(pb, KindCells)
	if err != nil {
		return err
	}
	filled := make(map[string]bool, len(cells))
	for _, a := range cells {
		if err := validRole(a.Role); err != nil {
			return err
		}
		key := CellKey(a.ActivityID, a.PersonID)
		filled[string(key)] = true
		cur := bytes.Clone(cb.Get(key))
		after, err := encode(a)
		if err != nil {
			return err
		}
		if bytes.Equal(cur, after) {
			out.Unchanged++
			continue
		}
		if err := cb.Put(key, after); err != nil {
			return err
		}
		s.touch(KindCells, key)
		*items = append(*items, cascadeItem{Kind: KindCells, Key: key, Before: cur, After: after})
		if cur == nil {
			out.Created++
		} else {
			out.Changed++
		}
	}
	if !replace {
		return nil
	}
	var gone []cascadeItem
	err = cb.ForEach(func(k, v []byte) error {
		if v != nil && !filled[string(k)] {
			gone = append(gone, cascadeItem{Kind: KindCells, Key: bytes.Clone(k), Before: bytes.Clone(v)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, it := range gone {
		if err := cb.Delete(it.Key); err != nil {
			return err
		}
		s.touch(KindCells, it.Key)
	}
	out.Cleared = len(gone)
	*items = append(*items, gone...)
	return nil
}

func importSummary(file string, r RACIImported) string {
	var parts []string
	add := func(n int, what string) {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, plural(n, what)))
		}
	}
	add(len(r.Plan.NewPeople), "person")
	add(len(r.Plan.NewActivities), "activity")
	add(r.Created+r.Changed, "RACI cell")
	s := fmt.Sprintf("RACI imported from %s", truncate(file, 40))
	if len(parts) > 0 {
		s += ": " + strings.Join(parts, ", ")
	}
	if r.Cleared > 0 {
		s += fmt.Sprintf(" (%d %s cleared)", r.Cleared, plural(r.Cleared, "cell"))
	}
	return s
}

// recordImport writes the one history entry of an import. When it
// changed a record that existed, the entry stands on it as a batch does
// (recordBatch); when it only created records, it stands on the first
// with recordCreated, so that one undo still takes them all.
func (s *Store) recordImport(pb *bolt.Bucket, items []cascadeItem, by, summary string) error {
	for _, it := range items {
		if len(it.Before) > 0 {
			return s.recordBatch(pb, items, by, summary)
		}
	}
	return s.recordCreated(pb, items, by, summary)
}

// recordCreated records records created together as one entry: it
// stands on the first, whose Before is an envelope holding no record
// ("d": null) and carrying the others as its cascade. Undo removes the
// first as it removes any created record, then the others, each while it
// still holds what the entry wrote.
func (s *Store) recordCreated(pb *bolt.Bucket, items []cascadeItem, by, summary string) error {
	head := items[0]
	before, err := json.Marshal(envelope[json.RawMessage]{V: recordVersion, D: json.RawMessage("null"), Cascade: items[1:]})
	if err != nil {
		return err
	}
	return s.appendHistory(pb, model.HistoryEntry{By: by, Kind: head.Kind, Key: head.Key,
		Action: ActionCreate, Summary: summary, Before: before, After: head.After})
}

// createdHead tells whether a history Before, without its cascade, is
// recordCreated's envelope holding no record.
func createdHead(rec []byte) bool {
	if !bytes.Contains(rec, []byte(`null`)) {
		return false
	}
	var e envelope[json.RawMessage]
	return json.Unmarshal(rec, &e) == nil && (len(e.D) == 0 || string(e.D) == "null")
}

// removeCreated undoes the creation of the record at key, as an entry
// without a Before is undone: the record goes with what points at it,
// which is returned.
func (s *Store) removeCreated(pb, b *bolt.Bucket, key, cur []byte, e *model.HistoryEntry) ([]cascadeItem, error) {
	e.Action = ActionDelete
	if cur == nil {
		return nil, nil
	}
	more, _, err := cascadeDelete(pb, e.Kind, key)
	if err != nil {
		return nil, err
	}
	if err := b.Delete(key); err != nil {
		return nil, err
	}
	s.touchItems(more)
	e.Before = cur
	return more, nil
}
