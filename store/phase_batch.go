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
// ones after it, moving a phase renumbers two or more. Every phase is
// validated first: nothing is written on error. Phases whose stored bytes
// are already the same are skipped; when none changed nothing is recorded.
// It returns the phases as stored.
func (s *Store) SavePhases(pid uint64, phases []model.Phase, by, summary string) ([]model.Phase, error) {
	for i, p := range phases {
		if err := p.Validate(); err != nil {
			return nil, invalid(fmt.Errorf("phase %d of %d: %w; nothing was saved", i+1, len(phases), err))
		}
	}
	out := slices.Clone(phases)
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		b, err := kindBucket(pb, KindPhases)
		if err != nil {
			return err
		}
		var items []cascadeItem
		for i := range out {
			var before []byte
			if out[i].ID == 0 {
				if out[i].ID, err = b.NextSequence(); err != nil {
					return err
				}
			} else {
				cur := b.Get(itob(out[i].ID))
				if cur == nil {
					return fmt.Errorf("%s %w: it may have been deleted meanwhile; reload the project", phaseSpec.label(out[i]), ErrNotFound)
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
			if err := b.Put(itob(out[i].ID), after); err != nil {
				return err
			}
			items = append(items, cascadeItem{Kind: KindPhases, Key: itob(out[i].ID), Before: before, After: after})
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
