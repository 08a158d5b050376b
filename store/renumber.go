package store

import (
	"slices"

	"mopdeck/model"
)

// A bundle's numbers are not trusted: a record numbered 2^64−1 would run
// its kind's counter to the end, after which new records take the numbers
// of existing ones. An imported project is numbered afresh (renumber),
// with every reference following its record.

// maxGap is the widest gap between two numbers a bundle names that the
// new numbering keeps. A bundle mopdeck wrote has its gaps from records
// deleted since (an undone import of many requests leaves the widest), so
// its numbers come back as they were (CR-12 stays CR-12, and history
// summaries stay true); a wider gap is closed to this one, which keeps
// any bundle that fits in memory far below maxID.
const maxGap = 1 << 20

// renumber gives every record, reference and history entry of d new
// numbers, kind by kind, keeping their order: the lowest number a kind
// names becomes the lowest new one, and gaps up to maxGap are kept. A
// number named but not held (a record deleted before the export, a
// reference to it) is numbered too, so that it stays retired. When any
// number changes, history's before/after copies, in the old numbering,
// are dropped: they are never undone (the import's create entry is undo's
// floor) and would name the wrong records. d's slices are copied first:
// the caller's data is left as it was.
func renumber(d *model.ProjectData) error {
	*d = deepCopy(*d)
	named := map[string][]uint64{}
	eachID(d, func(kind string, id *uint64) {
		if *id != 0 {
			named[kind] = append(named[kind], *id)
		}
	})
	maps := map[string]map[uint64]uint64{}
	changed := false
	for kind, ids := range named {
		m, top := numbering(ids)
		if top > maxID {
			return invalidf("the bundle names too many %s to number (%d would be the highest): split the project; nothing was imported", plural(2, nounOf(kind)), top)
		}
		for old, nu := range m {
			// History numbers are in no record's copy.
			changed = changed || (old != nu && kind != kindHistory)
		}
		maps[kind] = m
	}
	eachID(d, func(kind string, id *uint64) {
		if *id != 0 {
			*id = maps[kind][*id]
		}
	})
	if changed {
		for i := range d.History {
			d.History[i].Before, d.History[i].After = nil, nil
		}
	}
	return nil
}

// numbering maps ids (unsorted, repeated) to new numbers from 1 in the
// same order, gaps capped at maxGap; it returns the highest new number.
func numbering(ids []uint64) (map[uint64]uint64, uint64) {
	slices.Sort(ids)
	ids = slices.Compact(ids)
	m := make(map[uint64]uint64, len(ids))
	var prev, next uint64
	for _, id := range ids {
		next += min(id-prev, maxGap)
		m[id], prev = next, id
	}
	return m, next
}

// eachID calls fn with every number d holds or names, by the kind of
// record it numbers: records' own IDs, the references between them (a
// request's phase, a deliverable's doc, a cell's activity and person, who
// checked an item or signed a gate, the project's sponsor, lead and "me")
// and what history entries name (their own IDs, the entry an undo
// reverted, the record or range of records of their key). fn may change
// the number in place.
func eachID(d *model.ProjectData, fn func(kind string, id *uint64)) {
	p := &d.Project
	fn(KindPeople, &p.SponsorID)
	fn(KindPeople, &p.LeadID)
	fn(KindPeople, &p.MeID)
	items := func(list []model.CheckItem) {
		for i := range list {
			fn(KindPeople, &list[i].ByID)
		}
	}
	for i := range d.Phases {
		ph := &d.Phases[i]
		fn(KindPhases, &ph.ID)
		for j := range ph.Deliverables {
			fn(KindDocs, &ph.Deliverables[j].DocID)
		}
		items(ph.Checklist)
		fn(KindPeople, &ph.Gate.ByID)
		if ph.Gate.Override != nil {
			fn(KindPeople, &ph.Gate.Override.ByID)
		}
	}
	for i := range d.Changes {
		fn(KindChanges, &d.Changes[i].ID)
		fn(KindPhases, &d.Changes[i].RaisedIn)
	}
	for i := range d.People {
		fn(KindPeople, &d.People[i].ID)
	}
	for i := range d.Activities {
		fn(KindActivities, &d.Activities[i].ID)
		fn(KindPhases, &d.Activities[i].PhaseID)
	}
	for i := range d.Cells {
		fn(KindActivities, &d.Cells[i].ActivityID)
		fn(KindPeople, &d.Cells[i].PersonID)
	}
	for i := range d.Docs {
		fn(KindDocs, &d.Docs[i].ID)
		fn(KindPhases, &d.Docs[i].PhaseID)
	}
	for i := range d.Checklists {
		fn(KindChecklists, &d.Checklists[i].ID)
		items(d.Checklists[i].Items)
	}
	for i := range d.History {
		historyIDs(&d.History[i], fn)
	}
}

// historyIDs is eachID for one history entry. A key is rewritten into a
// new slice, never in place: it may be shared with the caller's copy.
func historyIDs(e *model.HistoryEntry, fn func(kind string, id *uint64)) {
	fn(kindHistory, &e.ID)
	fn(kindHistory, &e.Undoes)
	switch {
	case e.Kind == KindCells:
		if act, person, ok := splitCellKey(e.Key); ok {
			a, p := act, person
			fn(KindActivities, &a)
			fn(KindPeople, &p)
			if a != act || p != person {
				e.Key = CellKey(a, p)
			}
		}
	case slices.Contains(sequencedKinds, e.Kind) && len(e.Key) == 8:
		old := btoi(e.Key)
		id := old
		fn(e.Kind, &id)
		if id != old {
			e.Key = itob(id)
		}
		if e.Through != 0 {
			fn(e.Kind, &e.Through)
		}
	}
}

// deepCopy copies every slice and pointer of d that eachID may write
// through.
func deepCopy(d model.ProjectData) model.ProjectData {
	d.Phases = slices.Clone(d.Phases)
	for i := range d.Phases {
		ph := &d.Phases[i]
		ph.Deliverables = slices.Clone(ph.Deliverables)
		ph.Checklist = slices.Clone(ph.Checklist)
		if o := ph.Gate.Override; o != nil {
			c := *o
			ph.Gate.Override = &c
		}
	}
	d.Changes = slices.Clone(d.Changes)
	d.People = slices.Clone(d.People)
	d.Activities = slices.Clone(d.Activities)
	d.Cells = slices.Clone(d.Cells)
	d.Docs = slices.Clone(d.Docs)
	d.Checklists = slices.Clone(d.Checklists)
	for i := range d.Checklists {
		d.Checklists[i].Items = slices.Clone(d.Checklists[i].Items)
	}
	d.History = slices.Clone(d.History)
	return d
}

// namedTops is the highest number d names for each kind, which its
// counter must reach so that no new record takes a number already named.
func namedTops(d *model.ProjectData) map[string]uint64 {
	top := map[string]uint64{}
	eachID(d, func(kind string, id *uint64) {
		top[kind] = max(top[kind], *id)
	})
	return top
}

func nounOf(kind string) string {
	switch kind {
	case KindPhases:
		return "phase"
	case KindChanges:
		return "change request"
	case KindPeople:
		return "person"
	case KindActivities:
		return "activity"
	case KindDocs:
		return "doc"
	case KindChecklists:
		return "checklist"
	case kindHistory:
		return "history entry"
	}
	return kind
}
