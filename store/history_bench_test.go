package store

import (
	"fmt"
	"testing"

	"mopdeck/model"
	"mopdeck/model/modeltest"
)

// BenchmarkLoadProjectHistory: opening a project of 10,000 requests
// with 1 history entry and with 10,001. The history is not loaded beyond
// its recent entries, so the two cost the same.
func BenchmarkLoadProjectHistory(b *testing.B) {
	for _, edits := range []int{0, 10_000} {
		b.Run(fmt.Sprintf("history=%d", edits+1), func(b *testing.B) {
			s := openT(b, tempPath(b))
			d := model.ProjectData{Project: model.Project{Name: "Big"}, Changes: modeltest.Changes(10_000, t0, 1)}
			d = createT(b, s, d)
			for i := range edits {
				if _, err := s.UpdateChange(d.Project.ID, uint64(i%100+1), "x", func(c model.ChangeRequest) (model.ChangeRequest, error) {
					c.EstimateHrs = float64(i%50 + 1)
					return c, nil
				}); err != nil {
					b.Fatal(err)
				}
			}
			for b.Loop() {
				got, err := s.LoadProject(d.Project.ID)
				if err != nil || len(got.Changes) != 10_000 {
					b.Fatalf("load: %v", err)
				}
			}
		})
	}
}
