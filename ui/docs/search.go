package docs

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/ui/common"
)

// docHit is one doc where the query was found: in its title (the match
// that opens the doc at the top) and n times in its body.
type docHit struct {
	id    uint64
	title bool
	n     int
}

// first is the first match's occurrence index: -1 for the title.
func (h docHit) first() int {
	if h.title {
		return -1
	}
	return 0
}

func (h docHit) count() int {
	if h.title {
		return h.n + 1
	}
	return h.n
}

// match is one place to jump to: a doc and the occurrence in its body
// (-1: the title, shown from the top).
type match struct {
	id  uint64
	occ int
}

// searchState is the last search: its hits in list order and where the
// user stands among them.
type searchState struct {
	query string
	gen   int
	hits  []docHit
	hit   int
	occ   int
}

func (s *searchState) active() bool { return s.query != "" && len(s.hits) > 0 }

func (s *searchState) current() match { return match{id: s.hits[s.hit].id, occ: s.occ} }

func (s *searchState) total() int {
	n := 0
	for _, h := range s.hits {
		n += h.count()
	}
	return n
}

// ordinal is the 1-based number of the current match.
func (s *searchState) ordinal() int {
	n := 0
	for _, h := range s.hits[:s.hit] {
		n += h.count()
	}
	return n + s.occ - s.hits[s.hit].first() + 1
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (s *searchState) step(dir int) {
	h := s.hits[s.hit]
	s.occ += dir
	if s.occ >= h.first() && s.occ < h.n {
		return
	}
	s.hit = (s.hit + dir + len(s.hits)) % len(s.hits)
	h = s.hits[s.hit]
	if dir > 0 {
		s.occ = h.first()
	} else {
		s.occ = h.n - 1
	}
}

// searchable is what a search reads of one entry.
type searchable struct {
	id          uint64
	title, body string
}

type searchResultMsg struct {
	gen   int
	query string
	hits  []docHit
	// report is the report the search built and read, the one held
	// being stale; nil when the held one was current.
	report *reportBuiltMsg
}

// findAll counts, case-insensitively, where query occurs in each entry.
// It reads every doc, so it runs in a command.
func findAll(query string, items []searchable) []docHit {
	q := strings.ToLower(query)
	var hits []docHit
	for _, it := range items {
		h := docHit{id: it.id, title: strings.Contains(strings.ToLower(it.title), q), n: strings.Count(strings.ToLower(it.body), q)}
		if h.count() > 0 {
			hits = append(hits, h)
		}
	}
	return hits
}

// startSearch runs a search for query over every entry in a command. A
// stale report is built there first: the search reads it, and may open
// it.
func (p *Pane) startSearch(query string) tea.Cmd {
	query = strings.TrimSpace(query)
	p.search.gen++
	if query == "" {
		p.clearSearch()
		return nil
	}
	items := make([]searchable, len(p.entries))
	report := -1
	for i, e := range p.entries {
		items[i] = searchable{id: e.doc.ID, title: e.doc.Title, body: p.body(e)}
		if e.report {
			report = i
		}
	}
	var build func() reportBuiltMsg
	if p.data != nil && p.report.built != p.report.gen && report >= 0 {
		write, d, gen, now, w := p.statusReport, p.data.Snapshot(), p.report.gen, p.ctx.Now(), p.viewW
		build = func() reportBuiltMsg { return makeReport(write, &d, gen, w, now) }
	}
	gen := p.search.gen
	return func() tea.Msg {
		msg := searchResultMsg{gen: gen, query: query}
		if build != nil {
			r := build()
			msg.report = &r
			items[report].body = r.text
		}
		msg.hits = findAll(query, items)
		return msg
	}
}

func (p *Pane) onSearchResult(msg searchResultMsg) tea.Cmd {
	if msg.report != nil {
		p.takeReport(*msg.report)
	}
	if msg.gen != p.search.gen {
		return p.show() // a newer search was started
	}
	if len(msg.hits) == 0 {
		p.clearSearch()
		return tea.Batch(p.show(), common.Note(fmt.Sprintf("no doc mentions %q", msg.query)))
	}
	p.search = searchState{query: msg.query, gen: msg.gen, hits: msg.hits}
	p.search.occ = msg.hits[0].first()
	return p.jump()
}

// clearSearch drops the search and any result still on its way: a result
// computed for the old query, or the previous project, must not land.
func (p *Pane) clearSearch() {
	p.search = searchState{gen: p.search.gen + 1}
	p.target = nil
	p.hiLine = -1
}

// stepSearch moves to the next or previous match.
func (p *Pane) stepSearch(dir int) tea.Cmd {
	if !p.search.active() {
		return common.Note("no search: press / to search the docs")
	}
	p.search.step(dir)
	return p.jump()
}

// jump selects the current match's doc and scrolls to the match, now if
// the doc is rendered, else as soon as its rendering arrives.
func (p *Pane) jump() tea.Cmd {
	m := p.search.current()
	i, ok := p.indexOf(m.id)
	if !ok {
		return common.Note("that doc is gone: search again")
	}
	p.target = &m
	p.list.Pos = i
	p.list.Clamp()
	cmd := p.show()
	if r, ok := p.cache.get(p.showing); ok && p.target != nil && p.shown == p.showing {
		p.scrollToTarget(r)
	}
	return cmd
}

// scrollToTarget brings the target match to the top of the window, with
// two lines of context, and marks its line. Matches are counted in the
// source; when wrapping split the last ones, the last found is used.
func (p *Pane) scrollToTarget(r *rendering) {
	m := *p.target
	p.target = nil
	if m.occ < 0 {
		p.pager.goTop()
		p.hiLine = -1
		return
	}
	q := strings.ToLower(p.search.query)
	at, from := -1, 0
	for n := 0; n <= m.occ; n++ {
		i := strings.Index(r.lower[from:], q)
		if i < 0 {
			break
		}
		at = from + i
		from = at + len(q)
	}
	if at < 0 {
		p.pager.goTop()
		p.hiLine = -1
		return
	}
	line := strings.Count(r.lower[:at], "\n")
	p.hiLine = line
	p.pager.offset = line - 2
	p.pager.clamp()
}
