package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// RACIPlan is what importing a sheet into a project writes: the people
// and activities to create, and the cells the file fills. It is worked
// out from the project as stored, so the same plan a dry run prints is
// the one the import writes.
type RACIPlan struct {
	// NewPeople and NewActivities have ID 0, in the order the file
	// first names them; each activity has its phase and Order.
	NewPeople     []Person
	NewActivities []Activity
	// Cells are the cells the file fills, in file order, one per
	// activity and person. A cell the file leaves empty is not here.
	Cells []PlannedCell
	// Replace clears every cell of the project the file does not fill.
	Replace bool
	// MatchedPeople and MatchedActivities count the project's people and
	// activities the file names.
	MatchedPeople, MatchedActivities int
	// Notes say what the import decided that a reader may not expect.
	Notes []string
}

// PlannedCell is one cell the file fills. Its activity is the project's
// ActivityID, or NewActivities[NewActivity-1] when NewActivity is set;
// its person likewise.
type PlannedCell struct {
	ActivityID  uint64
	NewActivity int
	PersonID    uint64
	NewPerson   int
	Role        Role
	// Row is the file row that fills it.
	Row int
}

// Assignments returns the plan's cells with the IDs its new people and
// activities were given, in the order of NewPeople and NewActivities.
func (p RACIPlan) Assignments(peopleIDs, activityIDs []uint64) []Assignment {
	out := make([]Assignment, 0, len(p.Cells))
	for _, c := range p.Cells {
		a := Assignment{ActivityID: c.ActivityID, PersonID: c.PersonID, Role: c.Role}
		if c.NewActivity > 0 {
			a.ActivityID = activityIDs[c.NewActivity-1]
		}
		if c.NewPerson > 0 {
			a.PersonID = peopleIDs[c.NewPerson-1]
		}
		out = append(out, a)
	}
	return out
}

// Preview returns the project as the import leaves it, the new records
// numbered after the highest IDs d holds. d is not changed.
func (p RACIPlan) Preview(d ProjectData) ProjectData {
	out := d
	out.People = slices.Clone(d.People)
	out.Activities = slices.Clone(d.Activities)
	next := func(top uint64, n int) []uint64 {
		ids := make([]uint64, n)
		for i := range ids {
			ids[i] = top + uint64(i) + 1
		}
		return ids
	}
	var topP, topA uint64
	for _, x := range d.People {
		topP = max(topP, x.ID)
	}
	for _, x := range d.Activities {
		topA = max(topA, x.ID)
	}
	pIDs, aIDs := next(topP, len(p.NewPeople)), next(topA, len(p.NewActivities))
	for i, x := range p.NewPeople {
		x.ID = pIDs[i]
		out.People = append(out.People, x)
	}
	for i, x := range p.NewActivities {
		x.ID = aIDs[i]
		out.Activities = append(out.Activities, x)
	}
	out.Cells = MergeCells(d.Cells, p.Assignments(pIDs, aIDs), p.Replace)
	return out
}

// MergeCells returns the matrix once cells are written over it: each
// written cell replaces the one at its place; with replace, the cells
// not written are cleared. The result is in (activity, person) order.
func MergeCells(cur, written []Assignment, replace bool) []Assignment {
	type key struct{ a, p uint64 }
	m := make(map[key]Role, len(cur)+len(written))
	if !replace {
		for _, c := range cur {
			m[key{c.ActivityID, c.PersonID}] = c.Role
		}
	}
	for _, c := range written {
		m[key{c.ActivityID, c.PersonID}] = c.Role
	}
	out := make([]Assignment, 0, len(m))
	for k, r := range m {
		if r != RoleNone {
			out = append(out, Assignment{ActivityID: k.a, PersonID: k.p, Role: r})
		}
	}
	slices.SortFunc(out, func(x, y Assignment) int {
		if c := cmp.Compare(x.ActivityID, y.ActivityID); c != 0 {
			return c
		}
		return cmp.Compare(x.PersonID, y.PersonID)
	})
	return out
}

// everyoneWords are the words a file uses for "every person of the
// project", folded (see FoldName).
var everyoneWords = map[string]bool{
	"all": true, "everyone": true, "everybody": true, "all people": true, "whole team": true, "team": true,
	"tous": true, "toutes": true, "tout le monde": true, "equipe": true, "toute l equipe": true,
	"todos": true, "todas": true, "todo el equipo": true, "toda a equipe": true, "equipo": true, "equipa": true,
	"alle": true, "jeder": true, "gesamtes team": true,
}

// EveryoneWord tells whether a name in a cell means every person.
func EveryoneWord(s string) bool { return everyoneWords[FoldName(s)] }

// PlanRACIImport matches a sheet to a project: people by name or handle,
// accents and case folded as FindPeople does, and created from the
// file's text when the project has no such person; activities by name
// (within the row's phase when the file names one) and created when
// missing, tied to the row's phase. A row naming a phase of the project
// and filling no cell, in a file without a phase column, is a heading:
// the rows under it are tied to that phase. "Everyone" (All, Tous,
// Todos, Alle…) stands for every person of the project, those the import
// creates included, that the row does not name otherwise. Every problem
// is returned, with its row and column; the plan is only good without
// any.
func PlanRACIImport(d ProjectData, s RACISheet, replace bool) (RACIPlan, []SheetProblem) {
	pl := &planner{d: d, s: s, plan: RACIPlan{Replace: replace}}
	pl.phases()
	pl.rows()
	if len(pl.problems) > 0 {
		// In the file's order, whatever order they were found in.
		slices.SortStableFunc(pl.problems, func(a, b SheetProblem) int {
			if c := cmp.Compare(a.Row, b.Row); c != 0 {
				return c
			}
			return cmp.Compare(len(a.Column), len(b.Column))*2 + cmp.Compare(a.Column, b.Column)
		})
		return RACIPlan{}, pl.problems
	}
	return pl.plan, nil
}

type planner struct {
	d        ProjectData
	s        RACISheet
	plan     RACIPlan
	problems []SheetProblem

	phaseByName map[string][]Phase
	// phaseAlias finds a phase by another name people give it
	// ("Conception" for Design), as the change-request import does.
	phaseAlias func(name string) (uint64, bool)
	actByName  map[string][]Activity
	// newPerson maps a folded name to its 1-based index in NewPeople.
	newPerson map[string]int
	// rowOf tells which file row took an activity: existing by ID, new
	// by phase and folded name.
	rowOfExisting map[uint64]int
	rowOfNew      map[string]int
	nextOrder     map[uint64]int
	// dupColumns are the pairs of columns found naming one person.
	dupColumns map[string]bool
	// resolved caches each name's person, so that a name is judged, and
	// its problem told, once.
	resolved map[string]personRef
	// byText caches resolved by a name's text as the file writes it:
	// most cells repeat a header or a name, and folding each costs.
	byText  map[string]personRef
	matched map[uint64]bool
}

type personRef struct {
	id  uint64
	new int
	ok  bool
}

func (pl *planner) problem(row int, col, header, format string, a ...any) {
	pl.problems = append(pl.problems, SheetProblem{File: pl.s.File, Row: row, Column: col, Header: header, Msg: fmt.Sprintf(format, a...)})
}

func (pl *planner) phases() {
	pl.phaseByName = map[string][]Phase{}
	for _, ph := range pl.d.Phases {
		k := FoldName(ph.Name)
		pl.phaseByName[k] = append(pl.phaseByName[k], ph)
	}
	pl.phaseAlias = PhaseLookup(pl.d.Phases)
	pl.actByName = make(map[string][]Activity, len(pl.d.Activities))
	for _, a := range pl.d.Activities {
		k := FoldName(a.Name)
		pl.actByName[k] = append(pl.actByName[k], a)
	}
	pl.newPerson = map[string]int{}
	pl.rowOfExisting = map[uint64]int{}
	pl.rowOfNew = map[string]int{}
	pl.nextOrder = map[uint64]int{}
	pl.dupColumns = map[string]bool{}
	pl.resolved = map[string]personRef{}
	pl.byText = map[string]personRef{}
	pl.matched = map[uint64]bool{}
}

// lookupPhase finds the phase a cell names; ok is false, with a problem
// recorded, when there is none or more than one.
func (pl *planner) lookupPhase(r RACISheetRow, text string) (uint64, bool) {
	found := pl.phaseByName[FoldName(text)]
	switch len(found) {
	case 1:
		return found[0].ID, true
	case 0:
		if id, ok := pl.phaseAlias(text); ok {
			return id, true
		}
		names := make([]string, 0, 6)
		for i, ph := range PhasesInOrder(pl.d.Phases) {
			if i == 5 {
				names = append(names, "…")
				break
			}
			names = append(names, fmt.Sprintf("%q", SanitizeLine(ph.Name)))
		}
		if len(names) == 0 {
			pl.problem(r.Row, pl.s.PhaseColumn, pl.s.PhaseHeader, "the project has no phase %q, nor any phase: empty the cell, or add the phase first", SanitizeLine(text))
		} else {
			pl.problem(r.Row, pl.s.PhaseColumn, pl.s.PhaseHeader, "the project has no phase %q; its phases: %s. Fix the name, or empty the cell to tie the row to none", SanitizeLine(text), strings.Join(names, ", "))
		}
	default:
		pl.problem(r.Row, pl.s.PhaseColumn, pl.s.PhaseHeader, "%d phases are named %q: rename one of them first", len(found), SanitizeLine(text))
	}
	return 0, false
}

func (pl *planner) rows() {
	// People first: "everyone" on an early row takes in the people later
	// rows create. A grid's columns come first, left to right, so that
	// the people it creates stand in the matrix as in the file, not in
	// the order their first letter happens to come.
	columnOf := map[personRef]string{}
	for _, c := range personColumns(pl.s.Rows) {
		pl.personOfColumn(columnOf, RACISheetRow{Row: pl.s.HeaderRow}, c)
	}
	for _, r := range pl.s.Rows {
		for _, c := range r.Cells {
			if !c.Everyone {
				pl.personOfColumn(columnOf, r, c)
			}
		}
	}
	var under uint64 // the phase of the last heading row
	for _, r := range pl.s.Rows {
		name := strings.TrimSpace(SanitizeLine(r.Name))
		if name == "" {
			if len(r.Cells) > 0 {
				pl.problem(r.Row, r.Column, r.NameHeader, "the row has letters but no activity: name it")
			}
			continue
		}
		if err := CheckNameLength("activity", name); err != nil {
			pl.problem(r.Row, r.Column, r.NameHeader, "%v", err)
			continue
		}
		phaseID, tied := under, false
		if t := strings.TrimSpace(r.Phase); t != "" {
			id, ok := pl.lookupPhase(r, t)
			if !ok {
				continue
			}
			phaseID, tied = id, true
		} else if pl.s.PhaseColumn == "" && len(r.Cells) == 0 {
			if found := pl.phaseByName[FoldName(name)]; len(found) == 1 {
				under = found[0].ID
				continue
			}
			if id, ok := pl.phaseAlias(name); ok && len(pl.phaseByName[FoldName(name)]) == 0 {
				under = id
				continue
			}
		} else if pl.s.PhaseColumn != "" {
			phaseID = 0
		}
		act, newAct, ok := pl.activity(r, name, phaseID, tied)
		if !ok {
			continue
		}
		pl.cells(r, act, newAct)
	}
}

// personOfColumn resolves a cell's person and, for a grid's column,
// tells once when two columns name the same person.
func (pl *planner) personOfColumn(columnOf map[personRef]string, r RACISheetRow, c RACISheetCell) {
	id, n, ok := pl.person(r, c)
	if !ok || !c.ByColumn {
		return
	}
	ref := personRef{id: id, new: n, ok: true}
	if prev, seen := columnOf[ref]; !seen {
		columnOf[ref] = c.Column
	} else if pair := prev + " " + c.Column; prev != c.Column && !pl.dupColumns[pair] {
		pl.dupColumns[pair] = true
		pl.problem(max(pl.s.HeaderRow, 1), c.Column, c.Header, "this is the same person as column %s: give each person one column", prev)
	}
}

// personColumns are a grid's person columns that hold a letter, each by
// its first cell, left to right (B before Z before AA).
func personColumns(rows []RACISheetRow) []RACISheetCell {
	var out []RACISheetCell
	seen := map[string]bool{}
	for _, r := range rows {
		for _, c := range r.Cells {
			if c.ByColumn && !seen[c.Column] {
				seen[c.Column] = true
				out = append(out, c)
			}
		}
	}
	slices.SortFunc(out, func(a, b RACISheetCell) int {
		return cmp.Or(cmp.Compare(len(a.Column), len(b.Column)), cmp.Compare(a.Column, b.Column))
	})
	return out
}

// person resolves a name to the project's person or a new one; ok is
// false, with a problem recorded the first time, when it cannot. A name
// in a header is judged on the header row.
func (pl *planner) person(r RACISheetRow, c RACISheetCell) (id uint64, newIdx int, ok bool) {
	if ref, seen := pl.byText[c.Who]; seen {
		return ref.id, ref.new, ref.ok
	}
	id, newIdx, ok = pl.lookupPerson(r, c)
	pl.byText[c.Who] = personRef{id: id, new: newIdx, ok: ok}
	return id, newIdx, ok
}

func (pl *planner) lookupPerson(r RACISheetRow, c RACISheetCell) (id uint64, newIdx int, ok bool) {
	who := strings.TrimSpace(SanitizeLine(c.Who))
	row := r.Row
	if c.ByColumn && pl.s.HeaderRow > 0 {
		row = pl.s.HeaderRow
	}
	if who == "" {
		pl.problem(row, c.Column, c.Header, "a cell names no one: write a person's name")
		return 0, 0, false
	}
	k := FoldName(who)
	if ref, seen := pl.resolved[k]; seen {
		return ref.id, ref.new, ref.ok
	}
	ref := pl.resolve(row, c, who, k)
	pl.resolved[k] = ref
	return ref.id, ref.new, ref.ok
}

func (pl *planner) resolve(row int, c RACISheetCell, who, k string) personRef {
	found := FindPeople(pl.d.People, who)
	switch len(found) {
	case 1:
		if !pl.matched[found[0].ID] {
			pl.matched[found[0].ID] = true
			pl.plan.MatchedPeople++
		}
		return personRef{id: found[0].ID, ok: true}
	case 0:
	default:
		pl.problem(row, c.Column, c.Header, "%d people of the project are named %q: write the handle of the one meant instead", len(found), who)
		return personRef{}
	}
	if i, ok := pl.newPerson[k]; ok {
		return personRef{new: i, ok: true}
	}
	if err := CheckNameLength("person", who); err != nil {
		pl.problem(row, c.Column, c.Header, "%v", err)
		return personRef{}
	}
	pl.plan.NewPeople = append(pl.plan.NewPeople, Person{Name: who})
	pl.newPerson[k] = len(pl.plan.NewPeople)
	return personRef{new: len(pl.plan.NewPeople), ok: true}
}

// activity finds the row's activity or plans a new one.
func (pl *planner) activity(r RACISheetRow, name string, phaseID uint64, tied bool) (uint64, int, bool) {
	k := FoldName(name)
	same := pl.actByName[k]
	var inPhase []Activity
	for _, a := range same {
		if a.PhaseID == phaseID {
			inPhase = append(inPhase, a)
		}
	}
	var found *Activity
	switch {
	case len(inPhase) == 1:
		found = &inPhase[0]
	case len(inPhase) > 1:
		pl.problem(r.Row, r.Column, r.NameHeader, "%d activities of the same phase are named %q: rename one of them first", len(inPhase), name)
		return 0, 0, false
	case len(same) == 1 && !tied:
		found = &same[0]
	case len(same) == 1 && tied:
		// Named in another phase: the file's phase ties new rows, it
		// does not move existing ones.
		found = &same[0]
		pl.plan.Notes = append(pl.plan.Notes, fmt.Sprintf("row %d: %q stays under %q, where the project has it (the file says %q)",
			r.Row, name, ActivityPhaseName(pl.d, same[0]), pl.d.PhaseName(phaseID)))
	case len(same) > 1 && !tied:
		pl.problem(r.Row, r.Column, r.NameHeader, "%d activities are named %q: add a Phase column to say which", len(same), name)
		return 0, 0, false
	}
	if found != nil {
		if prev, dup := pl.rowOfExisting[found.ID]; dup {
			pl.problem(r.Row, r.Column, r.NameHeader, "activity %q is on row %d already: give each activity one row", name, prev)
			return 0, 0, false
		}
		pl.rowOfExisting[found.ID] = r.Row
		pl.plan.MatchedActivities++
		return found.ID, 0, true
	}
	nk := fmt.Sprintf("%d\x00%s", phaseID, k)
	if prev, dup := pl.rowOfNew[nk]; dup {
		pl.problem(r.Row, r.Column, r.NameHeader, "activity %q is on row %d already: give each activity one row", name, prev)
		return 0, 0, false
	}
	pl.rowOfNew[nk] = r.Row
	order, ok := pl.nextOrder[phaseID]
	if !ok {
		order = NextActivityOrder(pl.d, phaseID)
	}
	pl.nextOrder[phaseID] = order + 1
	pl.plan.NewActivities = append(pl.plan.NewActivities, Activity{Name: name, PhaseID: phaseID, Order: order})
	return 0, len(pl.plan.NewActivities), true
}

// cells plans the row's cells: letters given twice to one person (in a
// file with a column per letter) make one cell holding both.
func (pl *planner) cells(r RACISheetRow, act uint64, newAct int) {
	type who struct {
		id  uint64
		new int
	}
	order := make([]who, 0, len(r.Cells))
	roles := make(map[who]Role, len(r.Cells))
	colOf := make(map[who]RACISheetCell, len(r.Cells))
	var everyone Role
	for _, c := range r.Cells {
		if c.Everyone {
			everyone |= c.Role
			continue
		}
		id, n, ok := pl.person(r, c)
		if !ok {
			continue
		}
		w := who{id, n}
		if _, seen := roles[w]; !seen {
			order = append(order, w)
			colOf[w] = c
		} else if prev := colOf[w]; prev.ByColumn && c.ByColumn {
			continue // two columns for one person: told once, on the header
		}
		roles[w] |= c.Role
	}
	if everyone != RoleNone {
		all := make([]who, 0, len(pl.d.People)+len(pl.plan.NewPeople))
		for _, p := range pl.d.People {
			all = append(all, who{id: p.ID})
		}
		for i := range pl.plan.NewPeople {
			all = append(all, who{new: i + 1})
		}
		for _, w := range all {
			if _, named := roles[w]; !named {
				order = append(order, w)
				roles[w] = everyone
			}
		}
	}
	for _, w := range order {
		pl.plan.Cells = append(pl.plan.Cells, PlannedCell{ActivityID: act, NewActivity: newAct, PersonID: w.id, NewPerson: w.new, Role: roles[w], Row: r.Row})
	}
}

// RACICounts says what a plan does to a project's cells: those the file
// fills that are new, changed or already so, and those replace clears.
type RACICounts struct {
	Created, Changed, Unchanged, Cleared int
}

// Count measures the plan against the project it was made for.
func (p RACIPlan) Count(d ProjectData) RACICounts {
	type key struct{ a, p uint64 }
	cur := make(map[key]Role, len(d.Cells))
	for _, c := range d.Cells {
		cur[key{c.ActivityID, c.PersonID}] = c.Role
	}
	var n RACICounts
	filled := make(map[key]bool, len(p.Cells))
	for _, c := range p.Cells {
		if c.NewActivity > 0 || c.NewPerson > 0 {
			n.Created++
			continue
		}
		k := key{c.ActivityID, c.PersonID}
		filled[k] = true
		switch old, ok := cur[k]; {
		case !ok:
			n.Created++
		case old == c.Role:
			n.Unchanged++
		default:
			n.Changed++
		}
	}
	if p.Replace {
		for k := range cur {
			if !filled[k] {
				n.Cleared++
			}
		}
	}
	return n
}
