package model

import (
	"strings"
	"time"
	"unicode/utf8"
)

// reportLayout is how the report fits the width it is shown in. A mail
// (width 0) gets every column and full dates; a narrower screen gets
// short dates, shorter headers and fewer columns, and a table that still
// does not fit becomes a list, whose lines wrap between words.
type reportLayout struct {
	width       int  // 0: no limit
	shortDates  bool // MM-DD, the year said once above the table
	doneHeader  bool // "Done" for "Deliverables"
	leanChanges bool // the open "now" table without quadrant, impact and effort
}

// reportMargin is what a markdown renderer keeps around a table at a
// given width (Glamour: two columns each side and its own padding).
const reportMargin = 6

func layoutFor(width int) reportLayout {
	if width <= 0 {
		return reportLayout{}
	}
	return reportLayout{
		width:       width,
		shortDates:  width < 100,
		doneHeader:  width < 120,
		leanChanges: width < 110,
	}
}

// tableFits says whether a table of these cells is drawn at its natural
// width, so that no cell is wrapped or cut. Each column costs its widest
// cell plus padding and a border.
func (l reportLayout) tableFits(headers []string, rows [][]string) bool {
	if l.width <= 0 {
		return true
	}
	return tableWidth(headers, rows) <= l.width-reportMargin
}

func tableWidth(headers []string, rows [][]string) int {
	total := 1
	for j, h := range headers {
		w := textWidth(h)
		for _, r := range rows {
			w = max(w, textWidth(r[j]))
		}
		total += w + 3
	}
	return total
}

// textWidth counts the columns of sanitized report text: one per rune
// (dates, arrows and dashes are all one column wide).
func textWidth(s string) int { return utf8.RuneCountInString(strings.ReplaceAll(s, `\|`, "|")) }

// writeTable writes a markdown table; align holds each column's
// separator ("---" or "---:").
func writeTable(b *strings.Builder, headers, align []string, rows [][]string) {
	b.WriteString("| " + strings.Join(headers, " | ") + " |\n")
	b.WriteString("|" + strings.Join(align, "|") + "|\n")
	for _, r := range rows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
	}
}

// shorten cuts s to at most n columns, ending in "…", at a word boundary
// when one is near so that no word shows half.
func shorten(s string, n int) string {
	if textWidth(s) <= n || n < 2 {
		return s
	}
	r := []rune(s)[:n-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	cut = strings.TrimRight(cut, ` \`)
	return cut + "…"
}

// nonBreakingHyphen joins a date's parts on a screen: Glamour wraps
// lines at hyphens, which would show "2026-" on one line and "10-19" on
// the next. It is one column wide and Sanitize keeps it (a dash, not a
// format character).
const nonBreakingHyphen = "\u2011"

// date writes a date or time already formatted so that a screen never
// splits it: its hyphens become non-breaking. A mail keeps plain hyphens.
func (l reportLayout) date(s string) string {
	if l.width <= 0 {
		return s
	}
	return strings.ReplaceAll(s, "-", nonBreakingHyphen)
}

// rangeText is a phase's date range in the layout's date style.
func (l reportLayout) rangeText(start, end time.Time, year int) string {
	if !l.shortDates {
		return l.date(reportRange(start, end))
	}
	if start.IsZero() && end.IsZero() {
		return reportMissingMarker
	}
	s, e := "?", "…"
	if !start.IsZero() {
		s = shortDate(start, year)
	}
	if !end.IsZero() {
		e = shortDate(end, year)
	}
	return l.date(s + " → " + e)
}

// shortDate writes MM-DD for a date in the year the table names, the
// full date otherwise.
func shortDate(t time.Time, year int) string {
	if t.Year() == year {
		return t.Format("01-02")
	}
	return t.Format(DateLayout)
}
