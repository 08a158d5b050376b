package themes

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

func TestMarksWhereColourCannotShowState(t *testing.T) {
	cases := []struct {
		name    string
		palette Palette
		profile termenv.Profile
		want    bool
	}{
		{"default in true colour", Default(), termenv.TrueColor, false},
		{"default in 256 colours", Default(), termenv.ANSI256, false},
		{"default in 16 colours", Default(), termenv.ANSI, false},
		{"default without colour (TERM=dumb)", Default(), termenv.Ascii, true},
		{"mono in true colour (--theme mono)", Mono(), termenv.TrueColor, true},
		{"mono without colour (NO_COLOR)", Mono(), termenv.Ascii, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := newStyles(c.palette, true, c.profile).Marks; got != c.want {
				t.Fatalf("Marks = %v, want %v", got, c.want)
			}
		})
	}
}

func TestMarksKeepWidths(t *testing.T) {
	plain := newStyles(Default(), true, termenv.TrueColor)
	marked := newStyles(Default(), true, termenv.Ascii)

	if plain.RowMark(true) != "" || plain.RowMark(false) != "" || plain.RowMarkWidth() != 0 {
		t.Fatal("in colour a row gets no mark")
	}
	if marked.RowMark(true) != Pointer+" " || marked.RowMark(false) != "  " {
		t.Fatalf("row marks = %q / %q", marked.RowMark(true), marked.RowMark(false))
	}
	for _, on := range []bool{true, false} {
		if w := ansi.StringWidth(marked.RowMark(on)); w != marked.RowMarkWidth() {
			t.Fatalf("RowMark(%v) is %d cells, RowMarkWidth says %d", on, w, marked.RowMarkWidth())
		}
	}

	label := "2 Change requests"
	want := ansi.StringWidth(ansi.Strip(plain.Tab(label, true)))
	for _, st := range []*Styles{plain, marked} {
		for _, active := range []bool{true, false} {
			if w := ansi.StringWidth(ansi.Strip(st.Tab(label, active))); w != want {
				t.Errorf("marks %v, active %v: tab is %d cells, want %d", st.Marks, active, w, want)
			}
		}
	}
	if got := ansi.Strip(marked.Tab(label, true)); got != "["+label+"]" {
		t.Fatalf("marked active tab = %q, want it bracketed", got)
	}
	if got := ansi.Strip(plain.Tab(label, true)); strings.Contains(got, "[") {
		t.Fatalf("in colour the active tab is not bracketed: %q", got)
	}

	if plain.Focus("R") != "R" || marked.Focus("R") != "[R]" {
		t.Fatalf("focus = %q / %q", plain.Focus("R"), marked.Focus("R"))
	}
	if got := ansi.Strip(marked.Hit("  found here")); got != Pointer+" found here" {
		t.Fatalf("hit over a margin = %q", got)
	}
	if got := ansi.Strip(marked.Hit("found")); got != Pointer+" found" {
		t.Fatalf("hit without a margin = %q", got)
	}
	if got := ansi.Strip(plain.Hit("  found")); got != "  found" {
		t.Fatalf("in colour a hit keeps its text: %q", got)
	}
}
