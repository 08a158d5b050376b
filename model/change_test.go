package model

import (
	"math"
	"strings"
	"testing"
)

func TestChangeRequestValidate(t *testing.T) {
	ok := ChangeRequest{Title: "Add a lead-source field", Impact: 3, Complexity: ComplexityLow, EstimateHrs: 4}
	tests := []struct {
		name    string
		edit    func(c *ChangeRequest)
		wantErr string // "" = valid
	}{
		{"valid", func(c *ChangeRequest) {}, ""},
		{"empty title", func(c *ChangeRequest) { c.Title = "" }, "title is empty"},
		{"space title", func(c *ChangeRequest) { c.Title = " \t\n " }, "title is empty"},
		{"impact 0 unrated ok", func(c *ChangeRequest) { c.Impact = 0 }, ""},
		{"impact 1 ok", func(c *ChangeRequest) { c.Impact = 1 }, ""},
		{"impact 5 ok", func(c *ChangeRequest) { c.Impact = 5 }, ""},
		{"impact 6 refused", func(c *ChangeRequest) { c.Impact = 6 }, "impact 6 is out of range"},
		{"impact -1 refused", func(c *ChangeRequest) { c.Impact = -1 }, "impact -1 is out of range"},
		{"complexity unrated ok", func(c *ChangeRequest) { c.Complexity = ComplexityUnrated }, ""},
		{"complexity high ok", func(c *ChangeRequest) { c.Complexity = ComplexityHigh }, ""},
		{"complexity 4 refused", func(c *ChangeRequest) { c.Complexity = 4 }, "complexity"},
		{"complexity -1 refused", func(c *ChangeRequest) { c.Complexity = -1 }, "complexity"},
		{"estimate 0 ok", func(c *ChangeRequest) { c.EstimateHrs = 0 }, ""},
		{"estimate -1 refused", func(c *ChangeRequest) { c.EstimateHrs = -1 }, "negative"},
		{"estimate 10000 ok", func(c *ChangeRequest) { c.EstimateHrs = 10000 }, ""},
		{"estimate 10000.5 refused", func(c *ChangeRequest) { c.EstimateHrs = 10000.5 }, "over 10000 h"},
		{"estimate NaN refused", func(c *ChangeRequest) { c.EstimateHrs = math.NaN() }, "not a number"},
		{"estimate +Inf refused", func(c *ChangeRequest) { c.EstimateHrs = math.Inf(1) }, "over 10000 h"},
		{"estimate -Inf refused", func(c *ChangeRequest) { c.EstimateHrs = math.Inf(-1) }, "negative"},
		{"decision rejected ok", func(c *ChangeRequest) { c.Decision = DecisionRejected }, ""},
		{"unknown decision", func(c *ChangeRequest) { c.Decision = 4 }, "unknown decision"},
		{"negative decision", func(c *ChangeRequest) { c.Decision = -1 }, "unknown decision"},
		{"status deferred ok", func(c *ChangeRequest) { c.Status = StatusDeferred }, ""},
		{"unknown status", func(c *ChangeRequest) { c.Status = 7 }, "unknown status"},
		{"negative status", func(c *ChangeRequest) { c.Status = -1 }, "unknown status"},
		{"no area ok", func(c *ChangeRequest) { c.Area = "" }, ""},
		{"known area ok", func(c *ChangeRequest) { c.Area = AreaSecurity }, ""},
		{"unknown area", func(c *ChangeRequest) { c.Area = "marketing" }, `unknown area "marketing"`},
		{"area wrong case", func(c *ChangeRequest) { c.Area = "Security" }, "unknown area"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := ok
			tt.edit(&c)
			err := c.Validate()
			switch {
			case tt.wantErr == "" && err != nil:
				t.Errorf("Validate() = %v, want nil", err)
			case tt.wantErr != "" && err == nil:
				t.Errorf("Validate() = nil, want error containing %q", tt.wantErr)
			case tt.wantErr != "" && !strings.Contains(err.Error(), tt.wantErr):
				t.Errorf("Validate() = %q, want it to contain %q", err, tt.wantErr)
			}
		})
	}
}

func TestChangeRequestHelpers(t *testing.T) {
	c := ChangeRequest{ID: 12}
	if c.Ref() != "CR-12" {
		t.Errorf("Ref() = %q", c.Ref())
	}
	if c.Rated() || !c.Untriaged() {
		t.Error("a blank request is unrated and untriaged")
	}
	c.Impact = 3
	if c.Rated() {
		t.Error("impact alone is not rated")
	}
	c.Complexity = ComplexityLow
	if !c.Rated() {
		t.Error("impact and complexity make a rated request")
	}
	c.Status = StatusTriaged
	if c.Untriaged() {
		t.Error("a triaged request is not untriaged")
	}
}

func TestEnumStrings(t *testing.T) {
	tests := []struct{ got, want string }{
		{ComplexityUnrated.String(), ""},
		{ComplexityLow.String(), "low"},
		{ComplexityHigh.String(), "high"},
		{Complexity(9).String(), "?"},
		{DecisionNow.String(), "now"},
		{DecisionLater.String(), "later"},
		{Decision(-1).String(), "?"},
		{StatusReadyForRetest.String(), "ready for retest"},
		{StatusDeferred.String(), "deferred"},
		{CRStatus(7).String(), "?"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
