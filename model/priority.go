package model

import (
	"cmp"
	"fmt"
	"slices"
	"time"
)

// Quadrant is a change request's place in the impact/effort matrix.
type Quadrant int

const (
	QuickWin     Quadrant = iota // high impact, low effort
	MajorProject                 // high impact, high effort
	FillIn                       // low impact, low effort
	MoneyPit                     // low impact, high effort
	Unrated                      // not yet rated: impact or complexity missing
)

var quadrantNames = [...]string{"quick win", "major project", "fill-in", "money pit", "unrated"}

func (q Quadrant) String() string {
	if q < 0 || int(q) >= len(quadrantNames) {
		return "?"
	}
	return quadrantNames[q]
}

// Quadrants lists the four rated quadrants in priority order.
var Quadrants = []Quadrant{QuickWin, MajorProject, FillIn, MoneyPit}

// The quadrant rule, in one place:
//
//   - impact is HIGH when it is HighImpactFrom (3) or more on the 1–5 scale;
//   - effort is HIGH when complexity is high, or when the estimate is more
//     than HighEffortOverHours (40 h, one working week) whatever the
//     complexity; low and medium complexity within a week count as low effort.
//
// A request with no impact or no complexity is Unrated.
const (
	HighImpactFrom      = 3
	HighEffortOverHours = 40.0
)

// QuadrantOf applies the quadrant rule.
func QuadrantOf(c ChangeRequest) Quadrant {
	if !c.Rated() {
		return Unrated
	}
	highImpact := c.Impact >= HighImpactFrom
	highEffort := c.Complexity == ComplexityHigh || c.EstimateHrs > HighEffortOverHours
	switch {
	case highImpact && !highEffort:
		return QuickWin
	case highImpact && highEffort:
		return MajorProject
	case !highImpact && !highEffort:
		return FillIn
	default:
		return MoneyPit
	}
}

// ImpactPerHour is the value density used to order requests inside a
// quadrant. An estimate under one hour counts as one hour so that a missing
// estimate does not divide by zero or jump the queue.
func ImpactPerHour(c ChangeRequest) float64 {
	return float64(c.Impact) / max(c.EstimateHrs, 1)
}

// ComparePriority orders two requests: quick wins first, then major
// projects, fill-ins, money pits, unrated last; inside a quadrant by impact
// per hour (higher first), then age (older first), then ID.
func ComparePriority(a, b ChangeRequest) int {
	if c := cmp.Compare(QuadrantOf(a), QuadrantOf(b)); c != 0 {
		return c
	}
	if c := cmp.Compare(ImpactPerHour(b), ImpactPerHour(a)); c != 0 {
		return c
	}
	if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// SortByPriority sorts requests in place in priority order.
func SortByPriority(crs []ChangeRequest) {
	slices.SortStableFunc(crs, ComparePriority)
}

// Age is how long a request has waited, in whole days.
func Age(c ChangeRequest, now time.Time) int {
	if c.CreatedAt.IsZero() || now.Before(c.CreatedAt) {
		return 0
	}
	return int(now.Sub(c.CreatedAt).Hours() / 24)
}

// AgeText says an age in days as a person would: "today", "1 day ago",
// "12 days ago".
func AgeText(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "1 day ago"
	}
	return fmt.Sprintf("%d days ago", days)
}
