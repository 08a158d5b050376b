package model

import (
	"fmt"
	"strings"
)

// RACISheet is a matrix as a spreadsheet holds it, read but not yet
// matched to a project: one row per activity, each with the letters it
// gives, by the name the file uses for each person. Whatever its shape
// in the file (people across, or letters across), it reads into this.
type RACISheet struct {
	// File names the file in messages.
	File string
	// HeaderRow is the row of the column headers.
	HeaderRow int
	// PhaseColumn is the letter of the column naming each row's phase,
	// "" when the file has none, and PhaseHeader its header.
	PhaseColumn, PhaseHeader string
	Rows                     []RACISheetRow
}

// RACISheetRow is one activity's row.
type RACISheetRow struct {
	// Row is the row's number in the file (its line in a CSV), Column
	// and NameHeader the activity column's letter and header.
	Row        int
	Column     string
	NameHeader string
	Name       string
	// Phase is the row's Phase cell, "" when empty or absent.
	Phase string
	Cells []RACISheetCell
}

// RACISheetCell gives letters to one person on the row, or to everyone
// the row does not name otherwise.
type RACISheetCell struct {
	// Column is the cell's column letter, Header its column's header.
	Column, Header string
	// Who is the person as the file names them; empty with Everyone.
	Who      string
	Everyone bool
	// ByColumn says the column's header names the person (people
	// across); otherwise the cell does (letters across), and one person
	// may be named under two letters.
	ByColumn bool
	Role     Role
}

// SheetProblem is one thing wrong in a file, where it is.
type SheetProblem struct {
	File string
	// Row is 0 for the file as a whole; Column is a column letter and
	// Header its header, both empty for the whole row.
	Row            int
	Column, Header string
	Msg            string
	// More are the other rows with the same problem, once grouped
	// (GroupSheetProblems).
	More []int
}

// shownRows is how many rows a grouped problem names before it counts.
const shownRows = 5

// GroupSheetProblems folds the problems that differ only by their row
// into one naming its rows: a phase the project lacks, named on 200 rows,
// is one line, not 200. The order is that of each group's first row.
func GroupSheetProblems(ps []SheetProblem) []SheetProblem {
	type same struct{ file, column, header, msg string }
	at := map[same]int{}
	var out []SheetProblem
	for _, p := range ps {
		k := same{p.File, p.Column, p.Header, p.Msg}
		if i, ok := at[k]; ok && p.Row > 0 {
			out[i].More = append(out[i].More, p.Row)
			continue
		}
		if p.Row > 0 {
			at[k] = len(out)
		}
		out = append(out, p)
	}
	return out
}

func (p SheetProblem) String() string {
	var b strings.Builder
	b.WriteString(SanitizeLine(p.File))
	switch {
	case p.Row > 0 && len(p.More) > 0:
		rows := append([]int{p.Row}, p.More...)
		names := make([]string, min(len(rows), shownRows))
		for i := range names {
			names[i] = fmt.Sprint(rows[i])
		}
		fmt.Fprintf(&b, ": rows %s", strings.Join(names, ", "))
		if len(rows) > shownRows {
			fmt.Fprintf(&b, ", … (%d rows)", len(rows))
		}
	case p.Row > 0:
		fmt.Fprintf(&b, ": row %d", p.Row)
	}
	if p.Column != "" {
		fmt.Fprintf(&b, ", column %s", p.Column)
		if h := strings.TrimSpace(p.Header); h != "" {
			fmt.Fprintf(&b, " %q", SanitizeLine(clipRunes(h, 40)))
		}
	}
	b.WriteString(": ")
	b.WriteString(SanitizeLine(p.Msg))
	return b.String()
}

// ColumnLetter names a column as spreadsheets do: 0 is A, 26 is AA.
func ColumnLetter(i int) string {
	if i < 0 {
		return "?"
	}
	var b []byte
	for i++; i > 0; i = (i - 1) / 26 {
		b = append([]byte{byte('A' + (i-1)%26)}, b...)
	}
	return string(b)
}
