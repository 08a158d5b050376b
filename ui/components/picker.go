package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/themes"
)

// PickItem is one choice of a Picker.
type PickItem struct {
	Label string
	// Hint is drawn faint after the label (a team, a count); typing
	// matches it too.
	Hint string
	// Mark draws a check box, ticked when Marked (a list that toggles).
	Mark, Marked bool
	// Dim shows a choice the caller will refuse, and say why.
	Dim bool
}

// Picker is how every list of choices behaves, wherever it opens: typing
// narrows the list (case and accents aside), ↑/↓ and ctrl+k/ctrl+j move,
// so that j and k are letters of the filter; the cursor stays on the
// same item while the filter changes; enter chooses; esc closes. A
// numbered picker takes a digit as the choice of that numbered item. It
// has no blinking cursor, so it costs nothing while it waits.
type Picker struct {
	open     bool
	title    string
	items    []PickItem
	folded   []string
	shown    []int
	filter   string
	cur      Cursor
	want     int // the item the cursor is on, held while the filter changes
	numbered bool
	multi    bool
	choose   func(int) tea.Cmd
	keys     PickerKeys
}

// PickerOption changes how a picker takes its keys.
type PickerOption func(*Picker)

// Numbered shows each item's number (from 1) and lets a digit choose
// that item at once, whatever the filter shows. Digits then do not type.
func Numbered() PickerOption { return func(p *Picker) { p.numbered = true } }

// Toggles makes a list of check boxes: enter and space hand the item to
// choose and the picker stays open (space then does not type).
func Toggles() PickerOption { return func(p *Picker) { p.multi = true } }

// PickerKeys are the picker's keys, for its help and the key-map test.
type PickerKeys struct {
	Narrow, Up, Down, PageUp, PageDown, Erase, Clear, Choose, Close, Number key.Binding
}

// typed lists the printable keys that go into the filter, less those a
// mode takes (digits when numbered, space when toggling): the help shows
// them as one entry, and the key-map test sees each of them.
func typed(numbered, multi bool) []string {
	var ks []string
	for r := rune(33); r < 127; r++ {
		if numbered && r >= '1' && r <= '9' {
			continue
		}
		ks = append(ks, string(r))
	}
	if !multi {
		ks = append(ks, " ")
	}
	return ks
}

func newPickerKeys(numbered, multi bool, n int) PickerKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	choose := b([]string{"enter"}, "enter", "choose")
	if multi {
		choose = b([]string{"enter", " "}, "enter/space", "tick / untick")
	}
	k := PickerKeys{
		Narrow:   b(typed(numbered, multi), "type", "narrow the list"),
		Up:       b([]string{"up", "ctrl+k"}, "↑/ctrl+k", "up"),
		Down:     b([]string{"down", "ctrl+j"}, "↓/ctrl+j", "down"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown"}, "pgdn", "page down"),
		Erase:    b([]string{"backspace"}, "⌫", "widen"),
		Clear:    b([]string{"ctrl+u"}, "ctrl+u", "clear the filter"),
		Choose:   choose,
		Close:    b([]string{"esc"}, "esc", "close"),
	}
	if numbered {
		n = min(n, 9)
		digits := make([]string, n)
		for i := range digits {
			digits[i] = fmt.Sprint(i + 1)
		}
		k.Number = b(digits, fmt.Sprintf("1–%d", n), "choose that number")
	}
	return k
}

// Open shows items with the cursor on item selected (-1: the first).
// choose gets the index in items of the item chosen; the picker is
// closed by then, unless it toggles.
func (p *Picker) Open(title string, items []PickItem, selected int, choose func(int) tea.Cmd, opts ...PickerOption) {
	*p = Picker{open: true, title: title, choose: choose, cur: Cursor{Height: p.cur.Height}}
	for _, o := range opts {
		o(p)
	}
	p.keys = newPickerKeys(p.numbered, p.multi, len(items))
	p.want = max(selected, 0)
	p.SetItems(items)
}

// SetItems replaces the items (the same list, with new hints or ticks),
// keeping the filter and the cursor's item.
func (p *Picker) SetItems(items []PickItem) {
	p.items = items
	p.folded = make([]string, len(items))
	for i, it := range items {
		p.folded[i] = model.FoldName(it.Label + " " + it.Hint)
	}
	p.refilter()
}

// SetTitle changes the line above the filter (a count that moved).
func (p *Picker) SetTitle(title string) { p.title = title }

// Active tells whether the picker is open; it then holds the keyboard.
func (p *Picker) Active() bool { return p.open }

// Close hides the picker without choosing.
func (p *Picker) Close() { p.open = false }

// Selected is the index in items of the item under the cursor.
func (p *Picker) Selected() (int, bool) {
	if p.cur.Pos < 0 || p.cur.Pos >= len(p.shown) {
		return 0, false
	}
	return p.shown[p.cur.Pos], true
}

// refilter lists the items that match the filter and puts the cursor on
// the item it was on; when the filter hides that one, on the first match,
// as a search would, while the item stays wanted: widening the filter
// again finds it back.
func (p *Picker) refilter() {
	q := model.FoldName(p.filter)
	p.shown = p.shown[:0]
	for i, f := range p.folded {
		if strings.Contains(f, q) {
			p.shown = append(p.shown, i)
		}
	}
	p.cur.N = len(p.shown)
	p.cur.Pos = 0
	for pos, i := range p.shown {
		if i == p.want {
			p.cur.Pos = pos
			break
		}
	}
	p.cur.Clamp()
}

// move shifts the cursor, which then holds the item it lands on.
func (p *Picker) move(delta int) {
	p.cur.Move(delta)
	if i, ok := p.Selected(); ok {
		p.want = i
	}
}

// Update takes a key while the picker is open.
func (p *Picker) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok || !p.open {
		return nil
	}
	page := max(p.cur.Height-1, 1)
	switch {
	case key.Matches(k, p.keys.Close):
		p.open = false
	case key.Matches(k, p.keys.Choose):
		return p.chooseSelected()
	case key.Matches(k, p.keys.Up):
		p.move(-1)
	case key.Matches(k, p.keys.Down):
		p.move(1)
	case key.Matches(k, p.keys.PageUp):
		p.move(-page)
	case key.Matches(k, p.keys.PageDown):
		p.move(page)
	case key.Matches(k, p.keys.Erase):
		if r := []rune(p.filter); len(r) > 0 {
			p.setFilter(string(r[:len(r)-1]))
		}
	case key.Matches(k, p.keys.Clear):
		p.setFilter("")
	case k.Type == tea.KeyRunes || k.Type == tea.KeySpace:
		return p.typeRunes(k)
	}
	return nil
}

// typeRunes adds typed text to the filter; in a numbered picker a digit
// chooses its item instead (several runes read at once: the first digit
// decides).
func (p *Picker) typeRunes(k tea.KeyMsg) tea.Cmd {
	runes := k.Runes
	if k.Type == tea.KeySpace {
		runes = []rune{' '}
	}
	var text strings.Builder
	for _, r := range runes {
		if p.numbered && r >= '1' && r <= '9' {
			if i := int(r - '1'); i < len(p.items) {
				p.want = i
				return p.pick(i)
			}
			continue
		}
		text.WriteRune(r)
	}
	if text.Len() > 0 {
		p.setFilter(p.filter + model.SanitizeLine(text.String()))
	}
	return nil
}

func (p *Picker) setFilter(f string) {
	p.filter = f
	p.refilter()
}

func (p *Picker) chooseSelected() tea.Cmd {
	i, ok := p.Selected()
	if !ok {
		return nil // nothing matches: the picker stays open to widen
	}
	return p.pick(i)
}

func (p *Picker) pick(i int) tea.Cmd {
	if !p.multi {
		p.open = false
	}
	if p.choose == nil {
		return nil
	}
	return p.choose(i)
}

// ShortHelp is the picker's help bar.
func (p *Picker) ShortHelp() []key.Binding {
	k := p.keys
	out := []key.Binding{k.Narrow, k.Up, k.Down}
	if p.numbered {
		out = append(out, k.Number)
	}
	return append(out, k.Choose, k.Close)
}

// FullHelp lists every key the picker takes.
func (p *Picker) FullHelp() [][]key.Binding {
	k := p.keys
	first := []key.Binding{k.Narrow, k.Erase, k.Clear}
	if p.numbered {
		first = append(first, k.Number)
	}
	return [][]key.Binding{first, {k.Up, k.Down, k.PageUp, k.PageDown}, {k.Choose, k.Close}}
}

// pickerHeadLines are the title and filter lines above the items.
const pickerHeadLines = 2

// ItemAt is the position among the items shown of the one drawn on line
// y of the picker's view (0 is its title), or -1 when y shows none.
func (p *Picker) ItemAt(y int) int {
	return p.cur.At(y - pickerHeadLines)
}

// View draws the title, the filter line and the items in view, in w×h
// cells at most.
func (p *Picker) View(st *themes.Styles, w, h int) string {
	p.cur.Height = max(h-pickerHeadLines, 1)
	p.cur.Clamp()
	var b strings.Builder
	b.WriteString(Fit(st.Title.Render(model.SanitizeLine(p.title)), w))
	hint := "type to narrow · ↑/↓ move · enter chooses · esc closes"
	switch {
	case p.multi:
		hint = "type to narrow · ↑/↓ move · space ticks · esc closes"
	case p.numbered:
		hint = "a number or enter chooses · type to narrow · ↑/↓ move · esc closes"
	}
	filter := st.Faint.Render(hint)
	if p.filter != "" {
		filter = st.StatusKey.Render("filter: ") + model.SanitizeLine(p.filter) +
			st.Faint.Render(fmt.Sprintf("  (%d of %d)", len(p.shown), len(p.items)))
	}
	b.WriteString("\n" + Fit(filter, w))
	if len(p.shown) == 0 {
		b.WriteString("\n" + st.Faint.Render("  nothing matches: ⌫ to widen"))
		return b.String()
	}
	labelW := 0
	for _, i := range p.shown {
		labelW = max(labelW, ansi.StringWidth(model.SanitizeLine(p.items[i].Label)))
	}
	labelW = min(labelW, max(min(40, w/2), 10))
	from, to := p.cur.Visible()
	for pos := from; pos < to; pos++ {
		b.WriteString("\n" + p.line(st, p.shown[pos], pos == p.cur.Pos, labelW, w))
	}
	return b.String()
}

// line draws one item: pointer, number, check box, label, hint.
func (p *Picker) line(st *themes.Styles, i int, on bool, labelW, w int) string {
	it := p.items[i]
	head := "  "
	if on {
		head = themes.Pointer + " "
	}
	if p.numbered {
		head += fmt.Sprintf("%d  ", i+1)
	}
	if it.Mark {
		box := "[ ] "
		if it.Marked {
			box = "[x] "
		}
		head += box
	}
	label, hint := Cell(it.Label, labelW), model.SanitizeLine(it.Hint)
	switch {
	case on:
		return st.Selected.Render(Fit(head+label+"  "+hint, w))
	case it.Dim:
		return st.Faint.Render(Fit(head+label+"  "+hint, w))
	}
	return Fit(head+label+"  "+st.Faint.Render(hint), w)
}

// Click puts the cursor on the item drawn on line y of the picker's view;
// a double click chooses it, as enter does (a list of check boxes ticks
// it and stays open). A click on no item does nothing.
func (p *Picker) Click(y int, double bool) tea.Cmd {
	pos := p.ItemAt(y)
	if !p.open || pos < 0 {
		return nil
	}
	p.cur.Pos = pos
	p.want = p.shown[pos]
	if double {
		return p.chooseSelected()
	}
	return nil
}

// Scroll moves the items in view by delta rows.
func (p *Picker) Scroll(delta int) {
	p.cur.Scroll(delta)
	if i, ok := p.Selected(); ok {
		p.want = i
	}
}

// Mouse takes a mouse event over the picker, y counted from its title:
// a click selects, a double click chooses, the wheel scrolls.
func (p *Picker) Mouse(msg tea.MouseMsg, double bool) tea.Cmd {
	if !p.open {
		return nil
	}
	if LeftPress(msg) {
		return p.Click(msg.Y, double)
	}
	if d := Wheel(msg); d != 0 {
		p.Scroll(d)
	}
	return nil
}
