//go:build unix

package store

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// A memory fault on a mapped file (here one truncated under its mapping,
// as a disk failing or another program would leave it) is damage, not a
// bug.
func TestMemoryFaultInATransactionIsDamage(t *testing.T) {
	s := openT(t, tempPath(t))
	f, err := os.Create(filepath.Join(t.TempDir(), "mapped"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size := os.Getpagesize()
	if err := f.Truncate(int64(size)); err != nil {
		t.Fatal(err)
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, size, syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		t.Skipf("mmap: %v", err)
	}
	defer syscall.Munmap(m)
	if err := f.Truncate(0); err != nil {
		t.Fatal(err)
	}
	var b byte
	err = s.view(func(*bolt.Tx) error { b = m[0]; return nil })
	if !errors.Is(err, ErrDamaged) || errors.Is(err, ErrInternal) {
		t.Fatalf("err = %v (read %d), want ErrDamaged", err, b)
	}
}
