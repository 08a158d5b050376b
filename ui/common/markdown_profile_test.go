package common

import (
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/themes"
)

// Markdown renders in the colour profile of the context's terminal, not
// the process's: in team mode a session under NO_COLOR gets no colour
// from a server that has it, and a colour session gets colour from a
// server without.
func TestMarkdownFollowsTheSessionsProfile(t *testing.T) {
	was := lipgloss.ColorProfile()
	t.Cleanup(func() { lipgloss.SetColorProfile(was) })
	const doc = "# Rollout\n\nThe **gate** needs `sign-off`.\n"
	for _, c := range []struct {
		process termenv.Profile
		env     []string
		colour  bool
	}{
		{termenv.TrueColor, []string{"TERM=xterm-256color", "NO_COLOR=1"}, false},
		{termenv.Ascii, []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, true},
	} {
		lipgloss.SetColorProfile(c.process)
		r := themes.SessionRenderer(io.Discard, c.env)
		ctx := &Context{Styles: themes.ForRenderer(r, themes.Default())}
		out, err := ctx.Markdown().Render(doc, 60, "dark")
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(out, "\x1b["); got != c.colour {
			t.Errorf("session %v on a %v process: colour %v, want %v:\n%q", c.env, c.process, got, c.colour, out)
		}
	}
}
