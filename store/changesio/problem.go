package changesio

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
)

// Problem is one thing wrong in an imported file, shown as
// "file:row: column: message". Line is the row a spreadsheet shows (for a
// CSV file, the record's row, which is its text line unless a cell above
// runs over several lines), or the line where a JSON record starts; 0
// when the problem is the file's as a whole or groups several rows. Where,
// when set, says the place better than Line: "12 (line 14)", or an XLSX
// cell, "Recette!J4". Column is the header as the file writes it, empty
// when the problem is not one column's.
type Problem struct {
	File    string
	Line    int
	Where   string
	Column  string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	switch {
	case p.Where != "":
		b.WriteString(":")
		b.WriteString(model.SanitizeLine(p.Where))
	case p.Line > 0:
		fmt.Fprintf(&b, ":%d", p.Line)
	}
	b.WriteString(": ")
	if p.Column != "" {
		b.WriteString(model.SanitizeLine(p.Column))
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// loc is where a cell or a row sits: its spreadsheet row, its text line
// (CSV) and its column (0-based, -1 for the row as a whole).
type loc struct {
	row, line, col int
}

// problems gathers what is wrong with a file, grouped so that one kind of
// problem is one line however many rows have it: an unknown value is
// named once with its count and first rows. Memory stays bounded: a group
// keeps a few values and a few rows of each, and counts the rest.
type problemSet struct {
	file   string
	sheet  string // names cells for an XLSX file
	groups []*group
	byKey  map[groupKey]*group
}

type groupKey struct{ column, kind string }

// group is one kind of problem in one column.
type group struct {
	column string
	first  loc
	// A value problem: the field's parser said why.
	why, kind, hint string
	values          []*valueRows
	byValue         map[string]*valueRows
	moreValues      int // values not kept
	// Any other problem: the same message on several rows.
	message string
	rows    []loc
	count   int
}

type valueRows struct {
	value string
	rows  []loc
	count int
}

const (
	keepValues = 10 // values a group names
	keepRows   = 5  // rows named for each
)

func newProblems(file string) *problemSet {
	return &problemSet{file: file, byKey: map[groupKey]*group{}}
}

func (ps *problemSet) group(column, kind string, at loc) *group {
	k := groupKey{column, kind}
	g := ps.byKey[k]
	if g == nil {
		g = &group{column: column, first: at, byValue: map[string]*valueRows{}}
		ps.byKey[k] = g
		ps.groups = append(ps.groups, g)
	}
	return g
}

// value records a value a column cannot take. An error that is not a
// *model.ValueError is a row problem with that message.
func (ps *problemSet) value(column string, at loc, err error) {
	var ve *model.ValueError
	if !errors.As(err, &ve) {
		ps.row(column, at, err.Error(), err.Error())
		return
	}
	g := ps.group(column, "value:"+ve.Why, at)
	g.why, g.kind, g.hint = ve.Why, ve.Kind, ve.Hint
	g.count++
	v := g.byValue[ve.Value]
	if v == nil {
		if len(g.values) >= keepValues {
			g.moreValues++
			return
		}
		v = &valueRows{value: ve.Value}
		g.byValue[ve.Value] = v
		g.values = append(g.values, v)
	}
	v.count++
	if len(v.rows) < keepRows {
		v.rows = append(v.rows, at)
	}
}

// row records a problem of a row or a cell: rows with the same kind of
// problem in the same column make one line.
func (ps *problemSet) row(column string, at loc, kind, message string) {
	g := ps.group(column, "row:"+kind, at)
	if g.message == "" {
		g.message = message
	}
	g.count++
	if len(g.rows) < keepRows {
		g.rows = append(g.rows, at)
	}
}

// file records a problem of the whole file, or one that stops reading at
// a place (line 0 for none).
func (ps *problemSet) whole(at loc, message string) {
	ps.row("", at, "file:"+message, message)
}

func (ps *problemSet) empty() bool { return len(ps.groups) == 0 }

// list turns the groups into problems, in the order of their first row.
func (ps *problemSet) list() []Problem {
	groups := append([]*group(nil), ps.groups...)
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].first.row < groups[j].first.row })
	out := make([]Problem, 0, len(groups))
	for _, g := range groups {
		out = append(out, ps.problem(g))
	}
	return out
}

func (ps *problemSet) problem(g *group) Problem {
	p := Problem{File: ps.file, Column: g.column}
	single := func(at loc) {
		p.Line = at.row
		p.Where = ps.where(at, true)
		if p.Where == fmt.Sprint(at.row) {
			p.Where = ""
		}
	}
	switch {
	case g.why == "" && g.count == 1:
		single(g.rows[0])
		p.Message = g.message
	case g.why == "":
		p.Message = fmt.Sprintf("%s (%s)", g.message, ps.rowList(g.count, g.rows))
	case len(g.values) == 1 && g.moreValues == 0 && g.count == 1:
		single(g.values[0].rows[0])
		p.Message = fmt.Sprintf("%s %s: %s", model.QuoteValue(g.values[0].value), g.why, g.hint)
	case len(g.values) == 1 && g.moreValues == 0:
		v := g.values[0]
		p.Message = fmt.Sprintf("%s %s (%s): %s", model.QuoteValue(v.value), g.why, ps.rowList(v.count, v.rows), g.hint)
	default:
		parts := make([]string, len(g.values))
		for i, v := range g.values {
			parts[i] = fmt.Sprintf("%s (%s)", model.QuoteValue(v.value), ps.rowList(v.count, v.rows))
		}
		list := strings.Join(parts, ", ")
		if g.moreValues > 0 {
			list += fmt.Sprintf(", and %d more", g.moreValues)
		}
		p.Message = fmt.Sprintf("%d %s: %s: %s", len(g.values)+g.moreValues, g.kind, list, g.hint)
	}
	return p
}

// rowList writes "row 12" or "7 rows: 261, 283, 290, 301, 312, …".
func (ps *problemSet) rowList(count int, rows []loc) string {
	names := make([]string, len(rows))
	for i, r := range rows {
		names[i] = ps.where(r, i == 0)
	}
	if count == 1 {
		return "row " + names[0]
	}
	s := fmt.Sprintf("%d rows: %s", count, strings.Join(names, ", "))
	if count > len(rows) {
		s += ", …"
	}
	return s
}

// where names a place: "12", "12 (line 14)", "Recette!J12" (the sheet
// only with the first of a list: "J12" after it).
func (ps *problemSet) where(at loc, withSheet bool) string {
	if at.row == 0 {
		return ""
	}
	if ps.sheet != "" {
		if at.col < 0 {
			if withSheet {
				return fmt.Sprintf("%s!%d", sheetRef(ps.sheet), at.row)
			}
			return fmt.Sprint(at.row)
		}
		cell, err := excelize.CoordinatesToCellName(at.col+1, at.row)
		if err != nil {
			return fmt.Sprint(at.row)
		}
		if withSheet {
			return sheetRef(ps.sheet) + "!" + cell
		}
		return cell
	}
	if at.line != 0 && at.line != at.row {
		return fmt.Sprintf("%d (line %d)", at.row, at.line)
	}
	return fmt.Sprint(at.row)
}

// sheetRef writes a sheet's name as a formula would: quoted when it holds
// spaces or punctuation.
func sheetRef(name string) string {
	name = model.SanitizeLine(name)
	for _, r := range name {
		if !(r == '_' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 0x7f) {
			return "'" + strings.ReplaceAll(name, "'", "''") + "'"
		}
	}
	return name
}

// Result is what reading a file gives. The file may be imported only when
// Problems is empty: one bad row refuses the whole file.
type Result struct {
	File    string
	Format  Format
	Changes []model.ChangeRequest
	// Lines holds, for each change request, the row it came from (see
	// Problem.Line).
	Lines []int
	// Refs holds, for each change request, the mopdeck number its ID cell
	// names (CR-12 in mopdeck's own exports), 0 for none.
	Refs     []uint64
	Problems []Problem
	// Ignored lists the columns mopdeck did not recognise and skipped.
	Ignored []string
	// Unused lists known columns left aside, each with why.
	Unused []string
	// Sheet is the worksheet read, for an XLSX file.
	Sheet string
	// Notes say how the file was read where that is worth checking, such
	// as an encoding or a date order decided for the user.
	Notes []string
	// Tool is the export the header looks like (Jira, GLPI…), if known.
	Tool string
	// Columns is how each column of the header was read, for a preview.
	Columns []ColumnUse
	// Mapped lists the values read as another word: "Done" as verified.
	Mapped []MappedValue
	// DateOrder is how numeric dates were read, when the file has some
	// that could read two ways; DateFrom and DateTo span the file's
	// creation dates.
	DateOrder        model.DateOrder
	DateFrom, DateTo time.Time
	// Plan is what importing would do, once planned against a project.
	Plan *Plan

	// has tells which fields the file gives, for updates that change only
	// those; derived notes what was inferred rather than read.
	has      [numFields]bool
	derived  derivations
	now      time.Time // the creation time given to rows without one
	locs     []loc     // where each change request sits, for the plan's problems
	problems *problemSet
}

// derivations say which fields were inferred rather than read.
type derivations struct {
	impactFromPriority bool
	decisionFromStatus bool
}

// ColumnUse is one column of the file and the field it fills.
type ColumnUse struct {
	Header string
	Field  string // "" for an ignored column
	Why    string // why a known column is left aside
}

// MappedValue is a value of the file read as another word.
type MappedValue struct {
	Field string
	From  string
	To    string
	Rows  int
}

// Err is nil when the file can be imported, else one line that says why
// not: how many problems, that nothing was imported, and the first one.
func (r *Result) Err() error {
	switch len(r.Problems) {
	case 0:
		if len(r.Changes) == 0 {
			return fmt.Errorf("%s holds no change request (only a header or nothing): nothing was imported", r.File)
		}
		return nil
	case 1:
		return fmt.Errorf("%s was refused, nothing was imported: %s", r.File, r.Problems[0])
	}
	return fmt.Errorf("%s was refused, nothing was imported (%d problems, the first: %s)", r.File, len(r.Problems), r.Problems[0])
}

// note records a note; an empty one is none.
func (r *Result) note(s string) {
	if s != "" {
		r.Notes = append(r.Notes, s)
	}
}

// collector returns the result's problem list, made on first use.
func (r *Result) collector() *problemSet {
	if r.problems == nil {
		r.problems = newProblems(r.File)
		if r.Format == XLSX {
			r.problems.sheet = r.Sheet
		}
	}
	return r.problems
}

// refuse records a problem with the whole file.
func (r *Result) refuse(format string, args ...any) {
	r.collector().whole(loc{}, fmt.Sprintf(format, args...))
	r.Problems = r.problems.list()
}

// add records a problem found at a place (a CSV line that does not read,
// an encoding error).
func (r *Result) add(p Problem) {
	r.collector().row(p.Column, loc{row: p.Line, line: p.Line, col: -1}, "file:"+p.Message, p.Message)
	r.Problems = r.problems.list()
}
