package ui

import (
	"cmp"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// The status line shows the last message until the next key, so a long
// error may take up to three lines there, and the panes shrink while it
// does. Every message also goes to the message log (L): the last ones in
// full, with their time, for what was cut or went with a key.

const (
	// logSize is how many messages the log keeps.
	logSize = 50
	// maxStatusLines is the most the status area grows to for an error.
	maxStatusLines = 3
)

type logEntry struct {
	at   time.Time
	text string
	err  bool
}

// messageLog keeps the last logSize messages, oldest first; open and top
// are its screen, drawn over the pane.
type messageLog struct {
	entries []logEntry
	open    bool
	top     int
}

func (l *messageLog) add(e logEntry) {
	l.entries = append(l.entries, e)
	if n := len(l.entries); n > logSize {
		l.entries = append([]logEntry(nil), l.entries[n-logSize:]...)
	}
}

// setStatus shows a message (or none), logs it, and lays the window out
// again when the status area changes height.
func (m *Model) setStatus(text string, isErr bool) {
	m.status, m.statusErr = text, isErr
	if text != "" {
		m.log.add(logEntry{at: m.now(), text: model.SanitizeLine(text), err: isErr})
	}
	if len(m.statusArea()) != m.statusLines {
		m.resize()
	}
}

func (m *Model) now() time.Time {
	if m.ctx.Now != nil {
		return m.ctx.Now()
	}
	return time.Now()
}

// chromeLines are the tab bar, the status area and the help bar.
func (m *Model) chromeLines() int { return 2 + max(m.statusLines, 1) }

// statusArea is the status line, and for an error too long for it the
// lines it continues on: one to maxStatusLines lines, each fitted to the
// window.
func (m *Model) statusArea() []string {
	st := m.ctx.Styles
	project, me, named := "no project", "nobody (@ to choose)", ""
	if m.data != nil {
		project = model.SanitizeLine(m.data.Project.Name)
		named = m.data.PersonName(m.data.Project.MeID)
	}
	switch {
	case m.ctx.Person != "":
		// In team mode "me" is the key's person in every project (as the
		// project writes the name, when it has them), with the key's role.
		me = model.SanitizeLine(cmp.Or(named, m.ctx.Person)) + " (" + string(m.ctx.Role) + ")"
	case named != "":
		me = model.SanitizeLine(named)
	}
	left := st.StatusKey.Render("◆ "+project) + st.Faint.Render(" · me: "+me)
	if m.ctx.Store != nil && m.ctx.Store.Damaged() != "" {
		// Kept in sight: every write will be refused until a restore.
		left += st.Faint.Render(" · ") + st.StatusError.Render("READ-ONLY: the file is damaged (mopdeck check lists it)")
	}
	if m.status == "" {
		return []string{components.Fit(left, m.width)}
	}
	// A long message, a note as much as an error, takes up to
	// maxStatusLines lines: its end is often what to do next ("press e
	// to write it").
	msg := model.SanitizeLine(m.status)
	left += st.Faint.Render(" · ")
	style := st.StatusNote
	if m.statusErr {
		msg, style = "✗ "+msg, st.StatusError
	}
	lw := ansi.StringWidth(left)
	if lw+ansi.StringWidth(msg) <= m.width || m.height < MinHeight || m.width < 20 {
		return []string{components.Fit(left+style.Render(msg), m.width)}
	}
	lines := wrapAfter(msg, min(lw, m.width), m.width)
	if len(lines) > maxStatusLines {
		const more = " … (L: the whole message)"
		lines = lines[:maxStatusLines]
		last := lines[maxStatusLines-1]
		lines[maxStatusLines-1] = ansi.Truncate(last, m.width-ansi.StringWidth(more), "") + more
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		if i == 0 {
			out[i] = components.Fit(left+style.Render(l), m.width)
			continue
		}
		out[i] = components.Fit(style.Render(l), m.width)
	}
	return out
}

// wrapAfter word-wraps text to width, its first line starting at column
// indent: the first line returned is what fits there (maybe nothing).
func wrapAfter(text string, indent, width int) []string {
	pad := strings.Repeat("x", indent)
	lines := strings.Split(components.Wrap(pad+" "+text, width), "\n")
	lines[0] = strings.TrimSpace(strings.TrimPrefix(lines[0], pad))
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return lines
}

// logKeys are what the message log takes while it is shown; any other key
// closes it.
func logKeys() []key.Binding {
	return []key.Binding{
		key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn/space", "page down")),
	}
}

func (m *Model) openLog() { m.log.open, m.log.top = true, 0 }

// logKey scrolls the log; any other key closes it (q still quits).
func (m *Model) logKey(msg tea.KeyMsg) tea.Cmd {
	h := max(m.height-m.chromeLines(), 1)
	last := max(len(m.logLines())-h, 0)
	switch msg.String() {
	case "up", "k":
		m.log.top = max(m.log.top-1, 0)
	case "down", "j":
		m.log.top = min(m.log.top+1, last)
	case "pgup":
		m.log.top = max(m.log.top-max(h-1, 1), 0)
	case "pgdown", " ":
		m.log.top = min(m.log.top+max(h-1, 1), last)
	case "q":
		return tea.Quit
	default:
		m.log.open = false
	}
	return nil
}

// scrollLog moves the log by n lines (the mouse wheel).
func (m *Model) scrollLog(n int) {
	last := max(len(m.logLines())-max(m.height-m.chromeLines(), 1), 0)
	m.log.top = min(max(m.log.top+n, 0), last)
}

// logLines are the log laid out for the box: the newest message first,
// each with its time and wrapped under it, errors marked ✗.
func (m *Model) logLines() []string {
	st := m.ctx.Styles
	lines := []string{st.Title.Render("Messages") + st.Faint.Render("  newest first, the last 50 (↑/↓ pgup/pgdn scroll · any other key closes)"), ""}
	if len(m.log.entries) == 0 {
		return append(lines, st.Faint.Render("No messages yet."))
	}
	const stamp = "Jan 02 15:04:05"
	indent := strings.Repeat(" ", len(stamp)+3)
	for i := len(m.log.entries) - 1; i >= 0; i-- {
		e := m.log.entries[i]
		mark, style := "  ", st.StatusNote
		if e.err {
			mark, style = "✗ ", st.StatusError
		}
		text := strings.Split(components.Wrap(e.text, max(m.width-len(indent), 10)), "\n")
		for j, t := range text {
			head := indent
			if j == 0 {
				head = st.Faint.Render(e.at.Format(stamp)) + " " + style.Render(mark)
			}
			lines = append(lines, head+style.Render(t))
		}
	}
	return lines
}

// logView is the log's window onto the box, from top.
func (m *Model) logView() string {
	lines, h := m.logLines(), max(m.height-m.chromeLines(), 1)
	top := min(m.log.top, max(len(lines)-h, 0))
	return strings.Join(lines[top:min(top+h, len(lines))], "\n")
}
