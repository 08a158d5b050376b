package store

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"mopdeck/store/atomicfile"
)

// BackupTo writes a consistent copy of the database to path (see
// WriteBackup) through a temporary file renamed at the end, so a failed
// backup never leaves a half file under the backup's name. The copy is
// mode 0600, like the database. Writing over the database itself is
// refused.
func (s *Store) BackupTo(path string) (int64, error) {
	if same, _ := samePath(path, s.path); same {
		return 0, invalidf("%s is the database itself: give the backup another name", path)
	}
	var n int64
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		var err error
		n, err = s.WriteBackup(w)
		return err
	})
	return n, err
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

func samePath(a, b string) (bool, error) {
	ka, err := registryKey(a)
	if err != nil {
		return false, err
	}
	kb, err := registryKey(b)
	if err != nil {
		return false, err
	}
	return ka == kb, nil
}
