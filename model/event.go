package model

import (
	"cmp"
	"slices"
)

// Record kinds: the names of a project's record sets, in events and in
// history entries.
const (
	KindProject    = "project"
	KindPhases     = "phases"
	KindChanges    = "changes"
	KindPeople     = "people"
	KindActivities = "activities"
	KindCells      = "cells"
	KindDocs       = "docs"
	KindChecklists = "checklists"
)

// RecentHistory is how many history entries a project keeps in memory:
// enough for the status report; older ones are read on demand.
const RecentHistory = 50

// Event is one committed write to a project: the records it wrote and
// deleted, and the project's version before and after. Versions count
// history entries, so they only grow; an event whose From is not the
// version a reader holds means the reader missed a write and must load
// the project again.
type Event struct {
	ProjectID uint64
	From, To  uint64
	Records   []Record
	// History holds the entries the write appended, without their
	// before/after bytes.
	History []HistoryEntry
	// Reload says the project was created or replaced whole: read it.
	Reload bool
}

// Record is one record an event wrote (Value set) or deleted (Value nil).
type Record struct {
	Kind string
	// ID is the record's ID; for a RACI cell, Cell holds the key.
	ID    uint64
	Cell  Assignment
	Value any // Project, Phase, ChangeRequest, Person, Activity, Assignment, Doc or Checklist
}

// Deleted tells whether the event removed the record.
func (r Record) Deleted() bool { return r.Value == nil }

// Follows tells whether e is the next write after version v: applying it
// to a project at v gives the project at e.To.
func (e Event) Follows(v uint64) bool { return e.From == v }

// Touches tells whether the event wrote or deleted a record of kind.
func (e Event) Touches(kind string) bool {
	for _, r := range e.Records {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

// Apply returns the project with the event's records written and deleted.
// Sets are kept in ID order, the order they are stored in. A record set
// the event adds to or removes from is copied first, and so is every set
// but the change requests on an update: d keeps its other sets as they
// were. Change requests are the one set that grows to 100,000 records,
// and a rating must not copy them all, so an update of a request is
// written in place, in the array d shares: a command that reads the
// project off the UI goroutine takes a Snapshot first.
func (d *ProjectData) Apply(e Event) *ProjectData {
	out := *d
	cloned := map[string]bool{}
	cow := func(kind string) bool {
		if cloned[kind] {
			return false
		}
		cloned[kind] = true
		return true
	}
	for _, r := range e.Records {
		switch r.Kind {
		case KindProject:
			if p, ok := r.Value.(Project); ok {
				out.Project = p
			}
		case KindPhases:
			out.Phases = applyRecord(out.Phases, r, cow(r.Kind), func(p *Phase) uint64 { return p.ID })
		case KindChanges:
			id := func(c *ChangeRequest) uint64 { return c.ID }
			if r.Deleted() || !has(out.Changes, r.ID, id) {
				out.Changes = applyRecord(out.Changes, r, cow(r.Kind), id)
			} else {
				out.Changes = applyRecord(out.Changes, r, false, id)
			}
		case KindPeople:
			out.People = applyRecord(out.People, r, cow(r.Kind), func(p *Person) uint64 { return p.ID })
		case KindActivities:
			out.Activities = applyRecord(out.Activities, r, cow(r.Kind), func(a *Activity) uint64 { return a.ID })
		case KindDocs:
			out.Docs = applyRecord(out.Docs, r, cow(r.Kind), func(x *Doc) uint64 { return x.ID })
		case KindChecklists:
			out.Checklists = applyRecord(out.Checklists, r, cow(r.Kind), func(c *Checklist) uint64 { return c.ID })
		case KindCells:
			out.Cells = applyCell(out.Cells, r, cow(r.Kind))
		}
	}
	if len(e.History) > 0 {
		all := make([]HistoryEntry, 0, len(d.History)+len(e.History))
		all = append(append(all, d.History...), e.History...)
		out.History = all[max(len(all)-RecentHistory, 0):]
	}
	out.Version = e.To
	return &out
}

// Snapshot returns a copy of the project that later events applied to d
// leave alone, for a command that reads it off the UI goroutine.
func (d *ProjectData) Snapshot() ProjectData {
	out := *d
	out.Changes = slices.Clone(d.Changes)
	return out
}

func has[T any](set []T, want uint64, id func(*T) uint64) bool {
	_, found := slices.BinarySearchFunc(set, want, func(x T, want uint64) int { return cmp.Compare(id(&x), want) })
	return found
}

// applyRecord writes or deletes one record of a set kept in ID order,
// copying the set first when fresh is set.
func applyRecord[T any](set []T, r Record, fresh bool, id func(*T) uint64) []T {
	return applyKeyed(set, r, fresh, r.ID, func(x *T, want uint64) int { return cmp.Compare(id(x), want) })
}

// applyCell is applyRecord for RACI cells, kept in (activity, person)
// order.
func applyCell(cells []Assignment, r Record, fresh bool) []Assignment {
	return applyKeyed(cells, r, fresh, r.Cell, func(x *Assignment, want Assignment) int {
		if c := cmp.Compare(x.ActivityID, want.ActivityID); c != 0 {
			return c
		}
		return cmp.Compare(x.PersonID, want.PersonID)
	})
}

// applyKeyed writes r's value at key's place in a sorted set, or removes
// what is there when r is a delete.
func applyKeyed[T, K any](set []T, r Record, fresh bool, key K, compare func(*T, K) int) []T {
	if fresh {
		set = slices.Clone(set)
	}
	i, found := slices.BinarySearchFunc(set, key, func(x T, want K) int { return compare(&x, want) })
	if r.Deleted() {
		if found {
			set = slices.Delete(set, i, i+1)
		}
		return set
	}
	v, ok := r.Value.(T)
	if !ok {
		return set
	}
	if found {
		set[i] = v
		return set
	}
	return slices.Insert(set, i, v)
}
