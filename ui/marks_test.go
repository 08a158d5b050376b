package ui_test

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/uitest"
)

// Without colour (NO_COLOR, TERM=dumb: the Ascii profile draws no
// attribute at all) and in the mono theme, every state colour shows must
// also show in the plain text. The tests draw with the Ascii profile.

// noColourPalettes are the two ways to lose colour: the mono theme, and
// the default theme on a terminal without colour.
var noColourPalettes = []themes.Palette{themes.Mono(), themes.Default()}

// startedWith is started with the given palette.
func startedWith(t *testing.T, p themes.Palette, w, h int) *ui.Model {
	t.Helper()
	ctx, pid := uitest.Sample(t, nil)
	ctx.Styles = themes.NewStyles(p, true)
	m := ui.New(ctx, pid)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	settle(t, m, cmd)
	return m
}

func viewLines(m *ui.Model) []string { return strings.Split(m.View(), "\n") }

// lineWith is the first line holding s, and its index (-1 if none). Of
// side-by-side panels it looks at the left one only (the list).
func lineWith(lines []string, s string) (string, int) {
	for i, l := range lines {
		l, _, _ = strings.Cut(l, " │ ")
		if strings.Contains(l, s) {
			return l, i
		}
	}
	return "", -1
}

func eachPalette(t *testing.T, test func(t *testing.T, p themes.Palette)) {
	for _, p := range noColourPalettes {
		t.Run(p.Name, func(t *testing.T) { test(t, p) })
	}
}

func TestWithoutColourTheActiveTabIsBracketed(t *testing.T) {
	titles := []string{"1 Phases", "2 Change requests", "3 RACI", "4 Docs"}
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		for i, active := range titles {
			press(t, m, active[:1])
			bar := viewLines(m)[0]
			for _, title := range titles {
				bracketed := strings.Contains(bar, "["+title+"]")
				if bracketed != (title == active) || !strings.Contains(bar, title) {
					t.Fatalf("pane %d: tab %q bracketed = %v in %q", i+1, title, bracketed, bar)
				}
			}
		}
	})
}

func TestWithoutColourTheSelectedRowIsMarked(t *testing.T) {
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		marked := func(what string, want bool) {
			t.Helper()
			l, i := lineWith(viewLines(m), what)
			if i < 0 {
				t.Fatalf("%q is not on screen:\n%s", what, m.View())
			}
			if got := strings.HasPrefix(l, themes.Pointer+" "); got != want {
				t.Fatalf("%q marked = %v, want %v: %q", what, got, want, l)
			}
		}
		// Phases: the list, then the timeline.
		marked("Discovery   ", true)
		marked("Design   ", false)
		press(t, m, "j")
		marked("Discovery   ", false)
		marked("Design   ", true)
		press(t, m, "v")
		marked("Design   ", true)
		marked("Build   ", false)
		press(t, m, "v")

		// Change requests: the table keeps its columns under the titles.
		press(t, m, "2")
		marked("CR-1 ", true)
		marked("CR-7 ", false)
		press(t, m, "j")
		marked("CR-1 ", false)
		marked("CR-7 ", true)
		lines := viewLines(m)
		head, _ := lineWith(lines, "Quadrant")
		cell := func(l, s string) int { return ansi.StringWidth(l[:strings.Index(l, s)]) }
		for _, id := range []string{"CR-1 ", "CR-7 "} {
			row, _ := lineWith(lines, id)
			if cell(head, "ID") != cell(row, "CR-") || cell(head, "Quadrant") != cell(row, "quick win") {
				t.Fatalf("the columns moved:\n%q\n%q", head, row)
			}
		}

		// The projects switcher.
		press(t, m, "p")
		marked("Acme MRM roll-out   ", true)
		press(t, m, "esc")
	})
}

func TestWithoutColourTheRACICellUnderTheCursorIsBracketed(t *testing.T) {
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		press(t, m, "3")
		// bracketAt finds the one bracketed letter in the grid, on the
		// marked row, and the pointer in the names' header above it.
		bracketAt := func() int {
			t.Helper()
			lines := viewLines(m)
			found, col := 0, -1
			for _, l := range lines[2:] {
				for _, letter := range []string{"R", "A", "C", "I", "·"} {
					if i := strings.Index(l, "["+letter+"]"); i >= 0 {
						found++
						col = ansi.StringWidth(l[:i])
						if !strings.HasPrefix(l, themes.Pointer+" ") {
							t.Fatalf("the bracketed cell is not on the marked row: %q", l)
						}
					}
				}
			}
			if found != 1 {
				t.Fatalf("%d bracketed cells, want 1:\n%s", found, m.View())
			}
			names := lines[2]
			pointer := strings.Index(names, themes.Pointer)
			if pointer < 0 || col-ansi.StringWidth(names[:pointer]) != 4 {
				t.Fatalf("the names' pointer is not above the bracketed cell (cell at %d):\n%s", col, m.View())
			}
			return col
		}
		first := bracketAt()
		press(t, m, "l")
		if next := bracketAt(); next != first+10 {
			t.Fatalf("after → the bracket is at cell %d, want %d", next, first+10)
		}
		press(t, m, "j")
		bracketAt()
	})
}

func TestWithoutColourTheMatrixMarksTheSelectedQuadrant(t *testing.T) {
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		press(t, m, "2", "m")
		marked := func(on string, off ...string) {
			t.Helper()
			v := m.View()
			if !strings.Contains(v, themes.Pointer+on) {
				t.Fatalf("%q is not marked:\n%s", on, v)
			}
			for _, o := range off {
				if strings.Contains(v, themes.Pointer+o) || !strings.Contains(v, o) {
					t.Fatalf("%q is marked or missing:\n%s", o, v)
				}
			}
		}
		marked("Quick win", "Major project", "Fill-in", "Money pit")
		press(t, m, "right")
		marked("Major project", "Quick win", "Fill-in", "Money pit")
		press(t, m, "down")
		marked("Money pit", "Quick win", "Major project", "Fill-in")
	})
}

func TestWithoutColourTheSelectedDocIsMarked(t *testing.T) {
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		press(t, m, "4", "j")
		lines := viewLines(m)
		doc, _ := lineWith(lines, "Discovery document   ")
		report, _ := lineWith(lines, "Status report   ")
		next, _ := lineWith(lines, "Requirements sheet   ")
		if !strings.HasPrefix(doc, themes.Pointer+" Discovery document") {
			t.Fatalf("the selected doc is not marked: %q", doc)
		}
		if !strings.HasPrefix(report, "  Status report") || !strings.HasPrefix(next, "  Requirements sheet") {
			t.Fatalf("the other docs are marked or moved:\n%q\n%q", report, next)
		}
	})
}

func TestWithoutColourTheFocusedPickerItemIsMarked(t *testing.T) {
	eachPalette(t, func(t *testing.T, p themes.Palette) {
		m := startedWith(t, p, 100, 24)
		focused := func(want, other string) {
			t.Helper()
			lines := viewLines(m)
			on, i := lineWith(lines, want)
			off, j := lineWith(lines, other)
			if i < 0 || j < 0 {
				t.Fatalf("the picker does not list %q and %q:\n%s", want, other, m.View())
			}
			if !strings.HasPrefix(strings.TrimLeft(on, " "), themes.Pointer) || strings.Contains(off, themes.Pointer) {
				t.Fatalf("the focused item is not told apart:\n%q\n%q", on, off)
			}
		}
		// The facet picker of the change requests.
		press(t, m, "2", "f")
		focused("status ", "decision ")
		press(t, m, "down")
		focused("decision ", "status ")
		press(t, m, "esc", "esc")

		// Who am I: the people picker, on "nobody" at first.
		press(t, m, "@")
		focused("(nobody)", "Julien Roux")
		press(t, m, "up")
		focused("Julien Roux", "(nobody)")
	})
}

// In colour nothing is added: the selection is the Selected style over
// the row as it always was, the active tab its padded label.
func TestInColourTheSelectionIsDrawnAsBefore(t *testing.T) {
	lipgloss.SetColorProfile(termenv.TrueColor)
	t.Cleanup(func() { lipgloss.SetColorProfile(termenv.Ascii) })
	m := startedWith(t, themes.Default(), 100, 24)
	st := themes.NewStyles(themes.Default(), true)
	press(t, m, "2")
	raw := viewLines(m)
	if !strings.HasPrefix(raw[0], st.TabInactive.Render("1 Phases")+st.TabActive.Render("2 Change requests")) {
		t.Fatalf("the coloured tab bar changed: %q", raw[0])
	}
	row, _ := lineWith(raw, "CR-1 ")
	if !strings.HasPrefix(row, "\x1b[") || !strings.HasPrefix(ansi.Strip(row), "CR-1 ") {
		t.Fatalf("the selected row is not the Selected style over the bare row: %q", row)
	}
	plain := ansi.Strip(m.View())
	if strings.Contains(plain, themes.Pointer+" CR-") || strings.Contains(plain, "[2 Change requests]") {
		t.Fatalf("marks drawn in colour:\n%s", plain)
	}
	head, _ := lineWith(strings.Split(plain, "\n"), "Quadrant")
	if !strings.HasPrefix(head, "ID      Title") {
		t.Fatalf("the coloured table's columns moved: %q", head)
	}
}
