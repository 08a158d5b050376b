package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Parsing of the ratings as people type them (forms, triage prompts,
// spreadsheets). Empty text means "not rated yet"; anything else must be a
// valid value, and the error says what to type instead.

// ParseImpact reads an impact: "" (unrated) or a whole number from 1 to 5.
func ParseImpact(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return 0, fmt.Errorf("impact %q is not a whole number: type %d to %d, or leave it empty", SanitizeLine(s), MinImpact, MaxImpact)
	}
	if n == 0 {
		return 0, fmt.Errorf("impact 0 is out of range: use %d to %d, or leave it empty", MinImpact, MaxImpact)
	}
	if err := checkImpact(n); err != nil {
		return 0, err
	}
	return n, nil
}

func checkImpact(n int) error {
	if n != 0 && (n < MinImpact || n > MaxImpact) {
		return fmt.Errorf("impact %d is out of range: use %d to %d", n, MinImpact, MaxImpact)
	}
	return nil
}

// ParseEstimate reads an estimate in hours: "" (none), "12", "1.5", "1,5"
// (a decimal comma, as French spreadsheets write it), optionally followed
// by "h".
func ParseEstimate(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	num := strings.TrimSpace(strings.TrimSuffix(strings.ToLower(s), "h"))
	num = strings.Replace(num, ",", ".", 1)
	h, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(h, 0) || math.IsNaN(h) {
		return 0, fmt.Errorf("estimate %q is not a number of hours: type e.g. 6 or 1.5", SanitizeLine(s))
	}
	if err := checkEstimate(h); err != nil {
		return 0, err
	}
	return h, nil
}

func checkEstimate(h float64) error {
	switch {
	case math.IsNaN(h):
		return fmt.Errorf("estimate is not a number: use hours from 0 to %d", MaxEstimateHrs)
	case h < 0:
		return fmt.Errorf("estimate %g h is negative: use hours from 0 to %d", h, MaxEstimateHrs)
	case h > MaxEstimateHrs:
		return fmt.Errorf("estimate %g h is over %d h: split the request or check the figure", h, MaxEstimateHrs)
	}
	return nil
}

// ParseComplexity reads a complexity: "" (unrated), low, medium or high,
// or their first letter.
func ParseComplexity(s string) (Complexity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return ComplexityUnrated, nil
	case "l", "low":
		return ComplexityLow, nil
	case "m", "med", "medium":
		return ComplexityMedium, nil
	case "h", "high":
		return ComplexityHigh, nil
	}
	return ComplexityUnrated, fmt.Errorf("unknown complexity %q: use low, medium or high", SanitizeLine(s))
}

// ParseDecision reads a decision: "" or undecided, now, later, reject (or
// rejected).
func ParseDecision(s string) (Decision, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "undecided":
		return DecisionUndecided, nil
	case "now":
		return DecisionNow, nil
	case "later":
		return DecisionLater, nil
	case "reject", "rejected":
		return DecisionRejected, nil
	}
	return DecisionUndecided, fmt.Errorf("unknown decision %q: use now, later or reject", SanitizeLine(s))
}
