package changes

import (
	"fmt"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// triage walks the untriaged requests one at a time. Every key saves at
// once; a decision also moves on to the next untriaged request.
type triage struct {
	id uint64 // the request shown, with its stored values in the queue
	// decided holds the requests decided in this session, so that the
	// next key moves on before the write reports back; undo, or the store
	// refusing the decision, puts one back.
	decided map[uint64]bool
	// chose is the decision taken on each request decided in this
	// session, for the summary that ends it.
	chose map[uint64]model.Decision
	// trail lists the requests decided in this session, newest last: ←
	// goes back to the newest.
	trail []uint64
	// changed lists the requests changed in this session, newest last:
	// u undoes the newest and shows that request again.
	changed  *triageLog
	rendered map[renderKey]string
}

// triageLog lists the requests a triage session changed, newest last. Its
// writes and undos run one at a time on the pane's writer and keep the
// list there, in the order they commit, and only for a write that history
// recorded: a key that changed nothing, or a write that failed, gives u
// nothing to undo, and u pressed before the writes have reported still
// names the request whose change it reverts.
type triageLog struct {
	mu  sync.Mutex
	ids []uint64
}

func (l *triageLog) push(id uint64) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ids = append(l.ids, id)
}

// newest is the request the next u reverts.
func (l *triageLog) newest() (uint64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.ids) == 0 {
		return 0, false
	}
	return l.ids[len(l.ids)-1], true
}

// pop drops the newest entry, once undo has reverted it.
func (l *triageLog) pop() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ids = l.ids[:len(l.ids)-1]
}

// triageUndoneMsg reports that u reverted a change to request id.
type triageUndoneMsg struct {
	log *triageLog
	id  uint64
}

// triageRefusedMsg reports that the store refused a decision: the request
// goes back into the queue.
type triageRefusedMsg struct {
	log *triageLog
	id  uint64
}

// triageShown is the request on screen, as stored.
func (p *Pane) triageShown() model.ChangeRequest {
	c, _ := p.q.find(p.triage.id)
	return c
}

// renderKey names one rendering of a description.
type renderKey struct {
	id    uint64
	src   string
	width int
}

// renderedMsg carries a description rendered off the Update loop.
type renderedMsg struct {
	key renderKey
	out string
}

// queue lists the untriaged requests in priority order, less those
// decided in this session.
func (t *triage) queue(q *queue) []uint64 {
	ids := make([]uint64, 0, len(q.untriaged))
	for _, e := range q.untriaged {
		if !t.decided[e.cr.ID] {
			ids = append(ids, e.cr.ID)
		}
	}
	return ids
}

// progress counts the queue and places id in it (0 when it is not in
// it), without building the list: View runs it on every frame.
func (t *triage) progress(q *queue, id uint64) (pos, left int) {
	for _, e := range q.untriaged {
		if t.decided[e.cr.ID] {
			continue
		}
		left++
		if e.cr.ID == id {
			pos = left
		}
	}
	return pos, left
}

func (p *Pane) openTriage() tea.Cmd {
	p.triage.decided = map[uint64]bool{}
	p.triage.chose = map[uint64]model.Decision{}
	p.triage.trail = nil
	p.triage.changed = &triageLog{}
	ids := p.triage.queue(&p.q)
	if len(ids) == 0 {
		return common.Note("nothing to triage: every request has a decision")
	}
	start := ids[0]
	if cr, ok := p.selected(); ok && cr.Untriaged() {
		start = cr.ID
	}
	p.mode = modeTriage
	return p.showTriage(start)
}

// showTriage puts a request on screen and asks for its description.
func (p *Pane) showTriage(id uint64) tea.Cmd {
	p.triage.id = id
	return p.renderDescription()
}

// triageReloaded follows a reload: the shown request takes its stored
// values; if it was deleted meanwhile, the next untriaged one shows.
func (p *Pane) triageReloaded() tea.Cmd {
	if _, ok := p.q.find(p.triage.id); ok {
		return p.renderDescription()
	}
	if ids := p.triage.queue(&p.q); len(ids) > 0 {
		return p.showTriage(ids[0])
	}
	return p.leaveTriage()
}

func (p *Pane) leaveTriage() tea.Cmd {
	p.mode = modeTable
	if r := p.q.shownIndex(p.triage.id); r >= 0 {
		p.table.Cursor.Pos = r
		p.table.Cursor.Clamp()
	}
	return nil
}

func (p *Pane) triageKey(msg tea.KeyMsg) tea.Cmd {
	k := p.keys
	c := p.triageShown()
	switch {
	case key.Matches(msg, k.back):
		return p.leaveTriage()
	case key.Matches(msg, k.impact):
		n := int(msg.Runes[0] - '0')
		return p.rate(c, fmt.Sprintf("impact %d", n), func(c *model.ChangeRequest) { c.Impact = n })
	case key.Matches(msg, k.cxLow):
		return p.rateComplexity(c, model.ComplexityLow)
	case key.Matches(msg, k.cxMedium):
		return p.rateComplexity(c, model.ComplexityMedium)
	case key.Matches(msg, k.cxHigh):
		return p.rateComplexity(c, model.ComplexityHigh)
	case key.Matches(msg, k.estimate):
		return p.prompt.Open("estimate in hours", hours(c.EstimateHrs), func(text string) tea.Cmd {
			h, err := model.ParseEstimate(text)
			if err != nil {
				return common.Error(err)
			}
			return p.rate(p.triageShown(), "estimate "+hoursTotal(h)+" h", func(c *model.ChangeRequest) { c.EstimateHrs = h })
		})
	case key.Matches(msg, k.now):
		return p.decide(c, model.DecisionNow)
	case key.Matches(msg, k.later):
		return p.decide(c, model.DecisionLater)
	case key.Matches(msg, k.reject):
		return p.decide(c, model.DecisionRejected)
	case key.Matches(msg, k.undo):
		return p.undoTriage()
	case key.Matches(msg, k.next):
		return p.stepTriage(1)
	case key.Matches(msg, k.prev):
		if cmd, ok := p.backToDecided(); ok {
			return cmd
		}
		return p.stepTriage(-1)
	}
	return nil
}

func (p *Pane) rateComplexity(c model.ChangeRequest, cx model.Complexity) tea.Cmd {
	return p.rate(c, "complexity "+cx.String(), func(c *model.ChangeRequest) { c.Complexity = cx })
}

// rate applies one rating to the shown request and saves it; a key that
// changes nothing writes nothing.
func (p *Pane) rate(c model.ChangeRequest, what string, set func(*model.ChangeRequest)) tea.Cmd {
	next := c
	set(&next)
	if next == c {
		return nil
	}
	if err := next.Validate(); err != nil {
		return common.Error(err)
	}
	return p.triageWrite(c.ID, c.Ref()+": "+what, func(stored model.ChangeRequest) (model.ChangeRequest, error) {
		set(&stored)
		return stored, nil
	})
}

// triageWrite saves one triage key on the stored request and logs the
// request for u once history has recorded the change. The screen shows
// the stored value once the write reports back, never a value the store
// refused.
func (p *Pane) triageWrite(id uint64, note string, edit func(model.ChangeRequest) (model.ChangeRequest, error)) tea.Cmd {
	return p.ctx.Write(p.triageUpdate(id, note, edit))
}

func (p *Pane) triageUpdate(id uint64, note string, edit func(model.ChangeRequest) (model.ChangeRequest, error)) writeFunc {
	log := p.triage.changed
	return p.update(id, edit, fixedNote(note), func() { log.push(id) })
}

// decide records the decision, saves and moves on to the next untriaged
// request; after the last one it returns to the table. The note of the
// last decision says triage is done.
func (p *Pane) decide(c model.ChangeRequest, d model.Decision) tea.Cmd {
	next, err := model.Decide(c, d)
	if err != nil {
		return common.Error(err)
	}
	note := fmt.Sprintf("%s decided %s", c.Ref(), d)
	if !next.Untriaged() {
		p.triage.decided[c.ID] = true
		p.triage.chose[c.ID] = d
		p.triage.trail = append(p.triage.trail, c.ID)
	}
	ids := p.triage.queue(&p.q)
	if len(ids) == 0 {
		note += " · triage done: every request has a decision"
	}
	save := common.Note(note)
	if next != c {
		write, log := p.triageUpdate(c.ID, note, func(stored model.ChangeRequest) (model.ChangeRequest, error) {
			return model.Decide(stored, d)
		}), p.triage.changed
		save = p.ctx.Write(func(s *store.Store) (common.Result, error) {
			res, err := write(s)
			if err != nil {
				res.Then = triageRefusedMsg{log: log, id: c.ID}
			}
			return res, err
		})
	}
	if len(ids) == 0 {
		p.mode = modeSummary
		return save
	}
	return tea.Batch(save, p.showTriage(p.nextInQueue(ids, c.ID)))
}

// triageRefused puts a request whose decision the store refused back in
// the queue.
func (p *Pane) triageRefused(msg triageRefusedMsg) {
	if msg.log == p.triage.changed {
		delete(p.triage.decided, msg.id)
	}
}

// nextInQueue is the first queued request after id in priority order,
// wrapping round to the start.
func (p *Pane) nextInQueue(ids []uint64, id uint64) uint64 {
	rank := p.q.byID[id].rank
	for _, x := range ids {
		if p.q.byID[x].rank > rank {
			return x
		}
	}
	return ids[0]
}

// stepTriage shows the next (+1) or previous (-1) untriaged request
// without deciding the shown one.
func (p *Pane) stepTriage(delta int) tea.Cmd {
	ids := p.triage.queue(&p.q)
	if len(ids) == 0 {
		return nil
	}
	i := 0
	for j, x := range ids {
		if x == p.triage.id {
			i = (j + delta + len(ids)) % len(ids)
			break
		}
	}
	return p.showTriage(ids[i])
}

// undoTriage reverts the newest change of this session and shows the
// request it touched again. It runs on the writer after the writes already
// asked for, so it sees the log as they left it.
func (p *Pane) undoTriage() tea.Cmd {
	log := p.triage.changed
	pid, by := p.data.Project.ID, p.ctx.Actor(p.data)
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		id, ok := log.newest()
		if !ok {
			return common.Result{Note: "nothing changed in this triage yet; leave triage and press u to undo older changes"}, nil
		}
		e, err := s.Undo(pid, by, store.KindChanges)
		if err != nil {
			return common.Result{}, err
		}
		log.pop()
		return common.Result{Note: "undone: " + e.Summary, Then: triageUndoneMsg{log: log, id: id}}, nil
	})
}

// triageUndone shows the request u restored, back in the queue.
func (p *Pane) triageUndone(msg triageUndoneMsg) tea.Cmd {
	if msg.log != p.triage.changed || p.mode != modeTriage {
		return nil // that triage has ended
	}
	delete(p.triage.decided, msg.id)
	return p.showTriage(msg.id)
}

// renderDescription renders the shown request's description in a command,
// once per (request, text, width).
func (p *Pane) renderDescription() tea.Cmd { return p.renderOf(p.triageShown()) }

// renderOf renders a request's description with the shared markdown
// service, in a command; triage and the detail view share the results.
func (p *Pane) renderOf(c model.ChangeRequest) tea.Cmd {
	k := renderKey{id: c.ID, src: c.Description, width: p.descWidth()}
	if _, ok := p.triage.rendered[k]; ok || k.src == "" {
		return nil
	}
	md, style := p.md, p.ctx.Styles.GlamourStyle()
	return func() tea.Msg {
		out, err := md.Render(k.src, k.width, style)
		if err != nil {
			// The raw text, sanitised, is better than nothing.
			out = model.Sanitize(k.src)
		}
		return renderedMsg{key: k, out: out}
	}
}

func (t *triage) store(msg renderedMsg) {
	if len(t.rendered) > 256 {
		clear(t.rendered) // a session's worth; the next renders refill it
	}
	t.rendered[msg.key] = msg.out
}

func (p *Pane) descWidth() int { return max(min(p.width-2, 100), 20) }

// descriptionView is a request's description as rendered, or what stands
// in for it until the render reports.
func (p *Pane) descriptionView(c model.ChangeRequest) string {
	st := p.ctx.Styles
	if c.Description == "" {
		return st.Faint.Render("No description.")
	}
	body, ok := p.triage.rendered[renderKey{id: c.ID, src: c.Description, width: p.descWidth()}]
	if !ok {
		return st.Faint.Render("rendering…")
	}
	return body
}

// triageView shows the request full-pane: progress, title, who raised it
// where, the ratings with their keys, and the rendered description.
func (p *Pane) triageView() string {
	st := p.ctx.Styles
	c := p.triageShown()
	w := p.width
	pos, left := p.triage.progress(&p.q, c.ID)
	progress := fmt.Sprintf("%d untriaged left", left)
	if pos > 0 {
		progress = fmt.Sprintf("%d of %d untriaged", pos, left)
	}
	head := st.Title.Render("Triage · "+c.Ref()) + st.Faint.Render(" · "+progress)
	if p.prompt.Active() {
		head = p.prompt.View(st, w)
	}
	raised := "raised"
	if c.RaisedBy != "" {
		raised += " by " + model.SanitizeLine(c.RaisedBy)
	}
	if ph := p.data.PhaseName(c.RaisedIn); ph != "" {
		raised += " in " + model.SanitizeLine(ph)
	}
	sep := " · "
	if raised == "raised" { // "raised today", not "raised · today"
		sep = " "
	}
	raised += sep + model.AgeText(model.Age(c, p.ctx.Now()))
	if c.Area != "" {
		raised += " · " + string(c.Area)
	}
	if c.SourceKey != "" {
		raised += " · key " + model.SanitizeLine(c.SourceKey)
	}
	imp := "—"
	if c.Impact > 0 {
		imp = fmt.Sprint(c.Impact)
	}
	cx, est := "—", "—"
	if c.Complexity != model.ComplexityUnrated {
		cx = c.Complexity.String()
	}
	if c.EstimateHrs > 0 {
		est = hours(c.EstimateHrs) + " h"
	}
	q := model.QuadrantOf(c)
	ratings := fmt.Sprintf("impact %s  [1-5]   complexity %s  [l m h]   estimate %s  [e]   → ", imp, cx, est)
	decision := fmt.Sprintf("decision %s  [n now · L later · x reject]   status %s", c.Decision, c.Status)
	lines := []string{
		components.Fit(head, w),
		st.Header.Render(components.Cell(c.Title, w)),
		st.Faint.Render(components.Fit(raised, w)),
		"",
		components.Fit(ratings+st.Quadrants[q].Render(q.String()), w),
		components.Fit(decision, w),
		st.Border.Render(strings.Repeat("─", max(w, 0))),
	}
	body := p.descriptionView(c)
	lines = append(lines, components.Box(body, w, max(p.height-len(lines)-1, 1)))
	lines = append(lines, st.Faint.Render(components.Fit("→ skip · ← back · u undo · esc table", w)))
	return strings.Join(lines, "\n")
}
