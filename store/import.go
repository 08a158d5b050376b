package store

import (
	"errors"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// ErrNameTaken: a project with the same name exists, and the caller did
// not ask to replace it.
var ErrNameTaken = errors.New("a project with this name exists")

// RestoreProject writes a whole project read from a bundle, in one
// transaction, like CreateProject. The bundle's numbers are not trusted:
// every record, reference and history entry is numbered afresh (see
// renumber), which keeps a bundle mopdeck wrote as it was. When a project
// of the same name exists (ignoring case and surrounding spaces) it is
// refused with ErrNameTaken, unless replace is set: that project is then
// deleted in the same transaction, so a failure leaves it as it was.
func (s *Store) RestoreProject(d model.ProjectData, replace bool, by string) (model.ProjectData, error) {
	if err := renumber(&d); err != nil {
		return d, err
	}
	name := strings.TrimSpace(d.Project.Name)
	return s.createProject(d, by, func(root *bolt.Bucket) (uint64, error) {
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
			return 0, err
		}
		if len(same) == 0 {
			return 0, nil
		}
		if !replace {
			return 0, fmt.Errorf("%w: %q", ErrNameTaken, truncate(name, 60))
		}
		if len(same) > 1 {
			return 0, invalidf("%d projects are named %q: rename all but one before replacing it", len(same), truncate(name, 60))
		}
		if s.tx != nil {
			s.tx.open(btoi(same[0]), nil, true) // replaced: readers reload
		}
		// The bundle takes the replaced project's number, so it keeps its
		// place (the project opened by default stays the same).
		return btoi(same[0]), root.DeleteBucket(same[0])
	})
}

// retireNamedIDs raises each kind's counter to at least the highest
// number d names for it: a record deleted before a bundle was made is gone
// from its data but not from its history or from what pointed at it, and
// a new record must not take its number again (two "CR-12" in one
// history, an item checked by someone who joins later).
func retireNamedIDs(pb *bolt.Bucket, d *model.ProjectData) error {
	for kind, id := range namedTops(d) {
		b, err := kindBucket(pb, kind)
		if err != nil {
			return err
		}
		if err := raiseSequence(b, id, nounOf(kind)); err != nil {
			return err
		}
	}
	return nil
}

// sequencedKinds are the record kinds numbered by their bucket's sequence.
var sequencedKinds = []string{KindPhases, KindChanges, KindPeople, KindActivities, KindDocs, KindChecklists}

// ImportChanges adds many new change requests to a project in one
// transaction, all or none, and is what an import writes. The requests
// must be new (ID 0); they are numbered in place, in order, from the
// project's next CR number, and returned. Numbers taken in one transaction
// follow each other, so the whole import is one history entry naming the
// range ("imported 20 change requests (CR-31 to CR-50)"), which one undo
// reverts whole. The entry does not repeat the records: they are the state
// after, and the first later edit or delete records one as its Before.
// Pages are packed full, since an import only appends keys (bbolt splits
// pages half full by default).
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
		b.FillPercent = appendFill
		if err := s.addNumbered(pb, b, crs, nil); err != nil {
			return err
		}
		return s.appendHistory(pb, importEntry(crs, by))
	})
	if err != nil {
		for i := range crs {
			crs[i].ID = 0
		}
		return nil, err
	}
	return crs, nil
}

// importEntry is the one history entry of an import: one request is an
// ordinary create, more are a range.
func importEntry(crs []model.ChangeRequest, by string) model.HistoryEntry {
	first, last := crs[0], crs[len(crs)-1]
	e := model.HistoryEntry{By: by, Kind: KindChanges, Key: itob(first.ID), Action: ActionCreate}
	if len(crs) == 1 {
		e.Summary = changeSpec.longLabel(first) + " imported"
		return e
	}
	e.Through = last.ID
	e.Summary = fmt.Sprintf("imported %d change requests (%s to %s)", len(crs), first.Ref(), last.Ref())
	return e
}

// appendFill is how full bbolt packs a page when keys only grow.
const appendFill = 0.95

// addNumbered writes new change requests under consecutive numbers from
// the bucket's counter, numbering them in place, and hands each one's
// stored bytes to written when given. The numbers must be a range: an
// import's history entry names it.
func (s *Store) addNumbered(pb, b *bolt.Bucket, crs []model.ChangeRequest, written func(c model.ChangeRequest, v []byte)) error {
	for i := range crs {
		c := &crs[i]
		if err := changeSpec.refs(pb, *c); err != nil {
			return fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(crs), crName(*c), err)
		}
		var err error
		if c.ID, err = nextID(b, "change request"); err != nil {
			return err
		}
		if i > 0 && c.ID != crs[i-1].ID+1 {
			return fmt.Errorf("change request numbers skipped from %d to %d inside one import; nothing was saved", crs[i-1].ID, c.ID)
		}
		v, err := encode(*c)
		if err != nil {
			return err
		}
		if err := b.Put(itob(c.ID), v); err != nil {
			return err
		}
		s.touch(KindChanges, itob(c.ID))
		if written != nil {
			written(*c, v)
		}
	}
	return nil
}
