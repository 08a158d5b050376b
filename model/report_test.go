package model

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

var reportNow = time.Date(2024, 4, 15, 17, 0, 0, 0, time.UTC)

// reportFixture extends the gate fixture with history, hostile text and a
// RACI with problems.
func reportFixture() ProjectData {
	d := gateFixture()
	d.Project.Name = "Acme MRM \x1b]52;c;aGk=\x07"
	d.People = append(d.People, Person{ID: 5, Name: "Ollie | Overloaded"})
	for i := range 6 {
		id := uint64(200 + i)
		d.Activities = append(d.Activities, Activity{ID: id, Name: fmt.Sprintf("Build task %d", i+1), PhaseID: phBuild, Order: i})
		d.Cells = append(d.Cells, Assignment{ActivityID: id, PersonID: 5, Role: Accountable},
			Assignment{ActivityID: id, PersonID: pTester, Role: Responsible})
	}
	d.Activities = append(d.Activities, Activity{ID: 300, Name: "Everyone\nconsulted", PhaseID: phDesign})
	for _, p := range d.People {
		d.Cells = append(d.Cells, Assignment{ActivityID: 300, PersonID: p.ID, Role: Consulted})
	}
	d.Cells = append(d.Cells, Assignment{ActivityID: 999, PersonID: 5, Role: Accountable}) // orphan cell
	d.Changes[1].Title = "Open | now \x1b[2J"
	d.Changes[1].Assignee = "Gus"
	d.Changes[1].EstimateHrs = 7.5
	for i := range 12 {
		d.History = append(d.History, HistoryEntry{
			ID: uint64(i + 1), At: reportNow.Add(time.Duration(i-12) * time.Hour), By: "Lea Lead",
			Summary: fmt.Sprintf("change %d", i+1),
		})
	}
	d.History[11].Summary = "CR-2 decision: later → now\x07"
	return d
}

func TestStatusReport(t *testing.T) {
	d := reportFixture()
	got := StatusReport(d, reportNow)
	wantLines := []string{
		"# Acme MRM ␛]52;c;aGk=␇ — status report",
		"- **Date:** 2024-04-15",
		"- **Sponsor:** Sam Sponsor",
		"- **Lead:** Lea Lead",
		"- **Start:** 2024-03-01",
		"- **Go-live:** 2024-04-30",
		"## Phases",
		"| Phase | Status | Planned | Actual | Deliverables |",
		"| Design | signed off | 2024-03-01 → 03-11 | 2024-03-01 → 03-10 | 1/1 |",
		"| Build | in progress | 2024-03-11 → 03-21 | 2024-03-11 → … | 1/1 |",
		"| Test | not started | 2024-03-21 → 04-05 | — | 1/1 |",
		"| Deploy | not started | 2024-04-05 → 04-06 | — | — |",
		`The "Build" gate is ready to sign.`,
		"## Change requests",
		"7 change requests in all, 3 decided now and still open.",
		"| quick win | 1 | 2 |",
		"| fill-in | 1 | 7.5 |",
		"| money pit | 0 | 0 |",
		"| unrated | 4 | 0 |",
		"| **total** | 6 | 9.5 |",
		"Not counted above: rejected: 1 request, 0 h.",
		"| undecided | 1 | 0 |",
		"| now | 4 | 9.5 |",
		"| later | 1 | 0 |",
		"| rejected | 1 | 0 |",
		"### Gates",
		`- "Design": signed off by Sam Sponsor on 2024-03-10`,
		"### Open, decided now",
		"3, in priority order.",
		"| CR-6 | Quick win now | quick win | 5 | low, 2 h | triaged | — |",
		`| CR-2 | Open \| now ␛[2J | fill-in | 2 | low, 7.5 h | in progress | Gus |`,
		"| CR-7 | Deferred but now | unrated | — | unrated | deferred | — |",
		"## RACI",
		`- "Everyone consulted" (Design): no A, no R, everyone consulted (warning)`,
		`- "Write test cases" (Test): no R`,
		"### Overloaded people",
		"- Ollie | Overloaded holds 6 A's",
		"## Recent history",
		"- 2024-04-15 16:00 · Lea Lead · CR-2 decision: later → now␇",
		"- 2024-04-15 07:00 · Lea Lead · change 3",
	}
	lines := strings.Split(got, "\n")
	for _, w := range wantLines {
		found := false
		for _, l := range lines {
			if l == w {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("report lacks line %q", w)
		}
	}
	for _, bad := range []string{"\x1b", "\x07", "change 2\n", "change 1\n", "Build task", "Test sign-off"} {
		if strings.Contains(got, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	// Order of sections and of the history (newest first).
	order := []string{"## Phases", "## Change requests", "## RACI", "## Recent history", "change 11", "change 10", "change 3"}
	last := -1
	for _, s := range order {
		i := strings.Index(got, s)
		if i <= last {
			t.Errorf("%q is out of order", s)
		}
		last = i
	}
	if n := strings.Count(got, "· Lea Lead ·"); n != ReportHistory {
		t.Errorf("history shows %d entries, want %d", n, ReportHistory)
	}
	if again := StatusReport(d, reportNow); again != got {
		t.Error("report is not deterministic")
	}
	if t.Failed() {
		t.Log("\n" + got)
	}
}

func TestStatusReportBlockers(t *testing.T) {
	d := gateFixture()
	editPhase(&d, phBuild, func(p *Phase) {
		p.Gate.SignedOff = true
		p.Status = PhaseSignedOff
	})
	editPhase(&d, phTest, func(p *Phase) {
		p.Status = PhaseInProgress
		p.Gate.Override = &Override{ByID: pLead, At: reportNow.AddDate(0, 0, -3), Reason: "test env ready\x1b[2J"}
		p.Deliverables = append(p.Deliverables, Deliverable{Name: "Regression report"})
	})
	for i := range 20 {
		d.Changes = append(d.Changes, ChangeRequest{ID: uint64(100 + i), Title: "more", Decision: DecisionNow})
	}
	got := StatusReport(d, reportNow)
	for _, w := range []string{
		"| Test | in progress (override) |",
		`- "Test": started before the previous gate by Lea Lead on 2024-04-12 — test env ready␛[2J`,
		"### Blocking the \"Test\" gate",
		"- deliverable \"Regression report\" is not done",
		"- CR-6 \"Quick win now\" decided now, status triaged",
		"- … and 14 more",
		"Top 10 of 23, in priority order.",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if strings.Contains(got, `Blocking the "Deploy"`) {
		t.Error("a phase not started should not list its blockers")
	}
	if t.Failed() {
		t.Log("\n" + got)
	}
}

func TestStatusReportEmpty(t *testing.T) {
	got := StatusReport(ProjectData{}, reportNow)
	for _, w := range []string{
		"# Untitled project — status report",
		"- **Sponsor:** not set",
		"- **Start:** not set",
		"No phases yet.",
		"No change requests yet.",
		"No RACI activities yet.",
		"Nothing recorded yet.",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("empty report lacks %q\n%s", w, got)
		}
	}
}

// bigProject builds a project with n change requests spread over every
// quadrant, decision and status.
func bigProject(n int) ProjectData {
	d := gateFixture()
	d.Changes = make([]ChangeRequest, n)
	t0 := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d.Changes[i] = ChangeRequest{
			ID:          uint64(i + 1),
			Title:       fmt.Sprintf("Change number %d", i+1),
			CreatedAt:   t0.Add(time.Duration(i*7919%n) * time.Minute),
			Impact:      i % 6,
			Complexity:  Complexity(i % 4),
			EstimateHrs: float64(i*31%97) / 2,
			Decision:    Decision(i % 4),
			Status:      CRStatus(i * 3 % 7),
			Assignee:    "Gus",
		}
	}
	return d
}

func TestStatusReport10kFast(t *testing.T) {
	d := bigProject(10000)
	StatusReport(d, reportNow) // warm up
	start := time.Now()
	const runs = 5
	for range runs {
		StatusReport(d, reportNow)
	}
	if per := time.Since(start) / runs; per > 50*time.Millisecond {
		t.Errorf("StatusReport on 10,000 CRs took %v, want well under 50 ms", per)
	}
	// The top of the open list matches a full sort of the open subset.
	open := OpenNowChanges(d.Changes)
	SortByPriority(open)
	got := StatusReport(d, reportNow)
	for _, c := range open[:ReportTopOpen] {
		if !strings.Contains(got, "| "+c.Ref()+" |") {
			t.Errorf("top list lacks %s", c.Ref())
		}
	}
	if strings.Contains(got, "| "+open[ReportTopOpen].Ref()+" |") {
		t.Errorf("top list shows %s, number %d", open[ReportTopOpen].Ref(), ReportTopOpen+1)
	}
	if i, j := strings.Index(got, "| "+open[0].Ref()+" |"), strings.Index(got, "| "+open[1].Ref()+" |"); i > j {
		t.Error("top list is not in priority order")
	}
}

func BenchmarkStatusReport10k(b *testing.B) {
	d := bigProject(10000)
	b.ReportAllocs()
	for b.Loop() {
		StatusReport(d, reportNow)
	}
}

func TestStatusReportGates(t *testing.T) {
	d := gateFixture()
	editPhase(&d, phDesign, func(p *Phase) { p.Gate.Note = "all\nworkbooks approved" })
	editPhase(&d, phBuild, func(p *Phase) {
		p.Gate = Gate{SignedOff: true, ByID: 77, At: reportNow}
		p.Status = PhaseSignedOff
	})
	got := StatusReport(d, reportNow)
	for _, w := range []string{
		`- "Design": signed off by Sam Sponsor on 2024-03-10 — all workbooks approved` + "\n",
		`- "Build": signed off by person #77 on 2024-04-15` + "\n",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("report lacks %q\n%s", w, got)
		}
	}
	if i, j := strings.Index(got, `"Design": signed`), strings.Index(got, `"Build": signed`); i > j {
		t.Error("gates are not in phase order")
	}
	editPhase(&d, phBuild, func(p *Phase) { p.Gate = Gate{SignedOff: true} })
	if got := StatusReport(d, reportNow); !strings.Contains(got, `- "Build": signed off`+"\n") {
		t.Errorf("a gate signed without name or date is not listed plainly:\n%s", got)
	}
	if strings.Contains(StatusReport(ProjectData{Phases: []Phase{{ID: 1, Name: "Only"}}}, reportNow), "### Gates") {
		t.Error("a project with no gate decided shows a Gates section")
	}
}

func TestReportRangeDropsTheSharedYear(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	cases := []struct {
		start, end time.Time
		want       string
	}{
		{day(2026, 9, 24), day(2026, 9, 25), "2026-09-24 → 09-25"},
		{day(2026, 12, 28), day(2027, 1, 26), "2026-12-28 → 2027-01-26"},
		{day(2026, 11, 15), time.Time{}, "2026-11-15 → …"},
		{time.Time{}, day(2026, 11, 15), "? → 2026-11-15"},
		{time.Time{}, time.Time{}, "—"},
	}
	for _, c := range cases {
		if got := reportRange(c.start, c.end); got != c.want {
			t.Errorf("reportRange(%v, %v) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
}

func TestStatusReportChecklists(t *testing.T) {
	d := reportFixture()
	d.Checklists = []Checklist{
		{ID: 1, Name: "Marketo mini-audit", Items: []CheckItem{
			{Section: "Admin", Text: "a", Done: true},
			{Section: "Admin", Text: "b"},
			{Section: "Users", Text: "c", Done: true},
			{Section: "Scoring\x1b[2J", Text: "d"},
		}},
		{ID: 2, Name: "Data clean-up", Items: []CheckItem{{Section: "Duplicates", Text: "e"}}},
	}
	got := StatusReport(d, reportNow)
	for _, want := range []string{
		"## Checklists",
		"- **Marketo mini-audit**: 2 of 4 done; open: Admin, Scoring␛[2J",
		"- **Data clean-up**: 0 of 1 done\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("report lacks %q:\n%s", want, got)
		}
	}
	d.Checklists = nil
	if strings.Contains(StatusReport(d, reportNow), "## Checklists") {
		t.Error("a project without checklists gets an empty Checklists section")
	}
}
