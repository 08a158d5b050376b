package components

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"mopdeck/themes"
)

func marksTable(st *themes.Styles) Table {
	t := NewTable(st, []Column{{Title: "ID", Width: 5}, {Title: "Title"}, {Title: "Status", Width: 8}})
	t.SetRows([][]string{{"CR-1", "First", "new"}, {"CR-2", "Second", "done"}, {"CR-3", "Third", "new"}})
	t.SetSize(60, 10)
	t.Cursor.Move(1)
	return t
}

func TestTableMarksTheSelectedRowWithoutColour(t *testing.T) {
	withProfile(t, termenv.Ascii)
	for _, p := range []themes.Palette{themes.Default(), themes.Mono()} {
		tb := marksTable(themes.NewStyles(p, true))
		lines := strings.Split(tb.View(), "\n")
		if len(lines) != 4 {
			t.Fatalf("%s: %d lines:\n%s", p.Name, len(lines), tb.View())
		}
		if !strings.HasPrefix(lines[2], themes.Pointer+" CR-2") {
			t.Errorf("%s: the selected row is not marked: %q", p.Name, lines[2])
		}
		for _, i := range []int{1, 3} {
			if !strings.HasPrefix(lines[i], "  CR-") {
				t.Errorf("%s: an unselected row does not start with two spaces: %q", p.Name, lines[i])
			}
		}
		// The columns stay aligned under their titles.
		at := func(l, s string) int { return ansi.StringWidth(l[:strings.Index(l, s)]) }
		if at(lines[0], "Status") != at(lines[2], "done") || at(lines[0], "ID") != at(lines[1], "CR-1") || at(lines[2], "CR-2") != at(lines[1], "CR-1") {
			t.Errorf("%s: columns moved:\n%s", p.Name, tb.View())
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w != 60 {
				t.Errorf("%s: line %d is %d cells wide, want 60", p.Name, i, w)
			}
		}
	}
}

// In colour the selection is the Selected style over the same cells as
// ever: no mark, nothing moved.
func TestTableInColourIsDrawnAsBefore(t *testing.T) {
	withProfile(t, termenv.TrueColor)
	st := themes.NewStyles(themes.Default(), true)
	tb := marksTable(st)
	// ID 5 cells, Title what is left, Status 8: one blank between.
	row := func(id, title, status string) string { return Fit(id, 5) + " " + Fit(title, 45) + " " + Fit(status, 8) }
	want := strings.Join([]string{
		st.Header.Render(row("ID", "Title", "Status")),
		row("CR-1", "First", "new"),
		st.Selected.Render(row("CR-2", "Second", "done")),
		row("CR-3", "Third", "new"),
	}, "\n")
	if got := tb.View(); got != want {
		t.Fatalf("coloured table changed:\n got %q\nwant %q", got, want)
	}
	if !strings.Contains(want, "\x1b[") {
		t.Fatal("the coloured table has no colour: the test proves nothing")
	}
}
