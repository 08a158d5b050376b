package phases

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// maxBlockersShown is how many blockers the gate panel lists before it
// says how many more there are.
const maxBlockersShown = 8

// detailView draws the selected phase in a w×h box: its name on a fixed
// first line, then the status, gate, goal, deliverables, exit checklist
// and participants. While the items have the focus, the lines under the
// name scroll to keep the selected item in view.
func (p *Pane) detailView(ph model.Phase, w, h int) string {
	head, lines, items := p.detailLines(ph, w)
	from := p.detailFrom(len(lines), items, max(h-1, 0))
	return strings.Join(append([]string{head}, lines[from:]...), "\n")
}

// detailFrom is the first of the n scrolled lines drawn in h lines: the
// top, unless the selected item would fall below the box.
func (p *Pane) detailFrom(n int, items []int, h int) int {
	if p.focus != focusItems || p.item < 0 || p.item >= len(items) || items[p.item] < h {
		return 0
	}
	return max(min(items[p.item]-h/2, n-h), 0)
}

// detailItemAt is the item row (deliverables, then exit checklist) drawn
// on line y of the detail box, or -1. Line 0 is the phase's name. (Only
// the selected item takes more than a line: a click on the rest of it
// leaves it selected.)
func (p *Pane) detailItemAt(ph model.Phase, w, h, y int) int {
	if y < 1 || y >= h {
		return -1
	}
	_, lines, items := p.detailLines(ph, w)
	line := p.detailFrom(len(lines), items, h-1) + y - 1
	for row, l := range items {
		if l == line {
			return row
		}
	}
	return -1
}

// itemIndent starts the lines the selected item's text wraps onto: under
// its text, past "▸ [x] ".
const itemIndent = "      "

// detailLines builds the detail: the name line, the lines under it and on
// which of those each item row is drawn. Facts that may run long (the
// overdue date, who may sign or signed) wrap rather than being cut.
func (p *Pane) detailLines(ph model.Phase, w int) (string, []string, []int) {
	st := p.ctx.Styles
	clean := model.SanitizeLine
	var out []string
	add := func(s string) { out = append(out, s) }

	head := st.Title.Render(ansi.Truncate(clean(ph.Name), max(w, 0), "…"))
	status := ph.Status.String()
	if ph.Duration != "" {
		status += " · typical " + clean(ph.Duration)
	}
	out = append(out, wrapWords(status, w)...)
	if model.Overdue(ph, p.ctx.Now()) {
		for _, l := range wrapWords("overdue: planned to end "+components.Date(ph.PlannedEnd), w) {
			add(st.WarningText.Render(l))
		}
	}
	add(fmt.Sprintf("planned %s → %s", components.Date(ph.PlannedStart), components.Date(ph.PlannedEnd)))
	add(fmt.Sprintf("actual  %s → %s", components.Date(ph.ActualStart), components.Date(ph.ActualEnd)))
	for _, warn := range model.OverlapWarnings(p.phases, ph) {
		for _, l := range wrapText("⚠ ", warn, w) {
			add(st.WarningText.Render(l))
		}
	}
	add("")
	out = append(out, p.gateLines(ph, w)...)
	if goal := p.goalLines(ph, w); len(goal) > 0 {
		add("")
		out = append(out, goal...)
	}

	var items []int
	item := func(row int, done bool, text, extra string) {
		items = append(items, len(out))
		mark := "  "
		if p.focus == focusItems && row == p.item {
			mark = "▸ "
		}
		if mark == "  " {
			line := mark + check(done) + " " + clean(text)
			if extra != "" {
				line += st.Faint.Render(" · " + extra)
			}
			add(line)
			return
		}
		// The selected item shows its whole text, wrapped under itself:
		// an exit item is often a sentence ("Design review held for each
		// new feature") that the others' one line cuts.
		lines := strings.Split(components.Wrap(clean(text), max(w-len(itemIndent), 8)), "\n")
		for i, l := range lines {
			l = strings.TrimRight(l, " ")
			if i == 0 {
				l = mark + check(done) + " " + l
			} else {
				l = itemIndent + l
			}
			add(st.Selected.Render(components.Fit(l, w)))
		}
	}
	done, total := ph.DeliverablesDone()
	add("")
	add(st.Header.Render("Deliverables") + fmt.Sprintf(" %d/%d", done, total))
	if total == 0 {
		add(st.Faint.Render("  none yet: enter, then a to add one"))
	}
	for i, d := range ph.Deliverables {
		extra := ""
		if d.DocID != 0 {
			extra = "doc"
		}
		item(i, d.Done, d.Name, extra)
	}
	if len(ph.Checklist) > 0 {
		n := 0
		for _, c := range ph.Checklist {
			if c.Done {
				n++
			}
		}
		add("")
		add(st.Header.Render("Exit checklist") + fmt.Sprintf(" %d/%d", n, len(ph.Checklist)))
		for i, c := range ph.Checklist {
			extra := ""
			if c.Done && c.ByID != 0 {
				extra = clean(p.data.PersonName(c.ByID)) + " " + components.Date(c.At)
			}
			item(len(ph.Deliverables)+i, c.Done, c.Text, extra)
		}
	}
	if len(ph.Participants) > 0 {
		add("")
		out = append(out, wrapText(st.Header.Render("Participants")+" ", strings.Join(ph.Participants, ", "), w)...)
	}
	return head, out, items
}

// gateLines is the gate panel: its state, who may sign, exactly what
// blocks it, and whether the phase may start.
func (p *Pane) gateLines(ph model.Phase, w int) []string {
	st := p.ctx.Styles
	clean := model.SanitizeLine
	var out []string
	wrapped := func(prefix, text string) { out = append(out, wrapText(prefix, text, w)...) }
	d := p.data
	g := ph.Gate
	head := st.Header.Render("Gate") + " "
	if g.SignedOff {
		wrapped(head+st.SuccessText.Render("✓ signed off")+" ",
			fmt.Sprintf("by %s on %s", clean(personOr(d, g.ByID)), g.At.Format("2006-01-02 15:04")))
		if g.Note != "" {
			wrapped("  ", "“"+g.Note+"”")
		}
	} else {
		out = append(out, head+st.WarningText.Render("not signed off"))
		wrapped("  may sign: ", signers(d, ph.ID))
		bs := p.gateBlockers(ph.ID)
		if len(bs) == 0 {
			out = append(out, "  "+st.SuccessText.Render("nothing blocks it: s signs it off"))
		}
		for i, b := range bs {
			if i == maxBlockersShown {
				out = append(out, st.Faint.Render(fmt.Sprintf("  … and %d more (%d in all)", len(bs)-i, len(bs))))
				break
			}
			wrapped("  "+st.ErrorText.Render("✗")+" ", b.Text)
		}
	}
	if o := g.Override; o != nil {
		wrapped(st.WarningText.Render("  started early")+" ", fmt.Sprintf("by %s on %s, before the previous gate: %s",
			personOr(d, o.ByID), components.Date(o.At), o.Reason))
	}
	if ph.Status == model.PhaseNotStarted {
		if err := model.CanStart(*d, ph.ID); err != nil {
			out = append(out, st.Header.Render("Start")+" "+st.Faint.Render("waits for the previous gate; the lead may override with o"))
		} else {
			out = append(out, st.Header.Render("Start")+" "+st.SuccessText.Render("may start: b begins it"))
		}
	}
	return out
}

// wrapText sanitises text and wraps it at the width under a prefix, so
// that no blocker or warning is cut short; later lines are indented. The
// first line leaves room for the prefix, the others for the indent.
func wrapText(prefix, text string, w int) []string {
	text = model.SanitizeLine(text)
	lines := wrapWords(text, max(w-max(ansi.StringWidth(prefix), 4), 10))
	// The lines after the first are indented less than the prefix, so
	// what the first leaves is wrapped again to their own width.
	if len(lines) > 1 && strings.HasPrefix(text, lines[0]) {
		rest := strings.TrimLeft(text[len(lines[0]):], " ")
		lines = append(lines[:1], wrapWords(rest, max(w-4, 10))...)
	}
	for i, l := range lines {
		if i == 0 {
			lines[i] = prefix + l
		} else {
			lines[i] = "    " + l
		}
	}
	return lines
}

// wrapWords wraps text at w cells on spaces only (components.Wrap).
func wrapWords(text string, w int) []string {
	return strings.Split(components.Wrap(text, w), "\n")
}

// signers names who may sign a gate: the sponsor and the gate's A.
func signers(d *model.ProjectData, phaseID uint64) string {
	var who []string
	if d.Project.SponsorID != 0 {
		who = append(who, personOr(d, d.Project.SponsorID)+" (sponsor)")
	}
	for _, id := range model.GateAccountables(*d, phaseID) {
		if id != d.Project.SponsorID {
			who = append(who, personOr(d, id)+" (A)")
		}
	}
	if len(who) == 0 {
		return "nobody yet (set a sponsor or an A on the gate row)"
	}
	return strings.Join(who, ", ")
}

func personOr(d *model.ProjectData, id uint64) string {
	if n := d.PersonName(id); n != "" {
		return n
	}
	if id == 0 {
		return "someone"
	}
	return fmt.Sprintf("person #%d", id)
}

func check(done bool) string {
	if done {
		return "[x]"
	}
	return "[ ]"
}
