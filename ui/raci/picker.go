package raci

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/themes"
	"mopdeck/ui/components"
)

// pickItem is one choice of a picker.
type pickItem struct {
	label string
	// hint is drawn faint after the label (a team, a handle).
	hint string
	id   uint64
}

// picker is a list to choose one item from: typing narrows it (case and
// accents aside), ↑/↓ move, enter chooses, esc cancels. It has no blinking
// cursor, so it costs nothing while it waits.
type picker struct {
	open   bool
	title  string
	items  []pickItem
	folded []string
	shown  []int
	filter string
	cur    components.Cursor
	choose func(pickItem) tea.Cmd
}

// openWith opens the picker on items with the cursor on selected's ID; 0
// (nothing chosen yet) starts at the top.
func (k *picker) openWith(title string, items []pickItem, selected uint64, choose func(pickItem) tea.Cmd) {
	*k = picker{open: true, title: title, items: items, choose: choose, cur: components.Cursor{Height: k.cur.Height}}
	k.folded = make([]string, len(items))
	for i, it := range items {
		k.folded[i] = model.FoldName(it.label + " " + it.hint)
	}
	k.refilter()
	for i, idx := range k.shown {
		if selected != 0 && items[idx].id == selected {
			k.cur.Pos = i
		}
	}
	k.cur.Clamp()
}

func (k *picker) refilter() {
	q := model.FoldName(k.filter)
	k.shown = k.shown[:0]
	for i, f := range k.folded {
		if strings.Contains(f, q) {
			k.shown = append(k.shown, i)
		}
	}
	k.cur.N = len(k.shown)
	k.cur.Pos = 0
	k.cur.Clamp()
}

func (k *picker) update(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		k.open = false
	case tea.KeyEnter:
		if len(k.shown) == 0 {
			return nil
		}
		k.open = false
		return k.choose(k.items[k.shown[k.cur.Pos]])
	case tea.KeyUp, tea.KeyCtrlP:
		k.cur.Move(-1)
	case tea.KeyDown, tea.KeyCtrlN:
		k.cur.Move(1)
	case tea.KeyPgUp:
		k.cur.Move(-max(k.cur.Height-1, 1))
	case tea.KeyPgDown:
		k.cur.Move(max(k.cur.Height-1, 1))
	case tea.KeyBackspace:
		if r := []rune(k.filter); len(r) > 0 {
			k.filter = string(r[:len(r)-1])
			k.refilter()
		}
	case tea.KeyRunes, tea.KeySpace:
		k.filter += model.SanitizeLine(string(msg.Runes))
		if msg.Type == tea.KeySpace {
			k.filter += " "
		}
		k.refilter()
	}
	return nil
}

// setHeight fits the list in a pane h lines high (title and filter above).
func (k *picker) setHeight(h int) {
	k.cur.Height = max(h-2, 1)
	k.cur.Clamp()
}

// view draws the title, the filter and the visible choices in w cells.
func (k *picker) view(st *themes.Styles, w int) string {
	var b strings.Builder
	b.WriteString(components.Fit(st.Title.Render(model.SanitizeLine(k.title)), w) + "\n")
	filter := st.Faint.Render("type to narrow · ↑/↓ · enter chooses · esc cancels")
	if k.filter != "" {
		filter = st.StatusKey.Render("filter: ") + model.SanitizeLine(k.filter) +
			st.Faint.Render(fmt.Sprintf("  (%d of %d)", len(k.shown), len(k.items)))
	}
	b.WriteString(components.Fit(filter, w))
	if len(k.shown) == 0 {
		b.WriteString("\n" + st.Faint.Render("  nothing matches: ⌫ to widen"))
		return b.String()
	}
	from, to := k.cur.Visible()
	for i := from; i < to; i++ {
		it := k.items[k.shown[i]]
		line := "  " + components.Cell(it.label, min(40, max(w-4, 1)))
		if it.hint != "" {
			line += " " + st.Faint.Render(model.SanitizeLine(it.hint))
		}
		line = components.Fit(line, w)
		if i == k.cur.Pos {
			line = st.Cursor.Render(components.Fit("▸ "+components.Cell(it.label, min(40, max(w-4, 1)))+" "+model.SanitizeLine(it.hint), w))
		}
		b.WriteString("\n" + line)
	}
	return b.String()
}
