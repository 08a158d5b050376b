package store

import (
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// Records written before a rule existed may break it: a change request
// decided "now" but rejected, or rejected and verified. They are put right
// the first time a project is loaded read-write (see model.Reconcile),
// in one transaction, with one history entry naming each request, so
// nobody wonders why a value moved.

// repairOnce runs repairProject the first time pid is loaded in this
// session. Read-only and damaged stores are left as they are, and a
// failed repair is not fatal: the project still loads, and the next load
// tries again.
func (s *Store) repairOnce(pid uint64) {
	if s.readOnly || s.Damaged() != "" {
		return
	}
	if _, done := s.repaired.LoadOrStore(pid, true); done {
		return
	}
	if _, err := s.RepairProject(pid); err != nil {
		s.repaired.Delete(pid)
	}
}

// RepairProject reconciles every change request of pid whose decision and
// status contradict, and returns the summary of the history entry it
// wrote ("" when nothing needed it).
func (s *Store) RepairProject(pid uint64) (string, error) {
	var summary string
	err := s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		b := pb.Bucket([]byte(KindChanges))
		if b == nil {
			return errNoop
		}
		type fix struct {
			key []byte
			val []byte
			say string
		}
		var fixes []fix
		err = b.ForEach(func(k, v []byte) error {
			c, err := decode[model.ChangeRequest](v)
			if err != nil {
				return nil // a damaged record is check's business, not this one's
			}
			next, changed := model.Reconcile(c)
			if !changed {
				return nil
			}
			out, err := encode(next)
			if err != nil {
				return err
			}
			say := fmt.Sprintf("%s %s/%s → %s/%s", c.Ref(), c.Decision, c.Status, next.Decision, next.Status)
			fixes = append(fixes, fix{append([]byte(nil), k...), out, say})
			return nil
		})
		if err != nil {
			return err
		}
		if len(fixes) == 0 {
			return errNoop
		}
		says := make([]string, len(fixes))
		for i, f := range fixes {
			if err := b.Put(f.key, f.val); err != nil {
				return err
			}
			s.touch(KindChanges, f.key)
			says[i] = f.say
		}
		summary = "decision and status made to agree (decision/status): " + strings.Join(says, ", ")
		// The entry stands on the project record, unchanged: undoing it
		// changes nothing, as bringing the contradictions back would be
		// no help to anyone.
		proj := append([]byte(nil), pb.Get(keyProject)...)
		return s.appendHistory(pb, model.HistoryEntry{
			By: "mopdeck", Kind: KindProject, Key: keyProject, Action: ActionUpdate,
			Summary: summary, Before: proj, After: proj,
		})
	})
	if err != nil {
		return "", err
	}
	return summary, nil
}
