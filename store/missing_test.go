package store

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Opening a missing file read-only says so once, in words, and callers can
// still tell it is a missing file.
func TestReadOnlyOpenOfAMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "none.db")
	_, err := Open(path, Options{ReadOnly: true})
	if err == nil {
		t.Fatal("opened a file that does not exist")
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%v does not match fs.ErrNotExist", err)
	}
	if n := strings.Count(err.Error(), "exist"); n != 1 {
		t.Errorf("%q says it %d times", err, n)
	}
}
