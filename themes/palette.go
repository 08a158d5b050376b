// Package themes holds mopdeck's palettes and the lipgloss styles built from
// them. Panes ask for styles by meaning (Selected, ErrorText, QuickWin…) and
// never build colours themselves.
package themes

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/lipgloss"
)

// Palette names colours by what they mean, each adaptive to light and dark
// terminals.
type Palette struct {
	Name         string
	PrimaryText  lipgloss.TerminalColor
	FaintText    lipgloss.TerminalColor
	Accent       lipgloss.TerminalColor
	AccentText   lipgloss.TerminalColor // text drawn on Accent
	SelectedBg   lipgloss.TerminalColor
	FaintBorder  lipgloss.TerminalColor
	ErrorText    lipgloss.TerminalColor
	WarningText  lipgloss.TerminalColor
	SuccessText  lipgloss.TerminalColor
	QuickWin     lipgloss.TerminalColor
	MajorProject lipgloss.TerminalColor
	FillIn       lipgloss.TerminalColor
	MoneyPit     lipgloss.TerminalColor
	// Mono palettes draw with bold, underline and reverse instead of colour.
	Mono bool
}

func adaptive(light, dark string) lipgloss.AdaptiveColor {
	return lipgloss.AdaptiveColor{Light: light, Dark: dark}
}

// Default is the everyday palette.
func Default() Palette {
	return Palette{
		Name:         "default",
		PrimaryText:  adaptive("#1F2328", "#E6EDF3"),
		FaintText:    adaptive("#6E7781", "#8B949E"),
		Accent:       adaptive("#6F42C1", "#B392F0"),
		AccentText:   adaptive("#FFFFFF", "#0D1117"),
		SelectedBg:   adaptive("#DDF4FF", "#264F78"),
		FaintBorder:  adaptive("#D0D7DE", "#30363D"),
		ErrorText:    adaptive("#CF222E", "#FF7B72"),
		WarningText:  adaptive("#9A6700", "#E3B341"),
		SuccessText:  adaptive("#1A7F37", "#56D364"),
		QuickWin:     adaptive("#1A7F37", "#56D364"),
		MajorProject: adaptive("#0969DA", "#58A6FF"),
		FillIn:       adaptive("#6E7781", "#8B949E"),
		MoneyPit:     adaptive("#CF222E", "#FF7B72"),
	}
}

// Mono has no colour at all: for NO_COLOR, printers and screenshots.
func Mono() Palette {
	none := lipgloss.NoColor{}
	return Palette{
		Name: "mono", PrimaryText: none, FaintText: none, Accent: none, AccentText: none,
		SelectedBg: none, FaintBorder: none, ErrorText: none, WarningText: none, SuccessText: none,
		QuickWin: none, MajorProject: none, FillIn: none, MoneyPit: none, Mono: true,
	}
}

// Names lists the themes a user may pick with --theme.
func Names() []string { return []string{"default", "mono"} }

// ByName returns the named palette. NO_COLOR (any non-empty value) forces
// mono whatever was asked, as https://no-color.org says.
func ByName(name string) (Palette, error) {
	if os.Getenv("NO_COLOR") != "" {
		return Mono(), nil
	}
	return byName(name)
}

func byName(name string) (Palette, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "default":
		return Default(), nil
	case "mono", "none", "monochrome":
		return Mono(), nil
	}
	return Palette{}, fmt.Errorf("unknown theme %q: use %s", name, strings.Join(Names(), " or "))
}
