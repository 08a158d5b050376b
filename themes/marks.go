package themes

import "github.com/muesli/termenv"

// Pointer is the glyph that marks the focused line of a list when
// attributes alone cannot be trusted to show it.
const Pointer = "▸"

// marksWanted tells whether states must be drawn with glyphs as well as
// styles: always in the mono theme, and whenever the terminal shows no
// colour (the Ascii profile of NO_COLOR or TERM=dumb draws no attribute at
// all, so reverse video and bold are lost too).
func marksWanted(p Palette, profile termenv.Profile) bool {
	return p.Mono || profile == termenv.Ascii
}

// RowMark is the prefix of a list row: the pointer and a space on the
// focused row, two spaces on the others, so that columns stay aligned.
// It is empty when colour shows the focus, which keeps coloured layouts
// as they were.
func (s *Styles) RowMark(focused bool) string {
	switch {
	case !s.Marks:
		return ""
	case focused:
		return Pointer + " "
	}
	return "  "
}

// RowMarkWidth is how many cells RowMark takes: 2 with marks, else 0.
func (s *Styles) RowMarkWidth() int {
	if s.Marks {
		return 2
	}
	return 0
}

// Tab draws one tab of the tab bar. With marks the active tab is
// bracketed, "[2 Change requests]", in the cells the padding takes
// otherwise, so the bar keeps its width either way.
func (s *Styles) Tab(label string, active bool) string {
	switch {
	case active && s.Marks:
		return s.tabMarked.Render("[" + label + "]")
	case active:
		return s.TabActive.Render(label)
	}
	return s.TabInactive.Render(label)
}

// Focus marks a short piece of text (a grid cell's letter) as the one
// under the cursor: "[R]" with marks, the text as it is otherwise. The
// caller still applies the Cursor style.
func (s *Styles) Focus(text string) string {
	if !s.Marks {
		return text
	}
	return "[" + text + "]"
}

// Hit draws a line the user's attention is sent to (a search match):
// the Selected style, and with marks the pointer over its first cells
// when they are blank, or before it otherwise.
func (s *Styles) Hit(line string) string {
	if s.Marks {
		if len(line) >= 2 && line[:2] == "  " {
			line = Pointer + " " + line[2:]
		} else {
			line = Pointer + " " + line
		}
	}
	return s.Selected.Render(line)
}
