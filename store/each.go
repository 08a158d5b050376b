package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// EachChange calls fn with a project's change requests one at a time, in
// creation order, inside one read transaction: an export streams from the
// cursor to its writer and never holds every request, so its memory does
// not grow with the project. An error from fn stops the walk and is
// returned as it is (a full disk, a closed pipe); a record that does not
// decode is damage, named by its key.
func (s *Store) EachChange(pid uint64, fn func(model.ChangeRequest) error) error {
	return s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		b := pb.Bucket([]byte(KindChanges))
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if v == nil {
				continue // a nested bucket: none is expected here
			}
			cr, err := decode[model.ChangeRequest](v)
			if err != nil {
				return damagedErr(s.path, fmt.Errorf("project %d, %s: key %x: %w", pid, KindChanges, k, err))
			}
			if err := fn(cr); err != nil {
				return err
			}
		}
		return nil
	})
}

// Change reads one change request; ErrNotFound when there is none with
// that ID.
func (s *Store) Change(pid, id uint64) (model.ChangeRequest, error) {
	var out model.ChangeRequest
	err := s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		cr, ok, err := getRecord[model.ChangeRequest](pb, KindChanges, id)
		switch {
		case err != nil:
			return damagedErr(s.path, fmt.Errorf("project %d, CR-%d: %w", pid, id, err))
		case !ok:
			return fmt.Errorf("CR-%d %w", id, ErrNotFound)
		}
		out = cr
		return nil
	})
	return out, err
}
