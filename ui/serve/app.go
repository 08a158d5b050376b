package serve

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"golang.org/x/term"

	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

// A second mopdeck app started on a file that another mopdeck holds
// opens as a client of it: it hands its terminal over the socket, and the
// holder runs the app on that terminal, in its own process, on the store
// it holds, following every write as a session of serve does. The client
// only waits, passing on its window size, and gives the terminal back as
// it found it.

// errNoApp: the holder does not open the app for others.
var errNoApp = errors.New("the mopdeck holding the file does not open the app for others")

// ErrNoApp tells whether err is the holder's refusal to open the app.
func ErrNoApp(err error) bool { return errors.Is(err, errNoApp) }

// runApp runs the app on a client's terminal until it quits or the owner
// closes.
func (o *Owner) runApp(t termInfo, in, out *os.File, resizes <-chan resize) int {
	palette, err := themes.ByNameEnv(t.Theme, t.Env)
	if err != nil {
		fmt.Fprintf(out, "mopdeck: %s\r\n", err)
		return 1
	}
	r := themes.SessionRenderer(out, t.Env)
	r.SetHasDarkBackground(t.Dark)
	pid, err := pickProject(o.cfg.Store, t.Project)
	if err != nil {
		fmt.Fprintf(out, "mopdeck: %s\r\n", err)
		return 1
	}
	ctx := &common.Context{Store: o.cfg.Store, Styles: themes.ForRenderer(r, palette), Now: time.Now, User: t.User, Live: true}
	defer ctx.Close()
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithOutput(out), tea.WithAltScreen(),
		tea.WithContext(o.stop), tea.WithoutSignalHandler()}
	if t.Mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	p := tea.NewProgram(ui.New(ctx, pid), opts...)
	go func() {
		for z := range resizes {
			p.Send(tea.WindowSizeMsg{Width: z.Width, Height: z.Height})
		}
	}()
	if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
		return 2
	}
	return 0
}

// JoinOptions are the app's flags, for the holder to apply.
type JoinOptions struct {
	Theme, Project string
	Mouse          bool
}

// Join opens the app in the mopdeck holding db, on this process's
// terminal, and returns its exit code once it quits. ok is false when
// nobody answers.
func Join(db string, opt JoinOptions) (code int, ok bool, err error) {
	in, out := os.Stdin, os.Stdout
	if !term.IsTerminal(int(in.Fd())) || !term.IsTerminal(int(out.Fd())) {
		return 0, true, fmt.Errorf("%s is %w, and the app can open through it only on a terminal", db, ErrHeld)
	}
	c := dialOwner(db)
	if c == nil {
		return 0, false, nil
	}
	defer c.Close()
	// Given back as found, even should the holder die half-way.
	if state, err := term.GetState(int(in.Fd())); err == nil {
		defer func() {
			term.Restore(int(in.Fd()), state)
			if err != nil {
				os.Stdout.WriteString("\x1b[?1049l\x1b[?25h\x1b[?1002l\x1b[?1006l")
			}
		}()
	}
	w, h, _ := term.GetSize(int(out.Fd()))
	t := termInfo{
		Env:  clientEnv(),
		Dark: lipgloss.HasDarkBackground(), // asked once already, at start
		// The size is read by the app from the terminal; resizes follow.
		Width: w, Height: h,
		Mouse: opt.Mouse, User: os.Getenv("USER"), Theme: opt.Theme, Project: opt.Project,
	}
	if err := sendRequest(c, request{App: true, Term: &t}, in, out, os.Stderr); err != nil {
		return 0, true, fmt.Errorf("cannot hand the terminal to the mopdeck holding %s: %w", db, err)
	}
	winch := make(chan os.Signal, 1)
	notifyResize(winch)
	defer signal.Stop(winch)
	go func() {
		for range winch {
			if w, h, err := term.GetSize(int(out.Fd())); err == nil {
				if writeJSON(c, resize{Width: w, Height: h}) != nil {
					return
				}
			}
		}
	}()
	code, err = awaitReply(c, db)
	return code, true, err
}

// clientEnv is what the holder needs of this terminal's environment to
// pick colours.
func clientEnv() []string {
	var env []string
	for _, k := range []string{"TERM", "COLORTERM", "NO_COLOR", "COLORFGBG"} {
		if v, ok := os.LookupEnv(k); ok {
			env = append(env, k+"="+v)
		}
	}
	return env
}
