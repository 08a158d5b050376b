package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"
)

// A file found damaged — by `mopdeck check`, or by a read that met a
// record it cannot decode — is written to no more: a write could spread
// the damage (bbolt copies whole pages), and the file is what a restore
// or a repair starts from. It stays open read-only, so the report, the
// exports and a backup still save what can be read.
//
// The finding is kept beside the file (mopdeck.db.damaged), tied to the
// file's size and modification time, so every later mopdeck on the same
// file opens it read-only too, and a file restored from a backup in its
// place is not held to it.

// damageMark is the content of the marker file.
type damageMark struct {
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
	At      time.Time `json:"at"`
	Why     string    `json:"why"`
}

func markPath(path string) string { return path + ".damaged" }

// readMark returns the finding kept for the file as it is now, or "".
func readMark(path string) string {
	b, err := os.ReadFile(markPath(path))
	if err != nil {
		return ""
	}
	var m damageMark
	fi, err := os.Stat(path)
	if err != nil || json.Unmarshal(b, &m) != nil || m.Size != fi.Size() || !m.ModTime.Equal(fi.ModTime()) {
		return "" // another file since: a backup restored in its place
	}
	return fmt.Sprintf("found damaged on %s: %s", m.At.Format("2006-01-02 15:04"), m.Why)
}

// Damaged is why the file is held read-only for damage, or "".
func (s *Store) Damaged() string {
	if why := s.damage.Load(); why != nil {
		return *why
	}
	return ""
}

// noteDamage holds the file read-only from now on and keeps the finding
// beside it. A marker that cannot be written (a read-only folder) only
// costs later runs the finding.
func (s *Store) noteDamage(why string) {
	s.damage.Store(&why)
	fi, err := os.Stat(s.path)
	if err != nil {
		return
	}
	b, err := json.Marshal(damageMark{Size: fi.Size(), ModTime: fi.ModTime(), At: time.Now(), Why: why})
	if err == nil {
		// A torn marker does not decode and is ignored: no need for more.
		_ = os.WriteFile(markPath(s.path), b, 0o600)
	}
}

// clearDamage lifts a finding a clean check disproves.
func (s *Store) clearDamage() {
	s.damage.Store(nil)
	if err := os.Remove(markPath(s.path)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return // the marker stays; the next check tries again
	}
}

// damagedWriteErr refuses a write to a file held read-only for damage.
func (s *Store) damagedWriteErr() error {
	return fmt.Errorf("%s %w (%s): it is open read-only and the change was not saved; the report, exports and `mopdeck backup` still work — restore a backup, and see `mopdeck check`",
		s.path, ErrDamaged, s.Damaged())
}

// KeepCheckFinding records what `mopdeck check` found on the file at
// path: problems hold it read-only for every later mopdeck; a clean check
// lifts an earlier finding.
func KeepCheckFinding(path string, problems []string) {
	s := &Store{core: &core{path: path}}
	if len(problems) == 0 {
		s.clearDamage()
		return
	}
	why := problems[0]
	if len(problems) > 1 {
		why += fmt.Sprintf(", and %d more problems", len(problems)-1)
	}
	s.noteDamage(why)
}

// damageCause is what a damage error says was found, without its advice.
func damageCause(err error) string {
	var de *damageError
	if errors.As(err, &de) {
		return de.cause.Error()
	}
	return err.Error()
}
