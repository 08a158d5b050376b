package model

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Role is the set of RACI letters one cell holds. Most cells hold one
// letter; many real matrices give one person two on the same activity,
// A/R above all (they answer for the work and do it). Each letter
// constant is a set of one, so a one-letter cell compares equal to its
// letter and Accountable|Responsible is the cell "A/R". Ask Has, not ==,
// whether a cell holds a letter.
type Role uint8

const (
	RoleNone    Role = 0
	Responsible Role = 1 << 0
	Accountable Role = 1 << 1
	Consulted   Role = 1 << 2
	Informed    Role = 1 << 3

	allRoles = Responsible | Accountable | Consulted | Informed
)

// Roles lists the letters in RACI order.
var Roles = []Role{Responsible, Accountable, Consulted, Informed}

// cellOrder is the order a combined cell is written in: A first, then R,
// as teams write "A/R".
var cellOrder = []Role{Accountable, Responsible, Consulted, Informed}

// Has tells whether the cell holds every letter of l (false for none).
func (r Role) Has(l Role) bool { return l != RoleNone && r&l == l }

// Toggle adds the letters of l the cell lacks and removes those it holds:
// a cell's key press.
func (r Role) Toggle(l Role) Role { return r ^ l }

// Valid tells whether the set holds only RACI letters.
func (r Role) Valid() bool { return r&^allRoles == 0 }

// Letters returns the cell's letters, one set of one each, A first as
// the cell is written.
func (r Role) Letters() []Role {
	out := make([]Role, 0, 2)
	for _, l := range cellOrder {
		if r.Has(l) {
			out = append(out, l)
		}
	}
	return out
}

func (r Role) letter() byte {
	switch r {
	case Responsible:
		return 'R'
	case Accountable:
		return 'A'
	case Consulted:
		return 'C'
	case Informed:
		return 'I'
	}
	return '?'
}

// String writes the cell as people read it: "A", "A/R", "" for none.
func (r Role) String() string { return r.join("/") }

// Compact writes the letters without separators, "AR", as they are
// stored.
func (r Role) Compact() string { return r.join("") }

func (r Role) join(sep string) string {
	if r == RoleNone {
		return ""
	}
	var b strings.Builder
	for i, l := range r.Letters() {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteByte(l.letter())
	}
	if !r.Valid() {
		b.WriteString(sep + "?")
	}
	return b.String()
}

// Meaning says in one line what the cell's letters ask of their holder.
func (r Role) Meaning() string {
	switch r {
	case Responsible:
		return "Responsible: you do the work"
	case Accountable:
		return "Accountable: you approve it and answer for it"
	case Consulted:
		return "Consulted: your opinion is asked before it is done"
	case Informed:
		return "Informed: you are told once it is done"
	case Accountable | Responsible:
		return "Accountable and Responsible: you do the work and answer for it"
	}
	parts := make([]string, 0, 4)
	for _, l := range r.Letters() {
		parts = append(parts, l.Meaning())
	}
	return strings.Join(parts, "; ")
}

// MarshalJSON writes the letters as a string, "AR". A mopdeck from
// before combined cells stored one letter as a number and refuses a
// string, rather than reading a cell it cannot hold.
func (r Role) MarshalJSON() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("RACI cell holds unknown letters (%#x)", uint8(r))
	}
	return json.Marshal(r.Compact())
}

// UnmarshalJSON reads the stored letters, "AR", and also the single
// letter older files and bundles hold as a number (the letter's code,
// 65 for A), so that what they recorded still reads.
func (r *Role) UnmarshalJSON(b []byte) error {
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		v, err := parseCompact(s)
		if err != nil {
			return err
		}
		*r = v
		return nil
	}
	var code int
	if err := json.Unmarshal(b, &code); err != nil {
		return fmt.Errorf("RACI letters %s: want a string such as \"AR\"", truncateJSON(b))
	}
	v, ok := LegacyRole(code)
	if !ok {
		return fmt.Errorf("RACI letter code %d is not R, A, C or I", code)
	}
	*r = v
	return nil
}

// LegacyRole reads a letter as files before combined cells stored it:
// the letter's character code, 0 for none.
func LegacyRole(code int) (Role, bool) {
	switch code {
	case 0:
		return RoleNone, true
	case 'R':
		return Responsible, true
	case 'A':
		return Accountable, true
	case 'C':
		return Consulted, true
	case 'I':
		return Informed, true
	}
	return RoleNone, false
}

// parseCompact reads the stored form: capital letters, each once, in any
// order.
func parseCompact(s string) (Role, error) {
	var out Role
	for i := 0; i < len(s); i++ {
		l, ok := letterOf(s[i])
		if !ok || s[i] >= 'a' || out.Has(l) {
			return RoleNone, fmt.Errorf("RACI letters %q: want letters among R, A, C and I, each once", SanitizeLine(s))
		}
		out |= l
	}
	return out, nil
}

func letterOf(c byte) (Role, bool) {
	switch c {
	case 'R', 'r':
		return Responsible, true
	case 'A', 'a':
		return Accountable, true
	case 'C', 'c':
		return Consulted, true
	case 'I', 'i':
		return Informed, true
	}
	return RoleNone, false
}

func truncateJSON(b []byte) string {
	const most = 20
	if len(b) > most {
		return string(b[:most]) + "…"
	}
	return string(b)
}
