package changes

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"mopdeck/model"
	"mopdeck/model/modeltest"
)

// A queue patched with events must be the queue a full load of the same
// requests builds: same priority order and ranks, same rows in every sort
// and filter. Random edits, adds and deletes, under every sort column.
func TestQueuePatchMatchesAFullLoad(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	crs := modeltest.Changes(300, now, 7)
	for col := range numSorts {
		t.Run(col.String(), func(t *testing.T) {
			data := slices.Clone(crs)
			var q queue
			q.sort = col
			q.load(data, now)
			q.setText("the")
			nextID := uint64(len(data)) + 1
			for step := range 200 {
				var r model.Record
				switch k := rng.IntN(10); {
				case k == 0 && len(data) > 0: // delete
					i := rng.IntN(len(data))
					r = model.Record{Kind: model.KindChanges, ID: data[i].ID}
					data = slices.Delete(data, i, i+1)
				case k == 1: // add
					c := modeltest.Changes(1, now, uint64(step))[0]
					c.ID = nextID
					nextID++
					data = append(data, c)
					r = model.Record{Kind: model.KindChanges, ID: c.ID, Value: c}
				default: // rate, decide or move the status of one request
					i := rng.IntN(len(data))
					c := data[i]
					c.Impact = rng.IntN(6)
					c.EstimateHrs = float64(rng.IntN(80))
					c.Complexity = []model.Complexity{model.ComplexityUnrated, model.ComplexityLow, model.ComplexityMedium, model.ComplexityHigh}[rng.IntN(4)]
					c.Title = fmt.Sprintf("the request %d", rng.IntN(50))
					c.Decision = model.Decision(rng.IntN(4))
					data[i] = c
					r = model.Record{Kind: model.KindChanges, ID: c.ID, Value: c}
				}
				q.patch([]model.Record{r}, now)
				var want queue
				want.sort = col
				want.load(data, now)
				want.setText("the")
				if got, exp := ids(q.entries), ids(want.entries); !slices.Equal(got, exp) {
					t.Fatalf("step %d: priority order\n got %v\nwant %v", step, got, exp)
				}
				for i, e := range q.entries {
					if e.rank != i || q.byID[e.cr.ID] != e {
						t.Fatalf("step %d: entry %d (CR-%d) has rank %d or is not indexed", step, i, e.cr.ID, e.rank)
					}
				}
				if got, exp := ids(q.shown), ids(want.shown); !slices.Equal(got, exp) {
					t.Fatalf("step %d: rows shown\n got %v\nwant %v", step, got, exp)
				}
				if got, exp := ids(q.order), ids(want.order); !slices.Equal(got, exp) {
					t.Fatalf("step %d: sort order\n got %v\nwant %v", step, got, exp)
				}
				if got, exp := ids(q.untriaged), ids(want.untriaged); !slices.Equal(got, exp) {
					t.Fatalf("step %d: untriaged\n got %v\nwant %v", step, got, exp)
				}
				for i, row := range q.rows {
					if row[0] != q.shown[i].cr.Ref() {
						t.Fatalf("step %d: row %d shows %s, want %s", step, i, row[0], q.shown[i].cr.Ref())
					}
				}
			}
		})
	}
}

func ids(es []*entry) []uint64 {
	out := make([]uint64, len(es))
	for i, e := range es {
		out[i] = e.cr.ID
	}
	return out
}
