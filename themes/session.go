package themes

import (
	"io"
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// A session of mopdeck serve draws to a terminal at the other end of an
// SSH connection: its colour profile and background are that terminal's,
// not the server's, and asking the terminal (as lipgloss does by default
// for the background) would cost a round trip per session at best, and
// on a terminal that never answers a wait and stray bytes in the input.
// So they are read from what the client sent: the TERM of its PTY
// request and the environment it passed.

// SessionRenderer returns a renderer that draws to w for the terminal env
// describes (KEY=VALUE lines: TERM, COLORTERM, NO_COLOR, COLORFGBG…).
// Its colour profile and background are decided from env alone; nothing
// is asked of the terminal.
func SessionRenderer(w io.Writer, env []string) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(w,
		termenv.WithEnvironment(environ(env)),
		termenv.WithUnsafe(), // w is a connection, not a TTY of ours
		termenv.WithColorCache(true))
	r.SetColorProfile(r.Output().EnvColorProfile())
	r.SetHasDarkBackground(darkFromEnv(env))
	return r
}

// ForRenderer builds the styles of an output that is not the process's
// own (an SSH session), with the colour profile and background r holds.
// Give it a renderer that knows both (SessionRenderer), or building the
// styles asks the terminal.
func ForRenderer(r *lipgloss.Renderer, p Palette) *Styles {
	return stylesOn(r.NewStyle(), p, r.HasDarkBackground(), r.ColorProfile())
}

// ByNameEnv is ByName for a terminal whose environment is env rather
// than the process's: NO_COLOR there forces mono.
func ByNameEnv(name string, env []string) (Palette, error) {
	p, err := byName(name)
	if err == nil && environ(env).Getenv("NO_COLOR") != "" {
		return Mono(), nil
	}
	return p, err
}

// environ is an environment as termenv reads one.
type environ []string

func (e environ) Environ() []string { return e }

// Getenv returns the last value of k, as a shell would.
func (e environ) Getenv(k string) string {
	v := ""
	for _, kv := range e {
		if val, ok := strings.CutPrefix(kv, k+"="); ok {
			v = val
		}
	}
	return v
}

// darkFromEnv reads COLORFGBG ("15;0": foreground;background, as rxvt,
// Konsole and others set it): background colours 0–6 and 8 are dark.
// Without it the background is taken as dark, as most terminals are.
func darkFromEnv(env []string) bool {
	v := environ(env).Getenv("COLORFGBG")
	if v == "" {
		return true
	}
	parts := strings.Split(v, ";")
	bg, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil {
		return true
	}
	return bg < 7 || bg == 8
}
