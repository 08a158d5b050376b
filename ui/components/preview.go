package components

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/themes"
)

// Preview is a screen that shows what an action would do before it is
// done — an import's plan — as lines to scroll: enter accepts, esc
// cancels, and an optional key switches an option of the action (the
// pane then makes the lines again). Until the pane hands it lines it says
// it is reading and enter does nothing; lines that say the action cannot
// be done leave enter out. The widget only reports what was pressed: the
// pane does the work, in commands.
type Preview struct {
	title  string
	accept string
	lines  []PreviewLine
	// shown are the lines wrapped to shownW cells, made again when the
	// width or the lines change; scrolling counts them.
	shown  []PreviewLine
	shownW int
	top    int
	height int
	open   bool
	ready  bool
	ok     bool
	toggle *PreviewToggle
	on     bool
	keys   previewKeys
}

// PreviewLine is one line of a preview, in a tone that says what it is.
type PreviewLine struct {
	Text string
	Tone Tone
}

// Tone is how a preview line is drawn.
type Tone int

const (
	ToneText    Tone = iota
	ToneHeading      // what a list below is
	ToneFaint        // how the file was read, notes
	ToneWarning      // allowed, but worth a look
	ToneError        // why it cannot be done
)

// PreviewToggle is the option a key switches on the preview, off at
// first: Key is the key, Help what it does when on ("replace the
// matrix").
type PreviewToggle struct {
	Key, Help string
}

// PreviewAction is what a key on the preview asks of the pane.
type PreviewAction int

const (
	PreviewNothing PreviewAction = iota // scrolled, or a key it ignores
	PreviewAccept                       // enter, with lines that allow it
	PreviewCancel                       // esc: the preview is closed
	PreviewToggled                      // the option switched: make the lines again
)

type previewKeys struct {
	Accept, Cancel, Up, Down, PageUp, PageDown, Toggle key.Binding
}

func newPreviewKeys(accept string, t *PreviewToggle) previewKeys {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	k := previewKeys{
		Accept:   b([]string{"enter"}, "enter", accept),
		Cancel:   b([]string{"esc"}, "esc", "cancel"),
		Up:       b([]string{"up", "k"}, "↑/k", "scroll up"),
		Down:     b([]string{"down", "j"}, "↓/j", "scroll down"),
		PageUp:   b([]string{"pgup"}, "pgup", "page up"),
		PageDown: b([]string{"pgdown", " "}, "pgdn/space", "page down"),
	}
	if t != nil {
		k.Toggle = b([]string{t.Key}, t.Key, t.Help+" (on/off)")
	}
	return k
}

// Open shows the preview titled title, waiting for its lines; accept
// names what enter does ("import"), toggle is the option's key or nil.
func (v *Preview) Open(title, accept string, toggle *PreviewToggle) {
	*v = Preview{title: title, accept: accept, open: true, toggle: toggle, height: v.height,
		keys: newPreviewKeys(accept, toggle)}
}

// Active tells whether the preview is open; it then holds the keyboard.
func (v *Preview) Active() bool { return v.open }

// Close hides the preview.
func (v *Preview) Close() { v.open = false }

// On tells whether the option is switched on.
func (v *Preview) On() bool { return v.on }

// Ready tells whether the lines are in.
func (v *Preview) Ready() bool { return v.ready }

// Wait shows that the lines are being made again (after the option
// switched): enter does nothing until Show.
func (v *Preview) Wait() { v.ready, v.ok = false, false }

// Show puts the lines on screen; ok says whether the action can be done
// (enter accepts). The scroll position stays where it was, as far as the
// new lines go, so that switching the option compares the two.
func (v *Preview) Show(lines []PreviewLine, ok bool) {
	v.lines, v.ready, v.ok = lines, true, ok
	v.shown, v.shownW = nil, -1
}

// page is how many lines the body shows: the view's height less the
// title line.
func (v *Preview) page() int { return max(v.height-1, 1) }

func (v *Preview) clamp() { v.top = max(min(v.top, len(v.shown)-v.page()), 0) }

// wrap makes the shown lines for a width: a line too long is cut at
// spaces (a word too long anywhere), its next lines indented under it,
// so that a problem's advice is read whole rather than lost to "…".
func (v *Preview) wrap(w int) {
	if w == v.shownW {
		return
	}
	v.shownW = w
	v.shown = v.shown[:0]
	for _, l := range v.lines {
		text := model.SanitizeLine(l.Text)
		if ansi.StringWidth(text) <= w {
			v.shown = append(v.shown, PreviewLine{Text: text, Tone: l.Tone})
			continue
		}
		body := strings.TrimLeft(text, " ")
		lead := strings.Repeat(" ", len(text)-len(body))
		limit := max(w-len(lead)-2, 8)
		for i, part := range strings.Split(Wrap(body, limit), "\n") {
			if i > 0 {
				part = lead + "  " + strings.TrimLeft(part, " ")
			} else {
				part = lead + part
			}
			v.shown = append(v.shown, PreviewLine{Text: part, Tone: l.Tone})
		}
	}
}

// Update takes a key while the preview is open and says what it asks.
func (v *Preview) Update(msg tea.KeyMsg) PreviewAction {
	k := v.keys
	switch {
	case key.Matches(msg, k.Cancel):
		v.open = false
		return PreviewCancel
	case key.Matches(msg, k.Accept):
		if v.ready && v.ok {
			return PreviewAccept
		}
	case v.toggle != nil && key.Matches(msg, k.Toggle):
		v.on = !v.on
		v.Wait()
		return PreviewToggled
	case key.Matches(msg, k.Up):
		v.top--
	case key.Matches(msg, k.Down):
		v.top++
	case key.Matches(msg, k.PageUp):
		v.top -= v.page()
	case key.Matches(msg, k.PageDown):
		v.top += v.page()
	}
	v.clamp()
	return PreviewNothing
}

// Mouse scrolls the lines on the wheel; clicks do nothing.
func (v *Preview) Mouse(msg tea.MouseMsg) {
	if d := Wheel(msg); d != 0 && v.open {
		v.top += d
		v.clamp()
	}
}

// Keys are the keys that act on the preview as it is, for the help and
// the key-map test: enter only when it can accept.
func (v *Preview) Keys() []key.Binding {
	k := v.keys
	out := make([]key.Binding, 0, 7)
	if v.ready && v.ok {
		out = append(out, k.Accept)
	}
	out = append(out, k.Cancel)
	if v.toggle != nil {
		out = append(out, k.Toggle)
	}
	return append(out, k.Up, k.Down, k.PageUp, k.PageDown)
}

// View draws the title line (with what the keys do now) and the lines in
// view, in w×h cells. It keeps h for paging.
func (v *Preview) View(st *themes.Styles, w, h int) string {
	v.height = h
	v.wrap(w)
	v.clamp()
	var hint []string
	switch {
	case !v.ready:
		hint = append(hint, "reading…")
	case v.ok:
		hint = append(hint, "enter "+v.accept)
	default:
		hint = append(hint, "cannot "+v.accept+" as it is")
	}
	hint = append(hint, "esc cancel")
	if t := v.toggle; t != nil {
		state := "off"
		if v.on {
			state = "on"
		}
		hint = append(hint, fmt.Sprintf("%s %s: %s", t.Key, t.Help, state))
	}
	if n := len(v.shown); n > v.page() {
		hint = append(hint, fmt.Sprintf("lines %d–%d of %d", v.top+1, min(v.top+v.page(), n), n))
	}
	out := make([]string, 0, min(len(v.shown), h)+1)
	out = append(out, Fit(st.Title.Render(model.SanitizeLine(v.title))+st.Faint.Render("  "+strings.Join(hint, " · ")), w))
	if v.ready {
		for i := v.top; i < len(v.shown) && len(out) < h; i++ {
			l := v.shown[i]
			out = append(out, toneStyle(st, l.Tone).Render(Fit(l.Text, w)))
		}
	}
	return Box(strings.Join(out, "\n"), w, h)
}

func toneStyle(st *themes.Styles, t Tone) lipgloss.Style {
	switch t {
	case ToneHeading:
		return st.Header
	case ToneFaint:
		return st.Faint
	case ToneWarning:
		return st.WarningText
	case ToneError:
		return st.ErrorText
	}
	return st.Text
}
