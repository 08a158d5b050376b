package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"

	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
	"mopdeck/ui/serve"
)

// Interactive opens the terminal interface on the chosen project. While
// it runs, this process holds the file: mopdeck commands on this host run
// through it, and a second app opens in it (see serve.Own); their writes
// show here as they commit. When another mopdeck holds the file already,
// OpenStore says so and Run opens the app in that one instead.
func Interactive(e *Env) error {
	palette, err := themes.ByName(e.Theme)
	if err != nil {
		return UserError{err}
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	p, err := e.PickProject(s, true)
	if err != nil {
		return err
	}
	// Best effort: without the socket (a path too long for one) other
	// commands find the file in use, as before.
	if owner, err := e.own(s, false); err == nil {
		defer owner.Close()
	}
	// Dark or light is decided once, before the program owns the terminal.
	// This asks nothing of the terminal: Bubble Tea's package init already
	// asked (waiting at most 5 s where no terminal answers, as on a bare
	// pseudo-terminal) and lipgloss keeps the answer.
	styles := themes.NewStyles(palette, lipgloss.HasDarkBackground())
	ctx := &common.Context{Store: s, Styles: styles, Now: time.Now, User: os.Getenv("USER"), Live: true}
	defer ctx.Close()
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if !e.NoMouse {
		// Clicks, the wheel and drags; --no-mouse leaves the mouse to the
		// terminal, for selecting text.
		opts = append(opts, tea.WithMouseCellMotion())
	}
	prog := tea.NewProgram(ui.New(ctx, p.ID), opts...)
	hungUp := stopOnHangUp(prog)
	defer hungUp.stop()
	if _, err := prog.Run(); err != nil && !(hungUp.happened() && errors.Is(err, tea.ErrProgramKilled)) {
		return fmt.Errorf("the terminal interface stopped: %w", err)
	}
	return nil
}

// hangUp watches for SIGHUP, which a terminal closing sends; Bubble Tea
// handles only SIGINT and SIGTERM, and without this the process would die
// at once: the socket left behind, the clean-close stamp not written (the
// next open would walk every page).
type hangUp struct {
	sigs chan os.Signal
	hit  atomic.Bool
}

// stopOnHangUp ends prog when the terminal hangs up, so that Run returns
// and the deferred closes run.
func stopOnHangUp(prog *tea.Program) *hangUp {
	h := &hangUp{sigs: make(chan os.Signal, 1)}
	signal.Notify(h.sigs, syscall.SIGHUP)
	go func() {
		if _, ok := <-h.sigs; ok {
			h.hit.Store(true)
			prog.Kill() // the terminal is gone: nothing to draw or restore
		}
	}()
	return h
}

func (h *hangUp) happened() bool { return h.hit.Load() }

func (h *hangUp) stop() {
	signal.Stop(h.sigs)
	close(h.sigs)
}

// own answers on the socket beside s's file while this process holds it:
// commands run on this host are run here, on s, and a second app opens
// here too. A server logs what it runs on stderr; the app, which owns
// the terminal, logs nothing.
func (e *Env) own(s *store.Store, serving bool) (*serve.Owner, error) {
	logger := log.New(io.Discard)
	if serving {
		logger = serverLog(e.Stderr)
	}
	return serve.Own(serve.OwnerConfig{
		Store: s,
		Run:   e.sharedRunner(),
		Apps:  true,
		Theme: e.Theme,
		Log:   logger,
	})
}

// sharedRunner runs command lines on a store this process holds.
func (e *Env) sharedRunner() serve.RunFunc {
	return func(args []string, stdout, stderr io.Writer, s *store.Store) int {
		return RunShared(args, e.Version, stdout, stderr, s)
	}
}
