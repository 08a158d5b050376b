package docs

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// renderKey names one rendering: a doc's content at a width in a style.
// A doc's content is named by its ID, revision and update time (undo
// brings an older revision back with its old time, a new edit gets a new
// time); the generated report's by a hash of its text.
type renderKey struct {
	id    uint64
	rev   int
	stamp int64
	width int
	style string
}

// rendering is a finished rendering, split into lines and with a
// lower-case plain copy for locating search matches (non-breaking
// hyphens made plain, as the searched text has them), both made in the
// command so that Update only swaps pointers.
type rendering struct {
	lines []string
	lower string
	size  int
}

// renderedMsg carries a rendering back to Update, tagged with its key. A
// command that finds its key no longer wanted skips the work.
type renderedMsg struct {
	key     renderKey
	r       *rendering
	err     error
	skipped bool
}

// wanted is the rendering the pane shows now, with a context that is
// cancelled when the pane moves on.
type wanted struct {
	key    renderKey
	ctx    context.Context
	cancel context.CancelFunc
}

// wantKey makes k the wanted rendering; the renders of the one before are
// abandoned, before they start if they still wait for a slot.
func (p *Pane) wantKey(k renderKey) {
	if w, ok := p.want.Load().(*wanted); ok {
		if w.key == k {
			return
		}
		w.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	p.want.Store(&wanted{key: k, ctx: ctx, cancel: cancel})
}

// renderCmd renders body off the Update path. want holds the rendering
// the pane shows now: flipping through docs then costs one rendering, not
// one per doc passed.
func renderCmd(md *components.Markdown, want *atomic.Value, k renderKey, body string) tea.Cmd {
	return func() tea.Msg {
		w, _ := want.Load().(*wanted)
		if w == nil || w.key != k {
			return renderedMsg{key: k, skipped: true}
		}
		out, err := md.RenderContext(w.ctx, body, k.width, k.style)
		if w.ctx.Err() != nil && err != nil {
			return renderedMsg{key: k, skipped: true}
		}
		if err != nil {
			return renderedMsg{key: k, err: err}
		}
		return renderedMsg{key: k, r: &rendering{
			lines: strings.Split(out, "\n"),
			lower: plainHyphens(strings.ToLower(ansi.Strip(out))),
			size:  len(out),
		}}
	}
}

// renderCache keeps recent renderings, oldest dropped first past a size.
type renderCache struct {
	m     map[renderKey]*rendering
	order []renderKey
	bytes int
}

const renderCacheBytes = 96 << 20

func (c *renderCache) get(k renderKey) (*rendering, bool) {
	r, ok := c.m[k]
	return r, ok
}

func (c *renderCache) put(k renderKey, r *rendering) {
	if c.m == nil {
		c.m = map[renderKey]*rendering{}
	}
	if _, ok := c.m[k]; ok {
		return
	}
	for c.bytes+r.size > renderCacheBytes && len(c.order) > 0 {
		old := c.order[0]
		c.order = c.order[1:]
		c.bytes -= c.m[old].size
		delete(c.m, old)
	}
	c.m[k] = r
	c.order = append(c.order, k)
	c.bytes += r.size
}

// show puts the selected entry in the pager at the current width: from
// the cache at once, else "rendering…" (or the same doc's older rendering,
// after a resize or an edit) until the command answers. The report, when
// selected and stale, is built first; its older text stays on screen
// meanwhile.
func (p *Pane) show() tea.Cmd {
	var build tea.Cmd
	if e, ok := p.selected(); ok && e.report && p.focused {
		build = p.buildReport()
	}
	return tea.Batch(build, p.showSelected())
}

func (p *Pane) showSelected() tea.Cmd {
	e, ok := p.selected()
	if !ok || p.viewW <= 0 || (e.report && p.report.text == "") {
		p.showing, p.shown, p.failed = renderKey{}, renderKey{}, ""
		p.wantKey(renderKey{})
		p.waiting = ok && e.report
		p.pager.setLines(nil)
		return nil
	}
	k := p.keyFor(e)
	if k == p.showing {
		return nil
	}
	p.showing, p.failed = k, ""
	p.wantKey(k)
	sameDoc := p.shown != (renderKey{}) && p.shown.id == k.id
	if r, ok := p.cache.get(k); ok {
		p.display(r, sameDoc)
		return nil
	}
	if !sameDoc {
		p.waiting, p.shown, p.hiLine = true, renderKey{}, -1
		p.pager.setLines(nil)
	}
	return p.launch(k, e)
}

func (p *Pane) launch(k renderKey, e entry) tea.Cmd {
	if p.pending[k] {
		return nil
	}
	p.pending[k] = true
	body := p.body(e)
	if e.report {
		body = p.report.md
	}
	return renderCmd(p.md, p.want, k, body)
}

func (p *Pane) keyFor(e entry) renderKey {
	k := renderKey{id: e.doc.ID, rev: e.doc.Rev, stamp: e.doc.Updated.UnixNano(), width: p.viewW, style: p.ctx.Styles.GlamourStyle()}
	if e.report {
		k.id, k.rev, k.stamp = 0, 0, int64(p.report.sum)
	}
	return k
}

// display shows a rendering. The same doc at another width keeps its
// place in proportion; a new revision keeps its offset, or stays at the
// end when the reader was there (an edit that appends shows its lines);
// another doc opens at the top. The match mark goes, line numbers having
// changed; a search jump waiting for this doc is done now and marks its
// line.
func (p *Pane) display(r *rendering, sameDoc bool) {
	frac := p.pager.fraction()
	atEnd := p.pager.maxOffset() > 0 && p.pager.offset == p.pager.maxOffset()
	prev := p.shown
	p.shown, p.waiting, p.hiLine = p.showing, false, -1
	p.pager.setLines(r.lines)
	switch {
	case !sameDoc:
		p.pager.goTop()
	case prev.width != p.showing.width:
		p.pager.setFraction(frac)
	case atEnd:
		p.pager.goBottom()
	}
	if p.target != nil && p.target.id == p.showing.id {
		p.scrollToTarget(r)
	}
}

func (p *Pane) onRendered(msg renderedMsg) tea.Cmd {
	delete(p.pending, msg.key)
	current := msg.key == p.showing
	switch {
	case msg.skipped:
		if current {
			if e, ok := p.selected(); ok {
				return p.launch(msg.key, e)
			}
		}
		return nil
	case msg.err != nil:
		if current {
			p.waiting, p.failed = false, fmt.Sprintf("This doc cannot be shown: %v.", msg.err)
			return common.Error(fmt.Errorf("cannot render the doc: %v", msg.err))
		}
		return nil
	case msg.key.width != p.viewW || msg.key.style != p.ctx.Styles.GlamourStyle():
		return nil // made for a window size that is gone
	}
	p.cache.put(msg.key, msg.r)
	if current {
		p.display(msg.r, p.shown != (renderKey{}) && p.shown.id == msg.key.id)
	}
	return nil
}
