// Package store is the only code of mopdeck that touches disk. It keeps all
// projects in one bbolt file:
//
//	meta      schema (decimal version), app (version that last wrote), created
//	projects  one nested bucket per project, key = 8-byte big-endian ID
//	  project     the model.Project (JSON envelope)
//	  phases, changes, people, activities, docs, checklists
//	              key = 8-byte big-endian record ID (from NextSequence)
//	  cells       key = activity ID | person ID (2 × 8 bytes)
//	  history     key = 8-byte big-endian entry ID
//
// Every value is a JSON envelope {"v":1,"d":<model JSON>}. Every mutation
// is one bbolt transaction that also appends a model.HistoryEntry, so undo
// is an ordinary write. Open refuses, without writing a byte, files that are
// not mopdeck databases or were written by a newer mopdeck.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"

	"mopdeck/model"
)

// SchemaVersion is the layout version this mopdeck writes and reads.
// Schema 3 stores a RACI cell's letters as a string ("AR"), where schema 2
// stored one letter as a number (see migrate_cells.go). Schema 2 holds
// history before/after as raw JSON; schema 1 had base64 strings (see
// migrate_history.go).
const SchemaVersion = 3

// currentSchema is SchemaVersion; tests raise it, with a migration, to
// rehearse an upgrade on a file of the previous layout.
var currentSchema = SchemaVersion

// DefaultTimeout is how long Open waits for another process's lock.
const DefaultTimeout = time.Second

// Options tune Open.
type Options struct {
	// ReadOnly opens with a shared lock and refuses every mutation.
	ReadOnly bool
	// Timeout is how long to wait for the file lock; 0 means DefaultTimeout.
	Timeout time.Duration
	// AppVersion is written to meta "app" by the first write of a session.
	AppVersion string
}

// Store is an open mopdeck database. Its methods are safe for concurrent
// use (bbolt serialises writers). Every committed write becomes a
// model.Event: subscribers receive it, and so does the handle that made
// it when that handle is a Recording.
type Store struct {
	*core
	// recorded collects this handle's events; nil but on a Recording.
	recorded *[]model.Event
	// policy judges this handle's writes (policy.go); nil allows all.
	policy *Policy
	// borrowed handles do not close the file (borrowed.go).
	borrowed bool
}

// core is the open database behind every handle.
type core struct {
	// Now gives the time recorded in history entries; tests set it.
	Now func() time.Time

	// tx follows the read-write transaction in progress.
	tx   *txLog
	feed feed

	db        *bolt.DB
	path      string
	key       string
	readOnly  bool
	backup    string
	app       string
	appMarked atomic.Bool
	// damage is why the file is held read-only for damage (damage.go).
	damage atomic.Pointer[string]
	// onStamp: the open took the file on its clean stamp, without
	// walking its pages (clean.go).
	onStamp bool
	// repaired holds the projects repair.go has already looked at.
	repaired  sync.Map
	closeOnce sync.Once
	closeErr  error
}

// DefaultPath is $XDG_DATA_HOME/mopdeck/mopdeck.db, or
// ~/.local/share/mopdeck/mopdeck.db when XDG_DATA_HOME is unset or relative.
func DefaultPath() (string, error) {
	if dir := os.Getenv("XDG_DATA_HOME"); dir != "" && filepath.IsAbs(dir) {
		return filepath.Join(dir, "mopdeck", "mopdeck.db"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", ErrNoDataDir
	}
	return filepath.Join(home, ".local", "share", "mopdeck", "mopdeck.db"), nil
}

// ErrNoDataDir: there is no default place for the database; the user
// names one.
var ErrNoDataDir = errors.New("cannot find where to keep the database: neither XDG_DATA_HOME nor HOME is set; pass --db PATH")

// registry holds the absolute paths open in this process: bbolt would wait
// for its own lock otherwise.
var registry = struct {
	sync.Mutex
	open map[string]bool
}{open: map[string]bool{}}

func acquire(key string) bool {
	registry.Lock()
	defer registry.Unlock()
	if registry.open[key] {
		return false
	}
	registry.open[key] = true
	return true
}

func release(key string) {
	registry.Lock()
	defer registry.Unlock()
	delete(registry.open, key)
}

func registryKey(path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", fmt.Errorf("cannot resolve %s: %w; pass --db with an absolute path", path, err)
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		return real, nil
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(dir, filepath.Base(abs)), nil
	}
	return abs, nil
}

// errRaced: the file appeared between our stat and our create.
var errRaced = errors.New("file appeared while creating it")

// Open opens the database at path, creating it (parent folder 0700, file
// 0600) when it does not exist and opt.ReadOnly is false. An existing file
// is checked without writing first: an empty file, a file that is not a
// bbolt database, a bbolt database without mopdeck's meta bucket
// (ErrNotMopdeck) and one written by a newer mopdeck (ErrNewerSchema) are
// refused untouched. A file held by another process gives ErrInUse after
// opt.Timeout; one held by this process gives ErrInUse at once.
func Open(path string, opt Options) (_ *Store, err error) {
	if path == "" {
		return nil, errors.New("no database path: pass --db PATH")
	}
	if opt.Timeout <= 0 {
		opt.Timeout = DefaultTimeout
	}
	key, err := registryKey(path)
	if err != nil {
		return nil, err
	}
	if !acquire(key) {
		return nil, fmt.Errorf("%s is %w (this process has it open already): close it first, or open another file with --db", path, ErrInUse)
	}
	defer func() {
		if err != nil {
			release(key)
		}
	}()

	var db *bolt.DB
	var backup string
	var onStamp bool
	_, statErr := os.Stat(path)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if opt.ReadOnly {
			return nil, missingFileError{path + " does not exist: check the path; a read-only open creates nothing"}
		}
		db, err = createNew(path, opt)
		if errors.Is(err, errRaced) {
			db, backup, onStamp, err = openExisting(path, opt)
		}
	case statErr != nil:
		return nil, fmt.Errorf("cannot reach %s: %w; check the path and its folder's permissions", path, statErr)
	default:
		db, backup, onStamp, err = openExisting(path, opt)
	}
	if err != nil {
		return nil, err
	}
	s := &Store{core: &core{Now: time.Now, db: db, path: path, key: key, readOnly: opt.ReadOnly, backup: backup, app: opt.AppVersion, onStamp: onStamp}}
	if why := readMark(path); why != "" {
		s.damage.Store(&why)
	}
	return s, nil
}

// Close releases the file. Calling it again does nothing.
func (s *Store) Close() error {
	if s.borrowed {
		return nil
	}
	s.closeOnce.Do(func() {
		if !s.readOnly && s.Damaged() == "" {
			stamp(s.path) // under the lock still: the file is as this session left it
		}
		s.closeErr = s.db.Close()
		release(s.key)
	})
	return s.closeErr
}

// Path is the path the store was opened with.
func (s *Store) Path() string { return s.path }

// ReadOnly tells whether the store refuses mutations.
func (s *Store) ReadOnly() bool { return s.readOnly }

// SchemaBackup is the copy of the file taken before this Open upgraded it
// to a newer schema, or "" when no upgrade ran.
func (s *Store) SchemaBackup() string { return s.backup }

func boltOptions(opt Options, readOnly bool) *bolt.Options {
	return &bolt.Options{
		Timeout:  opt.Timeout,
		ReadOnly: readOnly,
		// Load the freelist during Open, where damage is recovered, not
		// later in a goroutine of bbolt's.
		PreLoadFreelist: true,
		// Map address space ahead so a bulk import that grows the file
		// does not remap (bbolt copies every dirty node on a remap).
		InitialMmapSize: initialMmapSize,
	}
}

// boltOpen opens the file with bbolt. Should bbolt panic half-way through
// Open (it does on some damaged pages), the file it opened is unlocked and
// closed here: otherwise its lock would stay held and every later open of
// the file in this process would wait, then report it in use. (Its memory
// map is lost, a little address space per damaged open.)
func boltOpen(path string, mode os.FileMode, o *bolt.Options) (db *bolt.DB, err error) {
	oc := *o
	var file *os.File
	openFile := oc.OpenFile
	if openFile == nil {
		openFile = os.OpenFile
	}
	oc.OpenFile = func(name string, flag int, perm os.FileMode) (*os.File, error) {
		f, err := openFile(name, flag, perm)
		file = f
		return f, err
	}
	err = guarded(path, func() error {
		var e error
		db, e = bolt.Open(path, mode, &oc)
		return e
	})
	if err == nil && db != nil {
		// With address space mapped ahead, bbolt grows the file in
		// AllocSize steps (16 MiB by default): a one-project database
		// would weigh 16 MiB. Small steps keep the file near its data.
		db.AllocSize = fileGrowStep
	}
	if err != nil && db == nil && file != nil && errors.Is(err, ErrDamaged) {
		// Unlock explicitly: bbolt's memory map keeps the open file
		// alive, and with it the lock, after the descriptor is closed.
		unlockFile(file)
		file.Close()
	}
	return db, err
}

// mapOpenErr turns bbolt's open errors into mopdeck's.
func mapOpenErr(path string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, ErrDamaged), errors.Is(err, errRaced):
		return err
	case errors.Is(err, bolterrors.ErrTimeout):
		return inUseErr(path, nil)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("cannot open %s: %w; fix its permissions or pass --db with another path", path, fs.ErrPermission)
	case (errors.Is(err, bolterrors.ErrInvalid) || errors.Is(err, bolterrors.ErrVersionMismatch)) && metaDamaged(path):
		return damagedErr(path, errors.New("both meta pages fail their checksum"))
	case errors.Is(err, bolterrors.ErrInvalid):
		return notMopdeckErr(path, "not a bbolt database")
	case errors.Is(err, bolterrors.ErrVersionMismatch):
		return notMopdeckErr(path, "a bbolt format this mopdeck does not read")
	case errors.Is(err, bolterrors.ErrChecksum):
		return damagedErr(path, errors.New("both meta pages fail their checksum"))
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Errorf("cannot open %s: %w; check the disk and the path", path, err)
	}
	return damagedErr(path, err)
}

// createNew creates the file and its meta bucket in one transaction. The
// file is created with O_EXCL so that a file appearing meanwhile is never
// initialised by us.
func createNew(path string, opt Options) (*bolt.DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("cannot create the folder of %s: %w; pass --db with a writable path", path, err)
	}
	created := false
	o := boltOptions(opt, false)
	o.OpenFile = func(name string, flag int, _ os.FileMode) (*os.File, error) {
		f, err := os.OpenFile(name, flag|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, fs.ErrExist) {
			return nil, errRaced
		}
		if err != nil {
			return nil, err
		}
		created = true
		if err := f.Chmod(0o600); err != nil {
			f.Close()
			return nil, err
		}
		return f, nil
	}
	db, err := boltOpen(path, 0o600, o)
	if err != nil {
		if created {
			os.Remove(path)
		}
		if errors.Is(err, errRaced) {
			return nil, errRaced
		}
		if errors.Is(err, fs.ErrPermission) {
			return nil, fmt.Errorf("cannot create %s: %w; pass --db with a writable path", path, fs.ErrPermission)
		}
		return nil, fmt.Errorf("cannot create %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		if _, err := tx.CreateBucket(bucketProjects); err != nil {
			return err
		}
		if err := meta.Put(keySchema, []byte(strconv.Itoa(currentSchema))); err != nil {
			return err
		}
		if err := meta.Put(keyApp, []byte(opt.AppVersion)); err != nil {
			return err
		}
		return meta.Put(keyCreated, []byte(time.Now().UTC().Format(time.RFC3339)))
	})
	if err != nil {
		db.Close()
		os.Remove(path)
		return nil, fmt.Errorf("cannot initialise %s: %w", path, err)
	}
	return db, nil
}

// openExisting checks an existing file without writing, then opens it. An
// older schema is upgraded after a copy of the file is set aside; backup
// names that copy. onStamp tells that the file was taken on its clean
// stamp, its pages not walked (clean.go).
func openExisting(path string, opt Options) (_ *bolt.DB, backup string, onStamp bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, "", false, fmt.Errorf("cannot reach %s: %w; check the path", path, err)
	}
	if fi.IsDir() {
		return nil, "", false, fmt.Errorf("%s is a directory, %w: pass --db with a file path such as %s",
			path, ErrNotMopdeck, filepath.Join(path, "mopdeck.db"))
	}
	if !fi.Mode().IsRegular() {
		return nil, "", false, notMopdeckErr(path, "not a regular file")
	}
	if fi.Size() == 0 {
		return nil, "", false, notMopdeckErr(path, "empty file")
	}
	if err := sniff(path, fi.Size()); err != nil {
		return nil, "", false, err
	}

	// Walk the pages before bbolt follows them (see scanFile), under a
	// shared lock so that no other process writes meanwhile, unless the
	// file is the one its clean stamp names (clean.go).
	unlock, err := sharedLock(path, opt.Timeout)
	if err != nil {
		return nil, "", false, mapOpenErr(path, err)
	}
	onStamp = stamped(path)
	if !onStamp {
		err = scanOK(path)
	}
	if err != nil {
		unlock()
		return nil, "", false, err
	}
	// Read-only first: a shared lock and no write, whatever the file holds.
	ro, err := boltOpen(path, 0, boltOptions(opt, true))
	unlock()
	if err != nil {
		return nil, "", false, mapOpenErr(path, err)
	}
	schema, err := verify(path, ro)
	if err != nil {
		ro.Close()
		return nil, "", false, err
	}
	if opt.ReadOnly {
		if schema < currentSchema {
			ro.Close()
			return nil, "", false, fmt.Errorf("%s has schema %d and needs an upgrade to %d: open it once read-write (run mopdeck without a command); a copy is kept", path, schema, currentSchema)
		}
		if !onStamp {
			stamp(path) // walked and sound: later opens need not walk
		}
		return ro, "", onStamp, nil
	}
	if err := ro.Close(); err != nil {
		return nil, "", false, fmt.Errorf("cannot close %s after checking it: %w", path, err)
	}

	if err := writable(path, fi); err != nil {
		return nil, "", false, err
	}
	// This session may write: until its clean close, the file is not
	// the one a stamp would name.
	unstamp(path)
	db, err := boltOpen(path, 0o600, boltOptions(opt, false))
	if err != nil {
		return nil, "", false, mapOpenErr(path, err)
	}
	// The file may have been replaced between the two opens: check again
	// before the first write.
	if schema, err = verify(path, db); err != nil {
		db.Close()
		return nil, "", false, err
	}
	if readMark(path) != "" {
		return db, "", onStamp, nil // found damaged: nothing is written, not even an upgrade
	}
	if backup, err = upgrade(path, db, schema); err != nil {
		db.Close()
		return nil, "", false, err
	}
	return db, backup, onStamp, nil
}

// sniff looks for bbolt's magic number in the first or second meta page
// with plain reads, so that bbolt never sees a file that is not a database.
func sniff(path string, size int64) error {
	f, err := os.Open(path)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("cannot read %s: %w; fix its permissions or pass --db with another path", path, fs.ErrPermission)
		}
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	defer f.Close()
	const magicAt = 16 // page header: id u64, flags u16, count u16, overflow u32
	offsets := []int64{0}
	for i := 0; i <= 14; i++ {
		offsets = append(offsets, 1024<<i)
	}
	var buf [4]byte
	for _, off := range offsets {
		if off+magicAt+4 > size {
			break
		}
		if _, err := f.ReadAt(buf[:], off+magicAt); err != nil && err != io.EOF {
			return fmt.Errorf("cannot read %s: %w", path, err)
		}
		if binary.NativeEndian.Uint32(buf[:]) == 0xED0CDAED {
			return nil
		}
	}
	if metaDamaged(path) {
		return damagedErr(path, errors.New("both meta pages are unreadable"))
	}
	return notMopdeckErr(path, "not a database file")
}

// metaDamaged tells a damaged bbolt file from a foreign one: page 0 still
// has the header of a meta page, yet no meta page passes its checksum, or
// the file is shorter than the pages its meta counts. A sound file of
// another bbolt format passes the checksum and is foreign.
func metaDamaged(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return false
	}
	var b [pageHeaderSize + 64]byte
	if _, err := f.ReadAt(b[:], 0); err != nil {
		return false
	}
	if ne.Uint64(b[0:]) != 0 || ne.Uint16(b[8:]) != metaFlag {
		return false
	}
	for i := -1; i <= 14; i++ {
		off := int64(0)
		if i >= 0 {
			off = 1024 << i
		}
		if _, err := f.ReadAt(b[:], off); err != nil {
			break
		}
		m := b[pageHeaderSize:]
		h := fnv.New64a()
		h.Write(m[:56])
		if ne.Uint16(b[8:]) == metaFlag && h.Sum64() == ne.Uint64(m[56:]) {
			pages, pageSize := ne.Uint64(m[40:]), uint64(ne.Uint32(m[8:]))
			return pageSize > 0 && pages > uint64(fi.Size())/pageSize
		}
	}
	return true
}

// scanOK runs scanFile and turns its first problem into ErrDamaged.
func scanOK(path string) error {
	problems, err := scanFile(path)
	if err != nil {
		return fmt.Errorf("cannot read %s: %w", path, err)
	}
	if len(problems) == 0 {
		return nil
	}
	why := problems[0]
	if len(problems) > 1 {
		why += fmt.Sprintf(", and %d more problems", len(problems)-1)
	}
	return damagedErr(path, errors.New(why))
}

// verify reads meta in a read transaction: ErrNotMopdeck without it,
// ErrNewerSchema when the schema is newer.
func verify(path string, db *bolt.DB) (schema int, err error) {
	err = guarded(path, func() error {
		return db.View(func(tx *bolt.Tx) error {
			meta := tx.Bucket(bucketMeta)
			if meta == nil {
				// A damaged root page loses the meta bucket too: tell
				// that apart from a sound file of another program.
				if tx.Bucket(bucketProjects) != nil {
					return damagedErr(path, errors.New("its meta bucket is missing"))
				}
				if err := soundFile(tx); err != nil {
					return damagedErr(path, err)
				}
				return notMopdeckErr(path, "no mopdeck meta bucket")
			}
			v := meta.Get(keySchema)
			if v == nil {
				return notMopdeckErr(path, "no schema version in its meta bucket")
			}
			n, err := strconv.Atoi(string(v))
			if err != nil || n < 1 {
				return notMopdeckErr(path, fmt.Sprintf("schema version %q is not a mopdeck one", truncate(string(v), 20)))
			}
			if n > currentSchema {
				return newerSchemaErr(path, n)
			}
			schema = n
			return nil
		})
	})
	return schema, err
}

// soundFile runs bbolt's consistency check on a file Open is about to
// refuse, to tell damage from a foreign file. Files over 256 MiB are not
// read through: they are called foreign.
func soundFile(tx *bolt.Tx) error {
	if tx.Size() > 256<<20 {
		return nil
	}
	if err := walk(tx); err != nil {
		return err
	}
	for err := range tx.Check() {
		return err
	}
	return nil
}

// writable refuses, before bbolt opens it read-write, a file the user made
// read-only (even for root) or cannot write.
func writable(path string, fi fs.FileInfo) error {
	msg := func(cause error) error {
		return fmt.Errorf("cannot write %s: %w; make it writable (chmod u+w %s) — commands that only read it, such as report and check, still work", path, cause, path)
	}
	if fi.Mode().Perm()&0o222 == 0 {
		return msg(fs.ErrPermission)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS) {
			return msg(fs.ErrPermission)
		}
		return fmt.Errorf("cannot open %s for writing: %w", path, err)
	}
	return f.Close()
}

// errNoop aborts a transaction that would change nothing.
var errNoop = errors.New("no change")

func (s *Store) now() time.Time {
	if s.Now == nil {
		return time.Now()
	}
	return s.Now()
}

// view runs fn in one read transaction. A panic in it is a bug
// (ErrInternal) unless it is a memory fault on the mapped file (see
// txGuarded).
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	err := s.recheck(txGuarded(s.path, func() error { return s.db.View(fn) }))
	if errors.Is(err, ErrDamaged) && s.Damaged() == "" {
		s.noteDamage(damageCause(err))
	}
	return err
}

// update runs fn in one read-write transaction. fn returning errNoop rolls
// back and reports success. A panic in fn rolls back too and is a bug
// (ErrInternal), unless it is a memory fault on the mapped file.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.readOnly {
		return fmt.Errorf("%s is %w: the change was not saved; reopen it without read-only to edit", s.path, ErrReadOnly)
	}
	if s.Damaged() != "" {
		return s.damagedWriteErr()
	}
	mark := !s.appMarked.Load()
	var events []model.Event
	err := txGuarded(s.path, func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			s.tx = &txLog{}
			defer func() { s.tx = nil }()
			if err := fn(tx); err != nil {
				return err
			}
			if mark {
				if meta := tx.Bucket(bucketMeta); meta != nil && string(meta.Get(keyApp)) != s.app {
					if err := meta.Put(keyApp, []byte(s.app)); err != nil {
						return err
					}
				}
			}
			var err error
			events, err = s.tx.events()
			return err
		})
	})
	err = s.recheck(err)
	if errors.Is(err, errNoop) {
		return nil
	}
	if err == nil && mark {
		s.appMarked.Store(true)
	}
	if err == nil && len(events) > 0 {
		if s.recorded != nil {
			*s.recorded = append(*s.recorded, events...)
		}
		s.feed.publish(events)
	}
	return writeErr(s.path, err)
}

func (s *Store) projectBucket(tx *bolt.Tx, pid uint64) (*bolt.Bucket, error) {
	root := tx.Bucket(bucketProjects)
	var pb *bolt.Bucket
	if root != nil {
		pb = root.Bucket(itob(pid))
	}
	if pb == nil {
		return nil, fmt.Errorf("project %d %w in %s: it may have been deleted; pick another project", pid, ErrNotFound, s.path)
	}
	if tx.Writable() && s.tx != nil {
		s.tx.open(pid, pb, false)
	}
	return pb, nil
}

// kindBucket returns a project's nested bucket, creating it in a writable
// transaction when an older file lacks it.
func kindBucket(pb *bolt.Bucket, kind string) (*bolt.Bucket, error) {
	if b := pb.Bucket([]byte(kind)); b != nil {
		return b, nil
	}
	if !pb.Writable() {
		return nil, nil
	}
	return pb.CreateBucket([]byte(kind))
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
