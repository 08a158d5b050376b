// Package raciio reads RACI matrices from spreadsheets (CSV and XLSX) in
// the shapes teams keep them — a column per person, or a column per
// letter — and writes the matrix back as a column per person, which it
// reads again unchanged. Reading gives a model.RACISheet; matching it to
// a project is model.PlanRACIImport's job, and writing it the store's.
package raciio

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"mopdeck/model"
)

// Limits: a matrix is a few hundred rows; these bound what a wrong file
// (a log, a dump) can cost before it is refused.
const (
	// MaxFileBytes bounds a CSV or XLSX file.
	MaxFileBytes = 16 << 20
	// MaxRows and MaxColumns bound the table.
	MaxRows    = 20000
	MaxColumns = 2000
	// MaxProblems is how many problems are gathered before reading stops.
	MaxProblems = 200
)

// Result is a file read: the sheet, how it was read, and what is wrong.
type Result struct {
	Sheet model.RACISheet
	Shape Shape
	// Format is csv or xlsx; Delimiter the CSV's separator.
	Format    Format
	Delimiter rune
	// Sheet name of a workbook.
	SheetName string
	// Notes say what was decided (an encoding, columns ignored).
	Notes []string
	// Problems are every reason to refuse the file; with any, Sheet is
	// not to be imported.
	Problems []model.SheetProblem
}

func (res *Result) refuse(rowN int, col, header, format string, a ...any) {
	msg := format
	if len(a) > 0 {
		msg = fmt.Sprintf(format, a...)
	}
	res.Problems = append(res.Problems, model.SheetProblem{File: res.Sheet.File, Row: rowN, Column: col, Header: header, Msg: msg})
}

// Err sums the problems up in one line, nil without any.
func (res *Result) Err() error {
	switch len(res.Problems) {
	case 0:
		return nil
	case 1:
		return errors.New(res.Problems[0].String())
	}
	return fmt.Errorf("%s: %d problems, the first: %s", res.Sheet.File, len(res.Problems), res.Problems[0])
}

// ReadFile reads a matrix from a .csv or .xlsx file, chosen by its
// extension (anything else is read as CSV, whose checks refuse what is
// not text). The error is for a file that cannot be opened; what is
// wrong inside is in Result.Problems.
func ReadFile(path string) (*Result, error) {
	name := filepath.Base(path)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w; check the path", path, unwrapPath(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s is a folder: give the path of a .csv or .xlsx file", path)
	}
	res := &Result{Sheet: model.RACISheet{File: name}}
	if fi.Mode().IsRegular() && fi.Size() > MaxFileBytes {
		res.refuse(0, "", "", "the file is over %d MiB, more than any RACI matrix: is it the right file?", MaxFileBytes>>20)
		return res, nil
	}
	f, _ := FormatOf(path)
	if f == JSON {
		res.refuse(0, "", "", "a JSON matrix is mopdeck's export for scripts and is not read back: import a .csv or .xlsx file")
		return res, nil
	}
	if f == XLSX {
		res.Format = XLSX
		readXLSX(res, path)
		return res, nil
	}
	in, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w; check the path and its permissions", path, unwrapPath(err))
	}
	defer in.Close()
	readCSV(res, in)
	return res, nil
}

// unwrapPath drops the *PathError's repetition of the path.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Format is a file format of the matrix.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
	JSON Format = "json"
)

// ParseFormat reads a --format value.
func ParseFormat(s string) (Format, error) {
	switch f := Format(strings.ToLower(strings.TrimSpace(s))); f {
	case CSV, XLSX, JSON:
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: use csv, xlsx or json", model.SanitizeLine(s))
}

// FormatOf tells a file's format from its extension.
func FormatOf(path string) (Format, bool) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
		return CSV, true
	case ".xlsx", ".xlsm":
		return XLSX, true
	case ".json":
		return JSON, true
	}
	return "", false
}

// ReadAs says how the file was read, for the preview and the command
// line: "read as a column per person, semicolon separated".
func (r *Result) ReadAs() string {
	s := "read as " + r.Shape.String()
	switch {
	case r.Format == XLSX && r.SheetName != "":
		s += fmt.Sprintf(", sheet %q", model.SanitizeLine(r.SheetName))
	case r.Delimiter == ';':
		s += ", semicolon separated"
	case r.Delimiter == '\t':
		s += ", tab separated"
	}
	return s
}
