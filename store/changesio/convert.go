package changesio

import (
	"fmt"
	"strings"
	"time"

	"mopdeck/model"
)

// Options tell the reader about the project the rows go to.
type Options struct {
	// Phases resolve the "raised in" column, by name.
	Phases []model.Phase
	// Now is the creation time of rows without one.
	Now time.Time
	// Encoding is the text encoding of a CSV or JSON file; EncodingAuto
	// decides it from the whole file.
	Encoding Encoding
	// MaxRows is the most change requests the file may hold, and sets
	// every other bound of the read; 0 means DefaultMaxRows.
	MaxRows int
}

// converter turns rows of cells into change requests.
type converter struct {
	res    *Result
	opt    Options
	phases map[string]uint64 // folded name → ID
	names  []string
	now    time.Time
	// serialDates: the source holds dates as Excel day numbers.
	serialDates bool
}

func newConverter(res *Result, opt Options) *converter {
	c := &converter{res: res, opt: opt, phases: map[string]uint64{}, now: opt.Now.UTC()}
	if opt.Now.IsZero() {
		c.now = time.Now().UTC()
	}
	for _, p := range opt.Phases {
		c.phases[fold(p.Name)] = p.ID
		c.names = append(c.names, p.Name)
	}
	return c
}

// cell is one value with the column it came from.
type cell struct {
	col   column
	value string
}

// row converts one row; it returns false when reading should stop.
func (c *converter) row(cells []cell, line int) bool {
	cr := model.ChangeRequest{CreatedAt: c.now}
	ok := true
	bad := func(col column, msg string) {
		if msg == "" || !ok {
			return
		}
		if !c.res.add(Problem{File: c.res.File, Line: line, Column: col.name, Message: msg}) {
			ok = false
		}
	}
	problems := len(c.res.Problems)
	var msg string
	for _, x := range cells {
		v := x.value
		switch x.col.f {
		case fieldTitle:
			cr.Title = strings.TrimSpace(model.SanitizeLine(v))
			if cr.Title == "" {
				bad(x.col, "empty: every request needs a title, a few words that say what to change")
			}
		case fieldDescription:
			cr.Description = model.Sanitize(v)
		case fieldRaisedBy:
			cr.RaisedBy = strings.TrimSpace(model.SanitizeLine(v))
		case fieldAssignee:
			cr.Assignee = strings.TrimSpace(model.SanitizeLine(v))
		case fieldRaisedIn:
			cr.RaisedIn, msg = c.phase(v)
			bad(x.col, msg)
		case fieldCreated:
			if strings.TrimSpace(v) != "" {
				cr.CreatedAt, msg = parseCreated(v, c.serialDates)
				bad(x.col, msg)
			}
		case fieldArea:
			cr.Area, msg = parseArea(v)
			bad(x.col, msg)
		case fieldImpact:
			cr.Impact, msg = parseImpact(v)
			bad(x.col, msg)
		case fieldComplexity:
			cr.Complexity, msg = parseComplexity(v)
			bad(x.col, msg)
		case fieldEstimate:
			cr.EstimateHrs, msg = parseEstimate(v)
			bad(x.col, msg)
		case fieldDecision:
			cr.Decision, msg = parseDecision(v)
			bad(x.col, msg)
		case fieldStatus:
			cr.Status, msg = parseStatus(v)
			bad(x.col, msg)
		}
	}
	if !ok {
		return false
	}
	if len(c.res.Problems) > problems {
		return true
	}
	// The model's own rule is the last word; the parsers above should
	// already have caught everything it refuses.
	if err := cr.Validate(); err != nil {
		return c.res.add(Problem{File: c.res.File, Line: line, Message: err.Error()})
	}
	c.res.Changes = append(c.res.Changes, cr)
	c.res.Lines = append(c.res.Lines, line)
	return true
}

func (c *converter) phase(v string) (uint64, string) {
	if strings.TrimSpace(v) == "" {
		return 0, ""
	}
	if id, ok := c.phases[fold(v)]; ok {
		return id, ""
	}
	if len(c.names) == 0 {
		return 0, fmt.Sprintf("no phase named %q: the project has no phases; leave the cell empty", clip(v))
	}
	return 0, fmt.Sprintf("no phase named %q: use one of %s, or leave it empty", clip(v), strings.Join(c.names, ", "))
}

// blank tells whether every cell of a row is empty: spreadsheets leave
// such rows at the end of a sheet.
func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// table converts a table (CSV or sheet): the first non-blank row is the
// header. next returns the next row and its line, or ok=false at the end.
// Past the row cap it stops reading; blank rows count apart, up to as many
// again, so that a file of empty lines ends too.
func (c *converter) table(next func() (cells []string, line int, ok bool)) {
	var h header
	var names []string // the header as written, for cells of any column
	found := false
	rows, blanks, max := 0, 0, c.opt.maxRows()
	buf := make([]cell, 0, 16)
	for {
		cells, line, more := next()
		if !more {
			break
		}
		if fits, goOn := c.cellsFit(cells, names, line); !goOn {
			return
		} else if !fits {
			continue
		}
		if blank(cells) {
			if blanks++; blanks > max {
				c.res.refuse("the file holds more than %s blank rows: delete the empty rows and import it again", thousands(max))
				return
			}
			continue
		}
		if !found {
			found = true
			h = mapHeader(cells, c.res.File, line)
			names = make([]string, len(cells))
			for i, v := range cells {
				names[i] = strings.TrimSpace(v)
			}
			c.res.Ignored = h.ignored
			if len(h.problems) > 0 {
				c.res.Problems = append(c.res.Problems, h.problems...)
				return // rows cannot be read without their columns
			}
			continue
		}
		if rows++; rows > max {
			c.res.refuse("%s", c.opt.tooManyRows("the file holds"))
			return
		}
		buf = buf[:0]
		for i, v := range cells {
			if i < len(h.cols) && h.cols[i].f != fieldNone && h.cols[i].f != fieldRef && h.cols[i].f != fieldDerived {
				buf = append(buf, cell{h.cols[i], v})
			}
		}
		if !c.hasTitle(buf) {
			if !c.res.add(Problem{File: c.res.File, Line: line, Column: titleName(h), Message: "empty: every request needs a title, a few words that say what to change"}) {
				return
			}
			continue
		}
		if !c.row(buf, line) {
			return
		}
	}
	if !found && len(c.res.Problems) == 0 {
		c.res.Problems = append(c.res.Problems, Problem{File: c.res.File, Column: "title",
			Message: "the file is empty: it needs a header row with a Title (or Titre) column, then one row per request"})
	}
}

// cellsFit checks every cell of a row, in any column, against maxCell. A
// row that does not fit is reported and skipped; goOn is false when
// reading should stop.
func (c *converter) cellsFit(cells, names []string, line int) (fits, goOn bool) {
	fits = true
	for i, v := range cells {
		if len(v) <= maxCell {
			continue
		}
		fits = false
		col := fmt.Sprintf("column %d", i+1)
		if i < len(names) && names[i] != "" {
			col = names[i]
		}
		if !c.res.add(Problem{File: c.res.File, Line: line, Column: col, Message: cellTooBig(len(v))}) {
			return false, false
		}
	}
	return fits, true
}

// hasTitle: a short row may stop before the title column.
func (c *converter) hasTitle(cells []cell) bool {
	for _, x := range cells {
		if x.col.f == fieldTitle {
			return true
		}
	}
	return false
}

func titleName(h header) string {
	for _, col := range h.cols {
		if col.f == fieldTitle {
			return col.name
		}
	}
	return "title"
}
