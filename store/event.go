package store

import (
	"fmt"
	"sync"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// txLog follows one read-write transaction: which records of which
// project it wrote or deleted, and the history it appended. Every write
// helper touches what it changes; when the transaction's function
// returns, the log is turned into one model.Event per project, read from
// the transaction itself so the event holds exactly what commits.
//
// bbolt runs one read-write transaction at a time, so the store keeps the
// open one's log in a field and no lock is needed.
type txLog struct {
	projects []*projectLog
	cur      *projectLog
}

type projectLog struct {
	pid     uint64
	pb      *bolt.Bucket
	from    uint64
	reload  bool
	seen    map[recKey]bool
	touched []recKey
	history []model.HistoryEntry
}

type recKey struct {
	kind string
	key  string
}

// open makes pid the project the following touches belong to.
func (l *txLog) open(pid uint64, pb *bolt.Bucket, reload bool) {
	for _, p := range l.projects {
		if p.pid == pid {
			p.pb, l.cur = pb, p
			p.reload = p.reload || reload
			return
		}
	}
	p := &projectLog{pid: pid, pb: pb, reload: reload, seen: map[recKey]bool{}}
	if pb != nil && !reload {
		if hb := pb.Bucket([]byte(kindHistory)); hb != nil {
			p.from = hb.Sequence()
		}
	}
	l.projects = append(l.projects, p)
	l.cur = p
}

// touch records that the transaction wrote or deleted a record of the
// current project.
func (s *Store) touch(kind string, key []byte) {
	l := s.tx
	if l == nil || l.cur == nil {
		return
	}
	k := recKey{kind, string(key)}
	if l.cur.seen[k] {
		return
	}
	l.cur.seen[k] = true
	l.cur.touched = append(l.cur.touched, k)
}

func (s *Store) touchItems(items []cascadeItem) {
	for _, it := range items {
		s.touch(it.Kind, it.Key)
	}
}

// logHistory keeps an appended entry, without its bytes, for the event.
func (s *Store) logHistory(e model.HistoryEntry) {
	if s.tx == nil || s.tx.cur == nil {
		return
	}
	e.Before, e.After = nil, nil
	s.tx.cur.history = append(s.tx.cur.history, e)
}

// events reads what the transaction touched, as it will commit.
func (l *txLog) events() ([]model.Event, error) {
	out := make([]model.Event, 0, len(l.projects))
	for _, p := range l.projects {
		e := model.Event{ProjectID: p.pid, From: p.from, Reload: p.reload, History: p.history}
		if p.pb == nil {
			out = append(out, e)
			continue
		}
		if hb := p.pb.Bucket([]byte(kindHistory)); hb != nil {
			e.To = hb.Sequence()
		}
		if !p.reload {
			e.Records = make([]model.Record, 0, len(p.touched))
			for _, k := range p.touched {
				r, err := readRecord(p.pb, k.kind, []byte(k.key))
				if err != nil {
					return nil, err
				}
				e.Records = append(e.Records, r)
			}
		}
		if e.To == e.From && len(e.Records) == 0 && !e.Reload {
			continue
		}
		out = append(out, e)
	}
	return out, nil
}

// readRecord reads one record for an event: its decoded value, or none
// when it is gone.
func readRecord(pb *bolt.Bucket, kind string, key []byte) (model.Record, error) {
	r := model.Record{Kind: kind}
	var raw []byte
	if kind == KindProject {
		raw = pb.Get(keyProject)
	} else if b := pb.Bucket([]byte(kind)); b != nil {
		raw = b.Get(key)
	}
	if kind == KindCells {
		a, p, _ := splitCellKey(key)
		r.Cell = model.Assignment{ActivityID: a, PersonID: p}
	} else if kind != KindProject {
		r.ID = btoi(key)
	}
	if raw == nil {
		return r, nil
	}
	var err error
	switch kind {
	case KindProject:
		r.Value, err = decodeAny[model.Project](raw)
	case KindPhases:
		r.Value, err = decodeAny[model.Phase](raw)
	case KindChanges:
		r.Value, err = decodeAny[model.ChangeRequest](raw)
	case KindPeople:
		r.Value, err = decodeAny[model.Person](raw)
	case KindActivities:
		r.Value, err = decodeAny[model.Activity](raw)
	case KindCells:
		r.Value, err = decodeAny[model.Assignment](raw)
	case KindDocs:
		r.Value, err = decodeAny[model.Doc](raw)
	case KindChecklists:
		r.Value, err = decodeAny[model.Checklist](raw)
	default:
		return r, fmt.Errorf("record kind %q is unknown to this mopdeck", kind)
	}
	if kind == KindProject && err == nil {
		r.ID = r.Value.(model.Project).ID
	}
	return r, err
}

func decodeAny[T any](b []byte) (any, error) {
	v, err := decode[T](b)
	if err != nil {
		return nil, err
	}
	return v, nil
}

// feed hands committed events to the handles that record them and to
// subscribers.
type feed struct {
	mu   sync.Mutex
	subs map[*Subscription]struct{}
}

// Subscription receives every event committed through the store, from
// any handle, in commit order. Its queue is unbounded, so a slow reader
// never holds up a writer.
type Subscription struct {
	f      *feed
	mu     sync.Mutex
	queue  []model.Event
	ready  chan struct{}
	closed bool
}

// Subscribe starts a subscription; Close ends it.
func (s *Store) Subscribe() *Subscription {
	sub := &Subscription{f: &s.feed, ready: make(chan struct{}, 1)}
	s.feed.mu.Lock()
	if s.feed.subs == nil {
		s.feed.subs = map[*Subscription]struct{}{}
	}
	s.feed.subs[sub] = struct{}{}
	s.feed.mu.Unlock()
	return sub
}

// Next waits for the next events; ok is false once the subscription is
// closed.
func (sub *Subscription) Next() (events []model.Event, ok bool) {
	for {
		sub.mu.Lock()
		if len(sub.queue) > 0 {
			events, sub.queue = sub.queue, nil
			sub.mu.Unlock()
			return events, true
		}
		if sub.closed {
			sub.mu.Unlock()
			return nil, false
		}
		sub.mu.Unlock()
		<-sub.ready
	}
}

// Close ends the subscription; a waiting Next returns.
func (sub *Subscription) Close() {
	sub.f.mu.Lock()
	delete(sub.f.subs, sub)
	sub.f.mu.Unlock()
	sub.mu.Lock()
	sub.closed = true
	sub.mu.Unlock()
	sub.signal()
}

func (sub *Subscription) signal() {
	select {
	case sub.ready <- struct{}{}:
	default:
	}
}

func (f *feed) publish(events []model.Event) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for sub := range f.subs {
		sub.mu.Lock()
		sub.queue = append(sub.queue, events...)
		sub.mu.Unlock()
		sub.signal()
	}
}

// Recording returns a handle on the same open database whose writes also
// keep the events they commit, for Events to return. A writer that must
// know what its own writes changed (the app's one writer) uses one per
// write. A recording handle is for one goroutine at a time.
func (s *Store) Recording() *Store {
	return &Store{core: s.core, recorded: new([]model.Event), policy: s.policy, borrowed: s.borrowed}
}

// Events returns and forgets the events a recording handle's writes have
// committed, oldest first.
func (s *Store) Events() []model.Event {
	if s.recorded == nil {
		return nil
	}
	out := *s.recorded
	*s.recorded = nil
	return out
}
