package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// "Me" is stored per project (a person ID), yet the one at the keyboard
// is the same person in every project: the name last chosen is kept in
// meta, so a project opened without a "me" can find that person among
// its own people by name instead of asking again.

var keyMe = []byte("me")

// KeptMe is the name last chosen as "me" in any project, "" when none.
func (s *Store) KeptMe() (string, error) {
	var name string
	err := s.view(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			name = string(meta.Get(keyMe))
		}
		return nil
	})
	return name, err
}

// KeepMe keeps name as who "me" is for the projects opened next; an
// empty name forgets it, so that choosing nobody is not undone by the
// next project that knows the old name.
func (s *Store) KeepMe(name string) error {
	name = model.SanitizeLine(name)
	return s.update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if meta == nil {
			return fmt.Errorf("%s has no meta bucket: run mopdeck check", s.path)
		}
		if bytes.Equal(meta.Get(keyMe), []byte(name)) {
			return errNoop
		}
		if name == "" {
			return meta.Delete(keyMe)
		}
		return meta.Put(keyMe, []byte(name))
	})
}

// MatchMe sets "me" on a project that has none to the one person whose
// name or handle matches the kept name once folded (case, accents and
// spacing aside, as `raci --person` matches), with the history entry
// "me set to NAME (matched by name)". Nothing is written when the project
// has a "me" already, no name is kept, or no person or several match;
// the person set is returned with true when one was.
func (s *Store) MatchMe(pid uint64, by string) (model.Person, bool, error) {
	name, err := s.KeptMe()
	if err != nil || model.FoldName(name) == "" {
		return model.Person{}, false, err
	}
	var out model.Person
	err = s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		cur, p, err := s.storedProject(pb, pid)
		if err != nil {
			return err
		}
		if p.MeID != 0 {
			return errNoop
		}
		people, err := loadAll[model.Person](pb, KindPeople)
		if err != nil {
			return damagedErr(s.path, fmt.Errorf("project %d, %s: %w", pid, KindPeople, err))
		}
		found := model.FindPeople(people, name)
		if len(found) != 1 {
			return errNoop // nobody, or several: asking is better than guessing
		}
		p.MeID = found[0].ID
		after, err := encode(p)
		if err != nil {
			return err
		}
		if err := s.putProject(pb, cur, after, by, fmt.Sprintf("me set to %s (matched by name)", truncate(found[0].Name, 40))); err != nil {
			return err
		}
		out = found[0]
		return nil
	})
	return out, out.ID != 0, err
}
