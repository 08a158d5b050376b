package raciio

import (
	"fmt"
	"strings"

	"mopdeck/model"
)

// Shape is how a file lays out its matrix.
type Shape int

const (
	// Grid: a row per activity, a column per person, letters in the
	// cells (people across).
	Grid Shape = iota + 1
	// Transposed: a row per activity, a column per letter (R, A, C, I),
	// people named in the cells (letters across).
	Transposed
)

func (s Shape) String() string {
	switch s {
	case Grid:
		return "a column per person"
	case Transposed:
		return "a column per letter"
	}
	return "?"
}

// row is one row of a file, numbered as the file is (a CSV's line, a
// sheet's row).
type row struct {
	n     int
	cells []string
}

// headerScan is how many non-blank rows may stand above the header (a
// title, a date) before it must have been found.
const headerScan = 20

// column roles in a header.
type colKind int

const (
	colPerson colKind = iota
	colActivity
	colPhase
	colIgnored
	colLetter
)

type column struct {
	kind   colKind
	header string
	letter model.Role
}

// readTable reads a matrix of either shape from a file's rows. Problems
// name the row and column; res.Sheet is only good without any.
func readTable(res *Result, rows []row) {
	rows = dropBlank(rows)
	if len(rows) == 0 {
		res.refuse(0, "", "", "the file holds no row: export the matrix with a header row, then a row per activity")
		return
	}
	h := findHeader(rows)
	head := rows[h]
	cols := classify(head.cells)
	res.Shape = shapeOf(cols)
	res.Sheet.HeaderRow = head.n
	act := -1
	for i, c := range cols {
		if c.kind == colActivity {
			act = i
			break
		}
	}
	if act < 0 {
		// No header says which: the first column a person or a letter
		// does not take, as most matrices put activities first.
		for i, c := range cols {
			if (res.Shape == Grid && c.kind == colPerson) || (res.Shape == Transposed && c.kind != colLetter && c.kind != colPhase) {
				act = i
				cols[i].kind = colActivity
				break
			}
		}
	}
	if act < 0 {
		res.refuse(head.n, "", "", "no column names the activities: head the first column Activity (or Activité, Aktivität, Atividade, Tarea, Task)")
		return
	}
	var ignored []string
	for i, c := range cols {
		switch c.kind {
		case colPhase:
			if res.Sheet.PhaseColumn == "" {
				res.Sheet.PhaseColumn, res.Sheet.PhaseHeader = model.ColumnLetter(i), c.header
			} else {
				cols[i].kind = colIgnored
				ignored = append(ignored, c.header)
			}
		case colIgnored:
			if strings.TrimSpace(c.header) != "" {
				ignored = append(ignored, c.header)
			}
		case colPerson:
			if res.Shape == Transposed {
				cols[i].kind = colIgnored
				if strings.TrimSpace(c.header) != "" {
					ignored = append(ignored, c.header)
				}
			}
		}
	}
	if len(ignored) > 0 {
		qs := make([]string, len(ignored))
		for i, n := range ignored {
			qs[i] = fmt.Sprintf("%q", model.SanitizeLine(n))
		}
		res.Notes = append(res.Notes, "ignored columns that name no one: "+strings.Join(qs, ", "))
	}
	for _, r := range rows[h+1:] {
		res.readRow(r, cols, act)
		if len(res.Problems) >= MaxProblems {
			return
		}
	}
	if len(res.Sheet.Rows) == 0 && len(res.Problems) == 0 {
		res.refuse(head.n, "", "", "the file has a header but no activity under it: nothing to import")
	}
}

// dropBlank leaves out the rows whose cells are all empty.
func dropBlank(rows []row) []row {
	out := rows[:0:0]
	for _, r := range rows {
		for _, c := range r.cells {
			if strings.TrimSpace(c) != "" {
				out = append(out, r)
				break
			}
		}
	}
	return out
}

// findHeader picks the header among the first rows: one with an
// activity header, or two letter headers; else the first row with two
// cells filled (a title above it has one).
func findHeader(rows []row) int {
	limit := min(len(rows), headerScan)
	for i := 0; i < limit; i++ {
		cols := classify(rows[i].cells)
		for _, c := range cols {
			if c.kind == colActivity {
				return i
			}
		}
		if shapeOf(cols) == Transposed {
			return i
		}
	}
	for i := 0; i < limit; i++ {
		n := 0
		for _, c := range rows[i].cells {
			if strings.TrimSpace(c) != "" {
				n++
			}
		}
		if n >= 2 {
			return i
		}
	}
	return 0
}

func classify(header []string) []column {
	cols := make([]column, len(header))
	for i, h := range header {
		h = strings.TrimSpace(unescapeFormula(h))
		f := fold(h)
		c := column{header: h}
		if l, ok := headerLetter(h); ok {
			c.kind, c.letter = colLetter, l
		}
		switch {
		case c.kind == colLetter:
		case isActivityHeader(h):
			c.kind = colActivity
		case phaseWords[f]:
			c.kind = colPhase
		case ignoredWords[f] || (f == "" && h != ""):
			c.kind = colIgnored
		}
		cols[i] = c
	}
	return cols
}

// shapeOf: letters across when two letters or more head columns, and
// they are at least as many as the columns that would be people.
func shapeOf(cols []column) Shape {
	var letters model.Role
	nLetters, nPeople := 0, 0
	for _, c := range cols {
		switch c.kind {
		case colLetter:
			letters |= c.letter
			nLetters++
		case colPerson:
			nPeople++
		}
	}
	if len(letters.Letters()) >= 2 && nLetters >= nPeople {
		return Transposed
	}
	// In a grid, a header that spells a letter is a person's column.
	return Grid
}

// readRow reads one activity's row.
func (res *Result) readRow(r row, cols []column, act int) {
	sr := model.RACISheetRow{Row: r.n, Column: model.ColumnLetter(act), NameHeader: cols[act].header}
	for i, text := range r.cells {
		text = strings.TrimSpace(unescapeFormula(text))
		letter := model.ColumnLetter(i)
		if i >= len(cols) {
			if text != "" {
				res.refuse(r.n, letter, "", "a cell right of the last header: head its column, or empty it")
			}
			continue
		}
		c := cols[i]
		if text == "" {
			continue
		}
		switch {
		case i == act:
			sr.Name = text
		case c.kind == colPhase:
			sr.Phase = text
		case c.kind == colIgnored:
		case res.Shape == Transposed:
			for _, who := range splitNames(text) {
				cell := model.RACISheetCell{Column: letter, Header: c.header, Who: who, Role: c.letter}
				if model.EveryoneWord(who) {
					cell.Who, cell.Everyone = "", true
				}
				sr.Cells = append(sr.Cells, cell)
			}
		default:
			role, err := model.ParseRoles(text)
			if err != nil {
				res.refuse(r.n, letter, c.header, "%v", err)
				continue
			}
			if strings.TrimSpace(c.header) == "" {
				res.refuse(r.n, letter, "", "letters under a column with no header: name the person at the top of it")
				continue
			}
			if role != model.RoleNone {
				sr.Cells = append(sr.Cells, model.RACISheetCell{Column: letter, Header: c.header, Who: c.header, ByColumn: true, Role: role})
			}
		}
	}
	res.Sheet.Rows = append(res.Sheet.Rows, sr)
}

// splitNames reads the people a cell of a letters-across matrix names:
// "Designer, Community", "Ana / Luis", one a line. "-" names no one.
func splitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case ',', ';', '/', '+', '&', '\n', '\r', '|':
			return true
		}
		return false
	}) {
		n = strings.TrimSpace(n)
		switch n {
		case "", "-", "–", "—", "·":
			continue
		}
		out = append(out, n)
	}
	return out
}
