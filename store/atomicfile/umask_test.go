//go:build unix

package atomicfile

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// The new file's mode is perm less the umask, as for os.Create: a private
// umask keeps an export private.
func TestWriteRespectsTheUmask(t *testing.T) {
	for _, tt := range []struct {
		umask int
		perm  os.FileMode
		want  os.FileMode
	}{
		{0o077, 0o644, 0o600},
		{0o022, 0o644, 0o644},
		{0o027, 0o644, 0o640},
		{0o000, 0o600, 0o600},
	} {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(t.TempDir(), "export.csv")
		err := Write(path, tt.perm, func(w io.Writer) error { _, err := io.WriteString(w, "x"); return err })
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if got := fi.Mode().Perm(); got != tt.want {
			t.Errorf("umask %03o, perm %v: mode %v, want %v", tt.umask, tt.perm, got, tt.want)
		}
	}
}
