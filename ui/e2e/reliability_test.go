package e2e

import (
	"crypto/sha256"
	bbinary "encoding/binary"
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/store"
	"mopdeck/ui/serve"
)

// The real binary on files it must refuse: one line on stderr, the right
// exit code, no Go panic trace, and the file's bytes as they were.

const pageSize = 4096

// endian is bbolt's byte order on disk: the machine's.
var endian = bbinary.NativeEndian

// soundDB makes a database with the real binary.
func soundDB(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "sound.db")
	if _, errOut, code := mopdeck(t, nil, "--db", db, "new", "--template", "mrm", "--start", "2027-01-04", "Reliability"); code != 0 {
		t.Fatalf("new: %s", errOut)
	}
	return db
}

// newerMeta reads the newer of the two meta pages: its root page and
// high-water mark.
func newerMeta(b []byte) (root, pages uint64) {
	var txid uint64
	for _, off := range []int{0, pageSize} {
		m := b[off+16:]
		if t := endian.Uint64(m[48:]); t >= txid {
			txid, root, pages = t, endian.Uint64(m[16:]), endian.Uint64(m[40:])
		}
	}
	return root, pages
}

type badFile struct {
	name    string
	damaged bool // else foreign: not a mopdeck file, or not this one's
	make    func(t *testing.T, sound []byte, path string)
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

var badFiles = []badFile{
	{"empty", false, func(t *testing.T, _ []byte, p string) { write(t, p, nil) }},
	{"text", false, func(t *testing.T, _ []byte, p string) {
		write(t, p, []byte(strings.Repeat("ID;Title;Decision\n12;Lead form;now\n", 300)))
	}},
	{"truncated", true, func(t *testing.T, b []byte, p string) {
		_, pages := newerMeta(b)
		write(t, p, b[:int(pages)*pageSize/2])
	}},
	{"both meta pages flipped", true, func(t *testing.T, b []byte, p string) {
		b = append([]byte(nil), b...)
		b[16+48] ^= 0x04
		b[pageSize+16+48] ^= 0x04
		write(t, p, b)
	}},
	{"random bytes over the root page", true, func(t *testing.T, b []byte, p string) {
		b = append([]byte(nil), b...)
		root, _ := newerMeta(b)
		r := rand.New(rand.NewPCG(3, 4))
		for i := int(root) * pageSize; i < int(root+1)*pageSize; i++ {
			b[i] = byte(r.Uint32())
		}
		write(t, p, b)
	}},
	{"newer schema", false, func(t *testing.T, b []byte, p string) {
		write(t, p, b)
		db, err := bolt.Open(p, 0o600, &bolt.Options{Timeout: time.Second})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99")) }); err != nil {
			t.Fatal(err)
		}
	}},
}

// checkRefusal runs the binary and checks its refusal.
func checkRefusal(t *testing.T, what string, wantCode int, wantIn []string, args ...string) {
	t.Helper()
	out, errOut, code := mopdeck(t, nil, args...)
	if code != wantCode {
		t.Errorf("%s: exit %d, want %d (stderr %q)", what, code, wantCode, errOut)
	}
	if strings.Count(errOut, "\n") != 1 || !strings.HasPrefix(errOut, "mopdeck: ") {
		t.Errorf("%s: stderr is not one line:\n%s", what, errOut)
	}
	for _, bad := range []string{"panic", "goroutine ", ".go:"} {
		if strings.Contains(errOut, bad) || strings.Contains(out, bad) {
			t.Errorf("%s: a Go crash reached the user (%q):\n%s%s", what, bad, out, errOut)
		}
	}
	for _, w := range wantIn {
		if !strings.Contains(errOut, w) {
			t.Errorf("%s: stderr %q does not say %q", what, errOut, w)
		}
	}
}

func TestBadFilesThroughTheBinary(t *testing.T) {
	dir := t.TempDir()
	sound, err := os.ReadFile(soundDB(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, bf := range badFiles {
		path := filepath.Join(dir, strings.ReplaceAll(bf.name, " ", "-")+".db")
		bf.make(t, sound, path)
		before := sum(t, path)
		want := []string{path}
		if bf.damaged {
			want = append(want, "looks damaged", "mopdeck check --db "+path, "backup")
		}
		// Read-only, read-write and interactive: each opens the file first.
		checkRefusal(t, bf.name+" (report)", 1, want, "--db", path, "report")
		checkRefusal(t, bf.name+" (new)", 1, want, "--db", path, "new", "--template", "mrm", "X")
		checkRefusal(t, bf.name+" (interactive)", 1, want, "--db", path)
		if bf.damaged {
			// check lists the problems on stdout and refuses in one line.
			out, errOut, code := mopdeck(t, nil, "--db", path, "check")
			if code != 1 || strings.TrimSpace(out) == "" || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%s (check): exit %d, stdout %q, stderr %q", bf.name, code, out, errOut)
			}
		}
		if sum(t, path) != before {
			t.Errorf("%s: the file changed", bf.name)
		}
	}
}

func TestDirectoryInPlaceOfTheDatabase(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "mopdeck.db")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	checkRefusal(t, "directory (report)", 1, []string{dir, "is a directory"}, "--db", dir, "report")
	checkRefusal(t, "directory (interactive)", 1, []string{dir, "is a directory"}, "--db", dir)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("mopdeck wrote into the directory: %v", entries)
	}
}

// A read-only file refuses the commands that write, in one line saying how
// to fix it, while the commands that only read still work.
func TestReadOnlyDatabaseFile(t *testing.T) {
	path := soundDB(t, t.TempDir())
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := sum(t, path)
	want := []string{"cannot write " + path, "chmod u+w"}
	checkRefusal(t, "read-only file (interactive)", 1, want, "--db", path)
	checkRefusal(t, "read-only file (new)", 1, want, "--db", path, "new", "--template", "mrm", "Another")
	out, errOut, code := mopdeck(t, nil, "--db", path, "report")
	if code != 0 || !strings.Contains(out, "# Reliability") {
		t.Errorf("report on a read-only file: exit %d, %q %q", code, out, errOut)
	}
	out, errOut, code = mopdeck(t, nil, "--db", path, "check")
	if code != 0 || !strings.HasPrefix(out, "ok") {
		t.Errorf("check on a read-only file: exit %d, %q %q", code, out, errOut)
	}
	if sum(t, path) != before {
		t.Error("the read-only file changed")
	}
}

// A second mopdeck on a file another one holds says so within 1.5 s.
func TestSecondMopdeckIsToldTheFileIsInUse(t *testing.T) {
	path := soundDB(t, t.TempDir())
	holder, err := store.Open(path, store.Options{}) // this test process holds it read-write
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	for _, args := range [][]string{
		{"--db", path}, // the interface, read-write
		{"--db", path, "new", "--template", "mrm", "Other"}, // a write
		{"--db", path, "report"},                            // a read
	} {
		start := time.Now()
		checkRefusal(t, strings.Join(args[2:], " ")+" while in use", 1, []string{path, "in use by another mopdeck"}, args...)
		if took := time.Since(start); took > 1500*time.Millisecond {
			t.Errorf("%v: exited after %v, want within 1.5 s", args, took)
		}
	}
}

// The lock is the kernel's: once the holder is gone, even by SIGKILL, the
// file opens at once, and the socket it leaves behind is not waited on.
func TestLockIsReleasedWhenTheHolderIsKilled(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	path := soundDB(t, t.TempDir())
	s := startTmux(t, 100, 30, "--db", path)
	s.waitFor("Reliability")
	// While it holds the file, a command runs through it (its socket).
	if _, errOut, code := mopdeck(t, nil, "--db", path, "report"); code != 0 {
		t.Fatalf("report while the interface holds the file: exit %d, %q; want it run by the interface", code, errOut)
	}
	if err := syscall.Kill(s.panePID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		out, errOut, code := mopdeck(t, nil, "--db", path, "check")
		if code == 0 && strings.HasPrefix(out, "ok") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after kill -9 of the interface: check exit %d, %q %q", code, out, errOut)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// A terminal that closes sends SIGHUP: the app ends as if quit, so its
// socket goes and the clean-close stamp is written (the next open does not
// walk every page).
func TestHangUpClosesTheAppCleanly(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	path := soundDB(t, t.TempDir())
	s := startTmux(t, 100, 30, "--db", path)
	s.waitFor("Reliability")
	if _, err := os.Stat(serve.SocketPath(path)); err != nil {
		t.Fatalf("no socket while the app runs: %v", err)
	}
	if err := syscall.Kill(s.panePID(), syscall.SIGHUP); err != nil {
		t.Fatal(err)
	}
	s.waitGone()
	if _, err := os.Stat(serve.SocketPath(path)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the socket is left after a hang-up: %v", err)
	}
	if _, err := os.Stat(path + ".clean"); err != nil {
		t.Errorf("no clean-close stamp after a hang-up: %v", err)
	}
}
