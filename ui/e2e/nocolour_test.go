package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Without colour the real binary still shows the active tab, the selected
// row and the cell under the cursor, with glyphs: under NO_COLOR (no
// attribute reaches the screen) and with --theme mono. In colour it draws
// no such glyph.
func TestStatesShowWithoutColour(t *testing.T) {
	for _, c := range []struct {
		name    string
		noColor string
		term    string
		args    []string
	}{
		{"NO_COLOR", "1", "", nil},
		{"TERM=dumb", "", "dumb", nil},
		{"theme mono", "", "", []string{"--theme", "mono"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Setenv("NO_COLOR", c.noColor)
			db := filepath.Join(t.TempDir(), "marks.db")
			s := startTmuxTerm(t, c.term, 100, 30, append([]string{"--db", db}, c.args...)...)
			s.waitFor("[1 Phases]", "▸ ✓ Discovery")
			s.keys("2")
			s.waitFor("[2 Change requests]", "▸ CR-1 ")
			s.keys("3")
			s.waitFor("[3 RACI]", "▸ Discovery document", "[I]")
			s.keys("4", "j")
			s.waitFor("[4 Docs]", "▸ Discovery document")
			s.keys("q")
			s.waitGone()
		})
	}
	t.Run("colour", func(t *testing.T) {
		t.Setenv("NO_COLOR", "")
		// termenv takes any process with CI set for one without a
		// terminal, so CI machines would see no colour at all.
		t.Setenv("CI", "")
		// TERM is named: tmux's own default ("screen" where the
		// tmux-256color entry is missing) reads as a terminal without colour.
		s := startTmuxTerm(t, "xterm-256color", 100, 30, "--db", filepath.Join(t.TempDir(), "colour.db"))
		screen := s.waitFor("1 Phases", "Discovery")
		s.keys("q")
		s.waitGone()
		if strings.Contains(screen, "[1 Phases]") || strings.Contains(screen, "▸ ✓ Discovery") {
			t.Fatalf("marks drawn in colour:\n%s", screen)
		}
	})
}

// startTmuxTerm is startTmux with the program's TERM set (tmux sets its
// own for the programs it runs); term "" keeps tmux's.
func startTmuxTerm(t *testing.T, term string, w, h int, args ...string) *tmuxSession {
	t.Helper()
	if term == "" {
		return startTmux(t, w, h, args...)
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux)")
	}
	name := fmt.Sprintf("mopdeck-e2e-%d-%d", os.Getpid(), time.Now().UnixNano())
	cmdline := "env TERM=" + term + " " + binary + " " + strings.Join(args, " ")
	cmd := exec.Command("tmux", "-L", name, "new-session", "-d", "-s", name, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), cmdline)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { exec.Command("tmux", "-L", name, "kill-server").Run() })
	return &tmuxSession{t: t, name: name}
}
