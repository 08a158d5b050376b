package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// ErrNameTaken: a project with the same name exists, and the caller did
// not ask to replace it.
var ErrNameTaken = errors.New("a project with this name exists")

// RestoreProject writes a whole project read from a bundle, in one
// transaction, like CreateProject (its records and history keep their
// IDs). When a project of the same name exists (ignoring case and
// surrounding spaces) it is refused with ErrNameTaken, unless replace is
// set: that project is then deleted in the same transaction, so a failure
// leaves it as it was.
func (s *Store) RestoreProject(d model.ProjectData, replace bool, by string) (model.ProjectData, error) {
	name := strings.TrimSpace(d.Project.Name)
	return s.createProject(d, by, func(root *bolt.Bucket) error {
		var same [][]byte
		err := root.ForEach(func(k, v []byte) error {
			if v != nil {
				return nil
			}
			p, err := decode[model.Project](root.Bucket(k).Get(keyProject))
			if err != nil {
				return damagedErr(s.path, fmt.Errorf("project %d: %w", btoi(k), err))
			}
			if strings.EqualFold(strings.TrimSpace(p.Name), name) {
				same = append(same, append([]byte(nil), k...))
			}
			return nil
		})
		if err != nil {
			return err
		}
		if len(same) == 0 {
			return nil
		}
		if !replace {
			return fmt.Errorf("%w: %q", ErrNameTaken, truncate(name, 60))
		}
		if len(same) > 1 {
			return invalidf("%d projects are named %q: rename all but one before replacing it", len(same), truncate(name, 60))
		}
		if s.tx != nil {
			s.tx.open(btoi(same[0]), nil, true) // gone: readers reload
		}
		return root.DeleteBucket(same[0])
	})
}

// retireHistoryIDs raises each kind's sequence to at least the highest ID
// the history names for it: a record deleted before a bundle was made is
// gone from its data but not from its history, and a new record must not
// take its number again (two "CR-12" in one history).
func retireHistoryIDs(pb *bolt.Bucket, history []model.HistoryEntry) error {
	top := map[string]uint64{}
	for _, e := range history {
		if len(e.Key) != 8 || !slices.Contains(sequencedKinds, e.Kind) {
			continue
		}
		top[e.Kind] = max(top[e.Kind], btoi(e.Key))
	}
	for kind, id := range top {
		b, err := kindBucket(pb, kind)
		if err != nil {
			return err
		}
		if b.Sequence() < id {
			if err := b.SetSequence(id); err != nil {
				return err
			}
		}
	}
	return nil
}

// sequencedKinds are the record kinds numbered by their bucket's sequence.
var sequencedKinds = []string{KindPhases, KindChanges, KindPeople, KindActivities, KindDocs, KindChecklists}

// ImportChanges adds many new change requests to a project in one
// transaction, all or none, and is what an import writes. The requests
// must be new (ID 0); they are numbered in place, in order, from the
// project's next CR number, and returned. Each gets a history entry
// ("CR-12 … imported") that undo reverts like a create. The entry does not
// repeat the record as its After: the record itself is the state after,
// and the first later edit or delete records it as its Before; leaving it
// out halves what a 100,000-row import holds in memory and on disk. Pages
// are packed full, since an import only appends keys (bbolt splits pages
// half full by default).
func (s *Store) ImportChanges(pid uint64, crs []model.ChangeRequest, by string) ([]model.ChangeRequest, error) {
	for i, c := range crs {
		if c.ID != 0 {
			return nil, invalidf("change request %d of %d (%s) already has an ID: an import only adds new requests; nothing was saved", i+1, len(crs), crName(c))
		}
		if err := c.Validate(); err != nil {
			return nil, invalid(fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(crs), crName(c), err))
		}
	}
	if len(crs) == 0 {
		return crs, nil
	}
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		b, err := kindBucket(pb, KindChanges)
		if err != nil {
			return err
		}
		hb, err := kindBucket(pb, kindHistory)
		if err != nil {
			return err
		}
		b.FillPercent, hb.FillPercent = appendFill, appendFill
		for i := range crs {
			c := &crs[i]
			if err := changeSpec.refs(pb, *c); err != nil {
				return fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(crs), crName(*c), err)
			}
			if c.ID, err = b.NextSequence(); err != nil {
				return err
			}
			v, err := encode(*c)
			if err != nil {
				return err
			}
			if err := b.Put(itob(c.ID), v); err != nil {
				return err
			}
			s.touch(KindChanges, itob(c.ID))
			if err := s.appendHistory(pb, model.HistoryEntry{By: by, Kind: KindChanges, Key: itob(c.ID),
				Action: ActionCreate, Summary: changeSpec.longLabel(*c) + " imported"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		for i := range crs {
			crs[i].ID = 0
		}
		return nil, err
	}
	return crs, nil
}

// appendFill is how full bbolt packs a page when keys only grow.
const appendFill = 0.95
