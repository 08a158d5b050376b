package store

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

const holdEnv = "MOPDECK_TEST_HOLD_DB"

// TestHelperHold is not a test: re-executed by TestInUseByAnotherProcess,
// it opens the file, says "holding", and keeps it until stdin closes.
func TestHelperHold(t *testing.T) {
	path := os.Getenv(holdEnv)
	if path == "" {
		t.Skip("helper process for TestInUseByAnotherProcess")
	}
	s, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("helper cannot open: %v", err)
	}
	defer s.Close()
	os.Stdout.WriteString("holding\n")
	io.Copy(io.Discard, os.Stdin)
}

func TestInUseByAnotherProcess(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	createT(t, s, sample())
	s.Close()

	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHold$")
	cmd.Env = append(os.Environ(), holdEnv+"="+path)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	t.Cleanup(func() {
		stdin.Close()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	ready := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		ok := false
		for sc.Scan() {
			if sc.Text() == "holding" && !ok {
				ok = true
				ready <- true
			}
		}
		if !ok {
			ready <- false
		}
		done <- cmd.Wait()
	}()
	select {
	case ok := <-ready:
		if !ok {
			t.Fatal("the helper process did not open the file")
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the helper process did not start")
	}

	for _, ro := range []bool{false, true} {
		start := time.Now()
		_, err := Open(path, Options{ReadOnly: ro})
		took := time.Since(start)
		if !errors.Is(err, ErrInUse) {
			t.Fatalf("read-only %v: err = %v, want ErrInUse", ro, err)
		}
		if took > 2*time.Second {
			t.Errorf("read-only %v: refused after %v, want < 2s", ro, took)
		}
		if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "in use by another mopdeck") {
			t.Errorf("message %q should name the path and say it is in use", err)
		}
	}

	stdin.Close()
	if err := <-done; err != nil {
		t.Fatalf("helper: %v", err)
	}
	done <- nil // for the cleanup
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("after the helper left: %v", err)
	}
	s2.Close()
}

func TestInUseInThisProcess(t *testing.T) {
	path := tempPath(t)
	openT(t, path)
	for _, p := range []string{path, filepath.Join(filepath.Dir(path), ".", "mopdeck.db")} {
		start := time.Now()
		_, err := Open(p, Options{ReadOnly: true, Timeout: 10 * time.Second})
		if !errors.Is(err, ErrInUse) {
			t.Fatalf("second open of %s: %v, want ErrInUse", p, err)
		}
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("second open took %v, want at once", d)
		}
	}
}

func TestCloseReleases(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	s2, err := Open(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
}

func TestCreatesPrivateFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "xdg", "mopdeck")
	path := filepath.Join(dir, "mopdeck.db")
	s := openT(t, path)
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, want 0600", fi.Mode().Perm())
	}
	di, _ := os.Stat(dir)
	if di.Mode().Perm() != 0o700 {
		t.Errorf("dir mode %v, want 0700", di.Mode().Perm())
	}
	if ps, err := s.Projects(); err != nil || len(ps) != 0 {
		t.Errorf("new file: %v %v", ps, err)
	}
	err = s.db.View(func(tx *bolt.Tx) error {
		m := tx.Bucket(bucketMeta)
		if string(m.Get(keySchema)) != strconv.Itoa(SchemaVersion) || string(m.Get(keyApp)) != "test" || len(m.Get(keyCreated)) == 0 {
			t.Errorf("meta = schema %q app %q created %q", m.Get(keySchema), m.Get(keyApp), m.Get(keyCreated))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestReadOnlyOpenDoesNotCreate(t *testing.T) {
	path := tempPath(t)
	if _, err := Open(path, Options{ReadOnly: true}); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("read-only open of a missing file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Error("a read-only open created the file")
	}
}

func TestAppVersionRecordedOnWrite(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	s.Close()
	s2, err := Open(path, Options{AppVersion: "v9"})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	app := func() string {
		var v string
		s2.db.View(func(tx *bolt.Tx) error { v = string(tx.Bucket(bucketMeta).Get(keyApp)); return nil })
		return v
	}
	if a := app(); a != "test" {
		t.Errorf("opening alone changed app to %q", a)
	}
	if _, err := s2.CreateProject(model.ProjectData{Project: model.Project{Name: "x"}}, "me"); err != nil {
		t.Fatal(err)
	}
	if a := app(); a != "v9" {
		t.Errorf("after a write app = %q, want v9", a)
	}
}

// foreign writes the files Open must refuse untouched.
func foreign(t *testing.T) map[string]string {
	dir := t.TempDir()
	files := map[string]string{}
	write := func(name string, b []byte) {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		files[name] = p
	}
	rnd := make([]byte, 64<<10)
	r := rand.NewChaCha8([32]byte{1})
	r.Read(rnd)
	write("random", rnd)
	write("empty", nil)
	write("text", []byte(strings.Repeat("Dear team, the go-live moves to May.\n", 400)))
	write("short", []byte("hi"))

	bare := filepath.Join(dir, "other-bbolt")
	db, err := bolt.Open(bare, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucket([]byte("widgets"))
		return b.Put([]byte("k"), []byte("v"))
	})
	db.Close()
	files["other-bbolt"] = bare

	newer := filepath.Join(dir, "newer")
	s, err := Open(newer, Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err = bolt.Open(newer, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keySchema, []byte(strconv.Itoa(SchemaVersion+1)))
	})
	db.Close()
	files["newer"] = newer
	return files
}

func TestRefusesFilesThatAreNotOurs(t *testing.T) {
	files := foreign(t)
	want := map[string]error{
		"random": ErrNotMopdeck, "empty": ErrNotMopdeck, "text": ErrNotMopdeck, "short": ErrNotMopdeck,
		"other-bbolt": ErrNotMopdeck, "newer": ErrNewerSchema,
	}
	for name, path := range files {
		sum := fileSum(t, path)
		for _, ro := range []bool{false, true} {
			s, err := Open(path, Options{ReadOnly: ro})
			if err == nil {
				s.Close()
			}
			if !errors.Is(err, want[name]) {
				t.Errorf("%s (read-only %v): err = %v, want %v", name, ro, err, want[name])
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, path) || strings.Contains(msg, "\n") {
				t.Errorf("%s: message %q should be one line naming the path", name, msg)
			}
			if name == "newer" && !strings.Contains(msg, fmt.Sprintf("schema %d > %d", SchemaVersion+1, SchemaVersion)) {
				t.Errorf("newer: message %q should give both schemas", msg)
			}
		}
		if fileSum(t, path) != sum {
			t.Errorf("%s: the file changed", name)
		}
	}
}

func TestRefusesDirectory(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{})
	if err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("Open(dir) = %v, want a directory error", err)
	}
}

func TestReadOnlyFile(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	pid := createT(t, s, sample()).Project.ID
	s.Close()
	if err := os.Chmod(path, 0o400); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)

	r, err := Open(path, Options{ReadOnly: true})
	if err != nil {
		t.Fatalf("read-only open of a read-only file: %v", err)
	}
	if _, err := r.LoadProject(pid); err != nil {
		t.Errorf("LoadProject: %v", err)
	}
	r.Close()

	_, err = Open(path, Options{})
	if !errors.Is(err, fs.ErrPermission) || !strings.HasPrefix(err.Error(), "cannot write "+path+": permission denied") {
		t.Errorf("read-write open of a read-only file: %v", err)
	}
	if fileSum(t, path) != sum {
		t.Error("the read-only file changed")
	}
}

func TestDamagedMetaPages(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	createT(t, s, sample())
	s.Close()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Keep the magic and version, break the txid of both meta pages so
	// their checksums fail.
	const pageSize = 4096
	for _, off := range []int{0, pageSize} {
		b[off+16+48] ^= 0xff
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	sum := fileSum(t, path)
	_, err = Open(path, Options{})
	if !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), "mopdeck check --db "+path) {
		t.Errorf("both meta pages broken: %v, want ErrDamaged telling to run mopdeck check", err)
	}
	if problems, err := CheckFile(path, 0); err != nil || len(problems) == 0 {
		t.Errorf("CheckFile = %q, %v; want problems", problems, err)
	}
	if fileSum(t, path) != sum {
		t.Error("the damaged file changed")
	}
}

// Garbage over the data pages must give an error, never crash the process.
func TestDamagedPagesDoNotCrash(t *testing.T) {
	for seed := range uint64(8) {
		path := tempPath(t)
		s := openT(t, path)
		d := createT(t, s, sample())
		for i := range 200 {
			s.SaveChange(d.Project.ID, model.ChangeRequest{Title: strings.Repeat("x", i)}, "me")
		}
		s.Close()
		b, _ := os.ReadFile(path)
		r := rand.New(rand.NewPCG(seed, 1))
		for i := 2 * 4096; i < len(b); i++ {
			if r.IntN(20) == 0 {
				b[i] = byte(r.Uint32())
			}
		}
		os.WriteFile(path, b, 0o600)

		sum := fileSum(t, path)
		problems, err := CheckFile(path, 0)
		if err != nil || len(problems) == 0 {
			t.Errorf("seed %d: CheckFile = %q, %v; want problems", seed, problems, err)
		}
		s, err = Open(path, Options{ReadOnly: seed%2 == 0})
		if err == nil {
			s.LoadProject(d.Project.ID) // must not crash
			s.Close()
		} else if !errors.Is(err, ErrDamaged) {
			t.Errorf("seed %d: Open: %v, want ErrDamaged", seed, err)
		}
		if fileSum(t, path) != sum {
			t.Errorf("seed %d: the damaged file changed", seed)
		}
	}
}

// A record whose JSON is broken: Open works (the pages are sound), Check
// names the record and LoadProject reports damage instead of half a project.
func TestDamagedRecord(t *testing.T) {
	path := tempPath(t)
	s := openT(t, path)
	d := createT(t, s, sample())
	s.Close()
	b, _ := os.ReadFile(path)
	i := bytes.Index(b, []byte(`"title":"Rename the approval step"`))
	if i < 0 {
		t.Fatal("record not found in the file")
	}
	b[i] = '!'
	os.WriteFile(path, b, 0o600)

	problems, err := CheckFile(path, 0)
	if err != nil || len(problems) != 1 || !strings.Contains(problems[0], "changes 2") {
		t.Errorf("CheckFile = %q, %v; want one problem naming changes 2", problems, err)
	}
	s = openT(t, path)
	if _, err := s.LoadProject(d.Project.ID); !errors.Is(err, ErrDamaged) {
		t.Errorf("LoadProject: %v, want ErrDamaged", err)
	}
	if p, err := s.Check(); err != nil || len(p) != 1 {
		t.Errorf("Check = %q, %v", p, err)
	}
}
