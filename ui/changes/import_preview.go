package changes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/changesio"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// The import screen: after `i` and a path, the file is read and planned
// against the project in a command, and the screen shows what importing
// would do, as `mopdeck import changes --dry-run` prints it: the rows to
// add, update and skip, how the columns and values were read, the dates.
// enter imports (the file is read again and planned inside the write, so
// what is written matches the project as it is then), esc cancels. A
// refused file shows every problem instead. When every date of the file
// reads two ways, d or m says the order and the preview is made again.

// preview is the import screen's state.
type preview struct {
	path   string
	order  model.DateOrder
	seq    int // the request the screen waits for; older results are dropped
	res    *changesio.Result
	err    error
	lines  []string
	top    int
	ready  bool
	asking bool // the dates need an order
}

// importPreviewMsg carries a read and planned file to the screen.
type importPreviewMsg struct {
	seq   int
	res   *changesio.Result
	err   error
	lines []string
}

// previewKeys are the import screen's keys.
var previewKeys = struct {
	Import, Cancel, Up, Down, PageUp, PageDown, DayFirst, MonthFirst key.Binding
}{
	Import:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "import")),
	Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
	Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
	PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
	PageDown:   key.NewBinding(key.WithKeys("pgdown", " "), key.WithHelp("pgdn", "page down")),
	DayFirst:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "dates day first")),
	MonthFirst: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "dates month first")),
}

// previewLimit bounds the rows each list of the screen names.
const previewLimit = 500

// previewFile opens the import screen for a path and reads it.
func (p *Pane) previewFile(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil
	}
	p.imp = &preview{path: path}
	p.mode = modePreview
	return p.readPreview()
}

// readPreview reads and plans the file in a command, never in Update.
func (p *Pane) readPreview() tea.Cmd {
	v := p.imp
	v.seq++
	v.ready, v.res, v.err, v.lines, v.top = false, nil, nil, nil, 0
	seq, path, order := v.seq, expandHome(v.path), v.order
	s, pid, project := p.ctx.Store, p.data.Project.ID, p.data.Project.Name
	phases := p.data.Phases
	now := p.ctx.Now()
	return func() tea.Msg {
		res, err := changesio.Preview(s, pid, path, changesio.ImportOptions{Options: changesio.Options{Now: now, DateOrder: order}})
		msg := importPreviewMsg{seq: seq, res: res, err: err}
		switch {
		case res == nil:
		case len(res.Problems) > 0:
			msg.lines = append(msg.lines, fmt.Sprintf("%s cannot be imported as it is (%d problems):", res.File, len(res.Problems)))
			for _, pr := range res.Problems {
				msg.lines = append(msg.lines, "  "+model.SanitizeLine(pr.String()))
			}
		default:
			msg.lines = changesio.PreviewLines(res, project, phases, previewLimit)
		}
		return msg
	}
}

// previewReady shows a read file, unless the screen moved on meanwhile.
func (p *Pane) previewReady(msg importPreviewMsg) tea.Cmd {
	v := p.imp
	if v == nil || p.mode != modePreview || msg.seq != v.seq {
		return nil
	}
	v.ready, v.res, v.err, v.lines = true, msg.res, msg.err, msg.lines
	v.asking = false
	if msg.res != nil {
		for _, pr := range msg.res.Problems {
			if strings.Contains(pr.Message, "--date-order") {
				v.asking = true
			}
		}
	}
	switch {
	case msg.err != nil:
		p.closePreview()
		return common.Error(msg.err)
	case msg.res.Err() != nil:
		err := msg.res.Err()
		if len(msg.res.Problems) > 1 {
			err = fmt.Errorf("%w; `mopdeck import changes %s --dry-run` lists them all", err, v.path)
		}
		return common.Error(err)
	}
	return nil
}

// previewKey handles a key on the import screen.
func (p *Pane) previewKey(msg tea.KeyMsg) tea.Cmd {
	v := p.imp
	page := max(p.height-2, 1)
	switch {
	case key.Matches(msg, previewKeys.Cancel):
		p.closePreview()
		return common.Note("not imported")
	case key.Matches(msg, previewKeys.Up):
		v.top--
	case key.Matches(msg, previewKeys.Down):
		v.top++
	case key.Matches(msg, previewKeys.PageUp):
		v.top -= page
	case key.Matches(msg, previewKeys.PageDown):
		v.top += page
	case v.asking && key.Matches(msg, previewKeys.DayFirst):
		v.order = model.DayFirst
		return p.readPreview()
	case v.asking && key.Matches(msg, previewKeys.MonthFirst):
		v.order = model.MonthFirst
		return p.readPreview()
	case key.Matches(msg, previewKeys.Import):
		if !v.ready || v.res == nil || v.res.Err() != nil {
			return nil
		}
		return p.importPreviewed()
	}
	v.top = max(min(v.top, len(v.lines)-page), 0)
	return nil
}

// importPreviewed writes the file through the app's one writer and closes
// the screen; the result (or why nothing was written) goes to the status
// line.
func (p *Pane) importPreviewed() tea.Cmd {
	v := p.imp
	path, order := expandHome(v.path), v.order
	pid, by, now := p.data.Project.ID, p.ctx.Actor(p.data), p.ctx.Now()
	p.closePreview()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		res, err := changesio.ImportFile(s, pid, path, by, changesio.ImportOptions{Options: changesio.Options{Now: now, DateOrder: order}})
		if err != nil {
			if res != nil && len(res.Problems) > 1 {
				err = fmt.Errorf("%w; `mopdeck import changes %s --dry-run` lists them all", err, path)
			}
			return common.Result{}, err
		}
		note := res.Summary()
		if !res.Plan.Empty() {
			note += " (u undoes the whole import)"
		}
		if len(res.Ignored) > 0 {
			note += "; ignored columns: " + strings.Join(res.Ignored, ", ")
		}
		return common.Result{Note: note}, nil
	})
}

func (p *Pane) closePreview() {
	p.imp = nil
	p.mode = modeTable
}

// previewView draws the screen: a title line, then the preview scrolled.
func (p *Pane) previewView() string {
	st := p.ctx.Styles
	v := p.imp
	w, h := p.width, p.height
	hint := "  enter imports · esc cancels · ↑/↓ scroll"
	switch {
	case !v.ready:
		hint = "  reading… · esc cancels"
	case v.asking:
		hint = "  d: dates day first (31/12) · m: month first (12/31) · esc cancels"
	case v.res == nil || v.res.Err() != nil:
		hint = "  nothing can be imported · esc goes back"
	}
	top := components.Fit(st.Title.Render("Import "+model.SanitizeLine(v.path))+st.Faint.Render(hint), w)
	room := max(h-1, 0)
	body := v.lines
	if v.top < len(body) {
		body = body[v.top:]
	} else {
		body = nil
	}
	if len(body) > room {
		body = body[:room]
	}
	out := make([]string, 0, len(body)+1)
	out = append(out, top)
	for _, l := range body {
		style := st.Text
		if v.res != nil && len(v.res.Problems) > 0 {
			style = st.ErrorText
		}
		out = append(out, components.Fit(style.Render(l), w))
	}
	return components.Box(strings.Join(out, "\n"), w, h)
}

// previewHelp lists the import screen's keys.
func (p *Pane) previewHelp() []key.Binding {
	keys := []key.Binding{previewKeys.Import, previewKeys.Cancel, previewKeys.Up, previewKeys.Down, previewKeys.PageUp, previewKeys.PageDown}
	if p.imp != nil && p.imp.asking {
		keys = append(keys, previewKeys.DayFirst, previewKeys.MonthFirst)
	}
	return keys
}
