//go:build unix

package e2e

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Every -o (export changes, export project, backup) follows one rule,
// tested here on the real binary: never the database, by any name;
// through to a pipe or a device; a link's target replaced; a file's mode
// kept.

// outputCommands are the commands that take -o, with what their output
// starts with.
var outputCommands = []struct {
	name  string
	args  []string
	start string
}{
	// --format: the paths below end in names no format has.
	{"export changes", []string{"--project", "Source", "export", "changes", "--format", "csv", "-o"}, "ID,Title"},
	{"export project", []string{"export", "project", "Source", "-o"}, `{"format":"mopdeck-project"`},
	// --force: these tests replace files on purpose, which a backup
	// otherwise refuses.
	{"backup", []string{"backup", "--force", "-o"}, ""},
}

// pathsDB is a database with a project holding change requests.
func pathsDB(t *testing.T) string {
	t.Helper()
	db := exchangeDB(t)
	sheet := exchangeFile(t, t.TempDir(), "recette.csv", []byte(testerSheet))
	if _, errOut, code := mopdeck(t, nil, "--db", db, "import", "changes", sheet, "--project", "Source"); code != 0 {
		t.Fatal(errOut)
	}
	return db
}

// mopdeckIn runs the binary in dir, for relative paths.
func mopdeckIn(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return out.String(), errb.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), 0
}

func withOut(args []string, out string) []string {
	return append(append([]string(nil), args...), out)
}

// The database is refused as the output of every command, whatever name
// reaches it; its bytes stay as they were, the links stay links.
func TestOutputPathIsNeverTheDatabase(t *testing.T) {
	db := pathsDB(t)
	dir := filepath.Dir(db)
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	sym := filepath.Join(sub, "link.out")
	if err := os.Symlink("../"+filepath.Base(db), sym); err != nil {
		t.Fatal(err)
	}
	hard := filepath.Join(sub, "hard.out")
	if err := os.Link(db, hard); err != nil {
		t.Fatal(err)
	}
	base := filepath.Base(db)
	before := dbSum(t, db)
	for _, c := range outputCommands {
		for _, o := range []struct{ how, out, says string }{
			{"the same path", db, "is the database itself"},
			{"a relative path", base, "is the database itself"},
			{"a path through ..", "sub/../" + base, "is the database itself"},
			{"a symbolic link", sym, "leads to the database"},
			{"a relative symbolic link", "sub/link.out", "leads to the database"},
			{"a hard link", hard, "is the database under another name (a hard link"},
		} {
			args := append([]string{"--db", base}, withOut(c.args, o.out)...)
			out, errOut, code := mopdeckIn(t, dir, args...)
			if code != 1 || !strings.Contains(errOut, o.says) || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("%s -o %s: exit %d, stdout %q, stderr %q", c.name, o.how, code, out, errOut)
			}
			if dbSum(t, db) != before {
				t.Fatalf("%s -o %s changed the database", c.name, o.how)
			}
		}
	}
	if fi, err := os.Lstat(sym); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Error("the symbolic link is no longer one")
	}
	a, _ := os.Stat(db)
	b, _ := os.Stat(hard)
	if !os.SameFile(a, b) {
		t.Error("the hard link no longer shares the database's inode")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	if out, errOut, code := mopdeck(t, nil, "--db", db, "check"); code != 0 {
		t.Errorf("check after the refusals: %q %q", out, errOut)
	}
}

// A FIFO is written through while a reader drains it: it stays a FIFO.
func TestOutputPathFIFOIsWrittenThrough(t *testing.T) {
	db := pathsDB(t)
	dir := t.TempDir()
	for _, c := range outputCommands {
		fifo := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Skipf("mkfifo: %v", err)
		}
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
		out, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, fifo)...)...)
		if code != 0 {
			t.Fatalf("%s -o FIFO: exit %d: %q %q", c.name, code, out, errOut)
		}
		var b []byte
		select {
		case b = <-got:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the reader got nothing", c.name)
		}
		if len(b) == 0 || !bytes.HasPrefix(b, []byte(c.start)) {
			t.Errorf("%s: the reader got %d bytes starting %q", c.name, len(b), b[:min(len(b), 40)])
		}
		if c.name == "backup" {
			db2 := filepath.Join(dir, "from-fifo.db")
			if err := os.WriteFile(db2, b, 0o600); err != nil {
				t.Fatal(err)
			}
			if out, errOut, code := mopdeck(t, nil, "--db", db2, "check"); code != 0 {
				t.Errorf("the backup read from the FIFO fails its check: %q %q", out, errOut)
			}
			if !strings.Contains(errOut, "not checked") || out != "" {
				t.Errorf("backup to a FIFO: stdout %q, stderr %q", out, errOut)
			}
		}
		if fi, err := os.Lstat(fifo); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
			t.Errorf("%s: the FIFO is now %v (%v)", c.name, fi.Mode(), err)
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

// A character device is written through and stays a device. As root the
// test makes its own null device, so that a regression cannot replace the
// system's /dev/null.
func TestOutputPathCharDeviceStaysADevice(t *testing.T) {
	db := pathsDB(t)
	dev := "/dev/null"
	if os.Geteuid() == 0 {
		dev = filepath.Join(t.TempDir(), "null")
		if err := syscall.Mknod(dev, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
			t.Skipf("mknod: %v", err)
		}
	}
	for _, c := range outputCommands {
		out, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, dev)...)...)
		if code != 0 {
			t.Errorf("%s -o %s: exit %d: %q %q", c.name, dev, code, out, errOut)
		}
		fi, err := os.Lstat(dev)
		if err != nil || fi.Mode()&os.ModeCharDevice == 0 {
			t.Fatalf("%s -o %s: it is no longer a character device (%v %v)", c.name, dev, fi.Mode(), err)
		}
	}
}

// A symbolic link to a file: the file is replaced, the link kept, and the
// file keeps its mode.
func TestOutputPathSymlinkTargetIsReplaced(t *testing.T) {
	db := pathsDB(t)
	dir := t.TempDir()
	for _, c := range outputCommands {
		name := strings.ReplaceAll(c.name, " ", "-")
		target := filepath.Join(dir, name+".real")
		if err := os.WriteFile(target, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		link := filepath.Join(dir, name+".link")
		if err := os.Symlink(name+".real", link); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, link)...)...)
		if code != 0 {
			t.Fatalf("%s -o LINK: exit %d: %q %q", c.name, code, out, errOut)
		}
		if got, err := os.Readlink(link); err != nil || got != name+".real" {
			t.Errorf("%s: the link became %q (%v)", c.name, got, err)
		}
		b, _ := os.ReadFile(target)
		if !bytes.HasPrefix(b, []byte(c.start)) || len(b) < 100 {
			t.Errorf("%s: the target holds %d bytes starting %q", c.name, len(b), b[:min(len(b), 40)])
		}
		if fi, _ := os.Stat(target); fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: the target's mode became %v", c.name, fi.Mode().Perm())
		}
	}
}

// A file replaced keeps its mode (a private 0600 file stays private, a
// shared 0644 one stays shared); a new export follows the umask, a new
// bundle or backup is 0600.
func TestOutputPathKeepsTheModeOfAFileItReplaces(t *testing.T) {
	db := pathsDB(t)
	dir := t.TempDir()
	old := syscall.Umask(0o022)
	defer syscall.Umask(old)
	newMode := map[string]os.FileMode{"export changes": 0o644, "export project": 0o600, "backup": 0o600}
	for _, c := range outputCommands {
		name := strings.ReplaceAll(c.name, " ", "-")
		for _, mode := range []os.FileMode{0o600, 0o644, 0o640} {
			path := filepath.Join(dir, name+mode.String())
			if err := os.WriteFile(path, []byte("old"), mode); err != nil {
				t.Fatal(err)
			}
			os.Chmod(path, mode)
			if _, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, path)...)...); code != 0 {
				t.Fatalf("%s: %s", c.name, errOut)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != mode {
				t.Errorf("%s over a %v file: now %v", c.name, mode, fi.Mode().Perm())
			}
		}
		fresh := filepath.Join(dir, name+".new")
		if _, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, fresh)...)...); code != 0 {
			t.Fatalf("%s: %s", c.name, errOut)
		}
		if fi, _ := os.Stat(fresh); fi.Mode().Perm() != newMode[c.name] {
			t.Errorf("%s to a new file: mode %v, want %v", c.name, fi.Mode().Perm(), newMode[c.name])
		}
	}
}

// -o /dev/stdout writes to whatever stdout is: a pipe gets the export; a
// file opened to append to keeps its lines; the database opened as stdout
// is refused and left as it was.
func TestOutputPathDevStdout(t *testing.T) {
	if _, err := os.Stat("/dev/stdout"); err != nil {
		t.Skip("no /dev/stdout")
	}
	db := pathsDB(t)
	for _, c := range outputCommands {
		out, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, withOut(c.args, "/dev/stdout")...)...)
		if code != 0 || !strings.HasPrefix(out, c.start) {
			t.Errorf("%s -o /dev/stdout into a pipe: exit %d, %q, %q", c.name, code, out[:min(len(out), 40)], errOut)
		}
		if c.name == "backup" {
			// Only the copy goes to stdout: it opens and checks clean.
			copy := filepath.Join(t.TempDir(), "copy.db")
			if err := os.WriteFile(copy, []byte(out), 0o600); err != nil {
				t.Fatal(err)
			}
			if o, e, code := mopdeck(t, nil, "--db", copy, "check"); code != 0 {
				t.Errorf("the backup written to stdout fails its check: %q %q", o, e)
			}
		}
	}
	run := func(stdout string, args ...string) (string, int) {
		f, err := os.OpenFile(stdout, os.O_WRONLY|os.O_APPEND, 0)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		cmd := exec.Command(binary, append([]string{"--db", db}, args...)...)
		var errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = f, &errb
		err = cmd.Run()
		if ee, ok := err.(*exec.ExitError); ok {
			return errb.String(), ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return errb.String(), 0
	}
	log := filepath.Join(t.TempDir(), "log.csv")
	if err := os.WriteFile(log, []byte("kept\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if errOut, code := run(log, withOut(outputCommands[0].args, "/dev/stdout")...); code != 0 {
		t.Fatalf(">> log: exit %d %q", code, errOut)
	}
	if b, _ := os.ReadFile(log); !bytes.HasPrefix(b, []byte("kept\nID,Title")) {
		t.Errorf(">> log holds %q", b[:min(len(b), 40)])
	}
	before := dbSum(t, db)
	for _, c := range outputCommands {
		errOut, code := run(db, withOut(c.args, "/dev/stdout")...)
		if code != 1 || !strings.Contains(errOut, "the database") {
			t.Errorf("%s -o /dev/stdout >> the database: exit %d, %q", c.name, code, errOut)
		}
	}
	if dbSum(t, db) != before {
		t.Fatal("writing to stdout opened on the database changed it")
	}
}
