package store

import (
	"bufio"
	"errors"
	"math/rand/v2"
	"os"
	"os/exec"
	"reflect"
	"runtime"
	"testing"

	"mopdeck/model"
)

func openedOnStamp(t *testing.T, path string, ro bool) bool {
	t.Helper()
	s, err := Open(path, Options{ReadOnly: ro})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return s.onStamp
}

func skipWithoutStamps(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("stamps are kept on Linux only; elsewhere every open walks")
	}
}

// A clean close lets the next open, read-only or read-write, skip the
// page walk; an open that walked stamps the file for the next.
func TestCleanCloseSkipsTheNextWalk(t *testing.T) {
	skipWithoutStamps(t)
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	if _, err := os.Stat(cleanPath(path)); err == nil {
		t.Error("a stamp exists while a read-write session is open")
	}
	s.Close()
	if !openedOnStamp(t, path, true) || !openedOnStamp(t, path, false) || !openedOnStamp(t, path, true) {
		t.Fatal("a file closed cleanly was walked again")
	}
	forgetClean(path)
	if openedOnStamp(t, path, true) {
		t.Fatal("no stamp, yet the walk was skipped")
	}
	if !openedOnStamp(t, path, true) {
		t.Error("a read-only open that walked did not stamp the file")
	}
	// Writes of this process move the stamp along with the file.
	s = openT(t, path)
	if _, err := s.SaveChange(d.Project.ID, model.ChangeRequest{Title: "one more"}, "me"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if !openedOnStamp(t, path, true) {
		t.Error("a write and a clean close: the next open walked")
	}
}

// A file written by anything but mopdeck's own session — here the same
// bytes written back, so only its times change — is walked again.
func TestFileChangedBehindTheStampIsWalked(t *testing.T) {
	skipWithoutStamps(t)
	path := tempPath(t)
	s := openT(t, path)
	createT(t, s, sample())
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, path, b)
	if openedOnStamp(t, path, true) {
		t.Fatal("a file written since its stamp was taken on it")
	}
}

// A session that ends without closing (killed) leaves no stamp: the first
// open after it walks the file.
func TestKilledSessionLeavesNoStamp(t *testing.T) {
	skipWithoutStamps(t)
	path := tempPath(t)
	s := openT(t, path)
	createT(t, s, sample())
	s.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHold$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "holding\n" {
		cmd.Process.Kill()
		t.Fatalf("helper said %q", line)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if openedOnStamp(t, path, true) {
		t.Fatal("the first open after a killed session skipped the walk")
	}
}

// Damage the stamp cannot see (a failing disk changes no file time): a
// read that meets it is reported as damage, never as mopdeck's own bug,
// and the file is held read-only from then on.
func TestDamageUnderAStampIsReportedAsDamage(t *testing.T) {
	skipWithoutStamps(t)
	path, orig, d := populated(t)
	r := rand.New(rand.NewPCG(3, 4))
	met := 0
	for page := 2; page < highWater(orig); page++ {
		b := append([]byte(nil), orig...)
		for i := page * testPageSize; i < (page+1)*testPageSize; i++ {
			b[i] = byte(r.Uint32())
		}
		writeBytes(t, path, b)
		os.Remove(markPath(path))
		stamp(path) // as if the disk had changed the bytes under it
		if !stamped(path) {
			t.Fatal("the forged stamp does not hold")
		}
		s, err := Open(path, Options{ReadOnly: true})
		if err != nil {
			if !errors.Is(err, ErrDamaged) {
				t.Errorf("page %d: open: %v, want ErrDamaged", page, err)
			}
			met++
			continue
		}
		got, err := s.LoadProject(d.Project.ID)
		damaged := s.Damaged()
		s.Close()
		switch {
		case err == nil:
			if !reflect.DeepEqual(got, d) {
				t.Errorf("page %d: the project reads back different, without an error", page)
			}
		case errors.Is(err, ErrInternal) || !errors.Is(err, ErrDamaged):
			t.Errorf("page %d: %v, want ErrDamaged", page, err)
		default:
			met++
			if damaged == "" {
				t.Errorf("page %d: damage met, yet the file is not held read-only", page)
			}
			if stamped(path) {
				t.Errorf("page %d: damage met, yet the stamp stays", page)
			}
		}
	}
	if met == 0 {
		t.Fatal("no damaged page was met: the test does not exercise damage")
	}
}
