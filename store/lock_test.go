package store

import (
	"errors"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// bbolt waits for its own lock when one process opens a file twice; the
// store must refuse at once instead, whatever path names the file.
func TestSamePathTwiceInOneProcess(t *testing.T) {
	path := tempPath(t)
	dir := filepath.Dir(path)
	link := filepath.Join(t.TempDir(), "link.db")
	if err := os.Symlink(path, link); err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]string{
		"same path":     path,
		"dot segment":   filepath.Join(dir, ".", "mopdeck.db"),
		"through ..":    filepath.Join(dir, "..", filepath.Base(dir), "mopdeck.db"),
		"symbolic link": link,
		"relative path": rel,
	}
	for _, firstRO := range []bool{false, true} {
		first, err := Open(path, Options{ReadOnly: firstRO})
		if err != nil {
			t.Fatal(err)
		}
		for name, p := range names {
			for _, ro := range []bool{false, true} {
				start := time.Now()
				s, err := Open(p, Options{ReadOnly: ro, Timeout: 10 * time.Second})
				if err == nil {
					s.Close()
				}
				if !errors.Is(err, ErrInUse) {
					t.Fatalf("%s (first read-only %v, second %v): %v, want ErrInUse", name, firstRO, ro, err)
				}
				if d := time.Since(start); d > 200*time.Millisecond {
					t.Errorf("%s: refused after %v, want at once", name, d)
				}
				if msg := err.Error(); !strings.Contains(msg, p) || !strings.Contains(msg, "this process has it open already") {
					t.Errorf("%s: message %q should name the file and say why", name, msg)
				}
			}
		}
		if _, err := CheckFile(path, 10*time.Second); !errors.Is(err, ErrInUse) {
			t.Errorf("CheckFile while open: %v, want ErrInUse", err)
		}
		if err := first.Close(); err != nil {
			t.Fatal(err)
		}
	}
	// Closed: every name opens again.
	for name, p := range names {
		s, err := Open(p, Options{})
		if err != nil {
			t.Fatalf("%s after Close: %v", name, err)
		}
		s.Close()
	}
}

// A failed open must not keep the file registered as open.
func TestFailedOpenReleasesThePath(t *testing.T) {
	path := tempPath(t)
	if err := os.WriteFile(path, []byte("not a database"), 0o600); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := Open(path, Options{}); !errors.Is(err, ErrNotMopdeck) {
			t.Fatalf("Open: %v, want ErrNotMopdeck (not in use)", err)
		}
	}
	os.Remove(path)
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after the failures: %v", err)
	}
	s.Close()
}

// A damaged file that makes bbolt panic inside its Open must not leave the
// file locked: once the file is restored from a backup, this process opens
// it read-write at once instead of calling it in use.
func TestDamageLeavesNoLock(t *testing.T) {
	path, orig, _ := populated(t)
	b := append([]byte(nil), orig...)
	// Point both meta pages' free list at the root page, checksums fixed:
	// bbolt panics on the page type while loading it.
	for _, page := range []int{0, 1} {
		m := b[page*testPageSize+pageHeaderSize:]
		ne.PutUint64(m[32:], ne.Uint64(m[16:]))
		ne.PutUint64(m[56:], fnvSum(m[:56]))
	}
	writeBytes(t, path, b)
	problems, err := CheckFile(path, 0)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "cannot read") || strings.Contains(problems[0], "panic") {
		t.Fatalf("CheckFile = %q, %v; want bbolt's panic reported as a problem, in words", problems, err)
	}
	if _, err := Open(path, Options{}); !errors.Is(err, ErrDamaged) {
		t.Fatalf("Open: %v, want ErrDamaged", err)
	}
	writeBytes(t, path, orig) // restored from a backup
	start := time.Now()
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("Open after the restore: %v (after %v)", err, time.Since(start))
	}
	s.Close()
}

func fnvSum(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}
