package model

import (
	"strings"
	"testing"
)

// Problems that differ only by their row become one line naming the rows,
// five at most and then the count; others keep their place and order.
func TestGroupSheetProblems(t *testing.T) {
	noPhase := func(row int) SheetProblem {
		return SheetProblem{File: "m.csv", Row: row, Column: "B", Header: "Phase", Msg: `the project has no phase "Conception"`}
	}
	ps := []SheetProblem{
		{File: "m.csv", Msg: "two people share a column"},
		noPhase(2), noPhase(3),
		{File: "m.csv", Row: 4, Column: "C", Header: "Ann", Msg: `"X" is not a RACI letter`},
		noPhase(5), noPhase(6), noPhase(7), noPhase(9), noPhase(12),
	}
	var got []string
	for _, p := range GroupSheetProblems(ps) {
		got = append(got, p.String())
	}
	want := []string{
		"m.csv: two people share a column",
		`m.csv: rows 2, 3, 5, 6, 7, … (7 rows), column B "Phase": the project has no phase "Conception"`,
		`m.csv: row 4, column C "Ann": "X" is not a RACI letter`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
