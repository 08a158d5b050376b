package bundle

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"mopdeck/model"
)

// BenchmarkRoundTrip10k exports the 10,000-request project as a bundle
// file and imports it back (replacing the previous copy), as an offline
// session does: load, write, read, restore. The product asks < 2 s.
//
//	go test ./store/bundle/ -run '^$' -bench . -benchtime 3x
func BenchmarkRoundTrip10k(b *testing.B) {
	s := openStore(b)
	d := model.SampleProject(now)
	d.Project.Name = "Big migration"
	for i := range 10_000 {
		d.Changes = append(d.Changes, model.ChangeRequest{
			Title:       fmt.Sprintf("Change request number %d about the lead form", i),
			Description: "Testers found that the field order differs from the design document; sales wants the region first.",
			RaisedBy:    "Tester", RaisedIn: d.Phases[i%len(d.Phases)].ID, CreatedAt: now.Add(time.Duration(i) * time.Minute),
			Area: model.AreaWorkflow, Impact: i%5 + 1, Complexity: model.Complexity(i%3 + 1), EstimateHrs: float64(i % 50),
			Status: model.StatusTriaged, Assignee: "Dev",
		})
	}
	src, err := s.CreateProject(d, "bench")
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "bundle.json")
	for b.Loop() {
		full, err := s.LoadProject(src.Project.ID)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteFile(path, full, "bench", now); err != nil {
			b.Fatal(err)
		}
		bd, err := ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		bd.Data.Project.Name = "Big migration (copy)"
		got, err := s.RestoreProject(bd.Data, true, "bench")
		if err != nil || len(got.Changes) != len(full.Changes) {
			b.Fatalf("restored %d changes: %v", len(got.Changes), err)
		}
	}
}
