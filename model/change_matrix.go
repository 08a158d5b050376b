package model

import "fmt"

// QuadrantSummary is one cell of the impact/effort matrix.
type QuadrantSummary struct {
	Quadrant Quadrant
	Count    int
	Hours    float64
	// Top are the IDs of the cell's first requests in priority order.
	Top []uint64
}

// Matrix summarises requests per quadrant, indexed by Quadrant (the four
// rated quadrants, then Unrated): how many, their total estimate and the
// IDs of the top requests in priority order, at most top of them.
// Rejected requests are left out (RejectedTotal counts them).
func Matrix(crs []ChangeRequest, top int) [Unrated + 1]QuadrantSummary {
	var out [Unrated + 1]QuadrantSummary
	best := make([][]ChangeRequest, len(out))
	for i := range out {
		out[i].Quadrant = Quadrant(i)
	}
	for _, c := range crs {
		if c.Rejected() {
			continue // shown apart: see RejectedTotal
		}
		q := QuadrantOf(c)
		cell := &out[q]
		cell.Count++
		cell.Hours += c.EstimateHrs
		best[q] = insertTop(best[q], c, top)
	}
	for i, b := range best {
		for _, c := range b {
			out[i].Top = append(out[i].Top, c.ID)
		}
	}
	return out
}

// insertTop keeps the top n requests in priority order; n is small, so an
// insertion into a short slice beats sorting the whole cell.
func insertTop(best []ChangeRequest, c ChangeRequest, n int) []ChangeRequest {
	if n <= 0 {
		return best
	}
	i := len(best)
	for i > 0 && ComparePriority(c, best[i-1]) < 0 {
		i--
	}
	if i >= n {
		return best
	}
	if len(best) < n {
		best = append(best, ChangeRequest{})
	}
	copy(best[i+1:], best[i:len(best)-1])
	best[i] = c
	return best
}

// Rejected tells whether the request was turned down: its hours are no
// work to plan, so totals leave it out and show it apart.
func (c ChangeRequest) Rejected() bool {
	return c.Status == StatusRejected || c.Decision == DecisionRejected
}

// RejectedTotal counts the rejected requests and their estimated hours.
func RejectedTotal(crs []ChangeRequest) (n int, hours float64) {
	for _, c := range crs {
		if c.Rejected() {
			n++
			hours += c.EstimateHrs
		}
	}
	return n, hours
}

// RejectedLine says what the totals left out: "rejected: 2 requests, 14 h".
func RejectedLine(n int, hours float64) string {
	what := "requests"
	if n == 1 {
		what = "request"
	}
	return fmt.Sprintf("rejected: %d %s, %s h", n, what, formatHours(hours))
}
