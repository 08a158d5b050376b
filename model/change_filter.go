package model

import (
	"slices"
	"strconv"
	"strings"
)

// CRFacet is a field the change-request queue can be narrowed by.
type CRFacet int

const (
	FacetStatus CRFacet = iota
	FacetDecision
	FacetQuadrant
	FacetArea
	FacetRaisedIn
	FacetAssignee
	numFacets
)

// CRFacets lists the facets in the order pickers show them.
var CRFacets = []CRFacet{FacetStatus, FacetDecision, FacetQuadrant, FacetArea, FacetRaisedIn, FacetAssignee}

var facetNames = [...]string{"status", "decision", "quadrant", "area", "raised in", "assignee"}

func (f CRFacet) String() string {
	if f < 0 || f >= numFacets {
		return "?"
	}
	return facetNames[f]
}

// FacetValue is a request's value for a facet, as a filter compares it:
// the status, decision, quadrant or area name; the raised-in phase ID in
// decimal ("0" for none); the assignee as written, trimmed ("" for none).
func FacetValue(c ChangeRequest, f CRFacet) string {
	switch f {
	case FacetStatus:
		return c.Status.String()
	case FacetDecision:
		return c.Decision.String()
	case FacetQuadrant:
		return QuadrantOf(c).String()
	case FacetArea:
		return string(c.Area)
	case FacetRaisedIn:
		return strconv.FormatUint(c.RaisedIn, 10)
	case FacetAssignee:
		return strings.TrimSpace(c.Assignee)
	}
	return ""
}

// CRFilter keeps the requests whose value for every constrained facet is
// one of the values chosen for it: values of one facet are alternatives
// (status new OR triaged), facets combine (AND). The zero CRFilter keeps
// everything.
type CRFilter struct {
	chosen [numFacets][]string
}

// Toggle adds value to a facet's choices, or removes it when present.
func (f *CRFilter) Toggle(facet CRFacet, value string) {
	if facet < 0 || facet >= numFacets {
		return
	}
	if i := slices.Index(f.chosen[facet], value); i >= 0 {
		f.chosen[facet] = slices.Delete(slices.Clone(f.chosen[facet]), i, i+1)
		return
	}
	f.chosen[facet] = append(slices.Clone(f.chosen[facet]), value)
}

// Only makes values the facet's only choices (none: the facet is free).
func (f *CRFilter) Only(facet CRFacet, values ...string) {
	if facet >= 0 && facet < numFacets {
		f.chosen[facet] = slices.Clone(values)
	}
}

// Chosen returns a facet's chosen values, in the order they were chosen.
func (f CRFilter) Chosen(facet CRFacet) []string {
	if facet < 0 || facet >= numFacets {
		return nil
	}
	return f.chosen[facet]
}

// Has tells whether value is chosen for facet.
func (f CRFilter) Has(facet CRFacet, value string) bool {
	return slices.Contains(f.Chosen(facet), value)
}

// Active tells whether any facet is constrained.
func (f CRFilter) Active() bool {
	for _, c := range f.chosen {
		if len(c) > 0 {
			return true
		}
	}
	return false
}

// Without returns the filter with one facet freed (the matrix counts every
// quadrant under the other facets).
func (f CRFilter) Without(facet CRFacet) CRFilter {
	if facet >= 0 && facet < numFacets {
		f.chosen[facet] = nil
	}
	return f
}

// Match tells whether a request passes every constrained facet.
func (f CRFilter) Match(c ChangeRequest) bool {
	for facet, values := range f.chosen {
		if len(values) > 0 && !slices.Contains(values, FacetValue(c, CRFacet(facet))) {
			return false
		}
	}
	return true
}

// Equal tells whether two filters keep the same requests: the same values
// chosen for each facet, in any order.
func (f CRFilter) Equal(g CRFilter) bool {
	for i := range f.chosen {
		a, b := f.chosen[i], g.chosen[i]
		if len(a) != len(b) {
			return false
		}
		for _, v := range a {
			if !slices.Contains(b, v) {
				return false
			}
		}
	}
	return true
}
