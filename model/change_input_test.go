package model

import (
	"strings"
	"testing"
)

func TestParseImpact(t *testing.T) {
	tests := []struct {
		in      string
		want    int
		wantErr string
	}{
		{"", 0, ""},
		{"  ", 0, ""},
		{"1", 1, ""},
		{" 5 ", 5, ""},
		{"0", 0, "impact 0 is out of range: use 1 to 5"},
		{"4,0", 4, ""},
		{"6", 0, "impact 6 is out of range: use 1 to 5"},
		{"-1", 0, "out of range"},
		{"3.5", 0, "not a whole number"},
		{"high", 4, ""},
		{"Très haute", 5, ""},
		{"1 - High", 5, ""}, // a numbered level counts from the top
		{"P2", 4, ""},
		{"huge", 0, `"huge" is not an impact`},
		{"4\x1b[2J", 0, "␛[2J"},
	}
	for _, tt := range tests {
		got, err := ParseImpact(tt.in)
		checkParse(t, "ParseImpact", tt.in, got, tt.want, err, tt.wantErr)
	}
}

func TestParseEstimate(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantErr string
	}{
		{"", 0, ""},
		{"0", 0, ""},
		{"12", 12, ""},
		{"1.5", 1.5, ""},
		{"1,5", 1.5, ""},
		{"8h", 8, ""},
		{"8 H", 8, ""},
		{"10000", 10000, ""},
		{"10000.5", 0, "over 10000 h"},
		{"1e9", 0, "over 10000 h"},
		{"-1", 0, "negative"},
		{"-0.5", 0, "negative"},
		{"NaN", 0, "not a number"},
		{"Inf", 0, "not a number"},
		{"1 200", 1200, ""},
		{"6,5 heures", 6.5, ""},
		{"two", 0, "not a number of hours"},
	}
	for _, tt := range tests {
		got, err := ParseEstimate(tt.in)
		checkParse(t, "ParseEstimate", tt.in, got, tt.want, err, tt.wantErr)
	}
}

func TestParseComplexityAndDecision(t *testing.T) {
	cx := map[string]Complexity{"": ComplexityUnrated, "l": ComplexityLow, "Low": ComplexityLow, "m": ComplexityMedium,
		"medium": ComplexityMedium, "H": ComplexityHigh, "high": ComplexityHigh}
	for in, want := range cx {
		got, err := ParseComplexity(in)
		checkParse(t, "ParseComplexity", in, got, want, err, "")
	}
	if _, err := ParseComplexity("huge"); err == nil || !strings.Contains(err.Error(), "use low, medium or high") {
		t.Errorf("ParseComplexity(huge) = %v", err)
	}
	dec := map[string]Decision{"": DecisionUndecided, "undecided": DecisionUndecided, "now": DecisionNow, "LATER": DecisionLater,
		"reject": DecisionRejected, "rejected": DecisionRejected}
	for in, want := range dec {
		got, err := ParseDecision(in)
		checkParse(t, "ParseDecision", in, got, want, err, "")
	}
	if _, err := ParseDecision("maybe"); err == nil || err.Error() != `"maybe" is not a decision: use now, later or reject (maintenant, plus tard, rejeté), or leave it empty` {
		t.Errorf("ParseDecision(maybe) = %v", err)
	}
}

// TestParsedValuesPassValidate: what the parsers accept, Validate accepts,
// and their messages agree at the limits.
func TestParsedValuesPassValidate(t *testing.T) {
	h, err := ParseEstimate("10000")
	if err != nil {
		t.Fatal(err)
	}
	c := ChangeRequest{Title: "x", Impact: 5, Complexity: ComplexityHigh, EstimateHrs: h}
	if err := c.Validate(); err != nil {
		t.Fatalf("a parsed estimate fails Validate: %v", err)
	}
	_, perr := ParseEstimate("-2")
	c.EstimateHrs = -2
	if verr := c.Validate(); verr == nil || perr == nil || verr.Error() != perr.Error() {
		t.Fatalf("messages differ: parse %v, validate %v", perr, verr)
	}
}

func checkParse[T comparable](t *testing.T, fn, in string, got, want T, err error, wantErr string) {
	t.Helper()
	if wantErr == "" {
		if err != nil || got != want {
			t.Errorf("%s(%q) = %v, %v; want %v", fn, in, got, err, want)
		}
		return
	}
	if err == nil || !strings.Contains(err.Error(), wantErr) {
		t.Errorf("%s(%q) error = %v; want it to say %q", fn, in, err, wantErr)
	}
	if err != nil && strings.ContainsAny(err.Error(), "\x1b\x07") {
		t.Errorf("%s(%q) error carries control bytes: %q", fn, in, err)
	}
}
