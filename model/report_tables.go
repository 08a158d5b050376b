package model

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// phaseTable writes the phases as a table, or as a list when the table
// would not fit the layout's width.
func phaseTable(b *strings.Builder, phases []Phase, l reportLayout) {
	year := datesYear(phases)
	done := "Deliverables"
	if l.doneHeader {
		done = "Done"
	}
	headers := []string{"Phase", "Status", "Planned", "Actual", done}
	rows := make([][]string, 0, len(phases))
	for _, p := range phases {
		status := p.Status.String()
		if p.Gate.Override != nil {
			status += " (override)"
		}
		dn, total := p.DeliverablesDone()
		dl := reportMissingMarker
		if total > 0 {
			dl = fmt.Sprintf("%d/%d", dn, total)
		}
		rows = append(rows, []string{cell(p.Name), status,
			l.rangeText(p.PlannedStart, p.PlannedEnd, year), l.rangeText(p.ActualStart, p.ActualEnd, year), dl})
	}
	if l.shortDates && year != 0 {
		fmt.Fprintf(b, "Dates are month-day in %d unless a year is given.\n\n", year)
	}
	if l.tableFits(headers, rows) {
		writeTable(b, headers, []string{"---", "---", "---", "---", "---"}, rows)
		return
	}
	for i, r := range rows {
		fmt.Fprintf(b, "- **%s**: %s · planned %s · actual %s · done %s\n",
			SanitizeLine(phases[i].Name), r[1], r[2], r[3], r[4])
	}
}

// datesYear is the year the phase dates are said in when short: the
// first one recorded.
func datesYear(phases []Phase) int {
	for _, p := range phases {
		for _, t := range []time.Time{p.PlannedStart, p.ActualStart} {
			if !t.IsZero() {
				return t.Year()
			}
		}
	}
	return 0
}

// openNowTable writes the open "now" changes: every column for a mail or
// a wide screen; CR, title, status and assignee on a narrower one, the
// titles shortened to the room left; a list when even that does not fit.
func openNowTable(b *strings.Builder, top []ChangeRequest, l reportLayout) {
	rows := make([][]string, 0, len(top))
	for _, c := range top {
		assignee := cell(strings.TrimSpace(c.Assignee))
		if assignee == "" {
			assignee = reportMissingMarker
		}
		rows = append(rows, []string{c.Ref(), cell(c.Title), c.Status.String(), assignee})
	}
	if !l.leanChanges {
		b.WriteString("| CR | Title | Quadrant | Impact | Effort | Status | Assignee |\n")
		b.WriteString("|---|---|---|---:|---|---|---|\n")
		for i, c := range top {
			impact := reportMissingMarker
			if c.Impact != 0 {
				impact = strconv.Itoa(c.Impact)
			}
			effort := c.Complexity.String()
			if effort == "" {
				effort = "unrated"
			}
			if c.EstimateHrs > 0 {
				effort += ", " + formatHours(c.EstimateHrs) + " h"
			}
			r := rows[i]
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s |\n",
				r[0], r[1], QuadrantOf(c), impact, effort, r[2], r[3])
		}
		return
	}
	headers := []string{"CR", "Title", "Status", "Assignee"}
	// The room the title column has once the others take theirs.
	others := make([][]string, len(rows))
	for i, r := range rows {
		others[i] = []string{r[0], r[2], r[3]}
	}
	room := l.width - reportMargin - tableWidth([]string{"CR", "Status", "Assignee"}, others) - 3
	const minTitle = 16
	if room >= minTitle {
		for _, r := range rows {
			r[1] = shorten(r[1], room)
		}
		if l.tableFits(headers, rows) {
			writeTable(b, headers, []string{"---", "---", "---", "---"}, rows)
			return
		}
	}
	for i, c := range top {
		fmt.Fprintf(b, "- **%s** %s · %s · %s\n", c.Ref(), SanitizeLine(c.Title), rows[i][2], rows[i][3])
	}
}
