package ui_test

import (
	"strings"
	"testing"

	"mopdeck/model"
	"mopdeck/ui"
	"mopdeck/ui/uitest"
)

// crRows counts the change-request rows drawn.
func crRows(m *ui.Model) int {
	n := 0
	for _, l := range strings.Split(phView(m), "\n") {
		if strings.HasPrefix(uitest.Unmarked(l), "CR-") {
			n++
		}
	}
	return n
}

// squeezed is the screen with every run of spaces made one, for checks
// that do not depend on column widths.
func squeezed(m *ui.Model) string {
	lines := strings.Split(phView(m), "\n")
	for i, l := range lines {
		lines[i] = strings.Join(strings.Fields(l), " ")
	}
	return strings.Join(lines, "\n")
}

// The table follows the filter as it is typed; enter keeps it, esc puts
// back the filter there was before the prompt opened.
func TestFilterFollowsTypingAndEscRestoresTheOneBefore(t *testing.T) {
	m := started(t, 120, 40, nil)
	press(t, m, "2")
	all := crRows(m)
	press(t, m, typed("/", "proofs")...)
	typing := crRows(m)
	if typing == 0 || typing >= all || !strings.Contains(phView(m), "filter: proofs") {
		t.Fatalf("the table did not follow the typing (%d of %d rows):\n%s", typing, all, phView(m))
	}
	press(t, m, "enter")
	if crRows(m) != typing || !strings.Contains(phView(m), "filter: proofs  (esc clears)") {
		t.Fatalf("enter did not keep the filter:\n%s", phView(m))
	}
	press(t, m, typed("/", "zzz")...)
	if crRows(m) != 0 || !strings.Contains(phView(m), "No request matches") {
		t.Fatalf("the table did not follow the added letters:\n%s", phView(m))
	}
	press(t, m, "esc")
	if crRows(m) != typing || !strings.Contains(phView(m), "filter: proofs  (esc clears)") {
		t.Fatalf("esc did not put back the filter there was (%d rows):\n%s", crRows(m), phView(m))
	}
}

// esc on a form that changed nothing closes it; on one with typing in it,
// it asks first, and n keeps the form with what was typed.
func TestEscOnAChangedFormAsksBeforeDiscarding(t *testing.T) {
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "2", "e", "esc")
	if v := phView(m); !strings.Contains(v, "sorted by") || strings.Contains(v, "(y/n)") {
		t.Fatalf("esc on an unchanged form did not close it at once:\n%s", v)
	}
	title := projectOf(t, s).Changes[0].Title
	press(t, m, "e", "X", "esc")
	if v := phView(m); !strings.Contains(v, "Discard the changes to CR-1? (y/n)") {
		t.Fatalf("esc on a changed form did not ask:\n%s", v)
	}
	press(t, m, "n")
	if v := phView(m); !strings.Contains(v, title+"X") {
		t.Fatalf("n did not keep the form with what was typed:\n%s", v)
	}
	press(t, m, "esc", "y")
	if v := phView(m); !strings.Contains(v, "sorted by") {
		t.Fatalf("y did not close the form:\n%s", v)
	}
	if got := projectOf(t, s).Changes[0].Title; got != title {
		t.Fatalf("the discarded title was saved: %q", got)
	}
}

// enter opens a request read-only, every field and the description
// rendered; e edits from there and the form comes back to it; esc goes
// back to the table. No key there changes the request.
func TestEnterOpensAReadOnlyDetail(t *testing.T) {
	m, s := newApp(t, func(d *model.ProjectData) { d.Changes[0].SourceKey = "JIRA-77" })
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	version := projectOf(t, s).Version
	press(t, m, "2", "enter")
	v := squeezed(m)
	for _, want := range []string{"CR-1 · read-only", "Add 'Budget owner' field", "Status verified decision now",
		"Quadrant quick win", "Impact 4 complexity low estimate 3 h", "Area data fields", "Raised by Thomas Moreau in Build",
		"Assignee Julien Roux", "Source key JIRA-77", "Finance asks who owns each budget line"} {
		if !strings.Contains(v, want) {
			t.Errorf("the detail lacks %q:\n%s", want, v)
		}
	}
	press(t, m, "x", "d", "space", "5", "n")
	if projectOf(t, s).Version != version || !strings.Contains(phView(m), "read-only") {
		t.Fatalf("a key on the read-only detail changed something:\n%s", phView(m))
	}
	press(t, m, "e")
	if !strings.Contains(phView(m), "Edit CR-1") {
		t.Fatalf("e did not edit from the detail:\n%s", phView(m))
	}
	press(t, m, "esc")
	if !strings.Contains(phView(m), "CR-1 · read-only") {
		t.Fatalf("the form did not come back to the detail:\n%s", phView(m))
	}
	press(t, m, "esc")
	if !strings.Contains(phView(m), "sorted by") {
		t.Fatalf("esc did not go back to the table:\n%s", phView(m))
	}
}

// Triage ends on a summary of the session's decisions with their hours;
// ← goes back to the request just decided, whose new decision the summary
// counts; enter returns to the table.
func TestTriageEndsOnASummaryAndLeftGoesBackToTheOneJustDecided(t *testing.T) {
	m, s := newApp(t, func(d *model.ProjectData) {
		for i, h := range map[int]float64{11: 6, 12: 10, 13: 3, 14: 4} {
			d.Changes[i].EstimateHrs = h
		}
	})
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	press(t, m, "2", "t", "n")
	if !strings.Contains(phView(m), "Triage · CR-13") {
		t.Fatalf("triage did not move on to CR-13:\n%s", phView(m))
	}
	press(t, m, "left")
	if !strings.Contains(phView(m), "Triage · CR-12") {
		t.Fatalf("← did not go back to CR-12, just decided:\n%s", phView(m))
	}
	press(t, m, "L", "x", "n", "n")
	v := squeezed(m)
	for _, want := range []string{"Triage done · 4 decided", "now 2 requests 7 h", "later 1 request 6 h", "rejected 1 request 10 h"} {
		if !strings.Contains(v, want) {
			t.Errorf("the summary lacks %q:\n%s", want, v)
		}
	}
	for _, c := range projectOf(t, s).Changes {
		if c.ID == 12 && c.Decision != model.DecisionLater {
			t.Fatalf("CR-12 decided again is %s, want later", c.Decision)
		}
	}
	press(t, m, "left")
	if !strings.Contains(phView(m), "Triage · CR-15") {
		t.Fatalf("← on the summary did not go back to CR-15:\n%s", phView(m))
	}
	press(t, m, "n", "enter")
	if !strings.Contains(phView(m), "sorted by") {
		t.Fatalf("enter on the summary did not go back to the table:\n%s", phView(m))
	}
}
