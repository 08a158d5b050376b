package docs

import (
	"hash/fnv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
)

// reportState is the generated status report. Building it walks every
// change request, so it is built in a command and only when it is on
// screen or about to be: every new project value marks it stale, and
// show() builds it when the report entry is selected. A save in another
// pane thus costs this pane nothing until the report is looked at. Its
// text is hashed to name its rendering: an unchanged report is not
// rendered again.
type reportState struct {
	// text is the report as searched: its dates keep plain hyphens, so a
	// search for "2026-10" finds them; md is the one rendered, whose dates
	// never split across lines.
	text, md string
	sum      uint64
	at       time.Time
	// gen counts the project values the pane was given, built is the one
	// text was built from, building the one a command is building now
	// (0: none). One build at a time: when it lands on a project that
	// moved on meanwhile, show() starts the next.
	gen, built, building int
	// width is the width text was fitted to, buildingW the one the
	// running build fits: the report is rebuilt when the view's width
	// changes, its tables being laid out for it.
	width, buildingW int
}

// stale: the project moved on, or the view is another width than the
// text was fitted to.
func (r *reportState) stale(width int) bool { return r.built != r.gen || r.width != width }

// reportBuiltMsg carries a built report, tagged with the project and the
// project value it was built from.
type reportBuiltMsg struct {
	pid   uint64
	gen   int
	width int
	text  string
	md    string
	sum   uint64
	at    time.Time
}

// projectChanged marks the report stale: the project it reads moved on.
func (p *Pane) projectChanged() { p.report.gen++ }

// buildReport starts building the report, unless it is current or a build
// is on its way.
func (p *Pane) buildReport() tea.Cmd {
	r := &p.report
	if p.data == nil || p.viewW <= 0 || !r.stale(p.viewW) || r.building != 0 {
		return nil
	}
	r.building, r.buildingW = r.gen, p.viewW
	build, d, gen, now, w := p.statusReport, p.data.Snapshot(), r.gen, p.ctx.Now(), p.viewW
	return func() tea.Msg { return makeReport(build, &d, gen, w, now) }
}

// makeReport builds the report of d, a snapshot the root's later events
// leave alone (they update change requests in place).
func makeReport(build func(model.ProjectData, time.Time, int) string, d *model.ProjectData, gen, width int, now time.Time) reportBuiltMsg {
	md := build(*d, now, width)
	h := fnv.New64a()
	h.Write([]byte(md))
	return reportBuiltMsg{pid: d.Project.ID, gen: gen, width: width, text: plainHyphens(md), md: md, sum: h.Sum64(), at: now}
}

func (p *Pane) onReportBuilt(msg reportBuiltMsg) tea.Cmd {
	if msg.gen == p.report.building && msg.width == p.report.buildingW {
		p.report.building = 0
	}
	p.takeReport(msg)
	return p.show()
}

// takeReport keeps a built report unless it is another project's or older
// than the one held. A report of a value that has moved on since, or
// fitted to a width the view has left, is still taken: it is nearer than
// the one on screen, and show() builds the current one next.
func (p *Pane) takeReport(msg reportBuiltMsg) {
	r := &p.report
	if p.data == nil || msg.pid != p.data.Project.ID || msg.gen < r.built ||
		(msg.gen == r.built && msg.width == r.width) {
		return
	}
	r.text, r.md, r.sum, r.at, r.built, r.width = msg.text, msg.md, msg.sum, msg.at, msg.gen, msg.width
	if len(p.entries) > 0 && p.entries[0].report {
		p.entries[0].doc.Updated = msg.at
	}
}

// plainHyphens undoes the report's non-breaking hyphens, which a search
// query typed with "-" would not match.
func plainHyphens(s string) string { return strings.ReplaceAll(s, "\u2011", "-") }
