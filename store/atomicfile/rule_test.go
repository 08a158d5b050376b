//go:build unix

package atomicfile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func mustWrite(t *testing.T, path string, data string, mode os.FileMode) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), mode); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

// A file replaced keeps the mode its owner gave it, whatever the umask
// and the mode new files get.
func TestReplacedFileKeepsItsMode(t *testing.T) {
	for _, tt := range []struct {
		umask int
		old   os.FileMode
	}{
		{0o022, 0o600}, // a private file stays private
		{0o022, 0o640},
		{0o077, 0o664}, // chmod, not the umask, sets the final mode
	} {
		old := syscall.Umask(tt.umask)
		path := filepath.Join(t.TempDir(), "out.csv")
		mustWrite(t, path, "old", tt.old)
		err := Write(path, 0o644, writeString("new"))
		syscall.Umask(old)
		if err != nil {
			t.Fatal(err)
		}
		fi, _ := os.Stat(path)
		if fi.Mode().Perm() != tt.old {
			t.Errorf("umask %03o: a %v file became %v", tt.umask, tt.old, fi.Mode().Perm())
		}
	}
}

// A symbolic link is followed, through relative links and "..", and the
// file it leads to is replaced; the links stay links.
func TestSymlinkTargetIsReplacedAndTheLinkKept(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	links := filepath.Join(dir, "links")
	for _, d := range []string{data, links} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	real := filepath.Join(data, "real.csv")
	mustWrite(t, real, "old", 0o600)
	// links/out.csv -> ../links/mid.csv -> ../data/real.csv
	mid := filepath.Join(links, "mid.csv")
	out := filepath.Join(links, "out.csv")
	if err := os.Symlink("../data/real.csv", mid); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../links/mid.csv", out); err != nil {
		t.Fatal(err)
	}
	tgt, err := WriteFile(out, Options{Perm: 0o644}, writeString("new"))
	if err != nil {
		t.Fatal(err)
	}
	if tgt.Path != real || tgt.Stream {
		t.Errorf("target = %+v, want %s", tgt, real)
	}
	for link, want := range map[string]string{out: "../links/mid.csv", mid: "../data/real.csv"} {
		if got, err := os.Readlink(link); err != nil || got != want {
			t.Errorf("%s is no longer the link to %s: %q %v", link, want, got, err)
		}
	}
	if got, _ := os.ReadFile(real); string(got) != "new" {
		t.Errorf("the target holds %q", got)
	}
	if fi, _ := os.Stat(real); fi.Mode().Perm() != 0o600 {
		t.Errorf("the target's mode became %v", fi.Mode().Perm())
	}
	assertNoTemp(t, data)
	assertNoTemp(t, links)

	// A link to a file not there yet creates it, beside where it points.
	dangling := filepath.Join(links, "new.csv")
	if err := os.Symlink("../data/new.csv", dangling); err != nil {
		t.Fatal(err)
	}
	if err := Write(dangling, 0o600, writeString("fresh")); err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(filepath.Join(data, "new.csv")); string(got) != "fresh" {
		t.Errorf("the dangling link's target holds %q", got)
	}
	if fi, _ := os.Lstat(dangling); fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the dangling link was replaced by a file")
	}
}

// "sub/link/../x" means what the kernel makes of it: the folder beside
// the link's target, not "sub/x".
func TestDotDotAfterALinkIsReadAsTheKernelDoes(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{"sub", "far/deep"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "far", "deep"), filepath.Join(dir, "sub", "link")); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "sub", "link") + "/../x.csv"
	if err := Write(path, 0o600, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "far", "x.csv")); err != nil {
		t.Errorf("not written where the kernel reads the path: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "sub", "x.csv")); err == nil {
		t.Error("written where the cleaned text points instead")
	}
}

func TestLinkLoopIsRefused(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	os.Symlink(b, a)
	os.Symlink(a, b)
	err := Write(a, 0o600, writeString("x"))
	if err == nil || !strings.Contains(err.Error(), "too many symbolic links") {
		t.Fatalf("err = %v", err)
	}
}

// A FIFO is written through while someone reads it: it stays a FIFO and
// no temporary file is made beside it.
func TestFIFOIsWrittenThrough(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	want := strings.Repeat("row,of,data\n", 100_000) // more than a pipe holds
	got := make(chan []byte, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- nil
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- b
	}()
	tgt, err := WriteFile(fifo, Options{Perm: 0o644}, writeString(want))
	if err != nil {
		t.Fatal(err)
	}
	if !tgt.Stream {
		t.Error("the FIFO was not taken for a stream")
	}
	select {
	case b := <-got:
		if !bytes.Equal(b, []byte(want)) {
			t.Errorf("the reader got %d bytes, want %d", len(b), len(want))
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reader got nothing")
	}
	if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO is no longer one: %v %v", fi.Mode(), err)
	}
	assertNoTemp(t, dir)
}

// A character device is written through and stays a device. As root the
// test makes its own null device, so that a regression cannot replace
// the system's /dev/null.
func TestCharDeviceIsWrittenThrough(t *testing.T) {
	dev := "/dev/null"
	if os.Geteuid() == 0 {
		dev = filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skipf("mknod: %v", err)
		}
	}
	tgt, err := WriteFile(dev, Options{Perm: 0o600}, writeString("discarded"))
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Lstat(dev)
	if err != nil || fi.Mode()&os.ModeCharDevice == 0 || !tgt.Stream {
		t.Fatalf("%s is no longer a character device: %v %v", dev, fi.Mode(), err)
	}
}

// The protected file is refused by any name, before fn runs.
func TestProtectedFileIsRefusedByAnyName(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "p.db")
	mustWrite(t, db, "every project", 0o600)
	other := filepath.Join(dir, "other")
	os.Mkdir(other, 0o755)
	sym := filepath.Join(other, "link.csv")
	if err := os.Symlink("../p.db", sym); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(other, "hard.db")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	t.Chdir(other)
	for _, tt := range []struct{ path, says string }{
		{db, "is the database itself"},
		{"../p.db", "is the database itself"},
		{"../other/../p.db", "is the database itself"},
		{sym, "leads to the database"},
		{"link.csv", "through a symbolic link"},
		{hard, "under another name (a hard link"},
	} {
		ran := false
		_, err := WriteFile(tt.path, Options{Perm: 0o644, Never: db, NeverName: "the database"}, func(w io.Writer) error {
			ran = true
			return nil
		})
		if !errors.Is(err, ErrSameFile) || !strings.Contains(err.Error(), tt.says) || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("%s: err = %v, want ErrSameFile saying %q", tt.path, err, tt.says)
		}
		if ran {
			t.Errorf("%s: the content was produced before the refusal", tt.path)
		}
	}
	if got, _ := os.ReadFile(db); string(got) != "every project" {
		t.Fatalf("the protected file holds %q", got)
	}
	// The database given by a relative path, the output by an absolute one.
	if _, err := WriteFile(db, Options{Perm: 0o644, Never: "../p.db"}, writeString("x")); !errors.Is(err, ErrSameFile) {
		t.Errorf("relative protected path: err = %v", err)
	}
	// Another file is written as usual.
	if _, err := WriteFile(filepath.Join(dir, "out.csv"), Options{Perm: 0o644, Never: db}, writeString("x")); err != nil {
		t.Errorf("another file: %v", err)
	}
}

func TestFolderNamesAndSocketsAreRefused(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{filepath.Join(dir, "new") + "/", dir + "/.", dir + "/.."} {
		if err := Write(p, 0o600, writeString("x")); err == nil || !strings.Contains(err.Error(), "folder") {
			t.Errorf("%s: err = %v", p, err)
		}
	}
	sock := filepath.Join(dir, "s")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skipf("unix socket: %v", err)
	}
	defer l.Close()
	if err := Write(sock, 0o600, writeString("x")); err == nil || !strings.Contains(err.Error(), "socket") {
		t.Errorf("socket: err = %v", err)
	}
}

// A link to an open descriptor (/dev/fd/N, /dev/stdout) is written
// through the descriptor: a pipe gets the bytes, a file the shell opened
// to append to keeps what it held and is not replaced, and the protected
// file is refused there too.
func TestDescriptorIsWrittenThrough(t *testing.T) {
	if _, err := os.Stat("/proc/self/fd"); err != nil {
		t.Skip("no /proc/self/fd")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "log.csv")
	mustWrite(t, path, "kept\n", 0o600)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	before, _ := os.Stat(path)
	tgt, err := WriteFile(fmt.Sprintf("/dev/fd/%d", f.Fd()), Options{Perm: 0o644}, writeString("new\n"))
	if err != nil || !tgt.Stream {
		t.Fatalf("WriteFile = %+v, %v", tgt, err)
	}
	if got, _ := os.ReadFile(path); string(got) != "kept\nnew\n" {
		t.Errorf("the file holds %q", got)
	}
	if after, _ := os.Stat(path); !os.SameFile(before, after) {
		t.Error("the file was replaced rather than written through")
	}
	assertNoTemp(t, dir)

	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	got := make(chan []byte, 1)
	go func() { b, _ := io.ReadAll(r); got <- b }()
	err = Write(fmt.Sprintf("/proc/self/fd/%d", w.Fd()), 0o644, writeString("through the pipe"))
	w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := <-got; string(b) != "through the pipe" {
		t.Errorf("the pipe got %q", b)
	}

	db := filepath.Join(dir, "p.db")
	mustWrite(t, db, "every project", 0o600)
	g, err := os.OpenFile(db, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if _, err := WriteFile(fmt.Sprintf("/dev/fd/%d", g.Fd()), Options{Perm: 0o644, Never: db}, writeString("x")); !errors.Is(err, ErrSameFile) {
		t.Errorf("the database through a descriptor: %v", err)
	}
	if b, _ := os.ReadFile(db); string(b) != "every project" {
		t.Errorf("the database holds %q", b)
	}
}
