package docs

import (
	"strings"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// entry is one line of the list: a stored doc, or the generated report.
type entry struct {
	doc    model.Doc
	report bool
}

// reportTitle names the generated status report in the list.
const reportTitle = "Status report"

// rebuild makes the list from the project, the report first, and keeps
// the selection on the same doc; when that doc is gone, on the entry now
// at its place.
func (p *Pane) rebuild() {
	var keep uint64
	keepReport := false
	if e, ok := p.selected(); ok {
		keep, keepReport = e.doc.ID, e.report
	}
	p.entries = p.entries[:0]
	p.entries = append(p.entries, entry{report: true, doc: model.Doc{Title: reportTitle, Updated: p.report.at}})
	if p.data != nil {
		for _, d := range p.data.Docs {
			p.entries = append(p.entries, entry{doc: d})
		}
	}
	p.list.N = len(p.entries)
	if !keepReport {
		for i, e := range p.entries {
			if !e.report && e.doc.ID == keep {
				p.list.Pos = i
				break
			}
		}
	} else {
		p.list.Pos = 0
	}
	p.list.Clamp()
}

// indexOf returns the list index of the entry with a doc ID (0: report).
func (p *Pane) indexOf(id uint64) (int, bool) {
	for i, e := range p.entries {
		if e.doc.ID == id && (e.report == (id == 0)) {
			return i, true
		}
	}
	return 0, false
}

func (p *Pane) selected() (entry, bool) {
	if p.list.Pos < 0 || p.list.Pos >= len(p.entries) {
		return entry{}, false
	}
	return p.entries[p.list.Pos], true
}

// body is the markdown an entry shows.
func (p *Pane) body(e entry) string {
	if e.report {
		return p.report.text
	}
	return e.doc.Body
}

// entryLines are the lines each entry of the list takes.
const entryLines = 2

// entryAt is the entry drawn on line y of the list, or -1.
func (p *Pane) entryAt(y int) int {
	if y < 0 {
		return -1
	}
	return p.list.At(y / entryLines)
}

// listView draws two lines per entry: the title, then the date and the
// phase it is tied to.
func (p *Pane) listView(h int) string {
	st := p.ctx.Styles
	w := p.listW
	// With marks, the title line of the selected doc starts with the
	// pointer; the others, and every second line, with two spaces.
	markW := st.RowMarkWidth()
	lines := make([]string, 0, h)
	from, to := p.list.Visible()
	for i := from; i < to; i++ {
		e := p.entries[i]
		title := components.Fit(st.RowMark(i == p.list.Pos)+components.Cell(e.doc.Title, w-markW), w)
		var sub string
		if e.report {
			sub = "generated · always current"
		} else {
			sub = components.Date(e.doc.Updated)
			if ph := p.data.PhaseName(e.doc.PhaseID); ph != "" {
				sub += " · " + ph
			}
		}
		sub = components.Cell(st.RowMark(false)+"  "+sub, w)
		if i == p.list.Pos {
			lines = append(lines, st.Selected.Render(title), st.Selected.Render(sub))
		} else {
			lines = append(lines, title, st.Faint.Render(sub))
		}
	}
	return strings.Join(lines, "\n")
}
