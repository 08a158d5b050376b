package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Report limits: how much of each list a steering-committee mail shows.
const (
	ReportTopOpen       = 10 // open "now" changes listed
	ReportHistory       = 10 // recent history entries listed
	ReportGateBlockers  = 10 // blockers listed per gate
	reportTimeLayout    = "2006-01-02 15:04"
	reportMissingMarker = "—"
)

// StatusReport writes the project's status report as markdown, ready for a
// steering-committee mail: the project's key facts, the phases with their
// dates, the gates signed off or overridden and what blocks the gates of
// the phases under way, the change requests by quadrant and by decision
// (counts and estimated hours) with the open "now" list, the RACI rows
// with problems and the overloaded people, the audit checklists' progress
// and the recent history. All
// user text is passed through SanitizeLine. The output depends only on d and now.
//
// It is one pass over the change requests; only the top of the open "now"
// list is kept in order, so 10,000 requests cost a few milliseconds.
func StatusReport(d ProjectData, now time.Time) string {
	return StatusReportWidth(d, now, 0)
}

// StatusReportWidth is StatusReport fitted to a screen of width columns
// (0: no limit, as for a mail): below 100 the phase dates are short, below
// 120 "Deliverables" is "Done", below 110 the open "now" table keeps the
// CR, title, status and assignee with titles shortened to fit; a table
// that is still too wide is written as a list.
func StatusReportWidth(d ProjectData, now time.Time, width int) string {
	l := layoutFor(width)
	var b strings.Builder
	b.Grow(4096)
	reportHeader(&b, d, now, l)
	reportPhases(&b, d, l)
	reportChanges(&b, d, l)
	reportRACI(&b, d)
	reportChecklists(&b, d)
	reportHistory(&b, d, l)
	return b.String()
}

func reportHeader(b *strings.Builder, d ProjectData, now time.Time, l reportLayout) {
	name := SanitizeLine(strings.TrimSpace(d.Project.Name))
	if name == "" {
		name = "Untitled project"
	}
	fmt.Fprintf(b, "# %s — status report\n\n", name)
	fmt.Fprintf(b, "- **Date:** %s\n", l.date(now.Format(DateLayout)))
	fmt.Fprintf(b, "- **Sponsor:** %s\n", reportPerson(d, d.Project.SponsorID))
	fmt.Fprintf(b, "- **Lead:** %s\n", reportPerson(d, d.Project.LeadID))
	fmt.Fprintf(b, "- **Start:** %s\n", l.date(reportDate(d.Project.Start)))
	fmt.Fprintf(b, "- **Go-live:** %s\n", l.date(reportDate(d.Project.GoLive)))
}

func reportPerson(d ProjectData, id uint64) string {
	if id == 0 {
		return "not set"
	}
	return personLabel(d, id)
}

func reportDate(t time.Time) string {
	if t.IsZero() {
		return "not set"
	}
	return t.Format(DateLayout)
}

// reportRange writes "2026-09-24 → 09-25" (the end drops a year it
// shares with the start, so phase tables stay narrow enough for a mail),
// with "…" for a missing end and "—" when both are missing.
func reportRange(start, end time.Time) string {
	if start.IsZero() && end.IsZero() {
		return reportMissingMarker
	}
	s, e := "?", "…"
	if !start.IsZero() {
		s = start.Format(DateLayout)
	}
	if !end.IsZero() {
		e = end.Format(DateLayout)
		if !start.IsZero() && start.Year() == end.Year() {
			e = end.Format("01-02")
		}
	}
	return s + " → " + e
}

// cell makes user text safe for one markdown table cell.
func cell(s string) string {
	return strings.ReplaceAll(SanitizeLine(s), "|", `\|`)
}

func reportPhases(b *strings.Builder, d ProjectData, l reportLayout) {
	b.WriteString("\n## Phases\n\n")
	phases := PhasesInOrder(d.Phases)
	if len(phases) == 0 {
		b.WriteString("No phases yet.\n")
		return
	}
	phaseTable(b, phases, l)
	reportGates(b, phases, d, l)
	// Blockers of the gates that are under way: a phase not yet started is
	// blocked by definition and would only repeat the plan.
	for _, p := range phases {
		if p.Status != PhaseInProgress && p.Status != PhaseAwaitingSignOff {
			continue
		}
		bs := GateBlockers(d, p.ID)
		if len(bs) == 0 {
			fmt.Fprintf(b, "\nThe %s gate is ready to sign.\n", quoteName(p.Name))
			continue
		}
		fmt.Fprintf(b, "\n### Blocking the %s gate\n\n", quoteName(p.Name))
		for i, bl := range bs {
			if i == ReportGateBlockers {
				fmt.Fprintf(b, "- … and %d more\n", len(bs)-i)
				break
			}
			fmt.Fprintf(b, "- %s\n", bl.Text)
		}
	}
}

// formatHours writes hours without float noise: "12", "7.5".
func formatHours(h float64) string {
	return strings.TrimSuffix(strconv.FormatFloat(h, 'f', 1, 64), ".0")
}

func reportChanges(b *strings.Builder, d ProjectData, l reportLayout) {
	b.WriteString("\n## Change requests\n\n")
	if len(d.Changes) == 0 {
		b.WriteString("No change requests yet.\n")
		return
	}
	var (
		qCount    [Unrated + 1]int
		qHours    [Unrated + 1]float64
		dCount    [DecisionRejected + 1]int
		dHours    [DecisionRejected + 1]float64
		otherDec  int
		otherHrs  float64
		openCount int
		rejCount  int
		rejHours  float64
		top       = make([]ChangeRequest, 0, ReportTopOpen+1)
	)
	for _, c := range d.Changes {
		if c.Rejected() {
			rejCount++
			rejHours += c.EstimateHrs
		} else {
			q := QuadrantOf(c)
			qCount[q]++
			qHours[q] += c.EstimateHrs
		}
		switch {
		case c.Rejected(): // whatever an old record's decision says
			dCount[DecisionRejected]++
			dHours[DecisionRejected] += c.EstimateHrs
		case knownDecision(c.Decision):
			dCount[c.Decision]++
			dHours[c.Decision] += c.EstimateHrs
		default:
			otherDec++
			otherHrs += c.EstimateHrs
		}
		if !isOpenNow(c) {
			continue
		}
		openCount++
		// Keep the ReportTopOpen best, in order: insertion into a short list.
		if len(top) == ReportTopOpen && ComparePriority(c, top[len(top)-1]) >= 0 {
			continue
		}
		i, _ := slices.BinarySearchFunc(top, c, ComparePriority)
		top = slices.Insert(top, i, c)
		if len(top) > ReportTopOpen {
			top = top[:ReportTopOpen]
		}
	}

	fmt.Fprintf(b, "%d change requests in all, %d decided now and still open.\n\n", len(d.Changes), openCount)
	b.WriteString("| Quadrant | Requests | Hours |\n")
	b.WriteString("|---|---:|---:|\n")
	var totalHours float64
	for q := QuickWin; q <= Unrated; q++ {
		fmt.Fprintf(b, "| %s | %d | %s |\n", q, qCount[q], formatHours(qHours[q]))
		totalHours += qHours[q]
	}
	fmt.Fprintf(b, "| **total** | %d | %s |\n\n", len(d.Changes)-rejCount, formatHours(totalHours))
	if rejCount > 0 {
		fmt.Fprintf(b, "Not counted above: %s.\n\n", RejectedLine(rejCount, rejHours))
	}

	b.WriteString("| Decision | Requests | Hours |\n")
	b.WriteString("|---|---:|---:|\n")
	for dec := DecisionUndecided; dec <= DecisionRejected; dec++ {
		fmt.Fprintf(b, "| %s | %d | %s |\n", dec, dCount[dec], formatHours(dHours[dec]))
	}
	if otherDec > 0 {
		fmt.Fprintf(b, "| unknown | %d | %s |\n", otherDec, formatHours(otherHrs))
	}

	b.WriteString("\n### Open, decided now\n\n")
	if openCount == 0 {
		b.WriteString("None: every change decided now is verified.\n")
		return
	}
	if openCount > len(top) {
		fmt.Fprintf(b, "Top %d of %d, in priority order.\n\n", len(top), openCount)
	} else {
		fmt.Fprintf(b, "%d, in priority order.\n\n", openCount)
	}
	openNowTable(b, top, l)
}

func reportRACI(b *strings.Builder, d ProjectData) {
	b.WriteString("\n## RACI\n\n")
	if len(d.Activities) == 0 {
		b.WriteString("No RACI activities yet.\n")
		return
	}
	rows, overloaded := ReviewRACI(d)
	b.WriteString("### Rows with problems\n\n")
	for _, r := range rows {
		where := ""
		if n := d.PhaseName(r.Activity.PhaseID); n != "" {
			where = " (" + SanitizeLine(n) + ")"
		}
		fmt.Fprintf(b, "- %s%s: %s\n", quoteName(r.Activity.Name), where, r.Text())
	}
	if len(rows) == 0 {
		b.WriteString("None: every row has one A and at least one R.\n")
	}

	b.WriteString("\n### Overloaded people\n\n")
	for _, o := range overloaded {
		fmt.Fprintf(b, "- %s holds %d A's\n", personLabel(d, o.PersonID), o.Accountables)
	}
	if len(overloaded) == 0 {
		fmt.Fprintf(b, "None: no one holds %d A's or more.\n", OverloadFrom)
	}
}

func reportHistory(b *strings.Builder, d ProjectData, l reportLayout) {
	b.WriteString("\n## Recent history\n\n")
	if len(d.History) == 0 {
		b.WriteString("Nothing recorded yet.\n")
		return
	}
	// History is stored in creation order: the newest are at the end.
	from := max(len(d.History)-ReportHistory, 0)
	for i := len(d.History) - 1; i >= from; i-- {
		h := d.History[i]
		by := SanitizeLine(strings.TrimSpace(h.By))
		if by == "" {
			by = "someone"
		}
		fmt.Fprintf(b, "- %s · %s · %s\n", l.date(h.At.Format(reportTimeLayout)), by, SanitizeLine(h.Summary))
	}
}
