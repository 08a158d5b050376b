package model

import (
	"slices"
	"testing"
)

func TestWorkDoneCountsExitItems(t *testing.T) {
	ph := Phase{
		Deliverables: []Deliverable{{Name: "a", Done: true}, {Name: "b", Done: true}},
		Checklist:    []CheckItem{{Text: "x", Done: true}, {Text: "y"}, {Text: "z", Done: true}, {Text: "w", Done: true}},
	}
	if done, total := ph.WorkDone(); done != 5 || total != 6 {
		t.Errorf("WorkDone = %d/%d, want 5/6", done, total)
	}
	if done, total := (Phase{}).WorkDone(); done != 0 || total != 0 {
		t.Errorf("empty phase: WorkDone = %d/%d", done, total)
	}
}

func TestOpenWork(t *testing.T) {
	d := gateFixture()
	// Test has not started and its previous gate is open: those are not
	// work to finish, the open changes are.
	if got := kinds(OpenWork(d, phTest)); !slices.Equal(got, []string{BlockerOpenChange, BlockerOpenChange, BlockerOpenChange}) {
		t.Errorf("Test open work = %v", got)
	}
	if got := OpenWork(d, phBuild); len(got) != 0 {
		t.Errorf("Build has everything done, open work = %v", got)
	}
	editPhase(&d, phBuild, func(p *Phase) {
		p.Deliverables = append(p.Deliverables, Deliverable{Name: "Workbooks"})
		p.Checklist = append(p.Checklist, CheckItem{Text: "Security reviewed"})
	})
	got := OpenWork(d, phBuild)
	if !slices.Equal(kinds(got), []string{BlockerDeliverable, BlockerChecklist}) {
		t.Fatalf("Build open work = %v", got)
	}
	if s := DescribeBlockers(got); s != `deliverable "Workbooks" is not done; exit item "Security reviewed" is not checked` {
		t.Errorf("described as %q", s)
	}
}

func TestTiesToPhase(t *testing.T) {
	d := gateFixture()
	d.Changes[0].RaisedIn = phTest
	d.Docs = []Doc{{ID: 1, Title: "Test plan", PhaseID: phTest}, {ID: 2, Title: "Other", PhaseID: phBuild}}
	ties := TiesToPhase(d, phTest)
	if ties != (PhaseTies{Activities: 2, Changes: 1, Docs: 1}) {
		t.Fatalf("ties = %+v", ties)
	}
	if s := ties.String(); s != "2 activities, 1 change request and 1 doc" {
		t.Errorf("String = %q", s)
	}
	if s := (PhaseTies{Docs: 3}).String(); s != "3 docs" {
		t.Errorf("String = %q", s)
	}
	if none := TiesToPhase(d, phDeploy); !none.None() || none.String() != "" {
		t.Errorf("Deploy ties = %+v %q", none, none.String())
	}
}
