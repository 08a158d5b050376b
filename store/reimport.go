package store

import (
	"bytes"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// ReimportChanges writes what importing a file does to a project's change
// requests: new ones added, existing ones updated. plan decides both from
// the requests as stored, read inside the write's transaction, so what it
// compares with is what it writes over; it returns the requests to add
// (ID 0) and the ones to update, as they should become (with their ID).
// Everything is one transaction and one history entry, so one undo puts
// the project back as it was. The requests to add are numbered in place
// and returned (their IDs are 0 again when nothing was saved). An import
// that only adds is the range entry
// ImportChanges writes; one that updates too hangs on its first update and
// carries the rest, each with its bytes before and after, so that undo
// restores the updated requests (those not edited since) and removes the
// added ones. Requests left as they were are not written. source names
// the file in the history entry. Nothing to write is no write: no entry,
// no event.
func (s *Store) ReimportChanges(pid uint64, by, source string, plan func(stored []model.ChangeRequest) (add, update []model.ChangeRequest, err error)) (added, updated []model.ChangeRequest, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		pb, err := s.projectBucket(tx, pid)
		if err != nil {
			return err
		}
		stored, err := loadAll[model.ChangeRequest](pb, KindChanges)
		if err != nil {
			return damagedErr(s.path, fmt.Errorf("project %d, change requests: %w", pid, err))
		}
		add, update, err := plan(stored)
		if err != nil {
			return invalid(err)
		}
		if err := checkReimport(add, update); err != nil {
			return err
		}
		b, err := kindBucket(pb, KindChanges)
		if err != nil {
			return err
		}
		var items []cascadeItem
		updated = updated[:0]
		for _, c := range update {
			key := itob(c.ID)
			before := bytes.Clone(b.Get(key))
			if before == nil {
				return fmt.Errorf("%s %w: it may have been deleted meanwhile; import again", c.Ref(), ErrNotFound)
			}
			if err := changeSpec.refs(pb, c); err != nil {
				return fmt.Errorf("%s: %w; nothing was saved", c.Ref(), err)
			}
			after, err := encode(c)
			if err != nil {
				return err
			}
			if bytes.Equal(before, after) {
				continue
			}
			if err := b.Put(key, after); err != nil {
				return err
			}
			s.touch(KindChanges, key)
			items = append(items, cascadeItem{Kind: KindChanges, Key: key, Before: before, After: after})
			updated = append(updated, c)
		}
		if len(items) == 0 && len(add) == 0 {
			return errNoop
		}
		if len(items) == 0 {
			b.FillPercent = appendFill
		}
		added = add
		var written func(model.ChangeRequest, []byte)
		if len(items) > 0 { // updates too: the new records join their cascade
			written = func(c model.ChangeRequest, v []byte) {
				items = append(items, cascadeItem{Kind: KindChanges, Key: itob(c.ID), After: v})
			}
		}
		if err := s.addNumbered(pb, b, added, written); err != nil {
			return err
		}
		if len(items) == 0 {
			return s.appendHistory(pb, importEntry(added, by))
		}
		return s.recordBatch(pb, items, by, reimportSummary(source, added, updated))
	})
	if err != nil {
		for i := range added {
			added[i].ID = 0
		}
		return nil, nil, err
	}
	return added, updated, nil
}

// checkReimport validates a plan before anything is written.
func checkReimport(add, update []model.ChangeRequest) error {
	for i, c := range add {
		if c.ID != 0 {
			return invalidf("change request %d of %d (%s) to add already has an ID; nothing was saved", i+1, len(add), crName(c))
		}
		if err := c.Validate(); err != nil {
			return invalid(fmt.Errorf("change request %d of %d (%s): %w; nothing was saved", i+1, len(add), crName(c), err))
		}
	}
	seen := make(map[uint64]bool, len(update))
	for _, c := range update {
		if c.ID == 0 {
			return invalidf("a change request to update (%s) has no ID; nothing was saved", crName(c))
		}
		if seen[c.ID] {
			return invalidf("%s would be updated twice by one import; nothing was saved", c.Ref())
		}
		seen[c.ID] = true
		if err := c.Validate(); err != nil {
			return invalid(fmt.Errorf("%s: %w; nothing was saved", c.Ref(), err))
		}
	}
	return nil
}

// reimportSummary is the history line of an import that updates:
// `imported tests.csv: 2 added (CR-4 to CR-5), 3 updated (CR-1, CR-2, CR-7)`.
func reimportSummary(source string, added, updated []model.ChangeRequest) string {
	var parts []string
	switch n := len(added); n {
	case 0:
	case 1:
		parts = append(parts, fmt.Sprintf("1 added (%s)", added[0].Ref()))
	default:
		parts = append(parts, fmt.Sprintf("%d added (%s to %s)", n, added[0].Ref(), added[n-1].Ref()))
	}
	refs := make([]string, 0, 4)
	for i, c := range updated {
		if i == 3 {
			refs = append(refs, "…")
			break
		}
		refs = append(refs, c.Ref())
	}
	parts = append(parts, fmt.Sprintf("%d updated (%s)", len(updated), strings.Join(refs, ", ")))
	return fmt.Sprintf("imported %s: %s", truncate(source, 60), strings.Join(parts, ", "))
}
