package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// Check reports problems, one line each: bbolt's page checks, then
// mopdeck's own — records that do not decode, keys that disagree with
// record IDs, sequences below the highest ID, cells pointing at a missing
// person or activity, change requests, activities and docs pointing at a
// missing phase, deliverables pointing at a missing doc. An empty list
// means the file is sound. The error is non-nil only when the check itself
// could not run (ErrDamaged when the file made bbolt panic).
func (s *Store) Check() ([]string, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	err := guarded(s.path, func() error {
		// A writable transaction keeps writers of this process out while
		// the file is read directly; other processes are kept out by the
		// lock.
		tx, err := s.db.Begin(!s.readOnly)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		// Pages first, with plain reads: bbolt's cursors and its own check
		// loop forever or crash on some damage (see scanFile).
		scan, err := scanFile(s.path)
		if err != nil {
			return fmt.Errorf("cannot read %s: %w", s.path, err)
		}
		for _, p := range scan {
			add("pages: %s", p)
		}
		if len(problems) > 0 {
			return nil
		}
		// Walk every key in this goroutine, where faults are recovered,
		// before bbolt's check runs in a goroutine of its own.
		if err := walk(tx); err != nil {
			return err
		}
		for err := range tx.Check() {
			add("bbolt: %v", err)
		}
		if len(problems) > 0 {
			return nil // the records cannot be trusted to read back
		}
		checkRecords(tx, add)
		return nil
	})
	return problems, err
}

func checkRecords(tx *bolt.Tx, add func(string, ...any)) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		add("the meta bucket is missing")
	} else if v, err := strconv.Atoi(string(meta.Get(keySchema))); err != nil || v < 1 || v > SchemaVersion {
		add("meta: schema is %q, expected 1 to %d", meta.Get(keySchema), SchemaVersion)
	}
	root := tx.Bucket(bucketProjects)
	if root == nil {
		add("the projects bucket is missing")
		return
	}
	_ = root.ForEach(func(k, v []byte) error {
		if v != nil || len(k) != 8 {
			add("projects: stray key %x", k)
			return nil
		}
		if seq := root.Sequence(); btoi(k) > seq {
			add("projects: project %d is above the bucket's sequence %d (a new project would collide)", btoi(k), seq)
		}
		checkProject(btoi(k), root.Bucket(k), add)
		return nil
	})
}

func walk(tx *bolt.Tx) error {
	var rec func(b *bolt.Bucket) error
	rec = func(b *bolt.Bucket) error {
		return b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nb := b.Bucket(k); nb != nil {
					return rec(nb)
				}
			}
			return nil
		})
	}
	return tx.ForEach(func(_ []byte, b *bolt.Bucket) error { return rec(b) })
}

func checkProject(pid uint64, pb *bolt.Bucket, add func(string, ...any)) {
	where := fmt.Sprintf("project %d", pid)
	p, err := decode[model.Project](pb.Get(keyProject))
	if err != nil {
		add("%s: the project record: %v", where, err)
	} else {
		where = fmt.Sprintf("project %d %q", pid, truncate(p.Name, 40))
		if p.ID != pid {
			add("%s: its record says ID %d", where, p.ID)
		}
	}
	phases := checkKind(pb, where, phaseSpec, add)
	changes := checkKind(pb, where, changeSpec, add)
	people := checkKind(pb, where, personSpec, add)
	acts := checkKind(pb, where, activitySpec, add)
	docs := checkKind(pb, where, docSpec, add)
	checkKind(pb, where, checklistSpec, add)
	hist := &spec[model.HistoryEntry]{kind: kindHistory, id: func(e *model.HistoryEntry) uint64 { return e.ID }}
	checkKind(pb, where, hist, add)

	phaseIDs := map[uint64]bool{}
	for _, ph := range phases {
		phaseIDs[ph.ID] = true
	}
	personIDs := map[uint64]bool{}
	for _, x := range people {
		personIDs[x.ID] = true
	}
	actIDs := map[uint64]bool{}
	for _, a := range acts {
		actIDs[a.ID] = true
		if a.PhaseID != 0 && !phaseIDs[a.PhaseID] {
			add("%s: activity %d %q points at phase %d, which does not exist", where, a.ID, a.Name, a.PhaseID)
		}
	}
	for _, c := range changes {
		if c.RaisedIn != 0 && !phaseIDs[c.RaisedIn] {
			add("%s: %s is raised in phase %d, which does not exist", where, c.Ref(), c.RaisedIn)
		}
	}
	docIDs := map[uint64]bool{}
	for _, d := range docs {
		docIDs[d.ID] = true
		if d.PhaseID != 0 && !phaseIDs[d.PhaseID] {
			add("%s: doc %d %q points at phase %d, which does not exist", where, d.ID, d.Title, d.PhaseID)
		}
	}
	for _, ph := range phases {
		for _, dl := range ph.Deliverables {
			if dl.DocID != 0 && !docIDs[dl.DocID] {
				add("%s: phase %q deliverable %q points at doc %d, which does not exist", where, ph.Name, dl.Name, dl.DocID)
			}
		}
	}
	if p.ID == pid {
		for _, r := range []struct {
			what string
			id   uint64
		}{{"sponsor", p.SponsorID}, {"lead", p.LeadID}, {`"me"`, p.MeID}} {
			if r.id != 0 && !personIDs[r.id] {
				add("%s: the %s is person %d, who does not exist", where, r.what, r.id)
			}
		}
	}
	cb := pb.Bucket([]byte(KindCells))
	if cb == nil {
		return
	}
	_ = cb.ForEach(func(k, v []byte) error {
		act, person, ok := splitCellKey(k)
		if !ok || v == nil {
			add("%s: cells: stray key %x", where, k)
			return nil
		}
		c, err := decode[model.Assignment](v)
		if err != nil {
			add("%s: cell (activity %d, person %d): %v", where, act, person, err)
			return nil
		}
		if c.ActivityID != act || c.PersonID != person {
			add("%s: cell (activity %d, person %d) holds (activity %d, person %d)", where, act, person, c.ActivityID, c.PersonID)
		}
		switch {
		case !c.Role.Valid():
			add("%s: cell (activity %d, person %d) has unknown letters %q", where, act, person, c.Role)
		case c.Role == model.RoleNone:
			add("%s: cell (activity %d, person %d) holds no letter (an empty cell is not stored)", where, act, person)
		case legacyCell(v):
			add("%s: cell (activity %d, person %d) holds its letter as a number, the layout before schema 3", where, act, person)
		}
		if !actIDs[act] {
			add("%s: cell (activity %d, person %d) points at activity %d, which does not exist", where, act, person, act)
		}
		if !personIDs[person] {
			add("%s: cell (activity %d, person %d) points at person %d, who does not exist", where, act, person, person)
		}
		return nil
	})
}

// checkKind decodes every record of a kind, reporting the ones that do not
// decode, whose key is not their ID, or that sit above the sequence.
func checkKind[T any](pb *bolt.Bucket, where string, sp *spec[T], add func(string, ...any)) []T {
	b := pb.Bucket([]byte(sp.kind))
	if b == nil {
		return nil
	}
	var out []T
	seq := b.Sequence()
	_ = b.ForEach(func(k, v []byte) error {
		if v == nil || len(k) != 8 {
			add("%s: %s: stray key %x", where, sp.kind, k)
			return nil
		}
		t, err := decode[T](v)
		if err != nil {
			add("%s: %s %d: %v", where, sp.kind, btoi(k), err)
			return nil
		}
		if id := sp.id(&t); id != btoi(k) {
			add("%s: %s key %d holds ID %d", where, sp.kind, btoi(k), id)
		}
		if btoi(k) > seq {
			add("%s: %s %d is above the bucket's sequence %d (a new one would collide)", where, sp.kind, btoi(k), seq)
		}
		out = append(out, t)
		return nil
	})
	return out
}

// WriteBackup writes a consistent copy of the whole file to w, from one
// read transaction (writers are not blocked).
func (s *Store) WriteBackup(w io.Writer) (int64, error) {
	var n int64
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("cannot back up %s: %w", s.path, err)
	}
	return n, nil
}

// CheckFile checks the file at path without opening it as a Store, so a
// file that Open refuses as damaged can still be examined (`mopdeck
// check`). It opens read-only and writes nothing. Damage bbolt cannot even
// open is returned as a problem; the error is for files that cannot be
// checked at all (in use, missing, not a mopdeck or bbolt file).
func CheckFile(path string, timeout time.Duration) ([]string, error) {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	key, err := registryKey(path)
	if err != nil {
		return nil, err
	}
	if !acquire(key) {
		return nil, fmt.Errorf("%s is %w: it is already open in this mopdeck; close it first", path, ErrInUse)
	}
	defer release(key)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot check %s: %w", path, err)
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a directory, %w: pass --db with a file path", path, ErrNotMopdeck)
	}
	if !fi.Mode().IsRegular() {
		return nil, notMopdeckErr(path, "not a regular file but a "+fileKind(fi.Mode()))
	}
	if fi.Size() == 0 {
		return nil, notMopdeckErr(path, "empty file")
	}
	if err := sniff(path, fi.Size()); err != nil {
		return nil, err
	}
	db, err := boltOpen(path, 0, boltOptions(Options{Timeout: timeout}, true))
	if err != nil {
		err = mapOpenErr(path, err)
		var de *damageError
		if errors.As(err, &de) {
			return []string{"bbolt cannot open the file: " + de.cause.Error()}, nil
		}
		return nil, err
	}
	defer db.Close()
	// A foreign bbolt file or a newer mopdeck's is not damaged: say what
	// it is rather than list its differences as problems.
	if _, err := verify(path, db); errors.Is(err, ErrNotMopdeck) || errors.Is(err, ErrNewerSchema) {
		return nil, err
	}
	s := &Store{core: &core{db: db, path: path, readOnly: true}}
	problems, err := s.Check()
	var de *damageError
	if errors.As(err, &de) {
		return append(problems, "the check stopped on damage: "+de.cause.Error()), nil
	}
	return problems, err
}

// fileKind names what a path that is not a regular file is.
func fileKind(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&os.ModeCharDevice != 0:
		return "character device"
	case m&os.ModeDevice != 0:
		return "device"
	case m&os.ModeSocket != 0:
		return "socket"
	}
	return "special file"
}
