package cli

import (
	"cmp"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/changesio"
)

func runChangeList(e *Env, args []string) error {
	fs := newFlags("change list")
	filter := fs.String("filter", "", "")
	sortBy := fs.String("sort", "priority", "")
	format := fs.String("format", "table", "")
	project := fs.String("project", "", "")
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return Userf("%v (see mopdeck change --help)", err)
	}
	if len(rest) > 0 {
		// Bare words are a filter too: mopdeck change list budget owner.
		*filter = strings.TrimSpace(*filter + " " + strings.Join(rest, " "))
	}
	order, ok := listOrders[strings.ToLower(strings.TrimSpace(*sortBy))]
	if !ok {
		return Userf("--sort %s: use priority, impact, effort or created", model.QuoteValue(model.ClipValue(*sortBy)))
	}
	f := strings.ToLower(strings.TrimSpace(*format))
	if f != "table" && f != "csv" && f != "json" {
		return Userf("--format %s: use table, csv or json", model.QuoteValue(model.ClipValue(*format)))
	}
	if *project != "" {
		e.Project = *project
	}
	return e.InProject(true, func(s *store.Store, p model.Project) error {
		phases, err := s.Phases(p.ID)
		if err != nil {
			return err
		}
		q, err := parseQuery(*filter, phases)
		if err != nil {
			return err
		}
		var list []model.ChangeRequest
		err = s.EachChange(p.ID, func(c model.ChangeRequest) error {
			if q.match(c) {
				list = append(list, c)
			}
			return nil
		})
		if err != nil {
			return err
		}
		list = sortList(list, order)
		w, flush := e.stdout()
		x := changesio.Export{Project: p.Name, Phases: phases}
		each := func(add func(model.ChangeRequest) error) error {
			for _, c := range list {
				if err := add(c); err != nil {
					return err
				}
			}
			return nil
		}
		switch f {
		case "csv":
			err = changesio.WriteStream(w, changesio.CSV, x, each)
		case "json":
			err = changesio.WriteJSONArray(w, x, each)
		default:
			err = writeTable(w, list, terminalWidth(e.Stdout))
		}
		if err != nil {
			return err
		}
		return flush()
	})
}

// sortList orders the requests: by order, ties in priority order.
// ComparePriority ends on the ID, a total order, so the unstable sort
// gives one answer; pointers are sorted, not the requests.
func sortList(list []model.ChangeRequest, order func(a, b model.ChangeRequest) int) []model.ChangeRequest {
	ptrs := make([]*model.ChangeRequest, len(list))
	for i := range list {
		ptrs[i] = &list[i]
	}
	slices.SortFunc(ptrs, func(a, b *model.ChangeRequest) int {
		if order != nil {
			if c := order(*a, *b); c != 0 {
				return c
			}
		}
		return model.ComparePriority(*a, *b)
	})
	out := make([]model.ChangeRequest, len(list))
	for i, p := range ptrs {
		out[i] = *p
	}
	return out
}

// listOrders are the --sort orders; the priority order breaks their ties,
// and nil keeps it alone.
var listOrders = map[string]func(a, b model.ChangeRequest) int{
	"priority": nil,
	"impact": func(a, b model.ChangeRequest) int {
		return cmp.Compare(b.Impact, a.Impact) // highest first, unrated (0) last
	},
	// effort: the least work first, as the quadrant rule weighs it:
	// complexity, then the estimate; unrated ones last.
	"effort": func(a, b model.ChangeRequest) int {
		if c := cmp.Compare(lastIfZero(int(a.Complexity)), lastIfZero(int(b.Complexity))); c != 0 {
			return c
		}
		ae, be := a.EstimateHrs, b.EstimateHrs
		if c := boolOrder(ae <= 0, be <= 0); c != 0 {
			return c
		}
		return cmp.Compare(ae, be)
	},
	"created": func(a, b model.ChangeRequest) int {
		if c := a.CreatedAt.Compare(b.CreatedAt); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	},
}

func lastIfZero(n int) int {
	if n == 0 {
		return int(^uint(0) >> 1)
	}
	return n
}

// boolOrder puts the side where the condition holds last.
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// crQuery is a parsed --filter: facets as the pane's facet filter holds
// them, comparisons on rated values, and words that must all appear.
type crQuery struct {
	facets    model.CRFilter
	assignees []string // folded; "" for unassigned
	cmps      []cmpTerm
	words     []string // lower-cased
}

type cmpTerm struct {
	field string
	op    string
	n     float64
}

var (
	facetTerm = regexp.MustCompile(`^([A-Za-z][A-Za-z_-]*):(.*)$`)
	cmpRe     = regexp.MustCompile(`^(?i)(impact|estimate|complexity)(>=|<=|!=|=|>|<)(.*)$`)
)

// facetKeys maps the folded names a filter may use to facets.
var facetKeys = map[string]model.CRFacet{
	"status": model.FacetStatus, "decision": model.FacetDecision, "quadrant": model.FacetQuadrant,
	"area": model.FacetArea, "phase": model.FacetRaisedIn, "raised in": model.FacetRaisedIn,
	"assignee": model.FacetAssignee,
}

// parseQuery reads a filter: terms apart by spaces, quotes keeping spaces
// inside one (status:"in progress").
func parseQuery(text string, phases []model.Phase) (crQuery, error) {
	var q crQuery
	terms, err := splitTerms(text)
	if err != nil {
		return q, err
	}
	for _, t := range terms {
		if m := cmpRe.FindStringSubmatch(t); m != nil {
			c, err := parseCmp(strings.ToLower(m[1]), m[2], m[3])
			if err != nil {
				return q, err
			}
			q.cmps = append(q.cmps, c)
			continue
		}
		if m := facetTerm.FindStringSubmatch(t); m != nil {
			f, ok := facetKeys[model.FoldWord(m[1])]
			if !ok {
				return q, Userf("--filter: unknown field %s: use status:, decision:, quadrant:, area:, phase:, assignee:, impact>=N, estimate<H, complexity<=medium, or plain words",
					model.QuoteValue(model.ClipValue(m[1]+":")))
			}
			for _, v := range strings.Split(m[2], ",") {
				if err := q.addFacet(f, strings.TrimSpace(v), phases); err != nil {
					return q, err
				}
			}
			continue
		}
		q.words = append(q.words, strings.ToLower(t))
	}
	return q, nil
}

func splitTerms(text string) ([]string, error) {
	var terms []string
	var cur strings.Builder
	var quote rune
	in := false
	for _, r := range text {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote == 0 && (r == '"' || r == '\''):
			quote, in = r, true
		case quote == 0 && unicode.IsSpace(r):
			if in {
				terms = append(terms, cur.String())
				cur.Reset()
				in = false
			}
		default:
			cur.WriteRune(r)
			in = true
		}
	}
	if quote != 0 {
		return nil, Userf("--filter: a quote is not closed: %s", model.QuoteValue(model.ClipValue(text)))
	}
	if in {
		terms = append(terms, cur.String())
	}
	return terms, nil
}

func (q *crQuery) addFacet(f model.CRFacet, v string, phases []model.Phase) error {
	bad := func(err error) error { return Userf("--filter %s: %v", f, err) }
	none := v == "" || strings.EqualFold(v, "none")
	switch f {
	case model.FacetStatus:
		if v == "" {
			return Userf("--filter status: needs a status, such as status:new")
		}
		s, err := model.ParseStatus(v)
		if err != nil {
			return bad(err)
		}
		v = s.String()
	case model.FacetDecision:
		d, err := model.ParseDecision(v)
		if err != nil {
			return bad(err)
		}
		v = d.String()
	case model.FacetQuadrant:
		found := ""
		for _, qd := range append(slices.Clone(model.Quadrants), model.Unrated) {
			if model.FoldWord(qd.String()) == model.FoldWord(v) {
				found = qd.String()
			}
		}
		if found == "" {
			return Userf("--filter quadrant: %s is not a quadrant: use quick-win, major-project, fill-in, money-pit or unrated", model.QuoteValue(model.ClipValue(v)))
		}
		v = found
	case model.FacetArea:
		if none {
			v = ""
			break
		}
		a, other := model.ParseArea(v)
		if other != "" {
			return Userf("--filter area: %s is not an area: use data-fields, workflow, security, reporting, integration, other or none", model.QuoteValue(model.ClipValue(v)))
		}
		v = string(a)
	case model.FacetRaisedIn:
		id, err := phaseByName(phases, v)
		if err != nil {
			return err
		}
		v = strconv.FormatUint(id, 10)
	case model.FacetAssignee:
		if none {
			v = ""
		}
		q.assignees = append(q.assignees, model.FoldWord(v))
		return nil
	}
	if !q.facets.Has(f, v) {
		q.facets.Toggle(f, v)
	}
	return nil
}

func parseCmp(field, op, v string) (cmpTerm, error) {
	c := cmpTerm{field: field, op: op}
	var err error
	switch field {
	case "impact":
		var n int
		n, err = model.ParseImpact(v)
		c.n = float64(n)
	case "estimate":
		c.n, err = model.ParseEstimate(v)
	case "complexity":
		var cx model.Complexity
		cx, err = model.ParseComplexity(v)
		c.n = float64(cx)
	}
	if err == nil && strings.TrimSpace(v) == "" {
		err = fmt.Errorf("needs a value, such as %s%s4", field, op)
	}
	if err != nil {
		return c, Userf("--filter %s%s: %v", field, op, err)
	}
	return c, nil
}

func (t cmpTerm) match(c model.ChangeRequest) bool {
	var x float64
	switch t.field {
	case "impact":
		x = float64(c.Impact)
	case "estimate":
		x = c.EstimateHrs
	case "complexity":
		x = float64(c.Complexity)
	}
	if x == 0 {
		return false // not rated: no comparison holds
	}
	switch t.op {
	case "=":
		return x == t.n
	case "!=":
		return x != t.n
	case "<":
		return x < t.n
	case "<=":
		return x <= t.n
	case ">":
		return x > t.n
	}
	return x >= t.n
}

func (q *crQuery) match(c model.ChangeRequest) bool {
	if !q.facets.Match(c) {
		return false
	}
	if len(q.assignees) > 0 && !slices.Contains(q.assignees, model.FoldWord(model.FacetValue(c, model.FacetAssignee))) {
		return false
	}
	for _, t := range q.cmps {
		if !t.match(c) {
			return false
		}
	}
	if len(q.words) == 0 {
		return true
	}
	hay := strings.ToLower(strings.Join([]string{
		c.Ref(), c.Title, c.Description, c.AreaLabel(), c.RaisedBy, c.Assignee,
		c.Status.String(), c.Decision.String(), model.QuadrantOf(c).String(),
	}, " "))
	for _, w := range q.words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// tableCols are the columns of --format table: header and width (0: the
// rest of the line, unpadded).
type tableCol struct {
	head  string
	width int
}

var tableCols = []tableCol{
	{"ID", 8}, {"Title", 40}, {"Quadrant", 13}, {"Imp", 3}, {"Cx", 6}, {"Est h", 5},
	{"Decision", 9}, {"Status", 16}, {"Assignee", 0},
}

// tableDrops are the columns a terminal too narrow for the table gives
// up first, as the app's table does: the quadrant sums up impact and
// complexity.
var tableDrops = []string{"Cx", "Imp", "Decision", "Assignee", "Est h"}

// minTitle is the title's width below which a column is dropped rather
// than the title cut further.
const minTitle = 30

// fitTable fits the columns to a terminal of width cells (0: no limit):
// columns go in tableDrops' order until the title has minTitle cells,
// then the title takes what is left, up to its own width.
func fitTable(cols []tableCol, width int) []tableCol {
	if width <= 0 {
		return cols
	}
	room := func() int {
		r := width
		for _, c := range cols {
			switch {
			case c.head == "Title":
			case c.width == 0:
				r -= 12 // the rest of the line: a short name still shows
			default:
				r -= c.width + 1
			}
		}
		return r - 1
	}
	for _, d := range tableDrops {
		if room() >= minTitle {
			break
		}
		cols = slices.DeleteFunc(cols, func(c tableCol) bool { return c.head == d })
	}
	for i := range cols {
		if cols[i].head == "Title" {
			cols[i].width = max(min(cols[i].width, room()), 8)
		}
	}
	return cols
}

// writeTable writes the list for people: one request a line, text made
// safe to show and cut to its column; on a terminal (width > 0) each line
// fits it.
func writeTable(w io.Writer, list []model.ChangeRequest, width int) error {
	cols := slices.Clone(tableCols)
	for _, c := range list { // an ID is never cut: CR-100000 widens its column
		cols[0].width = max(cols[0].width, len(c.Ref()))
	}
	cols = fitTable(cols, width)
	cells := make(map[string]string, len(cols))
	line := func() error {
		var b strings.Builder
		for _, col := range cols {
			v := model.SanitizeLine(cells[col.head])
			if col.width == 0 {
				b.WriteString(v)
				continue
			}
			v, w := fitCell(v, col.width)
			b.WriteString(v)
			b.WriteString(strings.Repeat(" ", col.width-w+1))
		}
		out := strings.TrimRight(b.String(), " ")
		if width > 0 {
			out, _ = fitCell(out, width)
		}
		_, err := io.WriteString(w, out+"\n")
		return err
	}
	for _, col := range cols {
		cells[col.head] = col.head
	}
	if err := line(); err != nil {
		return err
	}
	for _, c := range list {
		imp, est := "", ""
		if c.Impact != 0 {
			imp = strconv.Itoa(c.Impact)
		}
		if c.EstimateHrs > 0 {
			est = strconv.FormatFloat(c.EstimateHrs, 'f', -1, 64)
		}
		cells["ID"], cells["Title"], cells["Quadrant"], cells["Imp"], cells["Cx"] = c.Ref(), c.Title, model.QuadrantOf(c).String(), imp, c.Complexity.String()
		cells["Est h"], cells["Decision"], cells["Status"], cells["Assignee"] = est, c.Decision.String(), c.Status.String(), c.Assignee
		if err := line(); err != nil {
			return err
		}
	}
	return nil
}

// fitCell cuts a cell to width columns, with "…" where it was cut, and
// returns its width. Plain ASCII, most cells, is measured by its length;
// other text by its graphemes' display width.
func fitCell(v string, width int) (string, int) {
	ascii := true
	for i := 0; i < len(v); i++ {
		if v[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		v = ansi.Truncate(v, width, "…")
		return v, ansi.StringWidth(v)
	}
	if len(v) > width {
		return v[:width-1] + "…", width
	}
	return v, len(v)
}
