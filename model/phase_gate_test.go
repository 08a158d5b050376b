package model

import (
	"slices"
	"testing"
)

func TestMaySign(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(d *ProjectData)
		phase  uint64
		person uint64
		want   bool
	}{
		{"sponsor, any gate", nil, phBuild, pSponsor, true},
		{"gate A on its own gate", nil, phTest, pOwner, true},
		{"gate A on another gate", nil, phBuild, pOwner, false},
		{"R on the gate", nil, phTest, pTester, false},
		{"A on a deliverable row is not the gate", nil, phTest, pTester, false},
		{"lead", nil, phTest, pLead, false},
		{"nobody (0)", nil, phTest, 0, false},
		{"nobody even with no sponsor", func(d *ProjectData) { d.Project.SponsorID = 0 }, phTest, 0, false},
		{"two A's on the gate row both count", func(d *ProjectData) {
			d.Cells = append(d.Cells, Assignment{ActivityID: 100, PersonID: pLead, Role: Accountable})
		}, phTest, pLead, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := gateFixture()
			if tt.edit != nil {
				tt.edit(&d)
			}
			if got := MaySign(d, tt.phase, tt.person); got != tt.want {
				t.Errorf("MaySign = %v, want %v", got, tt.want)
			}
		})
	}
	if got := GateAccountables(gateFixture(), phBuild); got != nil {
		t.Errorf("a phase without a gate row has no accountables, got %v", got)
	}
}

// TestGatesInSequence walks a whole MRM project: every phase starts only
// once the previous gate is signed, and signing a gate makes the next
// phase startable.
func TestGatesInSequence(t *testing.T) {
	tpl, _ := TemplateByKey("mrm")
	d := NewProject(tpl, "Walk", day(0))
	phases := PhasesInOrder(d.Phases)
	for i, ph := range phases {
		if i+1 < len(phases) {
			if err := CanStart(d, phases[i+1].ID); err == nil {
				t.Fatalf("%s may start before %s is signed off", phases[i+1].Name, ph.Name)
			}
		}
		started, err := StartPhase(d, ph.ID, day(i))
		if err != nil {
			t.Fatalf("start %s: %v", ph.Name, err)
		}
		setPhase(&d, started)
		for j := range started.Deliverables {
			started, _ = ToggleItem(started, ItemDeliverable, j, d.Project.SponsorID, day(i))
		}
		for j := range started.Checklist {
			started, _ = ToggleItem(started, ItemExit, j, d.Project.SponsorID, day(i))
		}
		setPhase(&d, started)
		if bs := GateBlockers(d, ph.ID); len(bs) != 0 {
			t.Fatalf("%s still blocked: %v", ph.Name, bs)
		}
		for _, p := range d.People {
			if _, err := SignOff(d, ph.ID, p.ID, "", day(i)); (err == nil) != MaySign(d, ph.ID, p.ID) {
				t.Fatalf("%s signing %s: %v, but MaySign says %v", p.Name, ph.Name, err, MaySign(d, ph.ID, p.ID))
			}
		}
		signed, err := SignOff(d, ph.ID, d.Project.SponsorID, "ok", day(i))
		if err != nil {
			t.Fatalf("sign %s: %v", ph.Name, err)
		}
		setPhase(&d, signed)
		if i+1 < len(phases) {
			if err := CanStart(d, phases[i+1].ID); err != nil {
				t.Fatalf("%s not startable after %s was signed: %v", phases[i+1].Name, ph.Name, err)
			}
		}
	}
	var states []PhaseStatus
	for _, p := range d.Phases {
		states = append(states, p.Status)
	}
	if slices.ContainsFunc(states, func(s PhaseStatus) bool { return s != PhaseSignedOff }) {
		t.Errorf("statuses at the end: %v", states)
	}
}
