package store

import (
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// The RACI pane's writes that depend on more than the record they change:
// where a row goes is decided by its siblings, and whether a person may go
// by the letters they hold. Each reads what it decides on in the
// transaction that writes, so keys typed before the last write reported
// back (a move then a rename, a letter then a removal) are judged on what
// is stored, not on the pane's copy.

// AddActivity creates activity a (ID 0) last in its phase, the Order
// computed from the rows as stored: two rows added in quick succession
// never share a place.
func (s *Store) AddActivity(pid uint64, a model.Activity, by string) (model.Activity, error) {
	if a.ID != 0 {
		return a, invalidf("activity %q already has ID %d: AddActivity only creates; use UpdateActivity to change it", a.Name, a.ID)
	}
	summary := activitySpec.longLabel(a) + " created"
	out, err := updateBatch(s, pid, activitySpec, by, summary, "activity", func(stored []model.Activity) ([]model.Activity, error) {
		a.Order = model.NextActivityOrder(rowsByPhase(stored, a.PhaseID), a.PhaseID)
		return []model.Activity{a}, nil
	})
	if err != nil {
		return a, err
	}
	return out[0], nil
}

// MoveActivity moves activity id one place up (delta < 0) or down (delta
// > 0) among the rows of its phase as stored, renumbering as
// model.MoveActivity does, as one history entry (one undo). It returns the
// rows it renumbered, none when the row is already at that end.
func (s *Store) MoveActivity(pid, id uint64, delta int, by string) ([]model.Activity, error) {
	a, err := s.storedActivity(pid, id)
	if err != nil {
		return nil, err
	}
	dir := "down"
	if delta < 0 {
		dir = "up"
	}
	summary := fmt.Sprintf("%s moved %s", activitySpec.label(a), dir)
	return updateBatch(s, pid, activitySpec, by, summary, "activity", func(stored []model.Activity) ([]model.Activity, error) {
		if !hasActivity(stored, id) {
			return nil, activityGone(id)
		}
		return model.MoveActivity(rowsByPhase(stored, 0), id, delta), nil
	})
}

// TieActivity ties activity id to phase phaseID (0 for none), last among
// that phase's rows as stored. ok is false when it is there already.
func (s *Store) TieActivity(pid, id, phaseID uint64, by string) (a model.Activity, ok bool, err error) {
	if a, err = s.storedActivity(pid, id); err != nil {
		return a, false, err
	}
	where := "no phase"
	if phaseID != 0 {
		ph, err := s.storedPhase(pid, phaseID)
		if err != nil {
			return a, false, err
		}
		where = phaseSpec.label(ph)
	}
	summary := fmt.Sprintf("%s tied to %s", activitySpec.label(a), where)
	out, err := updateBatch(s, pid, activitySpec, by, summary, "activity", func(stored []model.Activity) ([]model.Activity, error) {
		if !hasActivity(stored, id) {
			return nil, activityGone(id)
		}
		tied, ok := model.TieActivity(rowsByPhase(stored, phaseID), id, phaseID)
		if !ok {
			return nil, nil
		}
		return []model.Activity{tied}, nil
	})
	if err != nil || len(out) == 0 {
		return a, false, err
	}
	return out[0], true, nil
}

// RemovePerson deletes a person with their RACI cells, as DeletePerson
// does, but refuses while they are Accountable for an activity (the row
// would lose its A without anyone noticing). The letters are read in the
// transaction that deletes: an A given a moment before is seen.
func (s *Store) RemovePerson(pid, id uint64, by string) error {
	return deleteChecked(s, pid, personSpec, id, by, func(pb *bolt.Bucket) error {
		var d model.ProjectData
		var err error
		if d.People, err = loadAll[model.Person](pb, KindPeople); err != nil {
			return err
		}
		if d.Activities, err = loadAll[model.Activity](pb, KindActivities); err != nil {
			return err
		}
		if d.Cells, err = loadAll[model.Assignment](pb, KindCells); err != nil {
			return err
		}
		if d.Phases, err = loadAll[model.Phase](pb, KindPhases); err != nil {
			return err
		}
		return invalid(model.CanRemovePerson(d, id))
	})
}

// rowsByPhase is enough of a project for the model's row-order functions,
// built from the stored rows alone (updateBatch hands over one kind).
// Those functions only ask which rows share a phase and whether a phase
// exists; the store keeps no row pointing at a missing phase (saves check
// it, deleting a phase unlinks its rows), so the phases the rows name,
// plus target, stand in for the phase records. Their order does not
// matter to a move or a tie within one phase.
func rowsByPhase(stored []model.Activity, target uint64) model.ProjectData {
	d := model.ProjectData{Activities: stored}
	seen := map[uint64]bool{0: true}
	add := func(id uint64) {
		if !seen[id] {
			seen[id] = true
			d.Phases = append(d.Phases, model.Phase{ID: id})
		}
	}
	add(target)
	for _, a := range stored {
		add(a.PhaseID)
	}
	return d
}

func hasActivity(stored []model.Activity, id uint64) bool {
	for _, a := range stored {
		if a.ID == id {
			return true
		}
	}
	return false
}

func activityGone(id uint64) error {
	return fmt.Errorf("activity %d %w: it may have been deleted meanwhile; reload the project", id, ErrNotFound)
}

// storedActivity reads one activity, to name it in a history summary.
func (s *Store) storedActivity(pid, id uint64) (model.Activity, error) {
	return storedOne(s, pid, activitySpec, id, "activity")
}

// storedPhase reads one phase, to name it in a history summary.
func (s *Store) storedPhase(pid, id uint64) (model.Phase, error) {
	return storedOne(s, pid, phaseSpec, id, "phase")
}

func storedOne[T any](s *Store, pid uint64, sp *spec[T], id uint64, noun string) (T, error) {
	var out T
	err := s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		v, ok, err := getRecord[T](pb, sp.kind, id)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("%s %d %w: it may have been deleted meanwhile; reload the project", noun, id, ErrNotFound)
		}
		out = v
		return nil
	})
	return out, err
}

// deleteChecked is deleteOne with check run first, in the same
// transaction: nothing is deleted when it returns an error.
func deleteChecked[T any](s *Store, pid uint64, sp *spec[T], id uint64, by string, check func(pb *bolt.Bucket) error) error {
	return s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		key := itob(id)
		b := pb.Bucket([]byte(sp.kind))
		var cur []byte
		if b != nil {
			cur = bytes.Clone(b.Get(key))
		}
		if cur == nil {
			return fmt.Errorf("%s %d %w in project %d: it may have been deleted meanwhile; reload the project",
				strings.TrimSuffix(sp.kind, "s"), id, ErrNotFound, pid)
		}
		if check != nil {
			if err := check(pb); err != nil {
				return err
			}
		}
		label := fmt.Sprintf("%s %d", sp.kind, id)
		if old, err := decode[T](cur); err == nil {
			label = sp.longLabel(old)
		}
		cascade, note, err := cascadeDelete(pb, sp.kind, key)
		if err != nil {
			return err
		}
		if err := b.Delete(key); err != nil {
			return err
		}
		s.touch(sp.kind, key)
		s.touchItems(cascade)
		before, err := withCascade(cur, cascade)
		if err != nil {
			return err
		}
		return s.appendHistory(pb, model.HistoryEntry{
			By: by, Kind: sp.kind, Key: key, Action: ActionDelete,
			Summary: label + " deleted" + note, Before: before,
		})
	})
}
