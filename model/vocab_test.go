package model

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// Every tool's words land on a step of mopdeck's workflow.
func TestStatusWordsOfOtherTools(t *testing.T) {
	for in, want := range map[string]CRStatus{
		// Jira
		"To Do": StatusNew, "In Progress": StatusInProgress, "Done": StatusVerified, "Won't Do": StatusRejected,
		"Selected for Development": StatusTriaged, "In Review": StatusReadyForRetest,
		// Azure DevOps
		"New": StatusNew, "Active": StatusInProgress, "Resolved": StatusReadyForRetest, "Closed": StatusVerified,
		"Removed": StatusRejected, "Approved": StatusTriaged, "Committed": StatusTriaged,
		// GitHub
		"open": StatusNew, "closed": StatusVerified,
		// ServiceNow changes
		"Assess": StatusNew, "Authorize": StatusTriaged, "Scheduled": StatusTriaged, "Implement": StatusInProgress,
		"Review": StatusReadyForRetest, "Canceled": StatusRejected,
		// GLPI
		"Nouveau": StatusNew, "En cours (Attribué)": StatusInProgress, "En cours (planifié)": StatusInProgress,
		"En attente": StatusDeferred, "Résolu": StatusReadyForRetest, "Clos": StatusVerified,
		// Portuguese Jira
		"Tarefas pendentes": StatusNew, "Em andamento": StatusInProgress, "Concluído": StatusVerified,
		// mopdeck's own, any case
		"READY FOR RETEST": StatusReadyForRetest, "à retester": StatusReadyForRetest, "": StatusNew,
	} {
		got, err := ParseStatus(in)
		if err != nil || got != want {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, s := range CRStatuses {
		if got, err := ParseStatus(s.String()); err != nil || got != s {
			t.Errorf("ParseStatus(%q) = %v, %v", s, got, err)
		}
	}
	_, err := ParseStatus("Selected for Tech Check")
	var ve *ValueError
	if !errors.As(err, &ve) || ve.Value != "Selected for Tech Check" || ve.Kind != "unknown values" {
		t.Errorf("unknown status: %#v", err)
	}
	if got, ok := ParseStatusCategory("Itens concluídos"); !ok || got != StatusVerified {
		t.Errorf("status category = %v %v", got, ok)
	}
}

// A status implies the decision that leads to it, and Decide agrees.
func TestImpliedDecisionAgreesWithDecide(t *testing.T) {
	for _, s := range CRStatuses {
		d := ImpliedDecision(s)
		if s == StatusNew {
			if d != DecisionUndecided {
				t.Errorf("new implies %v", d)
			}
			continue
		}
		got, err := Decide(ChangeRequest{Title: "x", Status: StatusNew}, d)
		if err != nil {
			t.Fatalf("Decide(new, %v): %v", d, err)
		}
		want := s
		if s == StatusInProgress || s == StatusReadyForRetest || s == StatusVerified {
			want = StatusTriaged // "now" starts the work; the rest follows by hand
		}
		if got.Status != want {
			t.Errorf("ImpliedDecision(%v) = %v, and Decide(new, %v) moves to %v, not %v", s, d, d, got.Status, want)
		}
	}
}

func TestPriorityBecomesImpact(t *testing.T) {
	for in, want := range map[string]int{
		"": 0, "Highest": 5, "High": 4, "Medium": 3, "Low": 2, "Lowest": 1,
		"Blocker": 5, "Critical": 5, "Major": 4, "Minor": 2, "Trivial": 1,
		"Très haute": 5, "Haute": 4, "Moyenne": 3, "Basse": 2, "Très basse": 1, "Majeure": 5,
		"P1 - Critical": 5, "P2": 4, "p3": 3, "P5": 1,
		// numbers count from the top (Azure DevOps 1–4, ServiceNow "1 - High")
		"1": 5, "2": 4, "3": 3, "4": 2, "5": 1, "9": 1, "0": 5,
		"1 - High": 5, "2 - Medium": 4, "4 - Low": 2, "5 - Planning": 1,
	} {
		got, err := ParsePriority(in)
		if err != nil || got != want {
			t.Errorf("ParsePriority(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := ParsePriority("soon"); err == nil || !strings.Contains(err.Error(), `"soon" is not a priority`) {
		t.Errorf("ParsePriority(soon) = %v", err)
	}
}

func TestComplexityDecisionAndAreaWords(t *testing.T) {
	for in, want := range map[string]Complexity{"S": ComplexityLow, "XL": ComplexityHigh, "Élevée": ComplexityHigh, "moyenne": ComplexityMedium, "simple": ComplexityLow} {
		if got, err := ParseComplexity(in); err != nil || got != want {
			t.Errorf("ParseComplexity(%q) = %v, %v", in, got, err)
		}
	}
	for in, want := range map[string]Decision{"plus tard": DecisionLater, "Won't fix": DecisionRejected, "Accepted": DecisionNow, "TBD": DecisionUndecided} {
		if got, err := ParseDecision(in); err != nil || got != want {
			t.Errorf("ParseDecision(%q) = %v, %v", in, got, err)
		}
	}
	for in, want := range map[string][2]string{
		"Sécurité": {"security", ""}, "integration": {"integration", ""},
		"Database": {"other", "Database"}, " Matériel > Imprimante ": {"other", "Matériel > Imprimante"}, "": {"", ""},
	} {
		a, text := ParseArea(in)
		if string(a) != want[0] || text != want[1] {
			t.Errorf("ParseArea(%q) = %q %q, want %q", in, a, text, want)
		}
	}
	c := ChangeRequest{Area: AreaOther, AreaText: "Database"}
	if c.AreaLabel() != "Database" {
		t.Errorf("AreaLabel = %q", c.AreaLabel())
	}
}

func TestPhaseAliases(t *testing.T) {
	mrm := []Phase{{ID: 1, Name: "Discovery"}, {ID: 4, Name: "Test"}, {ID: 5, Name: "Train"}, {ID: 6, Name: "Deploy"}}
	find := PhaseLookup(mrm)
	for in, want := range map[string]uint64{"test": 4, "Recette": 4, "UAT": 4, "Formation": 5, "Go-live": 6, "mise en production": 6, "cadrage": 1} {
		if id, ok := find(in); !ok || id != want {
			t.Errorf("find(%q) = %d %v, want %d", in, id, ok, want)
		}
	}
	if _, ok := find("Sprint 4"); ok {
		t.Error("an unknown phase was found")
	}
	// A project with a phase literally named after another's alias: the
	// name wins.
	own := PhaseLookup([]Phase{{ID: 1, Name: "Test"}, {ID: 2, Name: "Recette"}})
	if id, _ := own("recette"); id != 2 {
		t.Errorf("recette found %d, want the phase named so", id)
	}
	// Two phases sharing an alias: neither is guessed.
	both := PhaseLookup([]Phase{{ID: 1, Name: "Test"}, {ID: 2, Name: "User acceptance testing"}})
	if id, ok := both("qa"); ok {
		t.Errorf("qa found %d although two phases take it", id)
	}
}

// FuzzValueParsers: no input panics; what is accepted is a value the
// model takes; errors are one printable line.
func FuzzValueParsers(f *testing.F) {
	for _, s := range []string{"", "4", "4,0", "1 - High", "P0", "Très haute", "6,5 h", "1 200", "-0", "1e400", "NaN", "Inf",
		"0x1p3", "En cours (Attribué)", "won't do", "\x1b[2J", "\u202e3", "99999999999999999999", "P-1", "1 -", "-", "h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		oneLine := func(what string, err error) {
			if err == nil {
				return
			}
			msg := err.Error()
			if strings.ContainsAny(msg, "\n\r\x1b\x07") || !utf8.ValidString(msg) {
				t.Fatalf("%s(%q) error is not one safe line: %q", what, s, msg)
			}
		}
		if n, err := ParseImpact(s); err == nil && checkImpact(n) != nil {
			t.Fatalf("ParseImpact(%q) = %d, which Validate refuses", s, n)
		} else {
			oneLine("ParseImpact", err)
		}
		if n, err := ParsePriority(s); err == nil && (n < 0 || n > MaxImpact) {
			t.Fatalf("ParsePriority(%q) = %d", s, n)
		} else {
			oneLine("ParsePriority", err)
		}
		if h, err := ParseEstimate(s); err == nil && checkEstimate(h) != nil {
			t.Fatalf("ParseEstimate(%q) = %v, which Validate refuses", s, h)
		} else {
			oneLine("ParseEstimate", err)
		}
		if h, err := ParseSeconds(s); err == nil && checkEstimate(h) != nil {
			t.Fatalf("ParseSeconds(%q) = %v", s, h)
		}
		if c, err := ParseComplexity(s); err == nil && (c < ComplexityUnrated || c > ComplexityHigh) {
			t.Fatalf("ParseComplexity(%q) = %v", s, c)
		} else {
			oneLine("ParseComplexity", err)
		}
		if st, err := ParseStatus(s); err == nil && !knownStatus(st) {
			t.Fatalf("ParseStatus(%q) = %v", s, st)
		} else {
			oneLine("ParseStatus", err)
		}
		if d, err := ParseDecision(s); err == nil && (d < DecisionUndecided || d > DecisionRejected) {
			t.Fatalf("ParseDecision(%q) = %v", s, d)
		}
		a, text := ParseArea(s)
		if (a != "" && !validArea(a)) || (text != "" && a != AreaOther) {
			t.Fatalf("ParseArea(%q) = %q %q", s, a, text)
		}
		if FoldWord(FoldWord(s)) != FoldWord(s) {
			t.Fatalf("FoldWord is not stable on %q", s)
		}
	})
}
