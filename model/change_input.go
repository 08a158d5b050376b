package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Parsing of the values of a change request as people type them (forms,
// triage prompts, the command line) and as spreadsheets and other tools
// write them (imports): one parser per value, used by all. Empty text
// means "not set yet" (unrated, undecided, new); anything else must be a
// value the field takes, and the error (a *ValueError) says what to write
// instead.

// ParseImpact reads an impact on mopdeck's scale: "" (unrated), a whole
// number from 1 to 5 ("4", "4.0", "4,0"), a level word (high → 4, see
// levelWords), or a numbered level such as ServiceNow's "1 - High" or
// "P2", read as a priority (1 the highest).
func ParseImpact(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if v, ok := ParseNumber(s); ok {
		if v != math.Trunc(v) {
			return 0, newValueError(s, "is not a whole number", "values that are not whole numbers",
				fmt.Sprintf("type %d to %d, or leave it empty", MinImpact, MaxImpact))
		}
		if v < MinImpact || v > MaxImpact {
			e := newValueError(s, "is out of range", "values out of range",
				fmt.Sprintf("rate the impact from %d (least) to %d (most), or leave it empty", MinImpact, MaxImpact))
			e.Text = fmt.Sprintf("impact %s is out of range: use %d to %d, or leave it empty", e.Value, MinImpact, MaxImpact)
			return 0, e
		}
		return int(v), nil
	}
	if n, ok := numberedLevel(s); ok {
		return n, nil
	}
	if n, ok := levelWords[FoldWord(s)]; ok {
		return n, nil
	}
	return 0, newValueError(s, "is not an impact", "unknown values",
		fmt.Sprintf("type %d (least) to %d (most), or a level such as high or low, or leave it empty", MinImpact, MaxImpact))
}

// ParsePriority reads a priority as an impact, for files that rate
// requests by priority instead. Numbers count from the top, as every tool
// that numbers priorities does: 1 (or P1) is the highest and becomes
// impact 5, 2 becomes 4, down to 5 and beyond, which become 1. Words are
// read as levels (Highest, Blocker, Très haute → 5; High, Major → 4;
// Medium → 3; Low, Minor → 2; Lowest, Trivial → 1). A number and a word
// together ("1 - High", "P2 - Major") are read by the number.
func ParsePriority(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	if n, ok := numberedLevel(s); ok {
		return n, nil
	}
	if v, ok := ParseNumber(s); ok && v == math.Trunc(v) && v >= 0 && v < 1000 {
		return priorityImpact(int(v)), nil
	}
	if n, ok := levelWords[FoldWord(s)]; ok {
		return n, nil
	}
	return 0, newValueError(s, "is not a priority", "unknown values",
		"use 1 (highest) to 5, P1 to P5, or a word such as highest, high, medium, low, lowest")
}

// priorityImpact turns a priority number (1 the highest) into an impact.
func priorityImpact(n int) int {
	return max(MaxImpact-max(n, 1)+1, MinImpact)
}

// numberedLevel reads "P1", "1 - High", "P2 - Major", "2: Medium": a
// priority number, with or without a word after it.
func numberedLevel(s string) (int, bool) {
	head, rest := s, ""
	if i := strings.IndexAny(s, " -–:"); i > 0 {
		head, rest = s[:i], strings.TrimSpace(strings.TrimLeft(s[i:], " -–:"))
	}
	digits := strings.TrimPrefix(strings.TrimPrefix(head, "P"), "p")
	if len(digits) == len(head) && rest == "" {
		return 0, false // a bare number: the caller knows its scale
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || n > 999 {
		return 0, false
	}
	if rest != "" {
		if _, known := levelWords[FoldWord(rest)]; !known {
			return 0, false
		}
	}
	return priorityImpact(n), true
}

func checkImpact(n int) error {
	if n != 0 && (n < MinImpact || n > MaxImpact) {
		return fmt.Errorf("impact %d is out of range: use %d to %d", n, MinImpact, MaxImpact)
	}
	return nil
}

// estimateUnits are the unit words that may follow a number of hours.
var estimateUnits = []string{"hours", "hour", "heures", "heure", "horas", "hora", "stunden", "hrs", "hr", "h"}

// ParseEstimate reads an estimate in hours: "" (none), "12", "1.5", "1,5"
// (a decimal comma, as French spreadsheets write it), "1 200" (spaces
// between thousands), optionally followed by a unit (h, hours, heures).
func ParseEstimate(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	num := s
	low := strings.ToLower(num)
	for _, u := range estimateUnits {
		if strings.HasSuffix(low, u) {
			num = strings.TrimSpace(num[:len(num)-len(u)])
			break
		}
	}
	h, ok := ParseNumber(num)
	if !ok {
		return 0, newValueError(s, "is not a number of hours", "values that are not numbers of hours",
			"type e.g. 6 or 1.5 (1,5)")
	}
	if err := checkEstimate(h); err != nil {
		e := newValueError(s, "is out of range", "values out of range",
			fmt.Sprintf("estimate from 0 to %d hours", MaxEstimateHrs))
		e.Text = err.Error()
		return 0, e
	}
	return h, nil
}

// ParseSeconds reads a duration in seconds, as Jira exports its time
// estimates, and returns hours.
func ParseSeconds(s string) (float64, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	v, ok := ParseNumber(s)
	if !ok {
		return 0, newValueError(s, "is not a number of seconds", "values that are not numbers of seconds",
			"Jira writes estimates in seconds, e.g. 7200 for 2 hours")
	}
	h := v / 3600
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

// ParseNumber reads a number written the English way (2.5) or the French
// way (2,5), with spaces (also no-break ones) between thousands. NaN and
// infinities are not numbers.
func ParseNumber(s string) (float64, bool) {
	if strings.ContainsAny(s, " \u00a0\u202f") {
		s = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\u00a0' || r == '\u202f' {
				return -1
			}
			return r
		}, s)
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	if s == "" || !(s[0] >= '0' && s[0] <= '9' || s[0] == '-' || s[0] == '+' || s[0] == '.') {
		return 0, false // "Inf", "NaN", "0x1p3" are not what people mean
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// ParseComplexity reads a complexity: "" (unrated), low, medium or high,
// their first letter, their French words (faible, moyenne, élevée) and
// t-shirt sizes (S, M, L).
func ParseComplexity(s string) (Complexity, error) {
	if strings.TrimSpace(s) == "" {
		return ComplexityUnrated, nil
	}
	if v, ok := complexityWords[FoldWord(s)]; ok {
		return v, nil
	}
	return ComplexityUnrated, newValueError(s, "is not a complexity", "unknown values",
		"use low, medium or high (faible, moyenne, élevée), or leave it empty")
}

// ParseDecision reads a decision: "" or undecided, now, later, reject (or
// rejected), and their French words (maintenant, plus tard, rejeté).
func ParseDecision(s string) (Decision, error) {
	if strings.TrimSpace(s) == "" {
		return DecisionUndecided, nil
	}
	if v, ok := decisionWords[FoldWord(s)]; ok {
		return v, nil
	}
	return DecisionUndecided, newValueError(s, "is not a decision", "unknown values",
		"use now, later or reject (maintenant, plus tard, rejeté), or leave it empty")
}

// ParseStatus reads a status: "" (new), mopdeck's own names, their French
// words, and the steps of Jira, Azure DevOps, GitHub, ServiceNow and GLPI
// workflows (see statusWords).
func ParseStatus(s string) (CRStatus, error) {
	if strings.TrimSpace(s) == "" {
		return StatusNew, nil
	}
	if v, ok := statusWords[FoldWord(s)]; ok {
		return v, nil
	}
	return StatusNew, newValueError(s, "is not a status", "unknown values",
		"use new, triaged, in progress, ready for retest, verified, rejected or deferred (nouveau, trié, en cours, à retester, vérifié, rejeté, reporté)")
}

// ParseStatusCategory reads Jira's status category (To Do, In Progress,
// Done), which stands for a status the vocabulary does not know.
func ParseStatusCategory(s string) (CRStatus, bool) {
	v, ok := statusCategoryWords[FoldWord(s)]
	return v, ok
}

// ParseArea reads an area. A known word gives its area; any other text is
// a free category of another tool ("Database", "Matériel > Imprimante"):
// it gives AreaOther and the text itself, to keep on the request.
func ParseArea(s string) (a Area, text string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", ""
	}
	if v, ok := areaWords[FoldWord(s)]; ok {
		return v, ""
	}
	return AreaOther, s
}
