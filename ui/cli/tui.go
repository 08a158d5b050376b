package cli

import (
	"fmt"
	"os"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

// Interactive opens the terminal interface on the chosen project.
func Interactive(e *Env) error {
	palette, err := themes.ByName(e.Theme)
	if err != nil {
		return UserError{err}
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer s.Close()
	p, err := e.PickProject(s, true)
	if err != nil {
		return err
	}
	// Dark or light is decided once, before the program owns the terminal.
	// This asks nothing of the terminal: Bubble Tea's package init already
	// asked (waiting at most 5 s where no terminal answers, as on a bare
	// pseudo-terminal) and lipgloss keeps the answer.
	styles := themes.NewStyles(palette, lipgloss.HasDarkBackground())
	ctx := &common.Context{Store: s, Styles: styles, Now: time.Now, User: os.Getenv("USER")}
	opts := []tea.ProgramOption{tea.WithAltScreen()}
	if !e.NoMouse {
		// Clicks, the wheel and drags; --no-mouse leaves the mouse to the
		// terminal, for selecting text.
		opts = append(opts, tea.WithMouseCellMotion())
	}
	prog := tea.NewProgram(ui.New(ctx, p.ID), opts...)
	if _, err := prog.Run(); err != nil {
		return fmt.Errorf("the terminal interface stopped: %w", err)
	}
	return nil
}
