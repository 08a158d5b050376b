package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// check says what it found in words: a pipe or a device is not a
// database, a newer mopdeck's file is not damaged, a truncated file does
// not show the runtime's panic text.
func TestCheckSaysWhatItFound(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.db")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	cases := []struct {
		what, path string
		want       []string
	}{
		{"a FIFO", fifo, []string{"named pipe"}},
		{"/dev/zero", "/dev/zero", []string{"character device"}},
	}
	sound, err := os.ReadFile(soundDB(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, bf := range badFiles {
		p := filepath.Join(dir, strings.ReplaceAll(bf.name, " ", "-")+".db")
		bf.make(t, sound, p)
		switch bf.name {
		case "newer schema":
			cases = append(cases, struct {
				what, path string
				want       []string
			}{bf.name, p, []string{"newer mopdeck"}})
		case "truncated":
			cases = append(cases, struct {
				what, path string
				want       []string
			}{bf.name, p, nil})
		}
	}
	for _, c := range cases {
		out, errOut, code := mopdeck(t, nil, "--db", c.path, "check")
		if code != 1 {
			t.Errorf("%s: exit %d, want 1 (%q %q)", c.what, code, out, errOut)
		}
		all := out + errOut
		for _, w := range c.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: %q does not say %q", c.what, all, w)
			}
		}
		if strings.Contains(all, "empty file") || strings.Contains(all, "panic") || strings.Contains(all, "runtime error") {
			t.Errorf("%s: %q", c.what, all)
		}
		if c.what == "newer schema" && strings.Contains(all, "restore") {
			t.Errorf("%s: a newer mopdeck's file is sent to its backups: %q", c.what, all)
		}
	}
}

// Days out of range and names too long are the user's to fix: exit 1, one
// line, nothing written.
func TestOutOfRangeInputIsAUserError(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	for _, args := range [][]string{
		{"new", "--template", "mrm", "--start", "9999-12-31", "Far"},
		{"new", "--template", "mrm", strings.Repeat("n", 201)},
	} {
		_, errOut, code := mopdeck(t, nil, append([]string{"--db", db}, args...)...)
		if code != 1 || strings.Count(errOut, "\n") != 1 || strings.Contains(errOut, "json") {
			t.Errorf("%v: exit %d, %q; want one line, exit 1", args[:len(args)-1], code, errOut)
		}
	}
}
