package store

import (
	"fmt"
	"testing"
	"time"

	"mopdeck/model"
)

// bigProject is a project at the product's stated size: 10,000 change
// requests, 200 activities × 60 people.
func bigProject() model.ProjectData {
	d := model.ProjectData{Project: model.Project{Name: "Big migration", Template: "migration"}}
	for i := range 8 {
		d.Phases = append(d.Phases, model.Phase{ID: uint64(i + 1), Order: i + 1, Name: fmt.Sprintf("Phase %d", i+1),
			Deliverables: []model.Deliverable{{Name: "Deliverable"}}})
	}
	for i := range 60 {
		d.People = append(d.People, model.Person{ID: uint64(i + 1), Name: fmt.Sprintf("Person %d", i+1), Team: "marketing"})
	}
	for i := range 200 {
		d.Activities = append(d.Activities, model.Activity{ID: uint64(i + 1), Name: fmt.Sprintf("Activity %d", i+1), PhaseID: uint64(i%8 + 1), Order: i})
		d.Cells = append(d.Cells,
			model.Assignment{ActivityID: uint64(i + 1), PersonID: uint64(i%60 + 1), Role: model.Accountable},
			model.Assignment{ActivityID: uint64(i + 1), PersonID: uint64((i+1)%60 + 1), Role: model.Responsible})
	}
	for i := range 10000 {
		d.Changes = append(d.Changes, model.ChangeRequest{
			Title:       fmt.Sprintf("Change request number %d about the lead form", i),
			Description: "Testers found that the field order differs from the design document; sales wants the region first.",
			RaisedBy:    "Tester", RaisedIn: uint64(i%8 + 1), CreatedAt: t0.Add(time.Duration(i) * time.Minute),
			Area: model.AreaWorkflow, Impact: i%5 + 1, Complexity: model.Complexity(i%3 + 1), EstimateHrs: float64(i % 50),
			Status: model.StatusTriaged, Assignee: "Dev",
		})
	}
	return d
}

func benchStore(b *testing.B) (*Store, model.ProjectData) {
	s := openT(b, tempPath(b))
	d, err := s.CreateProject(bigProject(), "bench")
	if err != nil {
		b.Fatal(err)
	}
	return s, d
}

func BenchmarkSaveChange10k(b *testing.B) {
	s, d := benchStore(b)
	cr := d.Changes[len(d.Changes)/2]
	i := 0
	for b.Loop() {
		i++
		cr.Impact = i%5 + 1
		cr.Decision = model.Decision(i % 4)
		if _, err := s.SaveChange(d.Project.ID, cr, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadProject10k(b *testing.B) {
	s, d := benchStore(b)
	for b.Loop() {
		got, err := s.LoadProject(d.Project.ID)
		if err != nil || len(got.Changes) != 10000 {
			b.Fatal(len(got.Changes), err)
		}
	}
}

func BenchmarkCreateProject10k(b *testing.B) {
	s := openT(b, tempPath(b))
	d := bigProject()
	for b.Loop() {
		if _, err := s.CreateProject(d, "bench"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen10k measures Open of an existing file at the stated size,
// including the page scan that guards against damaged files.
func BenchmarkOpen10k(b *testing.B) {
	s, _ := benchStore(b)
	path := s.Path()
	s.Close()
	for b.Loop() {
		s, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
