package changesio

import (
	"fmt"
	"strings"
	"time"

	"mopdeck/model"
)

// Plan is what importing a file into a project does: rows whose key (or,
// in mopdeck's own exports, whose CR number) names a request already
// there update it, or change nothing when they say what it holds; other
// rows are added. Without a key, a row that repeats a request already
// there (same title, description and raiser) is a probable duplicate,
// skipped unless duplicates are allowed.
type Plan struct {
	Add []model.ChangeRequest
	// AddLines are the rows the added requests come from.
	AddLines []int
	Update   []Update
	// Unchanged counts rows that say what their request already holds.
	Unchanged int
	// Duplicates are rows skipped as probable duplicates.
	Duplicates []Duplicate
	// Problems make the import refused: two rows for one request.
	Problems []Problem
}

// Update is a request as stored and as the file makes it.
type Update struct {
	Before, After model.ChangeRequest
	Line          int
}

// Duplicate is a row that repeats a request already in the project.
type Duplicate struct {
	Line int
	Of   model.ChangeRequest
}

// Counts says the plan in one line: "3 added, 2 updated, 10 unchanged".
func (p *Plan) Counts() string {
	s := fmt.Sprintf("%d added, %d updated, %d unchanged", len(p.Add), len(p.Update), p.Unchanged)
	if n := len(p.Duplicates); n > 0 {
		s += fmt.Sprintf(", %s skipped as probable duplicates", plural(n, "row"))
	}
	return s
}

// Empty tells whether the plan writes nothing.
func (p *Plan) Empty() bool { return len(p.Add) == 0 && len(p.Update) == 0 }

// PlanFor matches the file's rows against a project's requests as stored
// and returns what importing would do; it also sets r.Plan. A row with a
// CR number (mopdeck's ID column) updates that request when it is the
// same one — same title, or created the same day — and is otherwise a
// request of another project's export, added unless it repeats one; a row
// with a key updates the request imported with that key. A first import
// shares the rows with the plan instead of copying them.
func (r *Result) PlanFor(stored []model.ChangeRequest, allowDuplicates bool) *Plan {
	p := &Plan{}
	r.Plan = p
	byID := make(map[uint64]int, len(stored))
	byKey := map[string]int{}
	for i, c := range stored {
		byID[c.ID] = i
		if c.SourceKey != "" {
			byKey[c.SourceKey] = i
		}
	}
	var seen map[string]int // fingerprints of stored requests, made when needed
	matched := map[uint64]int{}
	ps := newProblems(r.File)
	if r.Format == XLSX {
		ps.sheet = r.Sheet
	}
	var add []int // rows to add, by index
	for i := range r.Changes {
		row := &r.Changes[i]
		at := r.loc(i)
		match := -1
		if ref := r.ref(i); ref != 0 {
			if j, ok := byID[ref]; ok && r.sameRequest(stored[j], *row) {
				match = j
			}
		}
		if match < 0 && row.SourceKey != "" {
			if j, ok := byKey[row.SourceKey]; ok {
				match = j
			}
		}
		if match >= 0 {
			before := stored[match]
			if first, twice := matched[before.ID]; twice {
				ps.row("", at, "same request", fmt.Sprintf("this row and row %s both stand for %s: keep one of them", ps.where(r.loc(first), false), before.Ref()))
				continue
			}
			matched[before.ID] = i
			after := r.merge(before, *row)
			if sameCR(before, after) {
				p.Unchanged++
				continue
			}
			p.Update = append(p.Update, Update{Before: before, After: after, Line: at.row})
			continue
		}
		// A row without a key (or whose CR number is another project's)
		// that repeats a request is a probable duplicate.
		if row.SourceKey == "" && !allowDuplicates && len(stored) > 0 {
			if seen == nil {
				seen = make(map[string]int, len(stored))
				for j, c := range stored {
					seen[fingerprint(c)] = j
				}
			}
			if j, dup := seen[fingerprint(*row)]; dup {
				p.Duplicates = append(p.Duplicates, Duplicate{Line: at.row, Of: stored[j]})
				continue
			}
		}
		add = append(add, i)
	}
	if len(add) == len(r.Changes) {
		// Every row is new (a first import): the plan shares the rows.
		p.Add, p.AddLines = r.Changes, r.Lines
	} else {
		p.Add = make([]model.ChangeRequest, len(add))
		p.AddLines = make([]int, len(add))
		for k, i := range add {
			p.Add[k], p.AddLines[k] = r.Changes[i], r.Lines[i]
		}
	}
	p.Problems = ps.list()
	return p
}

func (r *Result) loc(i int) loc {
	if i < len(r.locs) {
		return r.locs[i]
	}
	if i < len(r.Lines) {
		return loc{row: r.Lines[i], line: r.Lines[i], col: -1}
	}
	return loc{col: -1}
}

func (r *Result) ref(i int) uint64 {
	if i < len(r.Refs) {
		return r.Refs[i]
	}
	return 0
}

// sameRequest tells whether a row that names a CR number is that request
// of this project, not the same number in another project's export: the
// title is the same, or it was created the same day.
func (r *Result) sameRequest(stored, row model.ChangeRequest) bool {
	if fold(stored.Title) == fold(row.Title) {
		return true
	}
	return r.has[fieldCreated] && !row.CreatedAt.Equal(r.now) &&
		stored.CreatedAt.UTC().Format(model.DateLayout) == row.CreatedAt.UTC().Format(model.DateLayout)
}

// merge lays a row over the stored request: the file's columns replace
// what the request holds, an empty cell clears a value, and what the file
// does not have stays. What was inferred rather than read gives way to
// what the lead set in mopdeck: an impact taken from a priority fills an
// unrated request only, a decision implied by a status an undecided one.
// A created cell left empty keeps the stored time, and a time the file
// writes less precisely (to the minute, to the millisecond) is the same
// time.
func (r *Result) merge(stored, row model.ChangeRequest) model.ChangeRequest {
	out := stored
	has := r.has
	if has[fieldTitle] {
		out.Title = row.Title
	}
	if has[fieldDescription] {
		out.Description = row.Description
	}
	if has[fieldRaisedBy] {
		out.RaisedBy = row.RaisedBy
	}
	if has[fieldAssignee] {
		out.Assignee = row.Assignee
	}
	if has[fieldRaisedIn] {
		out.RaisedIn = row.RaisedIn
	}
	if has[fieldCreated] && !row.CreatedAt.Equal(r.now) {
		if d := row.CreatedAt.Sub(stored.CreatedAt); d <= -time.Second || d >= time.Second || stored.CreatedAt.IsZero() {
			out.CreatedAt = row.CreatedAt
		}
	}
	if has[fieldArea] {
		out.Area, out.AreaText = row.Area, row.AreaText
	}
	switch {
	case has[fieldImpact]:
		out.Impact = row.Impact
	case has[fieldPriority] && stored.Impact == 0:
		out.Impact = row.Impact
	}
	if has[fieldComplexity] {
		out.Complexity = row.Complexity
	}
	if has[fieldEstimate] || has[fieldEstimateSeconds] {
		out.EstimateHrs = row.EstimateHrs
	}
	if has[fieldStatus] || has[fieldStatusCategory] {
		out.Status = row.Status
	}
	switch {
	case has[fieldDecision]:
		out.Decision = row.Decision
	case r.derived.decisionFromStatus && stored.Decision == model.DecisionUndecided:
		out.Decision = row.Decision
	}
	if has[fieldSourceKey] || row.SourceKey != "" {
		out.SourceKey = row.SourceKey
	}
	return out
}

// sameCR compares two requests field by field, times by their instant.
func sameCR(a, b model.ChangeRequest) bool {
	at, bt := a.CreatedAt, b.CreatedAt
	a.CreatedAt, b.CreatedAt = time.Time{}, time.Time{}
	return a == b && at.Equal(bt)
}

// fingerprint is what makes a row a probable duplicate of a request
// without a key: the same title, description and raiser, as folded.
func fingerprint(c model.ChangeRequest) string {
	return fold(c.Title) + "\x00" + strings.TrimSpace(c.Description) + "\x00" + fold(c.RaisedBy)
}
