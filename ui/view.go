package ui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/ui/components"
)

// View draws the window. Whatever a pane returns, the frame is clipped to
// the window, so no size can make a line overflow.
func (m *Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.width < MinWidth || m.height < MinHeight {
		note := fmt.Sprintf("Window too small: %d×%d.\nmopdeck needs %d×%d; enlarge the window.", m.width, m.height, MinWidth, MinHeight)
		return components.Clip(note, m.width, m.height)
	}
	body := m.panes[m.active].View()
	switch {
	case m.showHelp:
		body = m.fullHelp()
	case m.log.open:
		body = m.logView()
	case m.switcher.Active():
		body = m.switcher.View()
	}
	bodyH := m.height - m.chromeLines()
	frame := m.tabBar() + "\n" + components.Box(body, m.width, bodyH) + "\n" + m.statusView() + "\n" + m.helpBar()
	return components.Clip(frame, m.width, m.height)
}

func (m *Model) tabBar() string {
	st := m.ctx.Styles
	var b strings.Builder
	for i, p := range m.panes {
		b.WriteString(st.Tab(fmt.Sprintf("%d %s", i+1, p.Title()), i == m.active))
	}
	return components.Fit(b.String(), m.width)
}

// statusView is the status area in the lines the layout gave it: a
// message that grew since (a longer project name beside it) is cut to them
// until the next layout.
func (m *Model) statusView() string {
	area := m.statusArea()
	return strings.Join(area[:min(len(area), max(m.statusLines, 1))], "\n")
}

func (m *Model) helpBar() string {
	if m.switcher.Active() {
		bindings := m.switcher.ShortHelp()
		if !m.switcher.Typing() {
			bindings = append(bindings, m.keys.Help)
		}
		return m.bar(bindings)
	}
	pane := m.panes[m.active]
	bindings := pane.ShortHelp()
	if pane.Capturing() {
		// tab, p and q belong to the pane then (q may type a letter):
		// ? still shows every key, but in a text input; ctrl+c leaves.
		if !pane.Typing() {
			bindings = append(bindings, m.keys.Help)
		}
		bindings = append(bindings, m.keys.ForceQuit)
	} else {
		bindings = append(bindings, m.keys.short()...)
	}
	return m.bar(bindings)
}

// bar draws a help bar to the window's width: whole keys only, then "…"
// when some are left out. "? all keys" leads to every other key, so it is
// never the one left out: the keys before it give way. (bubbles' help
// keeps a key that overflows when its ellipsis would not fit, and the
// frame's clipping then cut the end of the bar.)
func (m *Model) bar(bindings []key.Binding) string {
	st := m.help.Styles
	item := func(b key.Binding) string {
		return st.ShortKey.Inline(true).Render(b.Help().Key) + " " + st.ShortDesc.Inline(true).Render(b.Help().Desc)
	}
	sep := st.ShortSeparator.Inline(true).Render(m.help.ShortSeparator)
	var head []string
	end := ""
	for _, b := range bindings {
		switch {
		case !b.Enabled():
		case slices.Equal(b.Keys(), m.keys.Help.Keys()):
			end = item(b)
		default:
			head = append(head, item(b))
		}
	}
	room := m.width
	if end != "" {
		room -= ansi.StringWidth(sep + end)
	}
	ellipsis := " " + st.Ellipsis.Inline(true).Render(m.help.Ellipsis)
	var out []string
	used := 0
	for i, s := range head {
		if i > 0 {
			s = sep + s
		}
		if w := ansi.StringWidth(s); used+w <= room {
			out, used = append(out, s), used+w
			continue
		}
		for len(out) > 0 && used+ansi.StringWidth(ellipsis) > room {
			used -= ansi.StringWidth(out[len(out)-1])
			out = out[:len(out)-1]
		}
		out = append(out, ellipsis)
		break
	}
	line := strings.Join(out, "")
	if end != "" {
		if line != "" {
			line += sep
		}
		line += end
	}
	return components.Fit(line, m.width)
}

// fullHelp lists every key: the global ones, then the focused pane's (or
// the switcher's), in columns when the box is wide enough, else scrolled
// from helpTop.
func (m *Model) fullHelp() string {
	lines, h := m.helpLines(), max(m.height-m.chromeLines(), 1)
	top := min(m.helpTop, max(len(lines)-h, 0))
	return strings.Join(lines[top:min(top+h, len(lines))], "\n")
}

// helpLines is the full help laid out for the box.
func (m *Model) helpLines() []string {
	st := m.ctx.Styles
	// The title spans the box; the sections below it flow into columns.
	title := components.Fit(st.Title.Render("Keys")+st.Faint.Render("  (↑/↓ pgup/pgdn scroll · any other key closes)"), m.width)
	var b strings.Builder
	section := func(title string, groups [][]key.Binding) {
		b.WriteString(st.Header.Render(title) + "\n")
		for _, g := range groups {
			for _, k := range g {
				if !k.Enabled() {
					continue
				}
				h := k.Help()
				b.WriteString("  " + st.StatusKey.Render(components.Fit(h.Key, 14)) + " " + h.Desc + "\n")
			}
		}
		b.WriteString("\n")
	}
	section("Everywhere", [][]key.Binding{m.keys.full()})
	if m.switcher.Active() {
		section("Projects", m.switcher.FullHelp())
	} else {
		section(m.panes[m.active].Title(), m.panes[m.active].FullHelp())
	}
	body := helpColumns(b.String(), m.width, m.height-m.chromeLines()-2)
	return append([]string{title, ""}, strings.Split(strings.TrimRight(body, "\n"), "\n")...)
}

// helpColumns flows a help text that is taller than the box into as many
// columns as it needs, while each stays wide enough to read.
func helpColumns(text string, w, h int) string {
	const minCol = 34
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	if h <= 0 || len(lines) <= h {
		return text
	}
	cols := (len(lines) + h - 1) / h
	if cols*minCol > w {
		return text
	}
	colW := w / cols
	rows := make([]string, h)
	for i, l := range lines {
		r := i % h
		if i >= h {
			rows[r] += " "
		}
		if i/h < cols-1 {
			l = components.Fit(l, colW-1)
		}
		rows[r] += l
	}
	return strings.Join(rows, "\n")
}
