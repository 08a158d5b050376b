package changes

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/components"
)

// choiceItem is one line of a choice list.
type choiceItem struct {
	label string
	value string
	hint  string // drawn faint after the label
	mark  bool   // drawn with a check box
	dim   bool   // shown, but not a good choice (an illegal status)
}

// choice is a short vertical list with a cursor: the status picker and the
// two levels of the facet picker.
type choice struct {
	title  string
	items  []choiceItem
	cursor components.Cursor
	boxed  bool // draw check boxes
}

func newChoice(title string, items []choiceItem, boxed bool) choice {
	c := choice{title: title, items: items, boxed: boxed}
	c.cursor.N = len(items)
	c.cursor.Clamp()
	return c
}

func (c *choice) selected() (choiceItem, bool) {
	if c.cursor.Pos < 0 || c.cursor.Pos >= len(c.items) {
		return choiceItem{}, false
	}
	return c.items[c.cursor.Pos], true
}

// move handles the cursor keys; it reports whether msg was one.
func (c *choice) move(k keyMap, msg tea.KeyMsg) bool {
	switch {
	case key.Matches(msg, k.up):
		c.cursor.Move(-1)
	case key.Matches(msg, k.down):
		c.cursor.Move(1)
	default:
		return c.cursor.HandleKey(k.nav, msg)
	}
	return true
}

// view draws the title and the items in view, w×h cells at most.
func (c *choice) view(st *themes.Styles, w, h int) string {
	c.cursor.Height = max(h-2, 1)
	c.cursor.Clamp()
	lines := []string{st.Title.Render(components.Fit(c.title, w)), ""}
	labelW := 0
	for _, it := range c.items {
		labelW = max(labelW, ansi.StringWidth(model.SanitizeLine(it.label)))
	}
	labelW = min(labelW, max(w/2, 10))
	from, to := c.cursor.Visible()
	for i := from; i < to; i++ {
		it := c.items[i]
		prefix := "  "
		if i == c.cursor.Pos {
			prefix = "▸ "
		}
		if c.boxed {
			if it.mark {
				prefix += "[x] "
			} else {
				prefix += "[ ] "
			}
		}
		label, hint := components.Cell(it.label, labelW), model.SanitizeLine(it.hint)
		var line string
		switch {
		case i == c.cursor.Pos:
			line = st.Selected.Render(components.Fit(prefix+label+"  "+hint, w))
		case it.dim:
			line = st.Faint.Render(components.Fit(prefix+label+"  "+hint, w))
		default:
			line = components.Fit(prefix+label+"  "+st.Faint.Render(hint), w)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
