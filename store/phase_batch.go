package store

import (
	"bytes"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// SavePhases writes several phases in one transaction (new ones, ID 0, get
// fresh IDs) and records them as one history entry with the given summary,
// so that one undo puts them all back: inserting a phase renumbers the
// ones after it, moving a phase renumbers two or more. See saveBatch.
func (s *Store) SavePhases(pid uint64, phases []model.Phase, by, summary string) ([]model.Phase, error) {
	return saveBatch(s, pid, phaseSpec, phases, by, summary, "phase")
}

// SaveActivities is SavePhases for RACI activities: moving a row renumbers
// two or more, and one undo must put them all back.
func (s *Store) SaveActivities(pid uint64, acts []model.Activity, by, summary string) ([]model.Activity, error) {
	return saveBatch(s, pid, activitySpec, acts, by, summary, "activity")
}

// UpdatePhases is SavePhases for phases computed from the project's
// phases as stored, read and written in one transaction: a gate move or a
// renumbering judged on what a moment-old copy held could write over a
// change saved meanwhile.
func (s *Store) UpdatePhases(pid uint64, by, summary string, compute func(stored []model.Phase) ([]model.Phase, error)) ([]model.Phase, error) {
	return updateBatch(s, pid, phaseSpec, by, summary, "phase", compute)
}

// saveBatch writes several records of one kind in one transaction and
// records them as one history entry. Every record is validated first:
// nothing is written on error. Records whose stored bytes are already the
// same are skipped; when none changed nothing is recorded. It returns the
// records as stored.
func saveBatch[T any](s *Store, pid uint64, sp *spec[T], recs []T, by, summary, noun string) ([]T, error) {
	return updateBatch(s, pid, sp, by, summary, noun, func([]T) ([]T, error) { return recs, nil })
}

// updateBatch is saveBatch for the records compute derives from every
// record of the kind as stored, inside the same transaction.
func updateBatch[T any](s *Store, pid uint64, sp *spec[T], by, summary, noun string, compute func(stored []T) ([]T, error)) ([]T, error) {
	var out []T
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		stored, err := loadAll[T](pb, sp.kind)
		if err != nil {
			return err
		}
		recs, err := compute(stored)
		if err != nil {
			return invalid(err)
		}
		for i, v := range recs {
			if err := sp.validate(v); err != nil {
				return invalid(fmt.Errorf("%s %d of %d: %w; nothing was saved", noun, i+1, len(recs), err))
			}
		}
		out = slices.Clone(recs)
		b, err := kindBucket(pb, sp.kind)
		if err != nil {
			return err
		}
		var items []cascadeItem
		for i := range out {
			if sp.refs != nil {
				if err := sp.refs(pb, out[i]); err != nil {
					return fmt.Errorf("%s %d of %d: %w; nothing was saved", noun, i+1, len(out), err)
				}
			}
			var before []byte
			id := sp.id(&out[i])
			if id == 0 {
				if id, err = nextID(b, kindNoun(sp.kind)); err != nil {
					return err
				}
				sp.setID(&out[i], id)
			} else {
				cur := b.Get(itob(id))
				if cur == nil {
					return fmt.Errorf("%s %w: it may have been deleted meanwhile; reload the project", sp.label(out[i]), ErrNotFound)
				}
				before = bytes.Clone(cur)
			}
			after, err := encode(out[i])
			if err != nil {
				return err
			}
			if bytes.Equal(before, after) {
				continue
			}
			if err := b.Put(itob(id), after); err != nil {
				return err
			}
			s.touch(sp.kind, itob(id))
			items = append(items, cascadeItem{Kind: sp.kind, Key: itob(id), Before: before, After: after})
		}
		if len(items) == 0 {
			return errNoop
		}
		return s.recordBatch(pb, items, by, summary)
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// recordBatch writes one history entry for records changed together. The
// entry stands on the first record that existed before (undo writes its
// old bytes back) and carries the others as a cascade, which undo restores
// while they still hold what this batch wrote; a record the batch created
// has no old bytes, so undo removes it. A batch made only of new records
// cannot hang on an existing one and gets one entry per record.
func (s *Store) recordBatch(pb *bolt.Bucket, items []cascadeItem, by, summary string) error {
	main := slices.IndexFunc(items, func(it cascadeItem) bool { return len(it.Before) > 0 })
	if main < 0 {
		for _, it := range items {
			if err := s.appendHistory(pb, model.HistoryEntry{By: by, Kind: it.Kind, Key: it.Key,
				Action: ActionCreate, Summary: summary, After: it.After}); err != nil {
				return err
			}
		}
		return nil
	}
	head := items[main]
	rest := slices.Delete(slices.Clone(items), main, main+1)
	before, err := withCascade(head.Before, rest)
	if err != nil {
		return err
	}
	return s.appendHistory(pb, model.HistoryEntry{By: by, Kind: head.Kind, Key: head.Key,
		Action: ActionUpdate, Summary: summary, Before: before, After: head.After})
}
