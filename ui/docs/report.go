package docs

import (
	"hash/fnv"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

// reportState is the generated status report, rebuilt from every load so
// that it is always current. Its text is hashed to name its rendering: an
// unchanged report is not rendered again.
type reportState struct {
	text string
	sum  uint64
	at   time.Time
	gen  int
}

type reportBuiltMsg struct {
	gen  int
	text string
	sum  uint64
	at   time.Time
}

// buildReport writes the report off the Update path: it walks every
// change request.
func (p *Pane) buildReport() tea.Cmd {
	p.report.gen++
	gen, d, now := p.report.gen, *p.data, p.ctx.Now()
	return func() tea.Msg {
		text := model.StatusReport(d, now)
		h := fnv.New64a()
		h.Write([]byte(text))
		return reportBuiltMsg{gen: gen, text: text, sum: h.Sum64(), at: now}
	}
}

func (p *Pane) onReportBuilt(msg reportBuiltMsg) tea.Cmd {
	if msg.gen != p.report.gen {
		return nil // a newer load is being reported on
	}
	p.report = reportState{text: msg.text, sum: msg.sum, at: msg.at, gen: msg.gen}
	if len(p.entries) > 0 && p.entries[0].report {
		p.entries[0].doc.Updated = msg.at
	}
	return p.show()
}
