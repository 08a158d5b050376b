package model

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRoleSet(t *testing.T) {
	AR := Accountable | Responsible
	if !AR.Has(Accountable) || !AR.Has(Responsible) || AR.Has(Consulted) || AR.Has(RoleNone) || !AR.Has(AR) {
		t.Errorf("A/R holds the wrong letters")
	}
	if got := Responsible.Toggle(Accountable); got != AR {
		t.Errorf("R toggled with A = %q, want A/R", got)
	}
	if got := AR.Toggle(Accountable); got != Responsible {
		t.Errorf("A/R toggled with A = %q, want R", got)
	}
	for r, want := range map[Role]string{
		RoleNone: "", Accountable: "A", AR: "A/R", Consulted | Informed: "C/I",
		Responsible | Consulted: "R/C", Accountable | Informed | Consulted | Responsible: "A/R/C/I",
	} {
		if got := r.String(); got != want {
			t.Errorf("%v.String() = %q, want %q", r.Letters(), got, want)
		}
		if got := r.Compact(); got != strings.ReplaceAll(want, "/", "") {
			t.Errorf("%v.Compact() = %q", r.Letters(), got)
		}
	}
	if !strings.Contains(AR.Meaning(), "do the work and answer for it") {
		t.Errorf("A/R meaning = %q", AR.Meaning())
	}
	if got := (Consulted | Informed).Meaning(); got != Consulted.Meaning()+"; "+Informed.Meaning() {
		t.Errorf("C/I meaning = %q", got)
	}
	if Role(0x10).Valid() || !AR.Valid() {
		t.Error("Valid")
	}
}

func TestRoleJSON(t *testing.T) {
	for _, r := range []Role{RoleNone, Responsible, Accountable | Responsible, Consulted | Informed | Accountable} {
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if want := `"` + r.Compact() + `"`; string(b) != want {
			t.Errorf("%q marshals to %s, want %s", r, b, want)
		}
		var back Role
		if err := json.Unmarshal(b, &back); err != nil || back != r {
			t.Errorf("%s reads back as %q %v", b, back, err)
		}
	}
	if _, err := json.Marshal(Role(0x30)); err == nil {
		t.Error("unknown letters were written")
	}
	for _, bad := range []string{`"X"`, `"AA"`, `"ar"`, `"A/R"`, `66`, `-1`, `true`, `{}`, `"` + strings.Repeat("A", 99) + `"`} {
		var r Role
		if err := json.Unmarshal([]byte(bad), &r); err == nil {
			t.Errorf("%s read as %q", bad, r)
		}
	}
}

func TestParseRoles(t *testing.T) {
	R, A, C, I := Responsible, Accountable, Consulted, Informed
	good := map[string]Role{
		"": RoleNone, "  ": RoleNone, "-": RoleNone, "–": RoleNone, "—": RoleNone, "·": RoleNone,
		"A": A, " r ": R, "c": C, "I": I,
		"A/R": A | R, "R/A": A | R, "AR": A | R, "ra": A | R, "A, R": A | R, "A+R": A | R, "A & R": A | R,
		"A / R": A | R, "A;R": A | R, "A R": A | R, "A/A": A, "RACI": R | A | C | I, "C/I": C | I,
	}
	for in, want := range good {
		got, err := ParseRoles(in)
		if err != nil || got != want {
			t.Errorf("ParseRoles(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, msg := range map[string]string{
		"X":                      `"X" is not a RACI letter`,
		"Responsible":            `"Responsible" is not a RACI letter`,
		"A/S":                    `"S" is not a RACI letter`,
		"//":                     "holds no RACI letter",
		"=A":                     `"=A" is not a RACI letter`,
		"\x1b[31mA":              "is not a RACI letter",
		strings.Repeat("A/", 40): "a RACI cell of 80 characters",
	} {
		if _, err := ParseRoles(in); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("ParseRoles(%q) = %v, want %q", in, err, msg)
		}
	}
	if _, err := ParseRole("A/R"); err == nil {
		t.Error("ParseRole took two letters")
	}
}

// ParseRoles never panics, refuses or reads each input the same way
// twice, says why in one line without control bytes, and what it reads
// writes back to itself.
func FuzzParseRoles(f *testing.F) {
	for _, s := range []string{"", "A/R", "r/a", "AR", "A, R", "A+R", "-", "x", "RACI", "a\x00", "\xff", "—", "A\nR"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseRoles(s)
		r2, err2 := ParseRoles(s)
		if r != r2 || (err == nil) != (err2 == nil) {
			t.Fatalf("two readings of %q differ", s)
		}
		if err != nil {
			msg := err.Error()
			if r != RoleNone || strings.ContainsAny(msg, "\n\r\x1b\x00") || !utf8.ValidString(msg) {
				t.Fatalf("ParseRoles(%q): %q, %q", s, r, msg)
			}
			return
		}
		if !r.Valid() {
			t.Fatalf("ParseRoles(%q) = invalid %#x", s, uint8(r))
		}
		back, err := ParseRoles(r.String())
		if err != nil || back != r {
			t.Fatalf("%q reads as %q, which reads back as %q %v", s, r, back, err)
		}
	})
}

// An event carrying a combined cell writes it at its key, and a later
// one that takes a letter off or clears the cell finds it there.
func TestEventAppliesCombinedCells(t *testing.T) {
	d := &ProjectData{Cells: []Assignment{{ActivityID: 1, PersonID: 1, Role: Accountable}}}
	cell := func(act, person uint64, r Role) Record {
		rec := Record{Kind: KindCells, Cell: Assignment{ActivityID: act, PersonID: person}}
		if r != RoleNone {
			rec.Value = Assignment{ActivityID: act, PersonID: person, Role: r}
		}
		return rec
	}
	d = d.Apply(Event{From: 0, To: 1, Records: []Record{cell(1, 1, Accountable|Responsible), cell(1, 2, Consulted|Informed)}})
	if len(d.Cells) != 2 || d.Cells[0].Role != Accountable|Responsible || d.Cells[1].Role != Consulted|Informed {
		t.Fatalf("after the first event: %+v", d.Cells)
	}
	d = d.Apply(Event{From: 1, To: 2, Records: []Record{cell(1, 1, Responsible), cell(1, 2, RoleNone)}})
	if len(d.Cells) != 1 || d.Cells[0].Role != Responsible {
		t.Fatalf("after the second event: %+v", d.Cells)
	}
}
