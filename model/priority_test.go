package model

import (
	"slices"
	"testing"
	"time"
)

func TestQuadrantOf(t *testing.T) {
	tests := []struct {
		name   string
		impact int
		cx     Complexity
		est    float64
		want   Quadrant
	}{
		// impact boundary: 2 is low, 3 is high
		{"impact 2 low effort", 2, ComplexityLow, 8, FillIn},
		{"impact 3 low effort", 3, ComplexityLow, 8, QuickWin},
		{"impact 2 high cx", 2, ComplexityHigh, 8, MoneyPit},
		{"impact 3 high cx", 3, ComplexityHigh, 8, MajorProject},
		{"impact 1", 1, ComplexityLow, 1, FillIn},
		{"impact 5", 5, ComplexityLow, 1, QuickWin},
		// estimate boundary: 40 h is low effort, more is high
		{"est 40 impact 3", 3, ComplexityLow, 40, QuickWin},
		{"est 40.01 impact 3", 3, ComplexityLow, 40.01, MajorProject},
		{"est 40 impact 2", 2, ComplexityMedium, 40, FillIn},
		{"est 40.01 impact 2", 2, ComplexityMedium, 40.01, MoneyPit},
		{"est 0", 4, ComplexityLow, 0, QuickWin},
		// each complexity within a week
		{"low cx", 4, ComplexityLow, 10, QuickWin},
		{"medium cx", 4, ComplexityMedium, 10, QuickWin},
		{"high cx", 4, ComplexityHigh, 10, MajorProject},
		{"high cx no estimate", 1, ComplexityHigh, 0, MoneyPit},
		{"medium cx long", 4, ComplexityMedium, 100, MajorProject},
		// unrated
		{"no impact", 0, ComplexityLow, 5, Unrated},
		{"no complexity", 4, ComplexityUnrated, 5, Unrated},
		{"nothing", 0, ComplexityUnrated, 0, Unrated},
		{"no complexity long", 5, ComplexityUnrated, 400, Unrated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ChangeRequest{Impact: tt.impact, Complexity: tt.cx, EstimateHrs: tt.est}
			if got := QuadrantOf(c); got != tt.want {
				t.Errorf("QuadrantOf(impact %d, %s, %g h) = %s, want %s", tt.impact, tt.cx, tt.est, got, tt.want)
			}
		})
	}
}

func TestQuadrantString(t *testing.T) {
	for q, want := range map[Quadrant]string{QuickWin: "quick win", MajorProject: "major project",
		FillIn: "fill-in", MoneyPit: "money pit", Unrated: "unrated", Quadrant(9): "?", Quadrant(-1): "?"} {
		if got := q.String(); got != want {
			t.Errorf("Quadrant(%d).String() = %q, want %q", int(q), got, want)
		}
	}
}

func TestImpactPerHour(t *testing.T) {
	tests := []struct {
		impact int
		est    float64
		want   float64
	}{
		{4, 0, 4},    // no estimate counts as 1 h
		{4, 0.5, 4},  // under an hour counts as 1 h
		{4, 1, 4},    //
		{4, 2, 2},    //
		{3, 30, 0.1}, //
		{0, 10, 0},   // unrated
	}
	for _, tt := range tests {
		if got := ImpactPerHour(ChangeRequest{Impact: tt.impact, EstimateHrs: tt.est}); got != tt.want {
			t.Errorf("ImpactPerHour(%d, %g) = %g, want %g", tt.impact, tt.est, got, tt.want)
		}
	}
}

func TestComparePriority(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 9, 0, 0, 0, time.UTC)
	older, newer := t0, t0.Add(time.Hour)
	qw := ChangeRequest{ID: 1, Impact: 3, Complexity: ComplexityLow, EstimateHrs: 8, CreatedAt: older}
	tests := []struct {
		name string
		a, b ChangeRequest
		want int // sign
	}{
		{"quick win before major", qw, ChangeRequest{ID: 2, Impact: 5, Complexity: ComplexityHigh, EstimateHrs: 1}, -1},
		{"major before fill-in", ChangeRequest{ID: 2, Impact: 3, Complexity: ComplexityHigh, EstimateHrs: 100},
			ChangeRequest{ID: 3, Impact: 2, Complexity: ComplexityLow, EstimateHrs: 1}, -1},
		{"fill-in before money pit", ChangeRequest{ID: 9, Impact: 1, Complexity: ComplexityLow, EstimateHrs: 40},
			ChangeRequest{ID: 3, Impact: 2, Complexity: ComplexityHigh, EstimateHrs: 1}, -1},
		{"money pit before unrated", ChangeRequest{ID: 9, Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 1000},
			ChangeRequest{ID: 3, Impact: 5}, -1},
		{"higher impact per hour first", ChangeRequest{ID: 9, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 2, CreatedAt: newer},
			ChangeRequest{ID: 1, Impact: 5, Complexity: ComplexityLow, EstimateHrs: 10, CreatedAt: older}, -1},
		{"estimate 0 counts as 1 h: tie with 1 h, older first",
			ChangeRequest{ID: 9, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 0, CreatedAt: older},
			ChangeRequest{ID: 1, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 1, CreatedAt: newer}, -1},
		{"estimate 0 does not jump the queue",
			ChangeRequest{ID: 1, Impact: 3, Complexity: ComplexityLow, EstimateHrs: 0, CreatedAt: older},
			ChangeRequest{ID: 2, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 0.5, CreatedAt: newer}, 1},
		{"same density: older first", ChangeRequest{ID: 9, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 4, CreatedAt: older},
			ChangeRequest{ID: 1, Impact: 3, Complexity: ComplexityMedium, EstimateHrs: 3, CreatedAt: newer}, -1},
		{"all equal: lower ID first", ChangeRequest{ID: 1, CreatedAt: older}, ChangeRequest{ID: 2, CreatedAt: older}, -1},
		{"identical", qw, qw, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := sign(ComparePriority(tt.a, tt.b))
			if got != tt.want {
				t.Errorf("ComparePriority = %d, want %d", got, tt.want)
			}
			if back := sign(ComparePriority(tt.b, tt.a)); back != -tt.want {
				t.Errorf("ComparePriority reversed = %d, want %d", back, -tt.want)
			}
		})
	}
}

func sign(n int) int {
	switch {
	case n < 0:
		return -1
	case n > 0:
		return 1
	}
	return 0
}

func TestSortByPriority(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	day := func(n int) time.Time { return t0.AddDate(0, 0, n) }
	crs := []ChangeRequest{
		{ID: 1, Title: "unrated", Impact: 0, CreatedAt: day(0)},
		{ID: 2, Title: "money pit", Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 80, CreatedAt: day(0)},
		{ID: 3, Title: "fill-in", Impact: 2, Complexity: ComplexityLow, EstimateHrs: 4, CreatedAt: day(0)},
		{ID: 4, Title: "major", Impact: 5, Complexity: ComplexityHigh, EstimateHrs: 60, CreatedAt: day(0)},
		{ID: 5, Title: "quick win dense", Impact: 4, Complexity: ComplexityLow, EstimateHrs: 1, CreatedAt: day(3)},
		{ID: 6, Title: "quick win sparse", Impact: 4, Complexity: ComplexityLow, EstimateHrs: 20, CreatedAt: day(0)},
		{ID: 7, Title: "quick win no estimate, old", Impact: 4, Complexity: ComplexityMedium, EstimateHrs: 0, CreatedAt: day(1)},
		{ID: 8, Title: "quick win tie, same age, higher ID", Impact: 4, Complexity: ComplexityLow, EstimateHrs: 1, CreatedAt: day(3)},
		{ID: 9, Title: "unrated older", Impact: 3, CreatedAt: day(-1)},
	}
	SortByPriority(crs)
	var got []uint64
	for _, c := range crs {
		got = append(got, c.ID)
	}
	want := []uint64{7, 5, 8, 6, 4, 3, 2, 9, 1}
	if !slices.Equal(got, want) {
		t.Errorf("order = %v, want %v", got, want)
	}
}

func TestAge(t *testing.T) {
	t0 := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		created, now time.Time
		want         int
	}{
		{time.Time{}, t0, 0},
		{t0, t0, 0},
		{t0, t0.Add(23 * time.Hour), 0},
		{t0, t0.Add(24 * time.Hour), 1},
		{t0, t0.AddDate(0, 0, 10), 10},
		{t0, t0.Add(-time.Hour), 0}, // clock skew
	}
	for _, tt := range tests {
		if got := Age(ChangeRequest{CreatedAt: tt.created}, tt.now); got != tt.want {
			t.Errorf("Age(%v, %v) = %d, want %d", tt.created, tt.now, got, tt.want)
		}
	}
}

func TestAgeText(t *testing.T) {
	for days, want := range map[int]string{0: "today", 1: "1 day ago", 2: "2 days ago", 40: "40 days ago"} {
		if got := AgeText(days); got != want {
			t.Errorf("AgeText(%d) = %q, want %q", days, got, want)
		}
	}
}
