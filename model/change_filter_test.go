package model

import (
	"testing"
	"time"
)

func filterFixture() []ChangeRequest {
	return []ChangeRequest{
		{ID: 1, Title: "a", Status: StatusNew, Area: AreaWorkflow, RaisedIn: 3},
		{ID: 2, Title: "b", Status: StatusTriaged, Decision: DecisionNow, Impact: 5, Complexity: ComplexityLow, EstimateHrs: 4, Assignee: " Julien "},
		{ID: 3, Title: "c", Status: StatusTriaged, Decision: DecisionNow, Impact: 1, Complexity: ComplexityHigh, Area: AreaWorkflow, RaisedIn: 3},
		{ID: 4, Title: "d", Status: StatusDeferred, Decision: DecisionLater, Impact: 4, Complexity: ComplexityHigh, Assignee: "Julien"},
	}
}

func matching(f CRFilter, crs []ChangeRequest) []uint64 {
	var ids []uint64
	for _, c := range crs {
		if f.Match(c) {
			ids = append(ids, c.ID)
		}
	}
	return ids
}

func TestCRFilter(t *testing.T) {
	crs := filterFixture()
	var f CRFilter
	if f.Active() || len(matching(f, crs)) != 4 {
		t.Fatal("the zero filter must keep everything")
	}
	tests := []struct {
		name string
		set  func(f *CRFilter)
		want []uint64
	}{
		{"one status", func(f *CRFilter) { f.Toggle(FacetStatus, "triaged") }, []uint64{2, 3}},
		{"two statuses are alternatives", func(f *CRFilter) { f.Toggle(FacetStatus, "triaged"); f.Toggle(FacetStatus, "new") }, []uint64{1, 2, 3}},
		{"facets combine", func(f *CRFilter) { f.Toggle(FacetStatus, "triaged"); f.Toggle(FacetArea, string(AreaWorkflow)) }, []uint64{3}},
		{"toggling twice frees", func(f *CRFilter) { f.Toggle(FacetDecision, "now"); f.Toggle(FacetDecision, "now") }, []uint64{1, 2, 3, 4}},
		{"quadrant", func(f *CRFilter) { f.Only(FacetQuadrant, QuickWin.String()) }, []uint64{2}},
		{"unrated", func(f *CRFilter) { f.Only(FacetQuadrant, Unrated.String()) }, []uint64{1}},
		{"raised in", func(f *CRFilter) { f.Only(FacetRaisedIn, "3") }, []uint64{1, 3}},
		{"no phase", func(f *CRFilter) { f.Only(FacetRaisedIn, "0") }, []uint64{2, 4}},
		{"assignee trimmed", func(f *CRFilter) { f.Only(FacetAssignee, "Julien") }, []uint64{2, 4}},
		{"nobody assigned", func(f *CRFilter) { f.Only(FacetAssignee, "") }, []uint64{1, 3}},
		{"no match", func(f *CRFilter) { f.Only(FacetStatus, "verified") }, nil},
		{"unknown facet ignored", func(f *CRFilter) { f.Toggle(CRFacet(99), "x"); f.Only(CRFacet(-1), "x") }, []uint64{1, 2, 3, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var f CRFilter
			tt.set(&f)
			got := matching(f, crs)
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("got %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestCRFilterCopiesAreIndependent(t *testing.T) {
	var f CRFilter
	f.Toggle(FacetStatus, "new")
	f.Toggle(FacetQuadrant, "quick win")
	g := f.Without(FacetQuadrant)
	if !f.Has(FacetQuadrant, "quick win") || g.Has(FacetQuadrant, "quick win") || !g.Has(FacetStatus, "new") {
		t.Fatal("Without must free one facet of a copy only")
	}
	h := f
	h.Toggle(FacetStatus, "triaged")
	h.Toggle(FacetStatus, "new")
	if !f.Has(FacetStatus, "new") || f.Has(FacetStatus, "triaged") {
		t.Fatalf("toggling a copy changed the original: %v", f.Chosen(FacetStatus))
	}
}

func TestFacetNames(t *testing.T) {
	for _, f := range CRFacets {
		if f.String() == "?" {
			t.Errorf("facet %d has no name", int(f))
		}
	}
	if CRFacet(42).String() != "?" || FacetValue(ChangeRequest{}, CRFacet(42)) != "" {
		t.Error("an unknown facet must be harmless")
	}
}

func TestMatrix(t *testing.T) {
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	crs := []ChangeRequest{
		{ID: 1, Impact: 5, Complexity: ComplexityLow, EstimateHrs: 10, CreatedAt: t0},
		{ID: 2, Impact: 5, Complexity: ComplexityLow, EstimateHrs: 2, CreatedAt: t0.Add(time.Hour)},
		{ID: 3, Impact: 3, Complexity: ComplexityMedium, EstimateHrs: 40, CreatedAt: t0},
		{ID: 4, Impact: 4, Complexity: ComplexityLow, EstimateHrs: 41}, // over a week: major project
		{ID: 5, Impact: 2, Complexity: ComplexityLow, EstimateHrs: 1},
		{ID: 6, Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 100},
		{ID: 7},
		{ID: 8, Impact: 4},
	}
	m := Matrix(crs, 2)
	want := []struct {
		q     Quadrant
		count int
		hours float64
		top   []uint64
	}{
		{QuickWin, 3, 52, []uint64{2, 1}}, // 5/2 h before 5/10 h
		{MajorProject, 1, 41, []uint64{4}},
		{FillIn, 1, 1, []uint64{5}},
		{MoneyPit, 1, 100, []uint64{6}},
		{Unrated, 2, 0, []uint64{8, 7}}, // impact per hour counts even unrated
	}
	for _, w := range want {
		got := m[w.q]
		if got.Quadrant != w.q || got.Count != w.count || got.Hours != w.hours || len(got.Top) != len(w.top) {
			t.Fatalf("%s: got %+v, want %+v", w.q, got, w)
		}
		for i := range w.top {
			if got.Top[i] != w.top[i] {
				t.Fatalf("%s top = %v, want %v", w.q, got.Top, w.top)
			}
		}
	}
	if e := Matrix(nil, 3); e[QuickWin].Count != 0 || e[QuickWin].Top != nil {
		t.Fatalf("empty matrix = %+v", e)
	}
	if z := Matrix(crs, 0); len(z[QuickWin].Top) != 0 || z[QuickWin].Count != 3 {
		t.Fatalf("top 0 must count without listing: %+v", z[QuickWin])
	}
}
