package themes

import (
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// Styles are built once from a palette and passed down to every pane.
type Styles struct {
	Palette Palette
	// Dark tells whether the terminal background is dark; decided once at
	// start-up, before the program runs.
	Dark bool
	// Marks tells whether states (the selected row, the active tab, the
	// cell under the cursor) are drawn with glyphs as well as styles:
	// true in the mono theme and wherever the terminal shows no colour.
	// Panes ask RowMark, Tab, Focus and Hit rather than test it.
	Marks bool
	// Profile is the colour profile the styles write in: the process's
	// terminal, or an SSH session's. Markdown renders in it too.
	Profile termenv.Profile

	App          lipgloss.Style
	TabActive    lipgloss.Style
	TabInactive  lipgloss.Style
	TabGap       lipgloss.Style
	StatusBar    lipgloss.Style
	StatusKey    lipgloss.Style
	StatusError  lipgloss.Style
	StatusNote   lipgloss.Style
	Title        lipgloss.Style
	Header       lipgloss.Style
	Faint        lipgloss.Style
	Text         lipgloss.Style
	Selected     lipgloss.Style
	Cursor       lipgloss.Style
	Border       lipgloss.Style
	ErrorText    lipgloss.Style
	WarningText  lipgloss.Style
	SuccessText  lipgloss.Style
	Quadrants    [5]lipgloss.Style // indexed by model.Quadrant
	ProgressDone lipgloss.Style
	ProgressTodo lipgloss.Style

	// tabMarked is TabActive without its padding: the brackets take
	// those cells.
	tabMarked lipgloss.Style
}

// NewStyles builds every style of the app from a palette, for the colour
// profile lipgloss draws with (decided once, from the output and the
// environment).
func NewStyles(p Palette, dark bool) *Styles {
	return newStyles(p, dark, lipgloss.ColorProfile())
}

func newStyles(p Palette, dark bool, profile termenv.Profile) *Styles {
	return stylesOn(lipgloss.NewStyle(), p, dark, profile)
}

// stylesOn builds the styles from base, whose renderer decides how
// colours are written.
func stylesOn(base lipgloss.Style, p Palette, dark bool, profile termenv.Profile) *Styles {
	s := &Styles{Palette: p, Dark: dark, Marks: marksWanted(p, profile), Profile: profile}
	s.App = base
	s.Text = base.Foreground(p.PrimaryText)
	s.Faint = base.Foreground(p.FaintText)
	s.Title = base.Bold(true).Foreground(p.Accent)
	s.Header = base.Bold(true).Foreground(p.PrimaryText)
	s.Border = base.Foreground(p.FaintBorder)
	s.ErrorText = base.Foreground(p.ErrorText).Bold(true)
	s.WarningText = base.Foreground(p.WarningText)
	s.SuccessText = base.Foreground(p.SuccessText)
	s.TabActive = base.Bold(true).Padding(0, 1).Foreground(p.AccentText).Background(p.Accent)
	s.TabInactive = base.Padding(0, 1).Foreground(p.FaintText)
	s.TabGap = base
	s.StatusBar = base.Foreground(p.PrimaryText)
	s.StatusKey = base.Bold(true).Foreground(p.Accent)
	s.StatusError = base.Bold(true).Foreground(p.ErrorText)
	s.StatusNote = base.Foreground(p.SuccessText)
	s.Selected = base.Background(p.SelectedBg).Foreground(p.PrimaryText)
	s.Cursor = base.Bold(true).Foreground(p.AccentText).Background(p.Accent)
	s.ProgressDone = base.Foreground(p.SuccessText)
	s.ProgressTodo = base.Foreground(p.FaintBorder)
	quadrantColours := []lipgloss.TerminalColor{p.QuickWin, p.MajorProject, p.FillIn, p.MoneyPit, p.FaintText}
	for i, c := range quadrantColours {
		s.Quadrants[i] = base.Foreground(c)
	}
	if p.Mono {
		// Without colour, selection and emphasis must still be visible.
		s.TabActive = base.Bold(true).Reverse(true).Padding(0, 1)
		s.Selected = base.Reverse(true)
		s.Cursor = base.Reverse(true).Bold(true)
		s.Title = base.Bold(true).Underline(true)
		s.ErrorText = base.Bold(true)
		s.StatusError = base.Bold(true)
		s.StatusKey = base.Bold(true)
		s.ProgressTodo = base.Faint(true)
	}
	s.tabMarked = s.TabActive.UnsetPadding()
	return s
}

// GlamourStyle names the Glamour standard style that fits these styles:
// an explicit one, never "auto", which would query the terminal that
// Bubble Tea owns.
func (s *Styles) GlamourStyle() string {
	switch {
	case s.Palette.Mono:
		return "notty"
	case s.Dark:
		return "dark"
	default:
		return "light"
	}
}
