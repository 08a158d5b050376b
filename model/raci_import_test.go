package model

import (
	"fmt"
	"strings"
	"testing"
)

// planFixture: Design (1) and Build (2); "Kickoff" in Design, "Review"
// in both Design and Build; Léa Martin (handle lea@x) and Hugo Bernard.
func planFixture() ProjectData {
	return ProjectData{
		Phases: []Phase{{ID: 1, Name: "Design", Order: 0}, {ID: 2, Name: "Build", Order: 1}},
		People: []Person{{ID: 1, Name: "Léa Martin", Handle: "lea@x"}, {ID: 2, Name: "Hugo Bernard"}},
		Activities: []Activity{
			{ID: 1, Name: "Kickoff", PhaseID: 1, Order: 0},
			{ID: 2, Name: "Review", PhaseID: 1, Order: 1},
			{ID: 3, Name: "Review", PhaseID: 2, Order: 0},
		},
		Cells: []Assignment{{ActivityID: 1, PersonID: 2, Role: Informed}, {ActivityID: 3, PersonID: 1, Role: Accountable}},
	}
}

// gridRow builds a people-across row: header, letters, header, letters…
// Each header keeps the column it first got, as in a file.
func gridRow(row int, name, phase string, cells ...string) RACISheetRow {
	r := RACISheetRow{Row: row, Column: "A", NameHeader: "Activity", Name: name, Phase: phase}
	for i := 0; i+1 < len(cells); i += 2 {
		role, err := ParseRoles(cells[i+1])
		if err != nil {
			panic(err)
		}
		col, ok := gridColumns[cells[i]]
		if !ok {
			col = ColumnLetter(2 + len(gridColumns))
			gridColumns[cells[i]] = col
		}
		if role != RoleNone {
			r.Cells = append(r.Cells, RACISheetCell{Column: col, Header: cells[i], Who: cells[i], ByColumn: true, Role: role})
		}
	}
	return r
}

// gridColumns are the columns gridRow gave headers so far; a test
// starts it afresh.
var gridColumns = map[string]string{}

// letterRow builds a letters-across row: letter, names, letter, names…
func letterRow(row int, name string, cells ...string) RACISheetRow {
	r := RACISheetRow{Row: row, Column: "A", NameHeader: "Area", Name: name}
	for i := 0; i+1 < len(cells); i += 2 {
		l, _ := ParseRole(cells[i])
		for _, who := range strings.Split(cells[i+1], ",") {
			c := RACISheetCell{Column: ColumnLetter(1 + i/2), Header: cells[i], Who: strings.TrimSpace(who), Role: l}
			if EveryoneWord(who) {
				c.Who, c.Everyone = "", true
			}
			r.Cells = append(r.Cells, c)
		}
	}
	return r
}

func planCells(t *testing.T, d ProjectData, p RACIPlan) map[string]string {
	t.Helper()
	after := p.Preview(d)
	out := map[string]string{}
	for _, c := range after.Cells {
		a, _ := findActivity(after, c.ActivityID)
		ph := after.PhaseName(a.PhaseID)
		out[ph+"/"+a.Name+" × "+after.PersonName(c.PersonID)] = c.Role.String()
	}
	return out
}

func findActivity(d ProjectData, id uint64) (Activity, bool) {
	for _, a := range d.Activities {
		if a.ID == id {
			return a, true
		}
	}
	return Activity{}, false
}

func TestPlanMatchesPeopleAndActivities(t *testing.T) {
	gridColumns = map[string]string{}
	d := planFixture()
	s := RACISheet{File: "m.csv", HeaderRow: 1, PhaseColumn: "B", PhaseHeader: "Phase", Rows: []RACISheetRow{
		gridRow(2, "KICKOFF", "design", "lea martin", "A/R", "Zoé Blanc", "C"),
		gridRow(3, "Review", "Build", "Hugo  Bernard", "R"),
		gridRow(4, "Launch", "Build", "Zoé Blanc", "A", "Hugo  Bernard", "R"),
		gridRow(5, "Wrap-up", "", "lea martin", "I"),
	}}
	p, problems := PlanRACIImport(d, s, false)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if len(p.NewPeople) != 1 || p.NewPeople[0].Name != "Zoé Blanc" || p.MatchedPeople != 2 {
		t.Fatalf("people: new %+v, matched %d", p.NewPeople, p.MatchedPeople)
	}
	if len(p.NewActivities) != 2 || p.NewActivities[0] != (Activity{Name: "Launch", PhaseID: 2, Order: 1}) ||
		p.NewActivities[1] != (Activity{Name: "Wrap-up", Order: 0}) || p.MatchedActivities != 2 {
		t.Fatalf("activities: new %+v, matched %d", p.NewActivities, p.MatchedActivities)
	}
	got := planCells(t, d, p)
	want := map[string]string{
		"Design/Kickoff × Léa Martin": "A/R", "Design/Kickoff × Zoé Blanc": "C", "Design/Kickoff × Hugo Bernard": "I",
		"Build/Review × Hugo Bernard": "R", "Build/Review × Léa Martin": "A",
		"Build/Launch × Zoé Blanc": "A", "Build/Launch × Hugo Bernard": "R",
		"/Wrap-up × Léa Martin": "I",
	}
	if len(got) != len(want) {
		t.Fatalf("cells:\n got %v\nwant %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if p.Replace {
		t.Fatal("replace set")
	}
	if replaced := p; true {
		replaced.Replace = true
		if cells := planCells(t, d, replaced); cells["Design/Kickoff × Hugo Bernard"] != "" || cells["Build/Review × Léa Martin"] != "" {
			t.Errorf("replace keeps cells the file leaves empty: %v", cells)
		}
	}
}

func TestPlanHeadingsAndLettersAcross(t *testing.T) {
	d := planFixture()
	s := RACISheet{File: "m.csv", HeaderRow: 1, Rows: []RACISheetRow{
		{Row: 2, Name: "Build"}, // a phase's name and no letter: a heading
		letterRow(3, "Deploy", "R", "Ana, Hugo Bernard", "A", "LEA@X", "I", "Todos"),
		letterRow(4, "Docs", "R", "Ana", "A", "Ana", "C", "Tous"),
		{Row: 5, Name: "Retro"}, // a name and no letter: an activity without cells
	}}
	p, problems := PlanRACIImport(d, s, false)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	got := planCells(t, d, p)
	for k, v := range map[string]string{
		"Build/Deploy × Ana": "R", "Build/Deploy × Hugo Bernard": "R", "Build/Deploy × Léa Martin": "A",
		"Build/Docs × Ana": "A/R", "Build/Docs × Léa Martin": "C", "Build/Docs × Hugo Bernard": "C",
	} {
		if got[k] != v {
			t.Errorf("%s = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(p.NewActivities) != 3 || p.NewActivities[2].Name != "Retro" || p.NewActivities[2].PhaseID != 2 {
		t.Fatalf("new activities: %+v", p.NewActivities)
	}
	// "Todos" named everyone but those the row named: no one was left;
	// the project's two cells stay.
	if len(got) != 8 {
		t.Errorf("cells: %v", got)
	}
}

func TestPlanProblemsNameRowAndColumn(t *testing.T) {
	gridColumns = map[string]string{}
	d := planFixture()
	d.People = append(d.People, Person{ID: 3, Name: "LÉA MARTIN"})
	s := RACISheet{File: "m.csv", HeaderRow: 1, PhaseColumn: "B", PhaseHeader: "Phase", Rows: []RACISheetRow{
		gridRow(2, "Review", "", "Hugo Bernard", "R"),
		gridRow(3, "Kickoff", "Deploy", "Hugo Bernard", "R"),
		gridRow(4, "Launch", "", "Léa Martin", "A"),
		gridRow(5, "launch", "", "Hugo Bernard", "A"),
		gridRow(6, "", "", "Hugo Bernard", "A"),
		gridRow(7, strings.Repeat("x", MaxNameLength+1), ""),
	}}
	s.Rows[0].Cells = append(s.Rows[0].Cells, RACISheetCell{Column: "E", Header: "hugo bernard", Who: "hugo bernard", ByColumn: true, Role: Accountable})
	if gridColumns["Hugo Bernard"] != "C" {
		t.Fatalf("columns: %v", gridColumns)
	}
	_, problems := PlanRACIImport(d, s, false)
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	want := []string{
		`m.csv: row 1, column D "Léa Martin": 2 people of the project are named "Léa Martin": write the handle of the one meant instead`,
		`m.csv: row 1, column E "hugo bernard": this is the same person as column C: give each person one column`,
		`m.csv: row 2, column A "Activity": 2 activities are named "Review": add a Phase column to say which`,
		`m.csv: row 3, column B "Phase": the project has no phase "Deploy"; its phases: "Design", "Build". Fix the name, or empty the cell to tie the row to none`,
		`m.csv: row 5, column A "Activity": activity "launch" is on row 4 already: give each activity one row`,
		`m.csv: row 6, column A "Activity": the row has letters but no activity: name it`,
		`m.csv: row 7, column A "Activity": activity name is 201 characters long: keep it to 200`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A phase is found by the other names people give it, as the
// change-request import finds it: "Conception" is Design, a heading
// "Réalisation" is Build; a name no phase has is still refused.
func TestPlanFindsPhasesByTheirOtherNames(t *testing.T) {
	gridColumns = map[string]string{}
	d := planFixture()
	s := RACISheet{File: "m.csv", HeaderRow: 1, PhaseColumn: "B", PhaseHeader: "Phase", Rows: []RACISheetRow{
		gridRow(2, "Maquettes", "Conception", "Léa Martin", "R"),
		gridRow(3, "Recette interne", "réalisation", "Hugo Bernard", "A"),
	}}
	p, problems := PlanRACIImport(d, s, false)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	got := planCells(t, d, p)
	if got["Design/Maquettes × Léa Martin"] != "R" || got["Build/Recette interne × Hugo Bernard"] != "A" {
		t.Fatalf("cells: %v", got)
	}

	s.Rows = []RACISheetRow{gridRow(2, "Maquettes", "Phase 7", "Léa Martin", "R")}
	if _, problems := PlanRACIImport(d, s, false); len(problems) != 1 || !strings.Contains(problems[0].Msg, `no phase "Phase 7"`) {
		t.Fatalf("an unknown phase: %v", problems)
	}

	heading := RACISheet{File: "m.csv", HeaderRow: 1, Rows: []RACISheetRow{
		{Row: 2, Name: "Réalisation"},
		letterRow(3, "Revue de code", "R", "Hugo Bernard"),
	}}
	p, problems = PlanRACIImport(d, heading, false)
	if len(problems) > 0 || len(p.NewActivities) != 1 || p.NewActivities[0].PhaseID != 2 {
		t.Fatalf("under a heading by another name: %+v %v", p.NewActivities, problems)
	}
}

// The people a grid creates come in the file's column order, whichever
// row gives each its first letter: the matrix then reads as the file.
func TestPlanCreatesAGridsPeopleInColumnOrder(t *testing.T) {
	gridColumns = map[string]string{}
	var headers []string
	for i := range 30 { // past Z: AA and AB sort after Z
		headers = append(headers, fmt.Sprintf("Person %02d", i))
	}
	row := func(n int, letters map[int]string) RACISheetRow {
		var cells []string
		for i, h := range headers {
			cells = append(cells, h, letters[i])
		}
		return gridRow(n, fmt.Sprintf("Activity %d", n), "", cells...)
	}
	last := map[int]string{1: "R", 2: "I", 4: "A"}
	for i := 6; i < 28; i++ {
		last[i] = "I"
	}
	s := RACISheet{File: "m.csv", HeaderRow: 1, Rows: []RACISheetRow{
		row(2, map[int]string{29: "A/R", 5: "C"}),
		row(3, map[int]string{0: "A", 3: "R", 28: "I"}),
		row(4, last),
	}}
	p, problems := PlanRACIImport(planFixture(), s, false)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	var got []string
	for _, x := range p.NewPeople {
		got = append(got, x.Name)
	}
	if strings.Join(got, ",") != strings.Join(headers, ",") {
		t.Fatalf("new people in the order\n %v\nwant the columns' order\n %v", got, headers)
	}
}
