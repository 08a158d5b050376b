// Package e2e runs the real mopdeck binary: in tmux for the interface, and
// directly for the subcommands.
package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "mopdeck-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	binary = filepath.Join(dir, "mopdeck")
	_, here, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(here), "..", "..")
	build := exec.Command("go", "build", "-o", binary, ".")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building mopdeck: %v\n%s", err, out)
		os.Exit(2)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// mopdeck runs the binary with args and returns stdout, stderr and the exit code.
func mopdeck(t *testing.T, env []string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return out.String(), errb.String(), code
}

// tmuxSession runs the binary in a detached tmux session of the given size.
type tmuxSession struct {
	t    *testing.T
	name string
}

func startTmux(t *testing.T, w, h int, args ...string) *tmuxSession {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	name := fmt.Sprintf("mopdeck-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	cmdline := binary + " " + strings.Join(args, " ")
	cmd := exec.Command("tmux", "-L", name, "new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	s := &tmuxSession{t: t, name: name}
	t.Cleanup(func() { exec.Command("tmux", "-L", name, "kill-server").Run() })
	return s
}

func (s *tmuxSession) screen() string {
	out, _ := exec.Command("tmux", "-L", s.name, "capture-pane", "-p", "-t", s.name).Output()
	return string(out)
}

func (s *tmuxSession) keys(keys ...string) {
	args := append([]string{"-L", s.name, "send-keys", "-t", s.name}, keys...)
	if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
		s.t.Fatalf("send-keys: %v\n%s", err, out)
	}
}

// waitFor polls the screen until every string is on it.
func (s *tmuxSession) waitFor(want ...string) string {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.screen()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(screen, w)
		}
		if ok {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q:\n%s", want, screen)
	return ""
}

// panePID is the process ID of the session's pane: mopdeck, when the
// session runs it directly.
func (s *tmuxSession) panePID() int {
	s.t.Helper()
	out, err := exec.Command("tmux", "-L", s.name, "display-message", "-p", "-t", s.name, "#{pane_pid}").Output()
	if err != nil {
		s.t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(out)))
	if err != nil {
		s.t.Fatal(err)
	}
	return pid
}

// waitGone polls until the session has ended.
func (s *tmuxSession) waitGone() {
	s.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if exec.Command("tmux", "-L", s.name, "has-session", "-t", s.name).Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("mopdeck did not quit:\n%s", s.screen())
}

func TestAppOpensSampleProjectAndKeepsIt(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "e2e.db")
	s := startTmux(t, 100, 30, "--db", db)
	s.waitFor("Phases", "Change requests", "RACI", "Docs", "Discovery")
	s.keys("2")
	s.waitFor("CR-")
	s.keys("q")
	s.waitGone()
	info, err := os.Stat(db)
	if err != nil {
		t.Fatalf("the database was not created: %v", err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("database mode = %v, want 0600", info.Mode().Perm())
	}
	// Run it again: the same sample project, not a second one.
	s2 := startTmux(t, 100, 30, "--db", db)
	screen := s2.waitFor("Acme", "Discovery")
	s2.keys("q")
	s2.waitGone()
	if strings.Count(screen, "Acme") == 0 {
		t.Fatalf("second run does not show the sample project:\n%s", screen)
	}
}

func TestVersionAndHelp(t *testing.T) {
	out, _, code := mopdeck(t, nil, "--version")
	if code != 0 || !strings.HasPrefix(out, "mopdeck ") {
		t.Fatalf("--version: %q (exit %d)", out, code)
	}
	out, _, code = mopdeck(t, nil, "--help")
	if code != 0 || !strings.Contains(out, "--db PATH") {
		t.Fatalf("--help: %q (exit %d)", out, code)
	}
	_, errOut, code := mopdeck(t, nil, "frobnicate")
	if code != 1 || !strings.Contains(errOut, "unknown command") {
		t.Fatalf("unknown command: %q (exit %d)", errOut, code)
	}
}

func TestForeignFileIsRefusedUntouched(t *testing.T) {
	db := filepath.Join(t.TempDir(), "notes.txt")
	content := []byte("these are my notes, not a database\n")
	if err := os.WriteFile(db, content, 0o600); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := mopdeck(t, nil, "--db", db)
	if code != 1 || !strings.Contains(errOut, "not a mopdeck database") {
		t.Fatalf("foreign file: %q (exit %d)", errOut, code)
	}
	if got, _ := os.ReadFile(db); !bytes.Equal(got, content) {
		t.Fatal("the foreign file was changed")
	}
}
