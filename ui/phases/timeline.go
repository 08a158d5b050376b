package phases

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// Timeline glyphs: planned days fill the top half of a phase's row, actual
// days the bottom half, so the two read apart without colour.
const (
	glyphPlanned = '▀'
	glyphActual  = '▄'
	glyphBoth    = '█'
	glyphToday   = '│'
	glyphEmpty   = ' '
)

// TimelineLegend explains the glyphs; the pane shows it above the chart.
const TimelineLegend = "▀ planned  ▄ actual  █ both  │ today  ! overdue  ✓ signed off  ▶ running  ◇ awaiting sign-off"

// legendLines is the legend in as many lines as width needs, broken
// between its entries only, so that no glyph loses its word.
func legendLines(width int) []string {
	var lines []string
	line := ""
	for _, entry := range strings.Split(TimelineLegend, "  ") {
		switch {
		case line == "":
			line = entry
		case ansi.StringWidth(line+"  "+entry) <= width:
			line += "  " + entry
		default:
			lines, line = append(lines, line), entry
		}
	}
	return append(lines, line)
}

// Timeline is a laid-out chart: header lines (span, axis, rule) and one
// row per phase, in the order given. Lines are plain text, exactly the
// width asked, so the pane may style whole rows.
type Timeline struct {
	Header []string
	Rows   []string
}

// timelineGutter is the space between the label column and the bars:
// " S! " (status glyph, overdue mark).
const timelineGutter = 4

// LayoutTimeline lays out phases (already in Order) across width cells,
// from the earliest planned or actual day to the latest, with today marked.
// The scale adapts from a two-day phase (days span many cells) to an
// eighteen-month migration (a cell spans days; the axis shows months or
// quarters). It is a pure function of its arguments.
func LayoutTimeline(phases []model.Phase, today time.Time, width int) Timeline {
	labelW, barW := timelineColumns(width)
	if barW < 10 || len(phases) == 0 {
		return Timeline{Header: []string{components.Fit("The timeline needs a wider window and at least one phase.", max(width, 0))}}
	}
	first, last, ok := timelineRange(phases, today)
	if !ok {
		return Timeline{Header: []string{components.Fit("No phase has dates yet: edit a phase (e) to plan it.", width)}}
	}
	sc := scale{first: first, days: last - first + 1, cols: barW}
	todayN := dayNum(today)

	tl := Timeline{}
	span := fmt.Sprintf("%s → %s · %s", dateOf(first).Format(model.DateLayout), dateOf(last).Format(model.DateLayout), sc.describe())
	switch {
	case todayN < first:
		span += " · today " + today.Format(model.DateLayout) + " is before the plan"
	case todayN > last:
		span += " · today " + today.Format(model.DateLayout) + " is after the plan"
	}
	tl.Header = append(tl.Header, components.Fit(span, width))
	for _, l := range legendLines(width) {
		tl.Header = append(tl.Header, components.Fit(l, width))
	}
	axis, rule := sc.axis(todayN)
	pad := strings.Repeat(" ", labelW+timelineGutter)
	tl.Header = append(tl.Header, pad+axis, pad+rule)

	todayCol := -1
	if todayN >= first && todayN <= last {
		todayCol = sc.col(todayN)
	}
	row := make([]rune, barW)
	for _, ph := range phases {
		for i := range row {
			row[i] = glyphEmpty
		}
		paint(row, sc, ph.PlannedStart, ph.PlannedEnd, glyphPlanned)
		if s, e, ok := model.ActualSpan(ph, today); ok {
			paint(row, sc, s, e, glyphActual)
		}
		if todayCol >= 0 && row[todayCol] == glyphEmpty {
			row[todayCol] = glyphToday
		}
		over := ' '
		if model.Overdue(ph, today) {
			over = '!'
		}
		tl.Rows = append(tl.Rows, components.Cell(ph.Name, labelW)+" "+statusGlyph(ph.Status)+string(over)+" "+string(row))
	}
	return tl
}

// timelineColumns splits the width between phase names and bars.
func timelineColumns(width int) (labelW, barW int) {
	labelW = min(max(width/5, 8), 24)
	return labelW, width - labelW - timelineGutter
}

// statusGlyph is a one-cell status for places too narrow for words.
func statusGlyph(s model.PhaseStatus) string {
	switch s {
	case model.PhaseSignedOff:
		return "✓"
	case model.PhaseInProgress:
		return "▶"
	case model.PhaseAwaitingSignOff:
		return "◇"
	}
	return "·"
}

// paint marks the cells of the days from start to end (inclusive) with g,
// merging planned and actual into "both". A missing start draws nothing; a
// missing end draws the start day only.
func paint(row []rune, sc scale, start, end time.Time, g rune) {
	if start.IsZero() {
		return
	}
	s := dayNum(start)
	e := s
	if !end.IsZero() {
		e = max(dayNum(end), s)
	}
	from, to := sc.col(s), max(sc.col(e+1), sc.col(s)+1)
	for c := max(from, 0); c < min(to, len(row)); c++ {
		switch row[c] {
		case glyphEmpty, g:
			row[c] = g
		default:
			row[c] = glyphBoth
		}
	}
}

// timelineRange is the first and last day any phase is planned or ran.
func timelineRange(phases []model.Phase, today time.Time) (first, last int, ok bool) {
	see := func(t time.Time) {
		if t.IsZero() {
			return
		}
		n := dayNum(t)
		if !ok {
			first, last, ok = n, n, true
			return
		}
		first, last = min(first, n), max(last, n)
	}
	for _, ph := range phases {
		see(ph.PlannedStart)
		see(ph.PlannedEnd)
		if s, e, started := model.ActualSpan(ph, today); started {
			see(s)
			see(e)
		}
	}
	return first, last, ok
}

// dayNum numbers calendar days (of the time's own calendar date), so that
// the time of day never moves a bar.
func dayNum(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dateOf(n int) time.Time { return time.Unix(int64(n)*86400, 0).UTC() }

// scale maps days to columns: days [first, first+days) over cols cells.
type scale struct {
	first, days, cols int
}

// col is the cell where day n begins.
func (s scale) col(n int) int { return (n - s.first) * s.cols / s.days }

func (s scale) describe() string {
	if s.days <= s.cols {
		per := s.cols / s.days
		if per == 1 {
			return "1 cell a day"
		}
		return fmt.Sprintf("%d cells a day", per)
	}
	return fmt.Sprintf("1 cell ≈ %.1f days", float64(s.days)/float64(s.cols))
}

// tick units, from finest to coarsest; the axis uses the finest whose
// labels do not crowd each other.
type tickUnit struct {
	days  float64 // typical length, to judge spacing
	first func(t time.Time) bool
	label func(t time.Time) string
}

var tickUnits = []tickUnit{
	{1, func(time.Time) bool { return true }, func(t time.Time) string { return t.Format("Jan 2") }},
	{7, func(t time.Time) bool { return t.Weekday() == time.Monday }, func(t time.Time) string { return t.Format("Jan 2") }},
	{30.4, func(t time.Time) bool { return t.Day() == 1 }, func(t time.Time) string {
		if t.Month() == time.January {
			return t.Format("Jan 2006")
		}
		return t.Format("Jan")
	}},
	{91.3, func(t time.Time) bool { return t.Day() == 1 && (t.Month()-1)%3 == 0 }, func(t time.Time) string {
		return fmt.Sprintf("Q%d %d", (t.Month()-1)/3+1, t.Year())
	}},
	{365.25, func(t time.Time) bool { return t.YearDay() == 1 }, func(t time.Time) string { return t.Format("2006") }},
}

// minTickGap is the fewest cells between two ticks: a label and a space.
const minTickGap = 9

// axis writes the tick labels and the rule under them (┬ at each tick, ▼
// at today) across the bar width.
func (s scale) axis(today int) (labels, rule string) {
	unit := tickUnits[len(tickUnits)-1]
	for _, u := range tickUnits {
		if u.days*float64(s.cols)/float64(s.days) >= minTickGap {
			unit = u
			break
		}
	}
	lab := []rune(strings.Repeat(" ", s.cols))
	rul := []rune(strings.Repeat("─", s.cols))
	free := 0 // first cell a new label may use
	// With months or longer, the first day is labelled too when it is not
	// a tick (a plan starting on the 24th), so the chart always says where
	// it begins; that label wins over a tick crowding it.
	if start := dateOf(s.first); unit.days >= 28 && !unit.first(start) {
		text := []rune(s.startLabel(unit, start))
		text = text[:min(len(text), s.cols)]
		copy(lab, text)
		free = len(text) + 1
	}
	year := 0 // of the last label written
	for n := s.first; n < s.first+s.days; n++ {
		t := dateOf(n)
		if !unit.first(t) {
			continue
		}
		c := s.col(n)
		rul[c] = '┬'
		label := unit.label(t)
		if unit.days < 28 && t.Year() != year {
			// Days and weeks name their year on the first label and
			// where a new one begins: "Jan 4 2027".
			label = t.Format("Jan 2 2006")
		}
		text := []rune(label)
		if c < free || c+len(text) > s.cols {
			continue
		}
		copy(lab[c:], text)
		free = c + len(text) + 1
		year = t.Year()
	}
	switch {
	case today < s.first:
		rul[0] = '◀'
	case today >= s.first+s.days:
		rul[s.cols-1] = '▶'
	default:
		rul[s.col(today)] = '▼'
	}
	return string(lab), string(rul)
}

// startLabel names the period the chart begins in, which is not a tick:
// for months "Sep 2026" when it fits before the next tick, else "Sep";
// for quarters and years their own label.
func (s scale) startLabel(unit tickUnit, start time.Time) string {
	if unit.days > 31 {
		return unit.label(start)
	}
	next := s.cols
	for n := s.first + 1; n < s.first+s.days; n++ {
		if unit.first(dateOf(n)) {
			next = s.col(n)
			break
		}
	}
	if long := start.Format("Jan 2006"); len(long) < next {
		return long
	}
	return start.Format("Jan")
}
