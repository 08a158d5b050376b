package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// SetCell sets one RACI cell to a set of letters; RoleNone deletes it.
// The activity and the person must exist.
func (s *Store) SetCell(pid uint64, a model.Assignment, by string) error {
	if err := validRole(a.Role); err != nil {
		return err
	}
	return s.changeCell(pid, a.ActivityID, a.PersonID, by, func(model.Role) model.Role { return a.Role })
}

// ToggleCell adds a letter to a cell, or takes it off when the cell holds
// it already, and returns the cell's letters as stored: a key typed in
// the grid. The cell is read in the transaction that writes it, so two
// letters typed before the first write reported back both land (A then
// R gives A/R).
func (s *Store) ToggleCell(pid, activityID, personID uint64, letter model.Role, by string) (model.Role, error) {
	if len(letter.Letters()) != 1 || !letter.Valid() {
		return model.RoleNone, invalidf("a key toggles one RACI letter, not %q: use R, A, C or I", letter)
	}
	var out model.Role
	err := s.changeCell(pid, activityID, personID, by, func(cur model.Role) model.Role {
		out = cur.Toggle(letter)
		return out
	})
	return out, err
}

// changeCell is the read-modify-write of one cell: next computes its
// letters from those stored, and the write is recorded as one history
// entry whose before and after are the cell's stored bytes.
func (s *Store) changeCell(pid, activityID, personID uint64, by string, next func(model.Role) model.Role) error {
	if activityID == 0 || personID == 0 {
		return invalidf("a RACI cell needs an activity and a person")
	}
	return s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		cb, err := kindBucket(pb, KindCells)
		if err != nil {
			return err
		}
		key := CellKey(activityID, personID)
		cur := bytes.Clone(cb.Get(key))
		oldRole := model.RoleNone
		if cur != nil {
			old, err := decode[model.Assignment](cur)
			if err != nil {
				return damagedErr(s.path, fmt.Errorf("project %d, RACI cell (activity %d, person %d): %w", pid, activityID, personID, err))
			}
			oldRole = old.Role
		}
		a := model.Assignment{ActivityID: activityID, PersonID: personID, Role: next(oldRole)}
		if a.Role == model.RoleNone && cur == nil {
			return errNoop
		}
		act, person, err := cellRefs(pb, a)
		if err != nil && a.Role != model.RoleNone {
			return err
		}
		e := model.HistoryEntry{By: by, Kind: KindCells, Key: key, Before: cur}
		if a.Role == model.RoleNone {
			if err := cb.Delete(key); err != nil {
				return err
			}
			e.Action = ActionDelete
		} else {
			after, err := encode(a)
			if err != nil {
				return err
			}
			if bytes.Equal(cur, after) {
				return errNoop
			}
			if err := cb.Put(key, after); err != nil {
				return err
			}
			e.After = after
			e.Action = ActionUpdate
			if cur == nil {
				e.Action = ActionCreate
			}
		}
		s.touch(KindCells, key)
		e.Summary = fmt.Sprintf("RACI %q × %q: %s → %s", truncate(act, 30), truncate(person, 30), roleName(oldRole), roleName(a.Role))
		return s.appendHistory(pb, e)
	})
}

func validRole(r model.Role) error {
	if r.Valid() {
		return nil
	}
	return invalidf("a RACI cell holds letters among R, A, C and I, not %q", r)
}

func roleName(r model.Role) string {
	if r == model.RoleNone {
		return "none"
	}
	return r.String()
}
