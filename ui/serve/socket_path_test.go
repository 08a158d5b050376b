//go:build linux || darwin || freebsd

package serve

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"mopdeck/store"
)

// deepDB opens a database at a path too long for a socket beside it, as
// in a synced folder several levels down.
func deepDB(t *testing.T) *store.Store {
	t.Helper()
	dir := filepath.Join(t.TempDir(), strings.Repeat("Marketing Operations Shared Drive/", 3), "Projects 2027")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(filepath.Join(dir, "mopdeck.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// shortRuntime is a runtime folder with a short path, as /run/user/1000
// is (t.TempDir names the test).
func shortRuntime(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "rt")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	t.Setenv("XDG_RUNTIME_DIR", dir)
	return dir
}

func own(st *store.Store) (*Owner, error) {
	return Own(OwnerConfig{Store: st, Run: func(args []string, stdout, _ io.Writer, _ *store.Store) int {
		io.WriteString(stdout, "ran "+strings.Join(args, " "))
		return 0
	}})
}

// A database whose path is too long for a socket beside it is still
// reached by local commands while it is held: its socket is in the
// user's runtime folder.
func TestADeepDatabaseIsReachedThroughTheRuntimeFolder(t *testing.T) {
	runtime := shortRuntime(t)
	st := deepDB(t)
	o, err := own(st)
	if err != nil {
		t.Fatalf("owning %s (%d bytes): %v", st.Path(), len(st.Path()), err)
	}
	defer o.Close()
	if filepath.Dir(o.Path()) != filepath.Join(runtime, "mopdeck") || len(o.Path()) > maxSocketPath {
		t.Fatalf("socket at %s", o.Path())
	}
	if fi, err := os.Stat(filepath.Dir(o.Path())); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("runtime folder %v, %v; want mode 0700", fi.Mode(), err)
	}
	if !Held(st.Path()) {
		t.Fatal("a local command does not find the owner")
	}
	outR, outW, _ := os.Pipe()
	_, errW, _ := os.Pipe()
	code, ok, err := Forward(st.Path(), []string{"report"}, os.Stdin, outW, errW)
	outW.Close()
	errW.Close()
	out, _ := io.ReadAll(outR)
	if err != nil || !ok || code != 0 || string(out) != "ran report" {
		t.Fatalf("Forward = %d, %v, %v, %q", code, ok, err, out)
	}
}

// A runtime folder another user could enter is not used: the owner says
// why, and no client dials into it.
func TestARuntimeFolderOpenToOthersIsNotUsed(t *testing.T) {
	runtime := shortRuntime(t)
	if err := os.Mkdir(filepath.Join(runtime, "mopdeck"), 0o777); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Join(runtime, "mopdeck"), 0o777) // past the umask
	st := deepDB(t)
	if o, err := own(st); err == nil || !strings.Contains(err.Error(), "open to other users") {
		if o != nil {
			o.Close()
		}
		t.Fatalf("owning through a folder open to all: %v", err)
	}
	if Held(st.Path()) {
		t.Fatal("a client dialled into a folder open to all")
	}
}
