package model

import (
	"slices"
	"testing"
)

func TestCheckRow(t *testing.T) {
	R, A, C, I := Responsible, Accountable, Consulted, Informed
	tests := []struct {
		name   string
		roles  []Role
		people int
		want   []RowProblem
	}{
		{"good row", []Role{R, A, C, I}, 4, nil},
		{"one A one R", []Role{A, R}, 2, nil},
		{"R and A same count twice R", []Role{A, R, R}, 5, nil},
		{"empty row", nil, 3, []RowProblem{RowNoAccountable, RowNoResponsible}},
		{"no A", []Role{R, C}, 3, []RowProblem{RowNoAccountable}},
		{"two A's", []Role{A, A, R}, 3, []RowProblem{RowManyAccountable}},
		{"three A's, no R", []Role{A, A, A}, 3, []RowProblem{RowManyAccountable, RowNoResponsible}},
		{"no R", []Role{A, C, I}, 3, []RowProblem{RowNoResponsible}},
		{"all consulted, 3 people", []Role{C, C, C}, 3, []RowProblem{RowNoAccountable, RowNoResponsible, RowAllConsulted}},
		{"all consulted, 2 people", []Role{C, C}, 2, []RowProblem{RowNoAccountable, RowNoResponsible, RowAllConsulted}},
		{"all but one consulted", []Role{C, C, A}, 3, []RowProblem{RowNoResponsible}},
		{"single person consulted is no crowd", []Role{C}, 1, []RowProblem{RowNoAccountable, RowNoResponsible}},
		{"single person A only", []Role{A}, 1, []RowProblem{RowNoResponsible}},
		{"A/R alone is the A and the R", []Role{A | R}, 1, nil},
		{"A/R with others", []Role{A | R, C, I}, 4, nil},
		{"A/R and another A", []Role{A | R, A}, 2, []RowProblem{RowManyAccountable}},
		{"two A/R", []Role{A | R, A | R}, 2, []RowProblem{RowManyAccountable}},
		{"R/C counts its R", []Role{R | C, A}, 2, nil},
		{"C/I everywhere is everyone consulted", []Role{C | I, C}, 2, []RowProblem{RowNoAccountable, RowNoResponsible, RowAllConsulted}},
		{"single person R", []Role{R}, 1, []RowProblem{RowNoAccountable}},
		{"none roles ignored", []Role{RoleNone, A, R}, 3, nil},
		{"zero people", nil, 0, []RowProblem{RowNoAccountable, RowNoResponsible}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckRow(tt.roles, tt.people)
			if !slices.Equal(got, tt.want) {
				t.Errorf("CheckRow(%v, %d) = %v, want %v", tt.roles, tt.people, got, tt.want)
			}
		})
	}
}

func TestRowProblem(t *testing.T) {
	for p, want := range map[RowProblem]string{RowNoAccountable: "no A", RowManyAccountable: "more than one A",
		RowNoResponsible: "no R", RowAllConsulted: "everyone consulted", RowProblem(0): "?"} {
		if got := p.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", int(p), got, want)
		}
	}
	if !RowAllConsulted.Warning() || RowNoAccountable.Warning() || RowManyAccountable.Warning() || RowNoResponsible.Warning() {
		t.Error("only RowAllConsulted is a warning")
	}
}

func TestParseRole(t *testing.T) {
	tests := []struct {
		in      string
		want    Role
		wantErr bool
	}{
		{"R", Responsible, false},
		{"r", Responsible, false},
		{"A", Accountable, false},
		{"a", Accountable, false},
		{"C", Consulted, false},
		{"c", Consulted, false},
		{"I", Informed, false},
		{" i ", Informed, false},
		{"", RoleNone, false},
		{"  ", RoleNone, false},
		{"-", RoleNone, false},
		{"X", RoleNone, true},
		{"RA", RoleNone, true},
		{"responsible", RoleNone, true},
		{"\x1b", RoleNone, true},
	}
	for _, tt := range tests {
		got, err := ParseRole(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestRoleStringAndMeaning(t *testing.T) {
	for _, r := range Roles {
		if r.String() == "" || r.Meaning() == "" {
			t.Errorf("role %q lacks a name or a meaning", r)
		}
		back, err := ParseRole(r.String())
		if err != nil || back != r {
			t.Errorf("ParseRole(%q) = %q, %v", r.String(), back, err)
		}
	}
	if RoleNone.String() != "" || RoleNone.Meaning() != "" {
		t.Error("RoleNone should be blank")
	}
}

func TestOverloaded(t *testing.T) {
	for n, want := range map[int]bool{0: false, OverloadFrom - 1: false, OverloadFrom: true, OverloadFrom + 5: true} {
		if got := Overloaded(n); got != want {
			t.Errorf("Overloaded(%d) = %v, want %v", n, got, want)
		}
	}
}
