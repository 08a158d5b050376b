package phases

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/ui/uitest"
)

// tlNow is the fixed "today" of the timeline tests.
var tlNow = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func timelineText(tl Timeline) string {
	return strings.Join(append(append([]string{}, tl.Header...), tl.Rows...), "\n") + "\n"
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	uitest.Golden(t, filepath.Join("testdata", name), got)
}

// TestTimelineGolden100 draws the sample project (mid-Test, one phase
// overdue, Test started early) at 100 columns.
func TestTimelineGolden100(t *testing.T) {
	d := model.SampleProject(tlNow)
	tl := LayoutTimeline(model.PhasesInOrder(d.Phases), tlNow, 100)
	got := timelineText(tl)
	golden(t, "timeline_100.golden", got)
	for i, l := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
		if w := ansi.StringWidth(l); w != 100 {
			t.Errorf("line %d is %d cells, want 100: %q", i, w, l)
		}
	}
}

func TestTimelineMarks(t *testing.T) {
	day := func(n int) time.Time { return tlNow.Truncate(24*time.Hour).AddDate(0, 0, n) }
	phases := []model.Phase{
		// planned and ran as planned: both
		{Name: "Done", PlannedStart: day(-20), PlannedEnd: day(-11), ActualStart: day(-20), ActualEnd: day(-11),
			Status: model.PhaseSignedOff, Gate: model.Gate{SignedOff: true}},
		// planned to end yesterday, still running: overdue
		{Name: "Late", PlannedStart: day(-10), PlannedEnd: day(-1), ActualStart: day(-8), Status: model.PhaseInProgress},
		// future, not started
		{Name: "Next", PlannedStart: day(1), PlannedEnd: day(19)},
	}
	tl := LayoutTimeline(phases, tlNow, 100)
	if len(tl.Rows) != 3 {
		t.Fatalf("rows = %d", len(tl.Rows))
	}
	labelW, _ := timelineColumns(100)
	bar := func(row string) string { return string([]rune(row)[labelW+timelineGutter:]) }
	done, late, next := bar(tl.Rows[0]), bar(tl.Rows[1]), bar(tl.Rows[2])
	if strings.ContainsAny(done, "▀▄") || !strings.Contains(done, "█") {
		t.Errorf("a phase run as planned should be all █: %q", done)
	}
	if !strings.Contains(late, "▀") || !strings.Contains(late, "█") {
		t.Errorf("a late-started phase shows planned-only then both: %q", late)
	}
	if !strings.Contains(late, "▄") {
		t.Errorf("a phase running past its plan shows actual-only days: %q", late)
	}
	if !strings.Contains(tl.Rows[1], "▶!") {
		t.Errorf("overdue running phase not marked: %q", tl.Rows[1])
	}
	if strings.Contains(tl.Rows[0], "!") || !strings.Contains(tl.Rows[0], "✓") {
		t.Errorf("a signed-off phase is neither overdue nor unmarked: %q", tl.Rows[0])
	}
	if strings.ContainsAny(next, "▄█") || !strings.Contains(next, "▀") {
		t.Errorf("a future phase is planned only: %q", next)
	}
	if !strings.Contains(next, "│") {
		t.Errorf("today marker missing from an empty cell: %q", next)
	}
	if !strings.Contains(tl.Header[len(tl.Header)-1], "▼") {
		t.Errorf("today marker missing from the rule: %q", tl.Header[len(tl.Header)-2])
	}
}

// TestTimelineScales lays out a two-day phase and an eighteen-month
// migration: the axis switches unit and no line overflows.
func TestTimelineScales(t *testing.T) {
	start := time.Date(2027, 1, 4, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name  string
		days  int
		width int
		label string // a tick label the axis must show
		scale string
	}{
		{"two days", 2, 100, "Jan 5", "cells a day"},
		{"three weeks", 21, 80, "Jan 11", "cell"},
		{"eighteen months at 100", 548, 100, "Q2 2027", "1 cell ≈"},
		{"eighteen months at 200", 548, 200, "Feb", "1 cell ≈"},
		{"ten years", 3653, 100, "2030", "1 cell ≈"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ph := model.Phase{Name: "Migration", PlannedStart: start, PlannedEnd: start.AddDate(0, 0, tt.days-1)}
			tl := LayoutTimeline([]model.Phase{ph}, start, tt.width)
			text := timelineText(tl)
			if !strings.Contains(tl.Header[len(tl.Header)-2], tt.label) {
				t.Errorf("axis lacks %q:\n%s", tt.label, text)
			}
			if !strings.Contains(tl.Header[0], tt.scale) {
				t.Errorf("span line lacks %q: %q", tt.scale, tl.Header[0])
			}
			for _, l := range strings.Split(strings.TrimSuffix(text, "\n"), "\n") {
				if w := ansi.StringWidth(l); w != tt.width {
					t.Errorf("line is %d cells, want %d: %q", w, tt.width, l)
				}
			}
			if _, barW := timelineColumns(tt.width); strings.Count(tl.Rows[0], "▀") != barW {
				t.Errorf("a phase spanning the whole plan does not fill the bar width: %q", tl.Rows[0])
			}
		})
	}
}

func TestTimelineDegenerate(t *testing.T) {
	if tl := LayoutTimeline(nil, tlNow, 100); len(tl.Rows) != 0 || len(tl.Header) != 1 {
		t.Errorf("no phases: %+v", tl)
	}
	if tl := LayoutTimeline([]model.Phase{{Name: "x"}}, tlNow, 100); !strings.Contains(tl.Header[0], "No phase has dates") {
		t.Errorf("no dates: %+v", tl)
	}
	for _, w := range []int{0, 1, 10, 20} {
		tl := LayoutTimeline([]model.Phase{{Name: "x", PlannedStart: tlNow}}, tlNow, w)
		for _, l := range append(tl.Header, tl.Rows...) {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q overflows", w, l)
			}
		}
	}
	// A start without an end, an end before its start, today far away.
	phases := []model.Phase{
		{Name: "Open-ended", PlannedStart: tlNow.AddDate(1, 0, 0)},
		{Name: "Backwards", PlannedStart: tlNow.AddDate(1, 0, 10), PlannedEnd: tlNow.AddDate(1, 0, 5)},
	}
	tl := LayoutTimeline(phases, tlNow, 100)
	if !strings.Contains(tl.Header[0], "before the plan") || !strings.Contains(tl.Header[len(tl.Header)-1], "◀") {
		t.Errorf("today before the plan is not said: %q / %q", tl.Header[0], tl.Header[len(tl.Header)-1])
	}
}

// manyPhases is a long project: n phases of a fortnight with deliverables.
func manyPhases(n, deliverables int) []model.Phase {
	start := tlNow.AddDate(0, -6, 0)
	out := make([]model.Phase, n)
	for i := range out {
		ph := model.Phase{ID: uint64(i + 1), Order: i, Name: fmt.Sprintf("Phase %02d", i+1),
			PlannedStart: start.AddDate(0, 0, 14*i), PlannedEnd: start.AddDate(0, 0, 14*i+13)}
		if ph.PlannedEnd.Before(tlNow) {
			ph.ActualStart, ph.ActualEnd = ph.PlannedStart.AddDate(0, 0, 2), ph.PlannedEnd.AddDate(0, 0, 3)
			ph.Status, ph.Gate.SignedOff = model.PhaseSignedOff, true
		}
		for j := range deliverables {
			ph.Deliverables = append(ph.Deliverables, model.Deliverable{Name: fmt.Sprintf("Deliverable %d.%d", i+1, j+1), Done: j%2 == 0})
		}
		out[i] = ph
	}
	return out
}

// BenchmarkTimeline200 lays out fifty phases (two years) at 200 columns;
// the budget is 5 ms.
func BenchmarkTimeline200(b *testing.B) {
	phases := manyPhases(50, 10)
	b.ReportAllocs()
	for range b.N {
		tl := LayoutTimeline(phases, tlNow, 200)
		if len(tl.Rows) != 50 {
			b.Fatal("rows missing")
		}
	}
}

// TestTimelineLabelsItsFirstMonth: a plan that begins mid-month names that
// month at the start of the axis, with its year when there is room.
func TestTimelineLabelsItsFirstMonth(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time
		days  int
		width int
		want  string // the axis begins with it
	}{
		{"room for the year", time.Date(2026, 9, 10, 0, 0, 0, 0, time.UTC), 150, 100, "Sep 2026"},
		{"a short first month", time.Date(2026, 9, 24, 0, 0, 0, 0, time.UTC), 125, 100, "Sep "},
		{"quarters", time.Date(2027, 2, 4, 0, 0, 0, 0, time.UTC), 548, 100, "Q1 2027"},
		{"starting on the first is a tick", time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC), 150, 100, "Oct "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ph := model.Phase{Name: "Run", PlannedStart: tt.start, PlannedEnd: tt.start.AddDate(0, 0, tt.days-1)}
			tl := LayoutTimeline([]model.Phase{ph}, tt.start, tt.width)
			labelW, _ := timelineColumns(tt.width)
			axis := string([]rune(tl.Header[len(tl.Header)-2])[labelW+timelineGutter:])
			if !strings.HasPrefix(axis, tt.want) {
				t.Errorf("axis = %q, want it to begin with %q", axis, tt.want)
			}
			if w := ansi.StringWidth(tl.Header[len(tl.Header)-2]); w != tt.width {
				t.Errorf("axis is %d cells, want %d", w, tt.width)
			}
		})
	}
}

// Days and weeks name their year on the first label and where a new year
// begins, so a plan across New Year reads without the span line.
func TestTimelineWeeksNameTheirYear(t *testing.T) {
	start := time.Date(2026, 10, 3, 0, 0, 0, 0, time.UTC)
	ph := model.Phase{Name: "Roll-out", PlannedStart: start, PlannedEnd: time.Date(2027, 2, 4, 0, 0, 0, 0, time.UTC)}
	tl := LayoutTimeline([]model.Phase{ph}, start, 200)
	axis := tl.Header[len(tl.Header)-2]
	if !strings.Contains(axis, "Oct 5 2026") || !strings.Contains(axis, "Jan 4 2027") || strings.Count(axis, "2026") != 1 {
		t.Fatalf("axis = %q: want the year on its first week and on the first week of 2027 only", axis)
	}
	if w := ansi.StringWidth(axis); w != 200 {
		t.Fatalf("axis is %d cells", w)
	}
}

// At 80 columns the legend takes two lines rather than cutting its last
// entry, and breaks between entries only.
func TestTimelineLegendWrapsBetweenEntries(t *testing.T) {
	for _, width := range []int{60, 76, 100} {
		var legend []string
		for _, l := range legendLines(width) {
			if w := ansi.StringWidth(l); w > width {
				t.Errorf("width %d: legend line %q is %d wide", width, l, w)
			}
			legend = append(legend, strings.TrimSpace(l))
		}
		if got := strings.Join(legend, "  "); got != TimelineLegend {
			t.Errorf("width %d: the legend reads %q, want every entry whole: %q", width, got, TimelineLegend)
		}
		if width == 100 && len(legend) != 1 {
			t.Errorf("width 100: %d legend lines, want 1", len(legend))
		}
	}
}
