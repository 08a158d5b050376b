package model

import (
	"errors"
	"strings"
)

// maxAccountables is how many A's a row may hold.
const maxAccountables = 1

// Activity is a row of the RACI matrix: usually a deliverable or a gate.
type Activity struct {
	ID      uint64 `json:"id"`
	Name    string `json:"name"`
	PhaseID uint64 `json:"phase_id,omitempty"`
	Order   int    `json:"order"`
	// Gate marks the activity that stands for a phase's sign-off: its
	// Accountable person may sign the gate.
	Gate bool `json:"gate,omitempty"`
}

// Validate reports the first problem with an activity's fields.
func (a Activity) Validate() error {
	if strings.TrimSpace(a.Name) == "" {
		return errors.New("activity name is empty: type a name")
	}
	return nil
}

// Assignment is one filled cell of the matrix: the letters a person holds
// on an activity, one or more (A/R).
type Assignment struct {
	ActivityID uint64 `json:"activity_id"`
	PersonID   uint64 `json:"person_id"`
	Role       Role   `json:"role"`
}

// RowProblem is what is wrong with one activity's row.
type RowProblem int

const (
	RowNoAccountable RowProblem = iota + 1
	RowManyAccountable
	RowNoResponsible
	RowAllConsulted
)

func (p RowProblem) String() string {
	switch p {
	case RowNoAccountable:
		return "no A"
	case RowManyAccountable:
		return "more than one A"
	case RowNoResponsible:
		return "no R"
	case RowAllConsulted:
		return "everyone consulted"
	}
	return "?"
}

// Warning tells whether the problem is advice rather than a broken rule.
func (p RowProblem) Warning() bool { return p == RowAllConsulted }

// CheckRow applies the RACI rules to one row: exactly one A, at least one R;
// it warns when every person of the project is Consulted (with more than
// one person, since one person consulted is no crowd). roles holds the
// letters of the row's filled cells, one set per cell: the rules count
// letters, so a cell holding A/R is the row's A and one of its R's.
// people is the project's head count.
func CheckRow(roles []Role, people int) []RowProblem {
	var a, r, c int
	for _, x := range roles {
		if x.Has(Accountable) {
			a++
		}
		if x.Has(Responsible) {
			r++
		}
		if x.Has(Consulted) {
			c++
		}
	}
	var out []RowProblem
	switch {
	case a == 0:
		out = append(out, RowNoAccountable)
	case a > maxAccountables:
		out = append(out, RowManyAccountable)
	}
	if r == 0 {
		out = append(out, RowNoResponsible)
	}
	if people > 1 && c == people {
		out = append(out, RowAllConsulted)
	}
	return out
}

// OverloadFrom is how many A's one person may hold before mopdeck flags an
// overload: accountability spread thin stops meaning anything.
const OverloadFrom = 6

// Overloaded tells whether a person holding n A's is flagged.
func Overloaded(accountables int) bool { return accountables >= OverloadFrom }
