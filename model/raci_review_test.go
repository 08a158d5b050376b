package model

import (
	"strings"
	"testing"
)

// reviewFixture: Design has "Brief" (Léa A/R) and "Plan" (Léa A, Hugo A);
// Build has "Code" (Hugo R, no A); the gate of Design is "Design gate"
// with Hugo A/R.
func reviewFixture() ProjectData {
	return ProjectData{
		Project: Project{Name: "P"},
		Phases:  []Phase{{ID: 1, Name: "Design", Order: 0}, {ID: 2, Name: "Build", Order: 1}},
		People:  []Person{{ID: 1, Name: "Léa"}, {ID: 2, Name: "Hugo"}},
		Activities: []Activity{
			{ID: 1, Name: "Brief", PhaseID: 1, Order: 0},
			{ID: 2, Name: "Plan", PhaseID: 1, Order: 1},
			{ID: 3, Name: "Code", PhaseID: 2, Order: 2},
			{ID: 4, Name: "Design gate", PhaseID: 1, Order: 3, Gate: true},
		},
		Cells: []Assignment{
			{ActivityID: 1, PersonID: 1, Role: Accountable | Responsible},
			{ActivityID: 2, PersonID: 1, Role: Accountable},
			{ActivityID: 2, PersonID: 2, Role: Accountable},
			{ActivityID: 3, PersonID: 2, Role: Responsible},
			{ActivityID: 4, PersonID: 2, Role: Accountable | Responsible},
		},
	}
}

func TestReviewCountsEachLetterOfACell(t *testing.T) {
	d := reviewFixture()
	rows, over := ReviewRACI(d)
	var got []string
	for _, r := range rows {
		got = append(got, r.Activity.Name+": "+r.Text())
	}
	want := "Plan: more than one A, no R | Code: no A"
	if strings.Join(got, " | ") != want {
		t.Fatalf("rows with problems:\n got %s\nwant %s", strings.Join(got, " | "), want)
	}
	if len(over) != 0 {
		t.Fatalf("overloaded: %v", over)
	}
	// Six A/R cells are six A's.
	for i := range OverloadFrom {
		id := uint64(10 + i)
		d.Activities = append(d.Activities, Activity{ID: id, Name: "x", PhaseID: 2, Order: 10 + i})
		d.Cells = append(d.Cells, Assignment{ActivityID: id, PersonID: 1, Role: Accountable | Responsible})
	}
	if _, over := ReviewRACI(d); len(over) != 1 || over[0].PersonID != 1 || over[0].Accountables != OverloadFrom+2 {
		t.Fatalf("overloaded = %+v, want Léa with %d", over, OverloadFrom+2)
	}
	report := StatusReport(d, d.Project.Start)
	if !strings.Contains(report, "- Léa holds 8 A's") || strings.Contains(report, `"Brief" (Design): no R`) {
		t.Fatalf("report:\n%s", report)
	}
}

// The person holding A/R on a gate's activity may sign it.
func TestCombinedAccountableMaySignTheGate(t *testing.T) {
	d := reviewFixture()
	if got := GateAccountables(d, 1); len(got) != 1 || got[0] != 2 {
		t.Fatalf("gate accountables = %v, want Hugo (A/R)", got)
	}
	if !MaySign(d, 1, 2) || MaySign(d, 1, 1) {
		t.Fatal("MaySign ignores the A of an A/R cell")
	}
}
