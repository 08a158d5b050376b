package changesio

import (
	"fmt"
	"strings"

	"mopdeck/model"
)

// Problem is one thing wrong in an imported file, shown as
// "file:line: column: message". Line is the line of a CSV file, the row of
// a sheet or the line where a JSON record starts; 0 when the problem is
// the file as a whole. Column is the header as the file writes it, empty
// when the problem is not one cell's.
type Problem struct {
	File    string
	Line    int
	Column  string
	Message string
}

func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
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

// maxProblems caps the list: past it the file is clearly not what the
// importer expects, and reading on would only take time.
const maxProblems = 100

// Result is what reading a file gives. The file may be imported only when
// Problems is empty: one bad row refuses the whole file.
type Result struct {
	File    string
	Format  Format
	Changes []model.ChangeRequest
	// Lines holds, for each change request, the line it came from.
	Lines    []int
	Problems []Problem
	// Ignored lists the columns mopdeck did not recognise and skipped.
	Ignored []string
	// Sheet is the worksheet read, for an XLSX file.
	Sheet string
	// Notes say how the file was read where that is worth checking, such
	// as an encoding decided for the user.
	Notes []string
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

// add records a problem and reports whether reading should go on.
func (r *Result) add(p Problem) bool {
	if len(r.Problems) >= maxProblems {
		return false
	}
	r.Problems = append(r.Problems, p)
	if len(r.Problems) == maxProblems {
		r.Problems = append(r.Problems, Problem{File: p.File, Message: fmt.Sprintf("stopped after %d problems: fix these and import again", maxProblems)})
		return false
	}
	return true
}

// note records a note; an empty one is none.
func (r *Result) note(s string) {
	if s != "" {
		r.Notes = append(r.Notes, s)
	}
}

// refuse records a problem with the whole file.
func (r *Result) refuse(format string, args ...any) {
	r.Problems = append(r.Problems, Problem{File: r.File, Message: fmt.Sprintf(format, args...)})
}
