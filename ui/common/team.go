package common

import (
	"mopdeck/model"
	"mopdeck/store"
)

// In team mode each session has its own "me": the person its key is
// bound to, found by name in each project's people. The project's stored
// "me" belongs to the file's owner; a session's copy of the project shows
// its own instead, on every load and in every event that carries the
// project record.

// PersonID is the ID of the person called name among people (matched as
// `mopdeck raci --person` matches), or 0 when none is.
func PersonID(people []model.Person, name string) uint64 {
	if hit := model.FindPeople(people, name); len(hit) > 0 {
		return hit[0].ID
	}
	return 0
}

// Personal returns events with the project records' "me" set to the
// person a guarded handle writes as; events without a project record,
// and every event when s is not a team session's handle, are returned as
// they are. The people are read from s only when a project record is
// there (a rename, an archive): those events are rare.
func Personal(s *store.Store, events []model.Event) []model.Event {
	p := s.Policy()
	if p == nil || p.Person == "" {
		return events
	}
	var out []model.Event
	for i, e := range events {
		at := -1
		for j, r := range e.Records {
			if _, ok := r.Value.(model.Project); ok && r.Kind == model.KindProject {
				at = j
			}
		}
		if at < 0 {
			continue
		}
		if out == nil {
			out = append([]model.Event(nil), events...)
		}
		people, err := s.People(e.ProjectID)
		if err != nil {
			continue
		}
		recs := append([]model.Record(nil), e.Records...)
		proj := recs[at].Value.(model.Project)
		proj.MeID = PersonID(people, p.Person)
		recs[at].Value = proj
		out[i].Records = recs
	}
	if out == nil {
		return events
	}
	return out
}

// Subscription is the context's one subscription to the store's events,
// made on first use; Close ends it.
func (c *Context) Subscription() *store.Subscription {
	c.subOnce.Do(func() { c.sub = c.Store.Subscribe() })
	return c.sub
}

// Close ends what the context holds open on the store (its
// subscription), so that a session's listener returns.
func (c *Context) Close() {
	c.subOnce.Do(func() {})
	if c.sub != nil {
		c.sub.Close()
	}
}
