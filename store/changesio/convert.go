package changesio

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"mopdeck/model"
)

// Options tell the reader about the project the rows go to and how to
// read the file where it cannot tell by itself.
type Options struct {
	// Phases resolve the "raised in" column, by name or alias.
	Phases []model.Phase
	// Now is the creation time of rows without one.
	Now time.Time
	// Encoding is the text encoding of a CSV or JSON file; EncodingAuto
	// decides it from the whole file.
	Encoding Encoding
	// MaxRows is the most change requests the file may hold, and sets
	// every other bound of the read; 0 means DefaultMaxRows.
	MaxRows int
	// Mapping maps columns and values the vocabulary does not know.
	Mapping *Mapping
	// DateOrder reads dates like 8/12/2025; OrderUnknown decides it from
	// the file's other dates.
	DateOrder model.DateOrder
	// Sheet is the worksheet to read; "" picks the first with a header.
	Sheet string
	// HeaderRow is the header's row (1 is the first); 0 finds it among
	// the first rows.
	HeaderRow int

	size int64 // the file's size, when known: a hint for memory
}

// headerSearch is how many non-blank rows are looked at for the header:
// a sheet may start with a title, a date and a legend.
const headerSearch = 20

// converter turns rows of cells into change requests.
type converter struct {
	res   *Result
	opt   Options
	phase func(string) (uint64, bool)
	names []string
	named map[uint64]string // phase names by ID
	now   time.Time
	pr    *problemSet
	// serialDates: the source holds dates as Excel day numbers.
	serialDates bool
	// formulas are the cells ("J4") holding a formula with no computed
	// value, which read as empty.
	formulas map[string]string
	h        header

	// Dates: what the numeric ones show of their order, and those that
	// read either way, resolved at the end.
	proof   [3]int
	proofAt [3]loc
	pending []pendingDate
	dated   bool

	mapped map[mappedKey]*MappedValue
	nMap   [numFields]int
	// jsonKeys caches how each key of JSON records maps.
	jsonKeys map[string]field
	// size is the file's size, and offset how much of it was read, to
	// make room for its rows at once (see reserve); 0 and nil when unknown.
	size   int64
	offset func() int64
}

type pendingDate struct {
	index int
	text  string
	at    loc
}

type mappedKey struct {
	f    field
	from string
}

func newConverter(res *Result, opt Options) *converter {
	c := &converter{res: res, opt: opt, phase: model.PhaseLookup(opt.Phases), now: opt.Now.UTC(),
		pr: res.collector(), mapped: map[mappedKey]*MappedValue{}, jsonKeys: map[string]field{}}
	if opt.Now.IsZero() {
		c.now = time.Now().UTC()
	}
	res.now = c.now
	c.named = map[uint64]string{}
	for _, p := range opt.Phases {
		c.names = append(c.names, p.Name)
		c.named[p.ID] = p.Name
	}
	return c
}

// cell is one value with the column it came from.
type cell struct {
	col   column
	value string
}

// ownRef reads how mopdeck's exports write a request's number: CR-12.
func ownRef(s string) (uint64, bool) {
	digits, ok := strings.CutPrefix(s, "CR-")
	if !ok || len(digits) > 18 || !isDigits(digits) {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, 10, 64)
	return n, err == nil && n > 0
}

// row converts one row.
func (c *converter) row(cells []cell, at loc) {
	cr := model.ChangeRequest{CreatedAt: c.now}
	var ref uint64
	ok := true
	var statusCell, categoryCell *valCell
	decisionGiven := false
	var pending *pendingDate
	bad := func(col column, err error) {
		if err != nil {
			ok = false
			c.pr.value(col.name, loc{row: at.row, line: at.line, col: col.index}, err)
		}
	}
	for i := range cells {
		x := &cells[i]
		v := x.value
		f := x.col.f
		if c.formulas != nil && strings.TrimSpace(v) == "" {
			if formula, isF := c.formulas[c.cellName(x.col.index, at.row)]; isF {
				formula = strings.TrimPrefix(formula, "=")
				ok = false
				c.pr.row(x.col.name, loc{row: at.row, line: at.line, col: x.col.index}, "formula",
					fmt.Sprintf("this cell holds a formula (=%s) that was never computed, so it has no value: open the workbook in a spreadsheet, save it, and import it again", clip(formula)))
				continue
			}
		}
		if m, mapped := c.opt.Mapping.value(f, v); mapped {
			v = m
		}
		var err error
		switch f {
		case fieldTitle:
			cr.Title = strings.TrimSpace(model.SanitizeLine(v))
			if cr.Title == "" {
				ok = false
				c.pr.row(x.col.name, loc{row: at.row, line: at.line, col: x.col.index}, "empty title",
					"empty: every request needs a title, a few words that say what to change")
			}
		case fieldDescription:
			cr.Description = model.Sanitize(v)
		case fieldRaisedBy:
			cr.RaisedBy = c.person(v)
		case fieldAssignee:
			cr.Assignee = c.person(v)
		case fieldKey:
			k := strings.TrimSpace(model.SanitizeLine(v))
			if n, ok := ownRef(k); ok && c.ownRefColumn(x.col) {
				ref = n
			} else if !c.h.has[fieldSourceKey] {
				cr.SourceKey = k
			}
		case fieldLink:
			// Cells come in field order: a key cell of the row came first.
			if cr.SourceKey == "" && ref == 0 {
				cr.SourceKey = keyOfLink(model.SanitizeLine(v))
			}
		case fieldSourceKey:
			if k := strings.TrimSpace(model.SanitizeLine(v)); k != "" {
				cr.SourceKey = k
			}
		case fieldRaisedIn:
			cr.RaisedIn, err = c.raisedIn(v)
			bad(x.col, err)
			if name := c.named[cr.RaisedIn]; name != "" && x.value != name {
				c.seen(f, x.value, name, fold(x.value) != fold(name))
			}
		case fieldCreated:
			if strings.TrimSpace(v) == "" {
				break
			}
			var p *pendingDate
			cr.CreatedAt, p, err = c.created(v, loc{row: at.row, line: at.line, col: x.col.index})
			pending = p
			bad(x.col, err)
		case fieldArea:
			cr.Area, cr.AreaText = model.ParseArea(v)
			cr.AreaText = model.SanitizeLine(cr.AreaText)
			c.seen(f, x.value, cr.AreaLabel(), cr.Area != "" && cr.AreaText == "")
		case fieldImpact:
			if strings.TrimSpace(v) == "0" {
				break // a sheet's empty number cell: not rated yet
			}
			cr.Impact, err = model.ParseImpact(v)
			bad(x.col, err)
			c.seen(f, x.value, strconv.Itoa(cr.Impact), err == nil && !isDigits(strings.TrimSpace(x.value)))
		case fieldPriority:
			cr.Impact, err = model.ParsePriority(v)
			bad(x.col, err)
			c.seen(f, x.value, "impact "+strconv.Itoa(cr.Impact), err == nil && cr.Impact != 0)
		case fieldComplexity:
			cr.Complexity, err = model.ParseComplexity(v)
			bad(x.col, err)
			c.seen(f, x.value, cr.Complexity.String(), err == nil && cr.Complexity != 0)
		case fieldEstimate:
			cr.EstimateHrs, err = model.ParseEstimate(v)
			bad(x.col, err)
		case fieldEstimateSeconds:
			cr.EstimateHrs, err = model.ParseSeconds(v)
			bad(x.col, err)
		case fieldDecision:
			cr.Decision, err = model.ParseDecision(v)
			decisionGiven = strings.TrimSpace(v) != ""
			bad(x.col, err)
			c.seen(f, x.value, cr.Decision.String(), err == nil && strings.TrimSpace(v) != "")
		case fieldStatus:
			statusCell = &valCell{x.col, v, x.value}
		case fieldStatusCategory:
			categoryCell = &valCell{x.col, v, x.value}
		}
	}
	if statusCell != nil || categoryCell != nil {
		bad(c.status(&cr, statusCell, categoryCell))
	}
	if !ok {
		return
	}
	// Decision and status must tell the same story; a row that gives one
	// of them gets the other from it.
	given := func(vc *valCell) bool { return vc != nil && strings.TrimSpace(vc.v) != "" }
	var err error
	cr.Decision, cr.Status, err = model.ReadDecisionStatus(cr.Decision, decisionGiven, cr.Status, given(statusCell) || given(categoryCell))
	if err != nil {
		c.pr.row("", loc{row: at.row, line: at.line, col: -1}, "contradiction:"+err.Error(), err.Error())
		return
	}
	// The model's own rule is the last word; the parsers above should
	// already have caught everything it refuses.
	if err := cr.Validate(); err != nil {
		c.pr.row("", loc{row: at.row, line: at.line, col: -1}, "invalid:"+err.Error(), err.Error())
		return
	}
	if pending != nil {
		pending.index = len(c.res.Changes)
		c.pending = append(c.pending, *pending)
	}
	c.res.Changes = append(c.res.Changes, cr)
	c.res.Lines = append(c.res.Lines, at.row)
	c.res.locs = append(c.res.locs, at)
	c.res.Refs = append(c.res.Refs, ref)
}

// ownRefColumn tells whether a key column is mopdeck's own ID column,
// whose CR-12 cells name this project's requests: an ID or Ref header,
// as mopdeck writes it. Another tool's Issue key column holds CR-12 as
// its own key.
func (c *converter) ownRefColumn(col column) bool {
	switch foldHeader(col.name) {
	case "id", "ref", "reference":
		return true
	}
	return false
}

// valCell is a cell's value after the user's mapping, and as written.
type valCell struct {
	col     column
	v, orig string
}

// status reads the status, Jira's status category standing in for a
// status the vocabulary does not know (or for a missing column). It
// returns the column and error to report.
func (c *converter) status(cr *model.ChangeRequest, status, category *valCell) (column, error) {
	if status != nil {
		st, err := model.ParseStatus(status.v)
		if err == nil {
			cr.Status = st
			c.seen(fieldStatus, status.orig, st.String(), strings.TrimSpace(status.v) != "")
			return column{}, nil
		}
		if category != nil {
			if st, ok := model.ParseStatusCategory(category.v); ok {
				cr.Status = st
				c.seen(fieldStatus, status.orig, st.String()+" (its status category is "+strings.TrimSpace(category.orig)+")", true)
				return column{}, nil
			}
		}
		return status.col, err
	}
	if strings.TrimSpace(category.v) == "" {
		return column{}, nil
	}
	if st, ok := model.ParseStatusCategory(category.v); ok {
		cr.Status = st
		c.seen(fieldStatus, category.orig, st.String(), true)
		return column{}, nil
	}
	_, err := model.ParseStatus(category.v)
	return category.col, err
}

// seen counts a value read as another word, for the preview. Only words
// that differ from what they became are listed; a few dozen per field.
func (c *converter) seen(f field, from, to string, show bool) {
	from = strings.TrimSpace(from)
	if !show || from == to || from == "" {
		return
	}
	k := mappedKey{f, from}
	if m := c.mapped[k]; m != nil {
		m.Rows++
		return
	}
	if c.nMap[f] >= 40 {
		return
	}
	c.nMap[f]++
	name := f.String()
	if f == fieldPriority {
		name = "priority"
	}
	c.mapped[k] = &MappedValue{Field: name, From: model.ClipValue(from), To: to, Rows: 1}
}

// person reads a name. In another tool's export it drops the address
// Azure DevOps and others put after it: "Jane Doe <jane@example.com>" is
// "Jane Doe". A name typed so in mopdeck or a sheet is kept as written.
func (c *converter) person(v string) string {
	v = strings.TrimSpace(model.SanitizeLine(v))
	if c.h.tool == "" || c.h.tool == "mopdeck" {
		return v
	}
	if i := strings.LastIndexByte(v, '<'); i > 0 && strings.HasSuffix(v, ">") && strings.Contains(v[i:], "@") {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// raisedIn finds a phase by name or alias ("Recette" for Test).
func (c *converter) raisedIn(v string) (uint64, error) {
	if strings.TrimSpace(v) == "" {
		return 0, nil
	}
	if id, ok := c.phase(v); ok {
		return id, nil
	}
	ve := &model.ValueError{Value: model.ClipValue(v), Why: "is not a phase of the project", Kind: "unknown phases"}
	if len(c.names) == 0 {
		ve.Hint = "the project has no phases; leave the cell empty"
	} else {
		ve.Hint = fmt.Sprintf("use one of %s, or leave it empty, or map it (--map-value 'phase:%s=%s')", strings.Join(c.names, ", "), ve.Value, c.names[0])
	}
	return 0, ve
}

// created reads a creation date; one that reads two ways (8/12/2025) is
// kept aside until the file's other dates tell the order.
func (c *converter) created(v string, at loc) (time.Time, *pendingDate, error) {
	s := strings.TrimSpace(v)
	if c.serialDates {
		if t, ok := serialDate(s); ok {
			c.dated = true
			return t, nil, nil
		}
	}
	t, proves, err := model.ParseDateTime(s, c.opt.DateOrder)
	if errors.Is(err, model.ErrAmbiguousDate) {
		return c.now, &pendingDate{text: s, at: at}, nil
	}
	if err != nil {
		return c.now, nil, err
	}
	c.dated = true
	if proves != model.OrderUnknown {
		if c.proof[proves] == 0 {
			c.proofAt[proves] = at
		}
		c.proof[proves]++
	}
	return t, nil, nil
}

// finish decides what the whole file shows (the date order), resolves
// what waited for it, and lists the problems.
func (c *converter) finish() {
	c.resolveDates()
	for i := range c.res.Changes {
		t := c.res.Changes[i].CreatedAt
		if !c.dated && len(c.pending) == 0 {
			break
		}
		if t.Equal(c.now) {
			continue
		}
		if c.res.DateFrom.IsZero() || t.Before(c.res.DateFrom) {
			c.res.DateFrom = t
		}
		if t.After(c.res.DateTo) {
			c.res.DateTo = t
		}
	}
	c.sameKeys()
	c.res.Mapped = nil
	for _, m := range c.mapped {
		c.res.Mapped = append(c.res.Mapped, *m)
	}
	sortMapped(c.res.Mapped)
	c.res.Problems = c.pr.list()
}

// sameKeys reports keys (and CR numbers) that more than one row gives:
// two rows cannot both be one request.
func (c *converter) sameKeys() {
	if !c.h.has[fieldKey] && !c.h.has[fieldSourceKey] {
		return
	}
	keys := map[string]int{}
	refs := map[uint64]int{}
	col := c.h.name(fieldSourceKey)
	if !c.h.has[fieldSourceKey] {
		col = c.h.name(fieldKey)
	}
	report := func(col, key string, first, i int) {
		err := &model.ValueError{Value: key, Why: "is the key of more than one row", Kind: "keys on more than one row",
			Hint: "keep one row per key"}
		if first >= 0 {
			c.pr.value(col, c.res.loc(first), err)
		}
		c.pr.value(col, c.res.loc(i), err)
	}
	for i, cr := range c.res.Changes {
		if k := cr.SourceKey; k != "" {
			if first, dup := keys[k]; dup {
				report(col, k, first, i)
				keys[k] = -1
			} else {
				keys[k] = i
			}
		}
		if r := c.res.ref(i); r != 0 {
			if first, dup := refs[r]; dup {
				report(c.h.name(fieldKey), fmt.Sprintf("CR-%d", r), first, i)
				refs[r] = -1
			} else {
				refs[r] = i
			}
		}
	}
}

// resolveDates reads the dates that could go either way in the order the
// others show, or refuses the file when nothing shows it.
func (c *converter) resolveDates() {
	dmy, mdy := c.proof[model.DayFirst], c.proof[model.MonthFirst]
	order := c.opt.DateOrder
	col := c.h.name(fieldCreated)
	switch {
	case order != model.OrderUnknown:
	case dmy > 0 && mdy > 0:
		c.pr.row(col, loc{row: c.proofAt[model.MonthFirst].row, col: -1}, "date order",
			fmt.Sprintf("dates are written in both orders: %d day first (the first on row %s), %d month first (the first on row %s): write them in one order, or say which with --date-order dmy or mdy",
				dmy, c.pr.where(c.proofAt[model.DayFirst], true), mdy, c.pr.where(c.proofAt[model.MonthFirst], true)))
		return
	case dmy > 0:
		order = model.DayFirst
	case mdy > 0:
		order = model.MonthFirst
	case len(c.pending) > 0:
		p := c.pending[0]
		c.pr.row(col, loc{row: p.at.row, line: p.at.line, col: -1}, "date order",
			fmt.Sprintf("every numeric date of the file reads two ways (%q is %s day first, %s month first; %d such dates): say which with --date-order dmy or --date-order mdy",
				p.text, dayMonth(p.text, model.DayFirst), dayMonth(p.text, model.MonthFirst), len(c.pending)))
		return
	}
	if len(c.pending) == 0 {
		return // every date read one way: nothing to say
	}
	c.res.DateOrder = order
	if c.opt.DateOrder == model.OrderUnknown {
		shown := max(dmy, mdy)
		c.res.note(fmt.Sprintf("dates read %s: %d of them can only read so, and %d could read either way", order, shown, len(c.pending)))
	}
	for _, p := range c.pending {
		t, _, err := model.ParseDateTime(p.text, order)
		if err != nil {
			c.pr.value(col, p.at, err)
			continue
		}
		c.res.Changes[p.index].CreatedAt = t
		c.dated = true
	}
}

// dayMonth writes how a date reads in an order: "8 December".
func dayMonth(s string, order model.DateOrder) string {
	t, _, err := model.ParseDateTime(s, order)
	if err != nil {
		return "?"
	}
	return t.Format("2 January")
}

// name is the header of the column holding f.
func (h *header) name(f field) string {
	for _, col := range h.cols {
		if col.f == f {
			return col.name
		}
	}
	return f.String()
}

// cellName is a cell's A1 name, for formula cells.
func (c *converter) cellName(col, row int) string {
	return columnLetters(col+1) + strconv.Itoa(row)
}

// columnLetters writes a column number (1 is A) as letters.
func columnLetters(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// sortMapped orders the mapped values by field, then by how many rows
// have them.
func sortMapped(ms []MappedValue) {
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Field != ms[j].Field {
			return ms[i].Field < ms[j].Field
		}
		if ms[i].Rows != ms[j].Rows {
			return ms[i].Rows > ms[j].Rows
		}
		return ms[i].From < ms[j].From
	})
}

// clip shortens a value quoted in a message, made safe to print.
func clip(s string) string { return model.ClipValue(s) }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
