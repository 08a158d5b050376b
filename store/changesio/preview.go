package changesio

import (
	"fmt"
	"strings"

	"mopdeck/model"
)

// PreviewLines says what importing a planned file would do, as the
// command line's --dry-run prints it and the app's import screen shows
// it: the counts, how each column is read, the values read as other
// words, the dates, the notes, then the rows to add, update and skip
// (at most limit of each; 0 for all). Text from the file is made safe to
// print.
func PreviewLines(r *Result, project string, phases []model.Phase, limit int) []string {
	p := r.Plan
	if p == nil {
		p = &Plan{}
	}
	from := r.File
	if r.Sheet != "" {
		from += fmt.Sprintf(" (sheet %q)", model.SanitizeLine(r.Sheet))
	}
	if r.Tool != "" && r.Tool != "mopdeck" {
		article := "a "
		if strings.ContainsRune("AEIOU", rune(r.Tool[0])) {
			article = "an "
		}
		from += ", " + article + r.Tool + " export"
	}
	n := len(p.Add) + len(p.Update)
	what := "1 change request"
	if n != 1 {
		what = fmt.Sprintf("%d change requests", n)
	}
	out := []string{fmt.Sprintf("would import %s into %q from %s: %s", what, model.SanitizeLine(project), from, p.Counts())}

	if len(r.Columns) > 0 {
		out = append(out, "columns:")
		var ignored []string
		for _, c := range r.Columns {
			switch {
			case c.Field != "":
				out = append(out, fmt.Sprintf("  %s → %s", model.SanitizeLine(c.Header), c.Field))
			case c.Why == "":
				ignored = append(ignored, c.Header)
			}
		}
		for _, u := range r.Unused {
			out = append(out, "  left aside: "+model.SanitizeLine(u))
		}
		if len(ignored) > 0 {
			out = append(out, "  ignored: "+QuoteHeaders(ignored))
		}
	}
	if len(r.Mapped) > 0 {
		out = append(out, "values read as mopdeck's:")
		field, line := "", ""
		flush := func() {
			if line != "" {
				out = append(out, line)
			}
		}
		for _, m := range r.Mapped {
			part := fmt.Sprintf("%q → %s (%s)", m.From, model.SanitizeLine(m.To), plural(m.Rows, "row"))
			if m.Field != field {
				flush()
				field, line = m.Field, "  "+m.Field+": "+part
				continue
			}
			line += ", " + part
		}
		flush()
	}
	if !r.DateFrom.IsZero() {
		d := fmt.Sprintf("dates: from %s to %s", r.DateFrom.Format(model.DateLayout), r.DateTo.Format(model.DateLayout))
		if r.DateOrder != model.OrderUnknown {
			d += ", numeric ones read " + r.DateOrder.String()
		}
		out = append(out, d)
	}
	for _, n := range r.Notes {
		out = append(out, "note: "+model.SanitizeLine(n))
	}
	names := map[uint64]string{}
	for _, ph := range phases {
		names[ph.ID] = ph.Name
	}
	list := func(head string, count int, line func(i int) string) {
		if count == 0 {
			return
		}
		out = append(out, head)
		shown := count
		if limit > 0 && shown > limit {
			shown = limit
		}
		for i := 0; i < shown; i++ {
			out = append(out, "  "+line(i))
		}
		if shown < count {
			out = append(out, fmt.Sprintf("  … and %d more", count-shown))
		}
	}
	list("to add:", len(p.Add), func(i int) string {
		c := p.Add[i]
		row := 0
		if i < len(p.AddLines) {
			row = p.AddLines[i]
		}
		return fmt.Sprintf("row %d: %q — %s", row, clipTitle(c.Title), describeCR(c, names))
	})
	list("to update:", len(p.Update), func(i int) string {
		u := p.Update[i]
		return fmt.Sprintf("row %d: %s %q — %s", u.Line, u.Before.Ref(), clipTitle(u.Before.Title), changes(u.Before, u.After, names))
	})
	list("skipped as probable duplicates (--allow-duplicates adds them):", len(p.Duplicates), func(i int) string {
		d := p.Duplicates[i]
		return fmt.Sprintf("row %d: the same as %s %q", d.Line, d.Of.Ref(), clipTitle(d.Of.Title))
	})
	return out
}

func clipTitle(s string) string {
	s = model.SanitizeLine(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}

// describeCR writes a request's ratings: "impact 4, low, 6 h, now, triaged".
func describeCR(c model.ChangeRequest, phases map[uint64]string) string {
	var parts []string
	if c.SourceKey != "" {
		parts = append(parts, "key "+model.SanitizeLine(c.SourceKey))
	}
	if c.Impact != 0 {
		parts = append(parts, fmt.Sprintf("impact %d", c.Impact))
	}
	if c.Complexity != model.ComplexityUnrated {
		parts = append(parts, c.Complexity.String())
	}
	if c.EstimateHrs != 0 {
		parts = append(parts, fmt.Sprintf("%g h", c.EstimateHrs))
	}
	parts = append(parts, c.Decision.String(), c.Status.String())
	if c.Area != "" {
		parts = append(parts, model.SanitizeLine(c.AreaLabel()))
	}
	if n := phases[c.RaisedIn]; n != "" {
		parts = append(parts, "raised in "+model.SanitizeLine(n))
	}
	return strings.Join(parts, ", ")
}

// changes writes what an update changes: `status new → verified, impact
// 0 → 4, title edited`.
func changes(a, b model.ChangeRequest, phases map[uint64]string) string {
	var parts []string
	str := func(name, x, y string) {
		if x == y {
			return
		}
		if len(x) > 30 || len(y) > 30 || strings.ContainsAny(x+y, "\n") {
			parts = append(parts, name+" edited")
			return
		}
		parts = append(parts, fmt.Sprintf("%s %q → %q", name, model.SanitizeLine(x), model.SanitizeLine(y)))
	}
	word := func(name, x, y string) {
		if x != y {
			parts = append(parts, fmt.Sprintf("%s %s → %s", name, orNone(x), orNone(y)))
		}
	}
	str("title", a.Title, b.Title)
	str("description", a.Description, b.Description)
	str("raised by", a.RaisedBy, b.RaisedBy)
	word("raised in", phases[a.RaisedIn], phases[b.RaisedIn])
	if !a.CreatedAt.Equal(b.CreatedAt) {
		word("created", a.CreatedAt.Format("2006-01-02 15:04"), b.CreatedAt.Format("2006-01-02 15:04"))
	}
	str("area", a.AreaLabel(), b.AreaLabel())
	word("impact", fmt.Sprint(a.Impact), fmt.Sprint(b.Impact))
	word("complexity", a.Complexity.String(), b.Complexity.String())
	word("estimate", fmt.Sprintf("%g h", a.EstimateHrs), fmt.Sprintf("%g h", b.EstimateHrs))
	word("decision", a.Decision.String(), b.Decision.String())
	word("status", a.Status.String(), b.Status.String())
	str("assignee", a.Assignee, b.Assignee)
	str("source key", a.SourceKey, b.SourceKey)
	return strings.Join(parts, ", ")
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return model.SanitizeLine(s)
}

// QuoteHeaders names columns for a message: quoted and clipped, in the
// file's order, a header the file repeats (Jira writes one "Watchers"
// column per watcher) named once with its count: "Watchers" ×3.
func QuoteHeaders(headers []string) string {
	count := map[string]int{}
	var order []string
	for _, h := range headers {
		if count[h] == 0 {
			order = append(order, h)
		}
		count[h]++
	}
	names := make([]string, len(order))
	for i, h := range order {
		names[i] = fmt.Sprintf("%q", clip(model.SanitizeLine(h)))
		if n := count[h]; n > 1 {
			names[i] += fmt.Sprintf(" ×%d", n)
		}
	}
	return strings.Join(names, ", ")
}
