// Package modeltest generates project data for tests and benchmarks: the
// sizes the app must stay fast at, in the shapes real projects have.
package modeltest

import (
	"fmt"
	"time"

	"mopdeck/model"
)

var assignees = []string{"Julien Roux", "Nicolas Laurent", "Sarah Lefebvre", ""}

// Changes makes n change requests numbered from 1, created an hour apart
// before now: every quadrant, status, decision and area, a few assignees,
// raised in phases (phases[i % len]; none when phases is empty). seed
// varies the titles, so that text filters select a mix.
func Changes(n int, now time.Time, seed uint64, phases ...uint64) []model.ChangeRequest {
	crs := make([]model.ChangeRequest, n)
	for i := range crs {
		var phase uint64
		if len(phases) > 0 {
			phase = phases[i%len(phases)]
		}
		crs[i] = model.ChangeRequest{
			ID:          uint64(i + 1),
			Title:       fmt.Sprintf("Change request %d about the %s", i, topics[(uint64(i)+seed)%uint64(len(topics))]),
			Description: "Testers found that the field order differs from the design document; sales wants the region first.",
			RaisedBy:    "Tester", RaisedIn: phase,
			CreatedAt: now.Add(-time.Duration(i) * time.Hour),
			Area:      model.Areas[i%len(model.Areas)],
			Impact:    i % 6, Complexity: model.Complexity(i % 4), EstimateHrs: float64(i % 90),
			Decision: model.Decision(i % 4), Status: model.CRStatuses[i%len(model.CRStatuses)],
			Assignee: assignees[i%len(assignees)],
		}
	}
	return crs
}

var topics = []string{"lead form", "approval workflow", "campaign calendar", "budget owner field", "the asset library"}
