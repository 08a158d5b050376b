package components

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/themes"
)

func previewKey(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	}
	return runes(s)
}

func numbered(n int) []PreviewLine {
	out := make([]PreviewLine, n)
	for i := range out {
		out[i] = PreviewLine{Text: fmt.Sprintf("line %02d", i+1)}
	}
	return out
}

func helpKeys(v *Preview) []string {
	var out []string
	for _, b := range v.Keys() {
		out = append(out, b.Keys()...)
	}
	return out
}

var replaceToggle = &PreviewToggle{Key: "R", Help: "replace the matrix"}

// Until its lines are in, and while they say it cannot be done, enter
// does nothing and the help leaves it out; then it accepts.
func TestPreviewEnterOnlyOnceItCanBeDone(t *testing.T) {
	st := themes.NewStyles(themes.Default(), true)
	var v Preview
	v.Open("Import m.csv", "import", nil)
	if got := v.Update(previewKey("enter")); got != PreviewNothing {
		t.Fatalf("enter while reading = %v", got)
	}
	if slices.Contains(helpKeys(&v), "enter") {
		t.Fatal("the help offers enter while reading")
	}
	if view := ansi.Strip(v.View(st, 60, 5)); !strings.Contains(view, "reading…") {
		t.Fatalf("no reading… while waiting:\n%s", view)
	}

	v.Show([]PreviewLine{{Text: "row 3: no such phase", Tone: ToneError}}, false)
	if got := v.Update(previewKey("enter")); got != PreviewNothing {
		t.Fatalf("enter on a refused file = %v", got)
	}
	if slices.Contains(helpKeys(&v), "enter") {
		t.Fatal("the help offers enter on a refused file")
	}
	if view := ansi.Strip(v.View(st, 60, 5)); !strings.Contains(view, "cannot import as it is") || !strings.Contains(view, "row 3: no such phase") {
		t.Fatalf("a refused file:\n%s", view)
	}

	v.Show(numbered(3), true)
	if got := v.Update(previewKey("enter")); got != PreviewAccept {
		t.Fatalf("enter on a good file = %v", got)
	}
	if !slices.Contains(helpKeys(&v), "enter") {
		t.Fatal("the help leaves enter out when it imports")
	}
	if !v.Active() {
		t.Fatal("enter closed the preview: closing is the pane's to do once it has what it needs")
	}
	if got := v.Update(previewKey("esc")); got != PreviewCancel || v.Active() {
		t.Fatalf("esc = %v, still open %v", got, v.Active())
	}
}

// ↑/↓/k/j move a line, pgup/pgdn/space a page, never past either end;
// the wheel scrolls too.
func TestPreviewScrolls(t *testing.T) {
	st := themes.NewStyles(themes.Default(), true)
	var v Preview
	v.Open("Import", "import", nil)
	v.Show(numbered(50), true)
	first := func() string {
		lines := strings.Split(ansi.Strip(v.View(st, 40, 10)), "\n")
		return strings.TrimSpace(lines[1])
	}
	steps := []struct {
		key, want string
	}{
		{"j", "line 02"}, {"down", "line 03"}, {"k", "line 02"}, {"up", "line 01"}, {"up", "line 01"},
		{"pgdown", "line 10"}, {" ", "line 19"}, {"pgup", "line 10"},
		{" ", "line 19"}, {" ", "line 28"}, {" ", "line 37"}, {" ", "line 42"}, {"j", "line 42"},
	}
	if got := first(); got != "line 01" {
		t.Fatalf("starts on %q", got)
	}
	for _, s := range steps {
		if got := v.Update(previewKey(s.key)); got != PreviewNothing {
			t.Fatalf("%q = %v", s.key, got)
		}
		if got := first(); got != s.want {
			t.Fatalf("after %q the first line is %q, want %q", s.key, got, s.want)
		}
	}
	if view := ansi.Strip(v.View(st, 80, 10)); !strings.Contains(view, "lines 42–50 of 50") || !strings.Contains(view, "line 50") {
		t.Fatalf("the end is not shown:\n%s", view)
	}
	v.Mouse(tea.MouseMsg{Action: tea.MouseActionPress, Button: tea.MouseButtonWheelUp})
	if got := first(); got != fmt.Sprintf("line %02d", 42-WheelStep) {
		t.Fatalf("after a wheel notch up: %q", got)
	}
}

// The option key switches the option and asks for new lines (enter waits
// for them); without an option the key does nothing.
func TestPreviewToggle(t *testing.T) {
	var v Preview
	v.Open("Import", "import", replaceToggle)
	v.Show(numbered(2), true)
	if !slices.Contains(helpKeys(&v), "R") {
		t.Fatal("the help leaves R out")
	}
	if got := v.Update(previewKey("R")); got != PreviewToggled || !v.On() {
		t.Fatalf("R = %v, on %v", got, v.On())
	}
	if got := v.Update(previewKey("enter")); got != PreviewNothing {
		t.Fatalf("enter before the new lines = %v", got)
	}
	v.Show(numbered(2), true)
	if got := v.Update(previewKey("R")); got != PreviewToggled || v.On() {
		t.Fatalf("R again = %v, on %v", got, v.On())
	}

	var plain Preview
	plain.Open("Import", "import", nil)
	plain.Show(numbered(2), true)
	if got := plain.Update(previewKey("R")); got != PreviewNothing || plain.On() || slices.Contains(helpKeys(&plain), "R") {
		t.Fatalf("R without an option = %v, on %v", got, plain.On())
	}
}

// A line too long for the window is wrapped, never cut: every word is
// shown, no line is wider than the window, the rest is indented under
// it; escapes in the text are drawn inert.
func TestPreviewWrapsAndSanitises(t *testing.T) {
	st := themes.NewStyles(themes.Default(), true)
	long := "  row 2, column B \"Phase\": the project has no phase \"Conception\"; fix the name, or empty the cell"
	var v Preview
	v.Open("Import \x1b[2Jevil.csv", "import", nil)
	v.Show([]PreviewLine{{Text: long, Tone: ToneError}, {Text: "bell\x07 here"}}, false)
	view := v.View(st, 30, 20)
	if strings.Contains(view, "\x1b[2J") || strings.Contains(view, "\x07") {
		t.Fatalf("raw control bytes drawn: %q", view)
	}
	lines := strings.Split(ansi.Strip(view), "\n")
	var text []string
	for i, l := range lines {
		if w := ansi.StringWidth(l); w > 30 {
			t.Fatalf("line %d is %d wide: %q", i, w, l)
		}
		text = append(text, strings.TrimSpace(l))
	}
	joined := strings.Join(text, " ")
	for _, word := range strings.Fields(long) {
		if !strings.Contains(joined, word) {
			t.Fatalf("%q is lost:\n%s", word, strings.Join(lines, "\n"))
		}
	}
	if !strings.HasPrefix(lines[2], "    ") {
		t.Fatalf("the wrapped rest is not indented under its line:\n%s", strings.Join(lines, "\n"))
	}
}
