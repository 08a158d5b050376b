//go:build unix

package store

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// A full disk is simulated honestly, without root: a helper process lowers
// its own file-size limit (RLIMIT_FSIZE) to the bytes the database already
// uses, so the kernel refuses, with EFBIG, every write that needs a new
// page — as it refuses them with ENOSPC on a full disk. The parent's own
// limit is untouched.

const fullDBEnv = "MOPDECK_TEST_FULL_DB"

// bigImport is a bulk import that cannot fit in the pages a small file
// already has.
func bigImport() []model.ChangeRequest {
	crs := make([]model.ChangeRequest, 400)
	for i := range crs {
		crs[i] = model.ChangeRequest{Title: fmt.Sprintf("Imported row %d", i+1), Description: strings.Repeat("a long description ", 40)}
	}
	return crs
}

// limitFileSize caps the size of files this process may write, and
// returns how to lift the cap again.
func limitFileSize(t *testing.T, bytes uint64) (lift func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("cannot read the file-size limit: %v", err)
	}
	lim := old
	lim.Cur = bytes
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &lim); err != nil {
		t.Skipf("cannot lower the file-size limit: %v", err)
	}
	return func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			t.Fatalf("cannot lift the file-size limit: %v", err)
		}
	}
}

// usedBytes is the size of the pages in use, which the file may exceed
// when bbolt grew it ahead.
func usedBytes(t *testing.T, s *Store) uint64 {
	t.Helper()
	var n int64
	s.db.View(func(tx *bolt.Tx) error { n = tx.Size(); return nil })
	return uint64(n)
}

// TestHelperFullDisk is not a test: re-executed by TestFullDisk, it runs
// its checks under a lowered file-size limit.
func TestHelperFullDisk(t *testing.T) {
	path := os.Getenv(fullDBEnv)
	if path == "" {
		t.Skip("helper process for TestFullDisk")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ps, err := s.Projects()
	if err != nil || len(ps) != 1 {
		t.Fatalf("projects: %v %v", ps, err)
	}
	pid := ps[0].ID
	before, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}

	lift := limitFileSize(t, usedBytes(t, s))
	_, err = s.SaveChanges(pid, bigImport(), "tester")
	if err == nil {
		t.Fatal("a bulk import was saved past the file-size limit")
	}
	if !errors.Is(err, syscall.EFBIG) {
		t.Errorf("error %v does not wrap EFBIG", err)
	}
	msg := err.Error()
	if msg != "cannot save to "+path+": the file reached the size limit of this system; free some space or raise the limit, then try again (the change was not saved)" {
		t.Errorf("message: %q", msg)
	}
	// Reads go on, and nothing of the refused import is there.
	after, err := s.LoadProject(pid)
	if err != nil {
		t.Fatalf("LoadProject after the refusal: %v", err)
	}
	if len(after.Changes) != len(before.Changes) || len(after.History) != len(before.History) {
		t.Errorf("the refused import left %d change requests and %d history entries, want %d and %d",
			len(after.Changes), len(after.History), len(before.Changes), len(before.History))
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("check after the refusal: %q %v", problems, err)
	}

	// Room again: the same store saves, with no restart.
	lift()
	if _, err := s.SaveChanges(pid, bigImport(), "tester"); err != nil {
		t.Fatalf("saving once there is room again: %v", err)
	}
	os.Stdout.WriteString("full-disk helper done\n")
}

func TestFullDisk(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperFullDisk$", "-test.v")
	cmd.Env = append(os.Environ(), fullDBEnv+"="+path)
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("the helper could not lower its file-size limit:\n%s", out)
	}
	if err != nil || !strings.Contains(string(out), "full-disk helper done") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
	// The file is sound and holds the import once: the refused attempt left
	// nothing, the retry everything.
	problems, err := CheckFile(path, 0)
	if err != nil || len(problems) > 0 {
		t.Fatalf("check: %q %v", problems, err)
	}
	s = openT(t, path)
	got, err := s.LoadProject(d.Project.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := len(d.Changes) + len(bigImport()); len(got.Changes) != want {
		t.Errorf("%d change requests, want %d", len(got.Changes), want)
	}
}

func TestWriteErrorsSpeakToPeople(t *testing.T) {
	path := "/home/lea/mopdeck.db"
	tests := []struct {
		err  error
		want string
		is   error
	}{
		{&os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}, "cannot save to " + path + ": the disk is full; free some space and try again (the change was not saved)", syscall.ENOSPC},
		// bbolt formats its resize error with %s: the number is lost,
		// the words are not.
		{errors.New("file resize error: truncate " + path + ": no space left on device"), "the disk is full", syscall.ENOSPC},
		{&os.PathError{Op: "write", Path: path, Err: syscall.EDQUOT}, "disk quota", syscall.EDQUOT},
		{&os.PathError{Op: "write", Path: path, Err: syscall.EROFS}, "the disk became read-only", syscall.EROFS},
		{&os.PathError{Op: "fdatasync", Path: path, Err: syscall.EIO}, "the disk reported an error", syscall.EIO},
		{&os.PathError{Op: "open", Path: path, Err: syscall.EACCES}, "permission denied; make it writable", os.ErrPermission},
	}
	for _, tt := range tests {
		got := writeErr(path, tt.err)
		if !strings.Contains(got.Error(), tt.want) || !strings.HasSuffix(got.Error(), "(the change was not saved)") {
			t.Errorf("writeErr(%v) = %q, want it to contain %q and say nothing was saved", tt.err, got, tt.want)
		}
		if !errors.Is(got, tt.is) {
			t.Errorf("writeErr(%v) does not wrap %v", tt.err, tt.is)
		}
		if !strings.HasPrefix(got.Error(), "cannot save to "+path+": ") || strings.Contains(got.Error(), "write "+path) {
			t.Errorf("writeErr(%v) = %q: want the file named once, up front", tt.err, got)
		}
	}
	other := errors.New("project 3 not found")
	if got := writeErr(path, other); got != other {
		t.Errorf("writeErr changed an error that is not the disk's: %v", got)
	}
}
