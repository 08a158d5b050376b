package model

import (
	"fmt"
	"strings"
	"time"
)

// ParseDate reads a day typed by a person, YYYY-MM-DD, as UTC midnight.
// An empty string is the zero time (no date).
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(DateLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: write it as YYYY-MM-DD, e.g. 2027-01-04", SanitizeLine(s))
	}
	if t.Year() < MinYear || t.Year() > MaxYear {
		return time.Time{}, fmt.Errorf("%s is out of range: pick a day between %d and %d", s, MinYear, MaxYear)
	}
	return t, nil
}

// MinYear and MaxYear bound the days a person may type: a plan laid out
// from them, phase after phase, still fits every date format mopdeck
// writes.
const (
	MinYear = 1900
	MaxYear = 2199
)

// dayBefore compares calendar days, ignoring the time of day, so that a
// hand-over on the day the previous phase ends is not an overlap.
func dayBefore(a, b time.Time) bool {
	return a.Format(DateLayout) < b.Format(DateLayout)
}

// OverlapWarnings tells how a phase's planned dates overlap its neighbours
// in Order (the phase before and the phase after). Templates lay phases out
// one after the other, so an overlap is worth a warning, though it is
// allowed. ph replaces the stored phase with the same ID.
func OverlapWarnings(phases []Phase, ph Phase) []string {
	ordered := PhasesInOrder(phases)
	at := -1
	for i := range ordered {
		if ordered[i].ID == ph.ID {
			ordered[i] = ph
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	var out []string
	if at > 0 {
		prev := ordered[at-1]
		if !ph.PlannedStart.IsZero() && !prev.PlannedEnd.IsZero() && dayBefore(ph.PlannedStart, prev.PlannedEnd) {
			out = append(out, fmt.Sprintf("%s starts %s, before %s ends %s: the phases overlap",
				quoteName(ph.Name), ph.PlannedStart.Format(DateLayout), quoteName(prev.Name), prev.PlannedEnd.Format(DateLayout)))
		}
	}
	if at+1 < len(ordered) {
		next := ordered[at+1]
		if !ph.PlannedEnd.IsZero() && !next.PlannedStart.IsZero() && dayBefore(next.PlannedStart, ph.PlannedEnd) {
			out = append(out, fmt.Sprintf("%s ends %s, after %s starts %s: the phases overlap",
				quoteName(ph.Name), ph.PlannedEnd.Format(DateLayout), quoteName(next.Name), next.PlannedStart.Format(DateLayout)))
		}
	}
	return out
}

// Overdue tells whether a phase should have ended by today and has not:
// its gate is not signed off and today is a later day than its planned
// end. A phase without a planned end is never overdue.
func Overdue(ph Phase, today time.Time) bool {
	if ph.Gate.SignedOff || ph.Status == PhaseSignedOff || ph.PlannedEnd.IsZero() {
		return false
	}
	return dayBefore(ph.PlannedEnd, today)
}

// ActualSpan is the days a phase really ran: from its actual start to its
// actual end, or to today while it runs. ok is false when it has not
// started.
func ActualSpan(ph Phase, today time.Time) (start, end time.Time, ok bool) {
	if ph.ActualStart.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	end = ph.ActualEnd
	if end.IsZero() {
		end = today
	}
	if end.Before(ph.ActualStart) {
		end = ph.ActualStart
	}
	return ph.ActualStart, end, true
}
