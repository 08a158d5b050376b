package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/store/atomicfile"
)

// BackupPerm is a new backup's mode: private, like the database.
const BackupPerm = 0o600

// BackupTo is Backup for callers that need only the size.
func (s *Store) BackupTo(path string) (int64, error) {
	_, n, err := s.Backup(path)
	return n, err
}

// Backup writes a consistent copy of the database to path (see
// WriteBackup) by the rule every output file follows (atomicfile): a file
// through a temporary file renamed at the end, so a failed backup never
// leaves a half file under the backup's name; a pipe or device written
// through; a link's target replaced. A new copy is mode 0600, like the
// database. The database itself is refused under any name (a relative
// path, a symbolic or hard link) with ErrInvalid. It returns where the
// copy went and its size.
func (s *Store) Backup(path string) (atomicfile.Target, int64, error) {
	return s.backupWith(path, s.WriteBackup)
}

// CompactBackup is Backup writing a compacted copy (WriteCompactBackup).
func (s *Store) CompactBackup(path string) (atomicfile.Target, int64, error) {
	return s.backupWith(path, s.WriteCompactBackup)
}

func (s *Store) backupWith(path string, write func(io.Writer) (int64, error)) (atomicfile.Target, int64, error) {
	var n int64
	t, err := atomicfile.WriteFile(path, OutputOptions(s.path, BackupPerm), func(w io.Writer) error {
		var err error
		n, err = write(w)
		return err
	})
	if errors.Is(err, atomicfile.ErrSameFile) {
		err = invalid(err)
	}
	return t, n, err
}

// WriteCompactBackup writes a compacted copy of the database to w: its
// records rewritten into a fresh file, without the free pages that
// deletes and rewrites leave behind (a bbolt file never shrinks). Bucket
// sequences are kept, so new IDs follow on as in the database. The copy
// is put together in a temporary folder, removed on the way out, and read
// from one transaction of the database: writers are not blocked.
func (s *Store) WriteCompactBackup(w io.Writer) (int64, error) {
	fail := func(err error) (int64, error) { return 0, fmt.Errorf("cannot compact %s: %w", s.path, err) }
	dir, err := os.MkdirTemp("", "mopdeck-compact-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	dst, err := bolt.Open(filepath.Join(dir, "compact.db"), 0o600, &bolt.Options{Timeout: DefaultTimeout, NoSync: true})
	if err != nil {
		return fail(err)
	}
	defer dst.Close()
	// At most 64 MiB a transaction keeps the copy's memory bounded on a
	// large file.
	if err := s.recheck(txGuarded(s.path, func() error { return bolt.Compact(dst, s.db, 64<<20) })); err != nil {
		return fail(err)
	}
	var n int64
	err = dst.View(func(tx *bolt.Tx) error {
		n, err = tx.WriteTo(w)
		return err
	})
	if err != nil {
		return n, fmt.Errorf("cannot write the compacted copy of %s: %w", s.path, err)
	}
	return n, nil
}

// OutputOptions is how every output file (an export, a bundle, a backup)
// of the database at dbPath is written: perm for a new file, and never
// over the database, by any name.
func OutputOptions(dbPath string, perm os.FileMode) atomicfile.Options {
	return atomicfile.Options{Perm: perm, Never: dbPath, NeverName: "the database"}
}

// BackupPath is where a backup goes by default: beside the database, named
// after it and the time, e.g. mopdeck-20250303-090000.db.
func BackupPath(dbPath string, now time.Time) string {
	ext := filepath.Ext(dbPath)
	base := strings.TrimSuffix(filepath.Base(dbPath), ext)
	if ext == "" {
		ext = ".db"
	}
	return filepath.Join(filepath.Dir(dbPath), fmt.Sprintf("%s-%s%s", base, now.Format("20060102-150405"), ext))
}
