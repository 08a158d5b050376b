package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

var sampleNow = time.Date(2025, 6, 18, 14, 37, 0, 0, time.UTC)

func TestSampleProjectRecordsAreValid(t *testing.T) {
	d := SampleProject(sampleNow)
	if err := d.Project.Validate(); err != nil {
		t.Errorf("project: %v", err)
	}
	if d.Project.Template != "mrm" || d.Project.Name != "Acme MRM roll-out" || strings.TrimSpace(d.Project.Description) == "" {
		t.Errorf("project = %+v", d.Project)
	}
	for _, ph := range d.Phases {
		if err := ph.Validate(); err != nil {
			t.Errorf("phase %q: %v", ph.Name, err)
		}
	}
	for _, c := range d.Changes {
		if err := c.Validate(); err != nil {
			t.Errorf("%s: %v", c.Ref(), err)
		}
	}
	for _, p := range d.People {
		if err := p.Validate(); err != nil {
			t.Errorf("person %d: %v", p.ID, err)
		}
	}
	for _, a := range d.Activities {
		if err := a.Validate(); err != nil {
			t.Errorf("activity %d: %v", a.ID, err)
		}
	}
	for _, doc := range d.Docs {
		if err := doc.Validate(); err != nil {
			t.Errorf("doc %d: %v", doc.ID, err)
		}
	}
	for _, cl := range d.Checklists {
		if err := cl.Validate(); err != nil {
			t.Errorf("checklist %d: %v", cl.ID, err)
		}
	}
	checkTplRefs(t, d)
	checkTplRACI(t, d)
}

func TestSampleProjectPeople(t *testing.T) {
	d := SampleProject(sampleNow)
	if len(d.People) < 8 {
		t.Errorf("%d people, want the six roles plus testers and a consultant", len(d.People))
	}
	for _, p := range d.People {
		if slices.Contains(TemplateRoles, p.Name) {
			t.Errorf("person %d still has the placeholder name %q", p.ID, p.Name)
		}
		if !slices.Contains(Teams, p.Team) {
			t.Errorf("person %q team %q is not one of Teams", p.Name, p.Team)
		}
	}
	if sp, _ := d.Person(d.Project.SponsorID); sp.Team != "executive sponsor" {
		t.Errorf("sponsor %+v", sp)
	}
	// The people added to the template's six hold some letters.
	for _, p := range d.People[len(TemplateRoles):] {
		n := 0
		for _, c := range d.Cells {
			if c.PersonID == p.ID {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s has no RACI letter", p.Name)
		}
	}
}

func TestSampleProjectPhases(t *testing.T) {
	d := SampleProject(sampleNow)
	byName := map[string]Phase{}
	for _, ph := range d.Phases {
		byName[ph.Name] = ph
	}
	for _, name := range []string{"Discovery", "Design"} {
		ph := byName[name]
		if ph.Status != PhaseSignedOff || !ph.Gate.SignedOff || ph.Gate.ByID != d.Project.SponsorID ||
			ph.Gate.At.IsZero() || ph.Gate.Note == "" {
			t.Errorf("%s: status %v, gate %+v; want signed off by the sponsor with a note", name, ph.Status, ph.Gate)
		}
		if ph.ActualStart.IsZero() || ph.ActualEnd.IsZero() {
			t.Errorf("%s: actual dates missing", name)
		}
		if done, total := ph.DeliverablesDone(); done != total {
			t.Errorf("%s: %d of %d deliverables done", name, done, total)
		}
		// The signer is the person Accountable for the gate row.
		for _, a := range d.Activities {
			if a.PhaseID == ph.ID && a.Gate {
				if got := tplHolders(d, a.ID, Accountable); !slices.Equal(got, []uint64{ph.Gate.ByID}) {
					t.Errorf("%s gate accountable %v, signed by %d", name, got, ph.Gate.ByID)
				}
			}
		}
	}
	build, test := byName["Build"], byName["Test"]
	switch build.Status {
	case PhaseSignedOff:
	case PhaseAwaitingSignOff:
		if test.Gate.Override == nil || test.Gate.Override.ByID != d.Project.LeadID || test.Gate.Override.Reason == "" {
			t.Errorf("Test started before the Build gate without a recorded override: %+v", test.Gate.Override)
		}
	default:
		t.Errorf("Build status %v, want signed off or awaiting sign-off", build.Status)
	}
	if test.Status != PhaseInProgress || test.ActualStart.IsZero() || !test.ActualEnd.IsZero() || test.Gate.SignedOff {
		t.Errorf("Test: status %v, actual %v–%v, gate %v", test.Status, test.ActualStart, test.ActualEnd, test.Gate.SignedOff)
	}
	for _, name := range []string{"Train", "Deploy", "Post-production"} {
		ph := byName[name]
		if ph.Status != PhaseNotStarted || !ph.ActualStart.IsZero() || ph.Gate.SignedOff {
			t.Errorf("%s: status %v, started %v", name, ph.Status, ph.ActualStart)
		}
	}
}

func TestSampleProjectChanges(t *testing.T) {
	d := SampleProject(sampleNow)
	if n := len(d.Changes); n < 12 || n > 20 {
		t.Fatalf("%d change requests, want about 15", n)
	}
	quadrants := map[Quadrant]int{}
	untriaged := 0
	decisions := map[[2]int]int{} // {decision, status}
	areas := map[Area]bool{}
	phases := map[string]bool{}
	for i, c := range d.Changes {
		if c.ID != uint64(i+1) {
			t.Errorf("change %d has ID %d", i, c.ID)
		}
		quadrants[QuadrantOf(c)]++
		if c.Untriaged() {
			untriaged++
			if c.Impact != 0 || c.Decision != DecisionUndecided {
				t.Errorf("%s is new but already rated or decided", c.Ref())
			}
		}
		decisions[[2]int{int(c.Decision), int(c.Status)}]++
		areas[c.Area] = true
		if c.RaisedBy == "" || strings.TrimSpace(c.Description) == "" {
			t.Errorf("%s: raised by %q, description %q", c.Ref(), c.RaisedBy, c.Description)
		}
		if !slices.ContainsFunc(d.People, func(p Person) bool { return p.Name == c.RaisedBy }) {
			t.Errorf("%s raised by %q, who is not on the project", c.Ref(), c.RaisedBy)
		}
		phases[d.PhaseName(c.RaisedIn)] = true
		if c.CreatedAt.After(sampleNow) || c.CreatedAt.Before(sampleNow.AddDate(0, 0, -22)) {
			t.Errorf("%s created %v, want within the last three weeks", c.Ref(), c.CreatedAt)
		}
	}
	for _, q := range Quadrants {
		if quadrants[q] < 2 {
			t.Errorf("%d requests in %v, want at least 2", quadrants[q], q)
		}
	}
	if untriaged < 3 || quadrants[Unrated] < 3 {
		t.Errorf("%d untriaged, %d unrated; want at least 3 waiting for triage", untriaged, quadrants[Unrated])
	}
	for _, want := range []struct {
		d Decision
		s CRStatus
	}{
		{DecisionNow, StatusInProgress},
		{DecisionNow, StatusVerified},
		{DecisionLater, StatusDeferred},
		{DecisionRejected, StatusRejected},
	} {
		if decisions[[2]int{int(want.d), int(want.s)}] == 0 {
			t.Errorf("no request decided %v with status %v", want.d, want.s)
		}
	}
	if len(areas) < 5 {
		t.Errorf("areas %v, want a varied mix", areas)
	}
	for p := range phases {
		if p != "Build" && p != "Test" {
			t.Errorf("a request was raised in %q, want Build or Test", p)
		}
	}
	// The Test gate is held by open "now" changes, as in a real test phase.
	open := slices.ContainsFunc(d.Changes, func(c ChangeRequest) bool {
		return c.Decision == DecisionNow && c.Status != StatusVerified
	})
	if !open {
		t.Error("no open change decided now: the Test gate would not show what blocks it")
	}
}

func TestSampleProjectTimeline(t *testing.T) {
	d := SampleProject(sampleNow)
	wantStart := time.Date(2025, 4, 19, 0, 0, 0, 0, time.UTC) // 60 days before 18 June
	if !d.Project.Start.Equal(wantStart) {
		t.Errorf("start %v, want %v", d.Project.Start, wantStart)
	}
	notAfterNow := func(what string, ts time.Time) {
		if ts.After(sampleNow) {
			t.Errorf("%s at %v is after now %v", what, ts, sampleNow)
		}
	}
	for _, ph := range d.Phases {
		notAfterNow(ph.Name+" actual start", ph.ActualStart)
		notAfterNow(ph.Name+" actual end", ph.ActualEnd)
		notAfterNow(ph.Name+" gate", ph.Gate.At)
		if ph.Gate.Override != nil {
			notAfterNow(ph.Name+" override", ph.Gate.Override.At)
		}
		for _, it := range ph.Checklist {
			notAfterNow(ph.Name+" checklist", it.At)
			if it.Done != (it.ByID != 0) || it.Done == it.At.IsZero() {
				t.Errorf("%s checklist item %q: done %v by %d at %v", ph.Name, it.Text, it.Done, it.ByID, it.At)
			}
		}
	}
	for _, doc := range d.Docs {
		notAfterNow(doc.Title, doc.Updated)
		if doc.Updated.Before(d.Project.Start) {
			t.Errorf("doc %q updated before the project started", doc.Title)
		}
	}
	for _, cl := range d.Checklists {
		for _, it := range cl.Items {
			notAfterNow(cl.Name, it.At)
		}
	}
	today := time.Date(2025, 6, 18, 0, 0, 0, 0, time.UTC)
	test, _ := d.Phase(4)
	if test.Name != "Test" || today.Before(test.PlannedStart) || today.After(test.PlannedEnd.AddDate(0, 0, 7)) {
		t.Errorf("today %v should fall around the planned Test phase %v–%v", today, test.PlannedStart, test.PlannedEnd)
	}
}

func TestSampleProjectDocs(t *testing.T) {
	d := SampleProject(sampleNow)
	tp, _ := TemplateByKey("mrm")
	if len(d.Docs) < len(tp.Docs) {
		t.Fatalf("%d docs, want the %d starters", len(d.Docs), len(tp.Docs))
	}
	table := false
	for i, doc := range d.Docs {
		if i < len(tp.Docs) && doc.Body == tp.Docs[i].Body {
			t.Errorf("doc %q still holds the empty starter", doc.Title)
		}
		if strings.Contains(doc.Body, "|---") {
			table = true
		}
	}
	if !table {
		t.Error("no doc has a markdown table")
	}
}

func TestSampleProjectDeterministic(t *testing.T) {
	a := SampleProject(sampleNow)
	b := SampleProject(sampleNow)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two samples for the same now differ")
	}
	// Same instant seen from another zone: same project.
	c := SampleProject(sampleNow.In(time.FixedZone("X", -5*3600)))
	if !reflect.DeepEqual(a, c) {
		t.Fatal("the sample depends on now's time zone")
	}
	// A later day moves the whole project along.
	e := SampleProject(sampleNow.AddDate(0, 0, 1))
	if !e.Project.Start.Equal(a.Project.Start.AddDate(0, 0, 1)) {
		t.Errorf("start %v a day later, want %v", e.Project.Start, a.Project.Start.AddDate(0, 0, 1))
	}
	// Building a sample does not change the next one (no shared state).
	a.Changes[0].Title = "changed"
	a.Phases[0].Deliverables[0].Name = "changed"
	if f := SampleProject(sampleNow); !reflect.DeepEqual(f, b) {
		t.Fatal("changing one sample changed the next")
	}
}
