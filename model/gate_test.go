package model

import (
	"slices"
	"strings"
	"testing"
	"time"
)

var gateT0 = time.Date(2024, 4, 2, 9, 30, 0, 0, time.UTC)

const (
	pSponsor uint64 = 1
	pLead    uint64 = 2
	pOwner   uint64 = 3 // Accountable on the Test gate activity
	pTester  uint64 = 4

	phDesign uint64 = 10
	phBuild  uint64 = 20
	phTest   uint64 = 30
	phDeploy uint64 = 40
)

// gateFixture is a small project: Design (signed off), Build (in progress,
// all done), Test (not started, blocks on open changes), Deploy. The
// phases are stored out of Order on purpose.
func gateFixture() ProjectData {
	day := func(n int) time.Time { return time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	return ProjectData{
		Project: Project{ID: 1, Name: "Acme MRM", SponsorID: pSponsor, LeadID: pLead, Start: day(0), GoLive: day(60)},
		People: []Person{
			{ID: pSponsor, Name: "Sam Sponsor", Team: "executive sponsor"},
			{ID: pLead, Name: "Lea Lead", Team: "marketing"},
			{ID: pOwner, Name: "Gus Owner", Team: "IT"},
			{ID: pTester, Name: "Tess Tester", Team: "campaign"},
		},
		Phases: []Phase{
			{ID: phTest, Order: 3, Name: "Test", PlannedStart: day(20), PlannedEnd: day(35), BlocksOnOpenChanges: true,
				Deliverables: []Deliverable{{Name: "Test cases", Done: true}}},
			{ID: phDesign, Order: 1, Name: "Design", PlannedStart: day(0), PlannedEnd: day(10),
				ActualStart: day(0), ActualEnd: day(9), Status: PhaseSignedOff,
				Deliverables: []Deliverable{{Name: "Design document", Done: true}},
				Gate:         Gate{SignedOff: true, ByID: pSponsor, At: day(9)}},
			{ID: phBuild, Order: 2, Name: "Build", PlannedStart: day(10), PlannedEnd: day(20),
				ActualStart: day(10), Status: PhaseInProgress,
				Deliverables: []Deliverable{{Name: "Configured dev environment", Done: true}},
				Checklist:    []CheckItem{{Text: "Workflows reviewed", Done: true}}},
			{ID: phDeploy, Order: 4, Name: "Deploy", PlannedStart: day(35), PlannedEnd: day(36)},
		},
		Activities: []Activity{
			{ID: 100, Name: "Test sign-off", PhaseID: phTest, Gate: true},
			{ID: 101, Name: "Write test cases", PhaseID: phTest},
		},
		Cells: []Assignment{
			{ActivityID: 100, PersonID: pOwner, Role: Accountable},
			{ActivityID: 100, PersonID: pTester, Role: Responsible},
			{ActivityID: 101, PersonID: pTester, Role: Accountable},
		},
		Changes: []ChangeRequest{
			{ID: 1, Title: "Verified now", Decision: DecisionNow, Status: StatusVerified},
			{ID: 2, Title: "Open now", Decision: DecisionNow, Status: StatusInProgress, Impact: 2, Complexity: ComplexityLow},
			{ID: 3, Title: "Later", Decision: DecisionLater, Status: StatusDeferred},
			{ID: 4, Title: "Rejected now?", Decision: DecisionNow, Status: StatusRejected},
			{ID: 5, Title: "Undecided", Status: StatusNew},
			{ID: 6, Title: "Quick win now", Decision: DecisionNow, Status: StatusTriaged, Impact: 5, Complexity: ComplexityLow, EstimateHrs: 2},
			{ID: 7, Title: "Deferred but now", Decision: DecisionNow, Status: StatusDeferred},
		},
	}
}

// setPhase replaces a phase of d by ID.
func setPhase(d *ProjectData, p Phase) {
	for i := range d.Phases {
		if d.Phases[i].ID == p.ID {
			d.Phases[i] = p
			return
		}
	}
	panic("no such phase")
}

func editPhase(d *ProjectData, id uint64, f func(p *Phase)) {
	p, ok := d.Phase(id)
	if !ok {
		panic("no such phase")
	}
	p.Deliverables = slices.Clone(p.Deliverables)
	p.Checklist = slices.Clone(p.Checklist)
	f(&p)
	setPhase(d, p)
}

func TestOpenNowChanges(t *testing.T) {
	got := OpenNowChanges(gateFixture().Changes)
	var ids []uint64
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	if want := []uint64{2, 6, 7}; !slices.Equal(ids, want) {
		t.Errorf("OpenNowChanges IDs = %v, want %v", ids, want)
	}
	if OpenNowChanges(nil) != nil {
		t.Error("no changes, no open changes")
	}
}

func kinds(bs []Blocker) []string {
	var out []string
	for _, b := range bs {
		out = append(out, b.Kind)
	}
	return out
}

func TestGateBlockers(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(d *ProjectData)
		phase uint64
		want  []string
	}{
		{"build ready", nil, phBuild, nil},
		{"design already signed off", nil, phDesign, []string{BlockerSignedOff}},
		{"unknown phase", nil, 999, []string{BlockerUnknownPhase}},
		{"test not started, previous open, changes open", nil, phTest,
			[]string{BlockerNotStarted, BlockerPreviousGate, BlockerOpenChange, BlockerOpenChange, BlockerOpenChange}},
		{"test overridden: previous gate no longer blocks", func(d *ProjectData) {
			editPhase(d, phTest, func(p *Phase) {
				p.Status = PhaseInProgress
				p.Gate.Override = &Override{ByID: pLead, At: gateT0, Reason: "late build"}
			})
		}, phTest, []string{BlockerOpenChange, BlockerOpenChange, BlockerOpenChange}},
		{"test with all changes closed and build signed", func(d *ProjectData) {
			d.Changes = []ChangeRequest{{ID: 1, Title: "done", Decision: DecisionNow, Status: StatusVerified}}
			editPhase(d, phBuild, func(p *Phase) { p.Gate.SignedOff = true; p.Status = PhaseSignedOff })
			editPhase(d, phTest, func(p *Phase) { p.Status = PhaseAwaitingSignOff })
		}, phTest, nil},
		{"open changes do not block a phase without the flag", func(d *ProjectData) {
			editPhase(d, phBuild, func(p *Phase) { p.BlocksOnOpenChanges = false })
		}, phBuild, nil},
		{"one blocker per deliverable and exit item", func(d *ProjectData) {
			editPhase(d, phBuild, func(p *Phase) {
				p.Deliverables = append(p.Deliverables, Deliverable{Name: "Workbooks"}, Deliverable{Name: "Data model"})
				p.Checklist = append(p.Checklist, CheckItem{Text: "Security reviewed"})
			})
		}, phBuild, []string{BlockerDeliverable, BlockerDeliverable, BlockerChecklist}},
		{"signed-off flag on gate without status", func(d *ProjectData) {
			editPhase(d, phBuild, func(p *Phase) { p.Gate.SignedOff = true })
		}, phBuild, []string{BlockerSignedOff}},
		{"first phase has no previous gate", func(d *ProjectData) {
			editPhase(d, phDesign, func(p *Phase) { p.Gate = Gate{}; p.Status = PhaseInProgress })
		}, phDesign, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			if tt.edit != nil {
				tt.edit(&d)
			}
			got := GateBlockers(d, tt.phase)
			if !slices.Equal(kinds(got), tt.want) {
				t.Errorf("kinds = %v, want %v (%v)", kinds(got), tt.want, got)
			}
		})
	}
}

func TestGateBlockerTexts(t *testing.T) {
	d := gateFixture()
	editPhase(&d, phTest, func(p *Phase) {
		p.Deliverables = append(p.Deliverables, Deliverable{Name: "Training \x1b[31mmanual"})
		p.Checklist = []CheckItem{{Text: "Regression pass"}}
	})
	var texts []string
	for _, b := range GateBlockers(d, phTest) {
		texts = append(texts, b.Text)
	}
	want := []string{
		`phase "Test" has not started`,
		`previous gate "Build" is not signed off`,
		`deliverable "Training ␛[31mmanual" is not done`,
		`exit item "Regression pass" is not checked`,
		`CR-6 "Quick win now" decided now, status triaged`, // quick win first
		`CR-2 "Open now" decided now, status in progress`,  // fill-in
		`CR-7 "Deferred but now" decided now, status deferred`,
	}
	if !slices.Equal(texts, want) {
		t.Errorf("texts =\n%q\nwant\n%q", texts, want)
	}
}

func TestCanStart(t *testing.T) {
	d := gateFixture()
	tests := []struct {
		name    string
		d       ProjectData
		phase   uint64
		wantErr string
	}{
		{"first phase always", d, phDesign, ""},
		{"previous signed off", d, phBuild, ""},
		{"previous not signed off", d, phTest, `cannot start "Test": the gate of the previous phase "Build" is not signed off yet; the project lead can override`},
		{"unknown phase", d, 999, "no phase with ID 999"},
		{"override recorded", func() ProjectData {
			d := gateFixture()
			editPhase(&d, phTest, func(p *Phase) { p.Gate.Override = &Override{ByID: pLead, Reason: "r"} })
			return d
		}(), phTest, ""},
		{"first phase even when not first in the slice", func() ProjectData {
			d := gateFixture()
			editPhase(&d, phDesign, func(p *Phase) { p.Gate = Gate{}; p.Status = PhaseNotStarted })
			return d
		}(), phDesign, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CanStart(tt.d, tt.phase)
			checkErr(t, err, tt.wantErr)
		})
	}
}

// checkErr asserts err is nil when want is "", else contains want.
func checkErr(t *testing.T, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Errorf("err = %v, want nil", err)
	case want != "" && err == nil:
		t.Errorf("err = nil, want %q", want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Errorf("err = %q, want it to contain %q", err, want)
	}
}

func TestStartPhase(t *testing.T) {
	d := gateFixture()
	// Build already started.
	if _, err := StartPhase(d, phBuild, gateT0); err == nil || !strings.Contains(err.Error(), "already started") {
		t.Errorf("StartPhase(build) = %v, want already started", err)
	}
	// Test: previous gate open.
	if _, err := StartPhase(d, phTest, gateT0); err == nil || !strings.Contains(err.Error(), "lead can override") {
		t.Errorf("StartPhase(test) = %v, want gate error", err)
	}
	if _, err := StartPhase(d, 999, gateT0); err == nil {
		t.Error("StartPhase(unknown) must fail")
	}
	// Sign Build, then Test may start.
	editPhase(&d, phBuild, func(p *Phase) { p.Gate.SignedOff = true; p.Status = PhaseSignedOff })
	ph, err := StartPhase(d, phTest, gateT0)
	if err != nil {
		t.Fatal(err)
	}
	if ph.Status != PhaseInProgress || !ph.ActualStart.Equal(gateT0) || ph.Gate.Override != nil {
		t.Errorf("started phase = %+v", ph)
	}
	// d itself is untouched: the caller stores the result.
	if orig, _ := d.Phase(phTest); orig.Status != PhaseNotStarted {
		t.Error("StartPhase must not modify its input")
	}
}

func TestOverrideStart(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(d *ProjectData)
		phase   uint64
		by      uint64
		reason  string
		wantErr string
	}{
		{"lead with reason", nil, phTest, pLead, "  build slipped, tests can start on finished modules ", ""},
		{"sponsor is not the lead", nil, phTest, pSponsor, "reason", "only the project lead (Lea Lead) may override"},
		{"empty reason", nil, phTest, pLead, "   ", "needs a reason"},
		{"no lead set", func(d *ProjectData) { d.Project.LeadID = 0 }, phTest, 0, "reason", "has no lead"},
		{"already started", nil, phBuild, pLead, "reason", "already started"},
		{"not needed", func(d *ProjectData) {
			editPhase(d, phBuild, func(p *Phase) { p.Gate.SignedOff = true })
		}, phTest, pLead, "reason", "no override needed"},
		{"first phase needs none", func(d *ProjectData) {
			editPhase(d, phDesign, func(p *Phase) { p.Status = PhaseNotStarted; p.Gate = Gate{} })
		}, phDesign, pLead, "reason", "no override needed"},
		{"unknown phase", nil, 999, pLead, "reason", "no phase with ID 999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			if tt.edit != nil {
				tt.edit(&d)
			}
			ph, err := OverrideStart(d, tt.phase, tt.by, tt.reason, gateT0)
			checkErr(t, err, tt.wantErr)
			if tt.wantErr != "" || err != nil {
				return
			}
			if ph.Status != PhaseInProgress || !ph.ActualStart.Equal(gateT0) {
				t.Errorf("phase not started: %+v", ph)
			}
			o := ph.Gate.Override
			if o == nil || o.ByID != pLead || !o.At.Equal(gateT0) || o.Reason != "build slipped, tests can start on finished modules" {
				t.Errorf("override = %+v", o)
			}
			// With the override stored, the previous gate no longer blocks Test.
			setPhase(&d, ph)
			if slices.Contains(kinds(GateBlockers(d, phTest)), BlockerPreviousGate) {
				t.Error("previous gate still blocks after override")
			}
		})
	}
}

func TestCanSignOff(t *testing.T) {
	ready := func(d *ProjectData) { // Test phase ready to sign
		d.Changes = nil
		editPhase(d, phBuild, func(p *Phase) { p.Gate.SignedOff = true; p.Status = PhaseSignedOff })
		editPhase(d, phTest, func(p *Phase) { p.Status = PhaseAwaitingSignOff })
	}
	tests := []struct {
		name    string
		edit    func(d *ProjectData)
		phase   uint64
		by      uint64
		wantErr string
	}{
		{"sponsor may sign", ready, phTest, pSponsor, ""},
		{"gate accountable may sign", ready, phTest, pOwner, ""},
		{"R on the gate may not", ready, phTest, pTester,
			`Tess Tester may not sign the "Test" gate: only the sponsor (Sam Sponsor) or the person accountable for the gate (Gus Owner) may`},
		{"lead may not", ready, phTest, pLead, "Lea Lead may not sign"},
		{"unknown person", ready, phTest, 77, "person #77 may not sign"},
		{"person 0 never signs", func(d *ProjectData) { ready(d); d.Project.SponsorID = 0 }, phTest, 0, "may not sign"},
		{"A on another row does not count", ready, phBuild, pOwner, `only the sponsor (Sam Sponsor) may`},
		{"no sponsor and no gate A", func(d *ProjectData) { d.Project.SponsorID = 0 }, phBuild, pLead,
			`no one may sign the "Build" gate yet: set a sponsor, or an A on the gate's RACI row`},
		{"no sponsor, gate A signs", func(d *ProjectData) { ready(d); d.Project.SponsorID = 0 }, phTest, pOwner, ""},
		{"blocked: summary with count", func(d *ProjectData) {
			editPhase(d, phTest, func(p *Phase) {
				p.Deliverables = []Deliverable{{Name: "a"}, {Name: "b"}}
			})
		}, phTest, pSponsor,
			`the "Test" gate cannot be signed off: phase "Test" has not started; previous gate "Build" is not signed off; deliverable "a" is not done; and 4 more (7 in all)`},
		{"blocked by one open change", func(d *ProjectData) {
			ready(d)
			d.Changes = []ChangeRequest{{ID: 12, Title: "Fix scoring", Decision: DecisionNow, Status: StatusReadyForRetest}}
		}, phTest, pSponsor, `the "Test" gate cannot be signed off: CR-12 "Fix scoring" decided now, status ready for retest`},
		{"already signed", nil, phDesign, pSponsor, "already signed off"},
		{"build ready, sponsor", nil, phBuild, pSponsor, ""},
		{"unknown phase", nil, 999, pSponsor, "no phase with ID 999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			if tt.edit != nil {
				tt.edit(&d)
			}
			err := CanSignOff(d, tt.phase, tt.by)
			checkErr(t, err, tt.wantErr)
		})
	}
}

func TestSignOff(t *testing.T) {
	d := gateFixture()
	ph, err := SignOff(d, phBuild, pSponsor, " Build accepted \x1b[2J", gateT0)
	if err != nil {
		t.Fatal(err)
	}
	g := ph.Gate
	if !g.SignedOff || g.ByID != pSponsor || !g.At.Equal(gateT0) || g.Note != "Build accepted ␛[2J" {
		t.Errorf("gate = %+v", g)
	}
	if ph.Status != PhaseSignedOff || !ph.ActualEnd.Equal(gateT0) {
		t.Errorf("phase = %s, end %v", ph.Status, ph.ActualEnd)
	}

	// An actual end already set is kept.
	end := gateT0.AddDate(0, 0, -2)
	editPhase(&d, phBuild, func(p *Phase) { p.ActualEnd = end })
	ph, err = SignOff(d, phBuild, pSponsor, "", gateT0)
	if err != nil || !ph.ActualEnd.Equal(end) {
		t.Errorf("SignOff kept end %v, err %v; want %v", ph.ActualEnd, err, end)
	}

	// An override recorded earlier is kept.
	editPhase(&d, phBuild, func(p *Phase) { p.Gate.Override = &Override{ByID: pLead, Reason: "r"} })
	ph, err = SignOff(d, phBuild, pSponsor, "", gateT0)
	if err != nil || ph.Gate.Override == nil {
		t.Errorf("SignOff lost the override: %+v, %v", ph.Gate, err)
	}

	// Refusals leave the phase as it was.
	ph, err = SignOff(d, phTest, pSponsor, "note", gateT0)
	if err == nil || ph.Gate.SignedOff || ph.Status != PhaseNotStarted {
		t.Errorf("SignOff(test) = %+v, %v; want refused", ph, err)
	}
	if _, err := SignOff(d, phBuild, pTester, "note", gateT0); err == nil {
		t.Error("a tester may not sign")
	}
}

func TestRequestSignOff(t *testing.T) {
	tests := []struct {
		status  PhaseStatus
		want    PhaseStatus
		wantErr string
	}{
		{PhaseInProgress, PhaseAwaitingSignOff, ""},
		{PhaseNotStarted, PhaseNotStarted, `only a phase in progress can ask for sign-off: "Build" is not started`},
		{PhaseAwaitingSignOff, PhaseAwaitingSignOff, "is awaiting sign-off"},
		{PhaseSignedOff, PhaseSignedOff, "is signed off"},
	}
	for _, tt := range tests {
		d := gateFixture()
		editPhase(&d, phBuild, func(p *Phase) { p.Status = tt.status })
		ph, err := RequestSignOff(d, phBuild)
		checkErr(t, err, tt.wantErr)
		if ph.Status != tt.want {
			t.Errorf("from %s: status %s, want %s", tt.status, ph.Status, tt.want)
		}
	}
	if _, err := RequestSignOff(gateFixture(), 999); err == nil {
		t.Error("unknown phase must fail")
	}
}

func TestPhaseWarnings(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n) }
	tests := []struct {
		name   string
		phases []Phase
		want   []string
	}{
		{"none", nil, nil},
		{"sequential", []Phase{
			{Order: 1, Name: "A", PlannedStart: day(0), PlannedEnd: day(5)},
			{Order: 2, Name: "B", PlannedStart: day(6), PlannedEnd: day(9)},
		}, nil},
		{"hand-over on the same day is fine", []Phase{
			{Order: 1, Name: "A", PlannedStart: day(0), PlannedEnd: day(5)},
			{Order: 2, Name: "B", PlannedStart: day(5).Add(9 * time.Hour), PlannedEnd: day(9)},
		}, nil},
		{"overlap, stored out of order", []Phase{
			{Order: 2, Name: "B", PlannedStart: day(3), PlannedEnd: day(9)},
			{Order: 1, Name: "A", PlannedStart: day(0), PlannedEnd: day(5)},
		}, []string{`"B" starts 2024-03-04, before "A" ends 2024-03-06: the phases overlap`}},
		{"planned end before start", []Phase{
			{Order: 1, Name: "A", PlannedStart: day(5), PlannedEnd: day(2)},
		}, []string{`"A" is planned to end 2024-03-03, before it starts 2024-03-06`}},
		{"actual end before start", []Phase{
			{Order: 1, Name: "A", ActualStart: day(5), ActualEnd: day(4)},
		}, []string{`"A" actually ended 2024-03-05, before it started 2024-03-06`}},
		{"missing dates are skipped", []Phase{
			{Order: 1, Name: "A", PlannedEnd: day(5)},
			{Order: 2, Name: "B"},
			{Order: 3, Name: "C", PlannedStart: day(1)},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PhaseWarnings(tt.phases)
			if !slices.Equal(got, tt.want) {
				t.Errorf("PhaseWarnings =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}
