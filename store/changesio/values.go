package changesio

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
)

// The value tables map folded words, English and French, to model values.
// An empty cell always means "not set": unrated, undecided, new.

var complexityWords = map[string]model.Complexity{
	"low": model.ComplexityLow, "faible": model.ComplexityLow, "bas": model.ComplexityLow, "basse": model.ComplexityLow,
	"medium": model.ComplexityMedium, "moyen": model.ComplexityMedium, "moyenne": model.ComplexityMedium,
	"high": model.ComplexityHigh, "eleve": model.ComplexityHigh, "elevee": model.ComplexityHigh,
	"haut": model.ComplexityHigh, "haute": model.ComplexityHigh, "fort": model.ComplexityHigh, "forte": model.ComplexityHigh,
}

var decisionWords = map[string]model.Decision{
	"undecided": model.DecisionUndecided, "a decider": model.DecisionUndecided, "non decide": model.DecisionUndecided,
	"now": model.DecisionNow, "maintenant": model.DecisionNow,
	"later": model.DecisionLater, "plus tard": model.DecisionLater, "backlog": model.DecisionLater,
	"reject": model.DecisionRejected, "rejected": model.DecisionRejected, "rejete": model.DecisionRejected,
	"rejetee": model.DecisionRejected, "rejet": model.DecisionRejected, "refuse": model.DecisionRejected, "refusee": model.DecisionRejected,
}

var statusWords = map[string]model.CRStatus{
	"new": model.StatusNew, "nouveau": model.StatusNew, "nouvelle": model.StatusNew,
	"triaged": model.StatusTriaged, "trie": model.StatusTriaged, "triee": model.StatusTriaged,
	"in progress": model.StatusInProgress, "en cours": model.StatusInProgress,
	"ready for retest": model.StatusReadyForRetest, "a retester": model.StatusReadyForRetest,
	"pret pour retest": model.StatusReadyForRetest, "pret a retester": model.StatusReadyForRetest,
	"verified": model.StatusVerified, "verifie": model.StatusVerified, "verifiee": model.StatusVerified,
	"rejected": model.StatusRejected, "rejete": model.StatusRejected, "rejetee": model.StatusRejected,
	"refuse": model.StatusRejected, "refusee": model.StatusRejected,
	"deferred": model.StatusDeferred, "reporte": model.StatusDeferred, "reportee": model.StatusDeferred,
	"differe": model.StatusDeferred, "differee": model.StatusDeferred,
}

var areaWords = map[string]model.Area{
	"data fields": model.AreaDataFields, "champs de donnees": model.AreaDataFields, "champs": model.AreaDataFields, "donnees": model.AreaDataFields,
	"workflow": model.AreaWorkflow, "flux de travail": model.AreaWorkflow, "flux": model.AreaWorkflow,
	"security": model.AreaSecurity, "securite": model.AreaSecurity,
	"reporting": model.AreaReporting, "rapports": model.AreaReporting,
	"integration": model.AreaIntegration, "integrations": model.AreaIntegration,
	"other": model.AreaOther, "autre": model.AreaOther,
}

// lookup finds a folded word in a table; the second result says whether
// the cell was empty or known.
func lookup[T any](table map[string]T, cell string) (T, bool) {
	v, ok := table[fold(cell)]
	return v, ok
}

func parseComplexity(cell string) (model.Complexity, string) {
	if strings.TrimSpace(cell) == "" {
		return model.ComplexityUnrated, ""
	}
	if v, ok := lookup(complexityWords, cell); ok {
		return v, ""
	}
	return 0, fmt.Sprintf("%q is not a complexity: use low, medium or high (faible, moyenne, élevée), or leave it empty", clip(cell))
}

func parseDecision(cell string) (model.Decision, string) {
	if strings.TrimSpace(cell) == "" {
		return model.DecisionUndecided, ""
	}
	if v, ok := lookup(decisionWords, cell); ok {
		return v, ""
	}
	return 0, fmt.Sprintf("%q is not a decision: use now, later or reject (maintenant, plus tard, rejeté), or leave it empty", clip(cell))
}

func parseStatus(cell string) (model.CRStatus, string) {
	if strings.TrimSpace(cell) == "" {
		return model.StatusNew, ""
	}
	if v, ok := lookup(statusWords, cell); ok {
		return v, ""
	}
	return 0, fmt.Sprintf("%q is not a status: use new, triaged, in progress, ready for retest, verified, rejected or deferred (nouveau, trié, en cours, à retester, vérifié, rejeté, reporté)", clip(cell))
}

func parseArea(cell string) (model.Area, string) {
	if strings.TrimSpace(cell) == "" {
		return "", ""
	}
	if v, ok := lookup(areaWords, cell); ok {
		return v, ""
	}
	return "", fmt.Sprintf("%q is not an area: use data fields, workflow, security, reporting, integration or other", clip(cell))
}

// parseNumber reads a number written the English way (2.5) or the French
// way (2,5), with spaces (also no-break ones) as thousands separators.
func parseNumber(cell string) (float64, bool) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, cell)
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

func parseImpact(cell string) (int, string) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, ""
	}
	v, ok := parseNumber(s)
	if !ok || v != math.Trunc(v) {
		return 0, fmt.Sprintf("%q is not a whole number: rate the impact from %d (least) to %d (most), or leave it empty", clip(cell), model.MinImpact, model.MaxImpact)
	}
	if v == 0 {
		return 0, "" // 0 is how some sheets say "not rated yet"
	}
	if v < model.MinImpact || v > model.MaxImpact {
		return 0, fmt.Sprintf("%s is out of range: rate the impact from %d (least) to %d (most), or leave it empty", clip(s), model.MinImpact, model.MaxImpact)
	}
	return int(v), ""
}

// estimateUnits are the unit words a spreadsheet may put after the hours.
var estimateUnits = []string{"hours", "hour", "heures", "heure", "hrs", "hr", "h"}

func parseEstimate(cell string) (float64, string) {
	s := strings.TrimSpace(cell)
	if s == "" {
		return 0, ""
	}
	low := strings.ToLower(s)
	for _, u := range estimateUnits {
		if strings.HasSuffix(low, u) {
			s = strings.TrimSpace(s[:len(s)-len(u)])
			break
		}
	}
	v, ok := parseNumber(s)
	if !ok {
		return 0, fmt.Sprintf("%q is not a number of hours: write it like 6 or 6.5 (6,5)", clip(cell))
	}
	if v < 0 || v > model.MaxEstimateHrs {
		return 0, fmt.Sprintf("%s is out of range: estimate from 0 to %d hours", clip(strings.TrimSpace(cell)), model.MaxEstimateHrs)
	}
	return v, ""
}

// dateLayouts are the date forms accepted, most precise first. Day-first
// dates (31/12/2025) are the French and European way.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	model.DateLayout,
	"02/01/2006 15:04:05",
	"02/01/2006 15:04",
	"02/01/2006",
	"2/1/2006",
}

// parseCreated reads a creation date. serial allows an Excel date number
// (days since 1899-12-30), which XLSX cells hold for dates.
func parseCreated(cell string, serial bool) (time.Time, string) {
	s := strings.TrimSpace(cell)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), ""
		}
	}
	if serial {
		if v, err := strconv.ParseFloat(s, 64); err == nil && v >= 1 && v < 2958466 {
			if t, err := excelize.ExcelDateToTime(v, false); err == nil {
				return t.UTC(), ""
			}
		}
	}
	return time.Time{}, fmt.Sprintf("%q is not a date: write it as YYYY-MM-DD or DD/MM/YYYY", clip(cell))
}

// clip shortens a cell quoted in a message.
func clip(s string) string {
	s = model.SanitizeLine(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
