package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// Phases returns a project's phases in creation order, without reading
// the rest of the project: an import resolves phase names with them.
func (s *Store) Phases(pid uint64) ([]model.Phase, error) {
	return loadKind[model.Phase](s, pid, KindPhases)
}

// Changes returns a project's change requests in creation order, without
// its history: what an export needs.
func (s *Store) Changes(pid uint64) ([]model.ChangeRequest, error) {
	return loadKind[model.ChangeRequest](s, pid, KindChanges)
}

func loadKind[T any](s *Store, pid uint64, kind string) ([]T, error) {
	var out []T
	err := s.view(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		out, err = loadAll[T](pb, kind)
		if err != nil {
			return damagedErr(s.path, fmt.Errorf("project %d, %s: %w", pid, kind, err))
		}
		return nil
	})
	return out, err
}
