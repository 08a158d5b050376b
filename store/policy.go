package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

// A team member's role is enforced here, below every pane and command:
// a handle made by Guarded judges each history entry a write appends,
// inside the write's transaction, where the record before and after are
// known. Every write of the store records history, so none escapes; a
// refusal rolls the whole transaction back, so nothing changes.

// ErrNotAllowed: the role of whoever writes through a guarded handle does
// not allow the change; nothing was written.
var ErrNotAllowed = errors.New("not allowed for this role")

// Policy is what a guarded handle lets through.
type Policy struct {
	Role TeamRole
	// Person is who writes: every history entry records this name,
	// whatever name the caller passed, and "me" is theirs alone.
	Person string
	// Refused, when set, hears each refusal (the server logs them). It
	// runs inside the refused transaction: it must be quick and must not
	// use the store.
	Refused func(err error)
}

// refusal is ErrNotAllowed with the reason in words.
type refusal struct{ why string }

func (r *refusal) Error() string { return r.why }
func (r *refusal) Unwrap() error { return ErrNotAllowed }

func refuse(format string, a ...any) error { return &refusal{fmt.Sprintf(format, a...)} }

// Guarded returns a handle on the same database whose writes p judges;
// its Recording handles are guarded too. A nil p guards nothing.
func (s *Store) Guarded(p *Policy) *Store {
	h := *s
	h.policy = p
	return &h
}

// Policy is the handle's policy, nil when it writes freely.
func (s *Store) Policy() *Policy { return s.policy }

// judge decides on an entry about to be appended, and stamps it with the
// guarded person's name.
func (s *Store) judge(pb *bolt.Bucket, e *model.HistoryEntry) error {
	p := s.policy
	if p == nil {
		return nil
	}
	if err := p.allow(pb, *e); err != nil {
		if p.Refused != nil {
			p.Refused(err)
		}
		return err
	}
	if p.Person != "" {
		e.By = p.Person
	}
	return nil
}

// guardTeam refuses changes to the team through a handle whose role is
// not lead.
func (s *Store) guardTeam() error {
	p := s.policy
	if p == nil || p.Role == RoleLead {
		return nil
	}
	err := p.roleWide()
	if err == nil {
		err = refuse("members cannot change the team: ask a lead")
	}
	if p.Refused != nil {
		p.Refused(err)
	}
	return err
}

// roleWide is the refusal that does not depend on the change.
func (p *Policy) roleWide() error {
	switch p.Role {
	case RoleLead, RoleMember:
		return nil
	case RoleViewer:
		return refuse("viewers cannot change anything")
	}
	return refuse("the role %q is unknown to this mopdeck: nothing can be changed", string(p.Role))
}

func (p *Policy) allow(pb *bolt.Bucket, e model.HistoryEntry) error {
	if err := p.roleWide(); err != nil {
		return err
	}
	rec, cascade, err := splitCascade(e.Before)
	if err != nil {
		return err
	}
	if e.Through != 0 {
		return p.allowRange(pb, e)
	}
	if e.Kind == KindProject && e.Action == ActionUpdate && p.Person != "" {
		// Only the change asked for: a person's removal also clears
		// "me" in its cascade, and that is not choosing it.
		if onlyMe, err := onlyMeChanged(rec, e.After); err != nil || onlyMe {
			return cmpErr(err, refuse("in team mode you are %s, the name your key is bound to: \"me\" is not chosen here", p.Person))
		}
	}
	after := e.After
	if none(after) && e.Action != ActionDelete && e.Kind != KindProject {
		// An import of one request keeps no copy in its entry: the
		// record is in its bucket already.
		if b := pb.Bucket([]byte(e.Kind)); b != nil {
			after = b.Get(e.Key)
		}
	}
	if err := p.allowOne(e.Kind, e.Action, rec, after); err != nil {
		return err
	}
	for _, it := range cascade {
		if err := p.allowOne(it.Kind, actionOf(it.Before, it.After), it.Before, it.After); err != nil {
			return err
		}
	}
	return nil
}

// allowRange judges an entry for records Key to Through created at once
// (an import) or removed at once (its undo).
func (p *Policy) allowRange(pb *bolt.Bucket, e model.HistoryEntry) error {
	if p.Role == RoleLead {
		return nil
	}
	if e.Action != ActionCreate {
		return p.allowOne(e.Kind, ActionDelete, nil, nil)
	}
	b := pb.Bucket([]byte(e.Kind))
	if b == nil {
		return nil
	}
	for id := btoi(e.Key); id != 0 && id <= e.Through; id++ {
		if err := p.allowOne(e.Kind, ActionCreate, nil, b.Get(itob(id))); err != nil {
			return err
		}
	}
	return nil
}

func actionOf(before, after []byte) string {
	switch {
	case none(before):
		return ActionCreate
	case none(after):
		return ActionDelete
	}
	return ActionUpdate
}

// allowOne judges one record's change from before to after (stored
// bytes; none for a create or a delete).
func (p *Policy) allowOne(kind, action string, before, after []byte) error {
	if p.Role == RoleLead {
		return nil
	}
	// A member from here on.
	if action == ActionDelete {
		return refuse("members cannot delete: ask a lead")
	}
	switch kind {
	case KindChanges:
		return memberChange(before, after)
	case KindPhases:
		return memberPhase(before, after)
	case KindChecklists:
		if action == ActionCreate {
			return refuse("members cannot attach checklists: they tick their items")
		}
		same, err := sameBut[model.Checklist](before, after, func(c *model.Checklist) {
			c.Items = untick(c.Items)
		})
		return cmpErr(err, refuseUnless(same, "members can only tick checklist items"))
	case KindDocs:
		return nil
	case KindPeople, KindActivities, KindCells:
		return refuse("members cannot change the RACI matrix: ask a lead")
	case KindProject:
		if action == ActionCreate {
			return refuse("only a lead can create or import a project")
		}
		return refuse("members cannot change the project's settings: ask a lead")
	}
	return refuse("members cannot change %s", kindNoun(kind))
}

// triageStatuses are the statuses a triage decision sets.
var triageStatuses = []model.CRStatus{model.StatusTriaged, model.StatusRejected, model.StatusDeferred}

func memberChange(before, after []byte) error {
	a, err := decode[model.ChangeRequest](after)
	if err != nil {
		return err
	}
	var b model.ChangeRequest // a new request: undecided and new
	if !none(before) {
		if b, err = decode[model.ChangeRequest](before); err != nil {
			return err
		}
	}
	decided := a.Decision != b.Decision
	moved := a.Status != b.Status && (slices.Contains(triageStatuses, a.Status) ||
		b.Status == model.StatusRejected || b.Status == model.StatusDeferred)
	if decided || moved {
		return refuse("members cannot make triage decisions (now, later, reject, defer): ask a lead")
	}
	return nil
}

func memberPhase(before, after []byte) error {
	if none(before) {
		return refuse("members cannot add phases: they tick deliverables and exit items")
	}
	b, err := decode[model.Phase](before)
	if err != nil {
		return err
	}
	a, err := decode[model.Phase](after)
	if err != nil {
		return err
	}
	if !jsonEqual(b.Gate, a.Gate) {
		return refuse("members cannot sign off gates: ask a lead")
	}
	same, err := sameBut[model.Phase](before, after, func(ph *model.Phase) {
		ph.Checklist = untick(ph.Checklist)
		ph.Deliverables = slices.Clone(ph.Deliverables)
		for i := range ph.Deliverables {
			ph.Deliverables[i].Done = false
		}
	})
	return cmpErr(err, refuseUnless(same, "members cannot edit phases: they tick deliverables and exit items"))
}

// onlyMeChanged tells whether a project's update changes "me" and
// nothing else.
func onlyMeChanged(before, after []byte) (bool, error) {
	b, err := decode[model.Project](before)
	if err != nil {
		return false, err
	}
	a, err := decode[model.Project](after)
	if err != nil {
		return false, err
	}
	if a.MeID == b.MeID {
		return false, nil
	}
	a.MeID = b.MeID
	return jsonEqual(a, b), nil
}

// sameBut tells whether two stored records are equal once strip has
// removed from both what may differ.
func sameBut[T any](before, after []byte, strip func(*T)) (bool, error) {
	b, err := decode[T](before)
	if err != nil {
		return false, err
	}
	a, err := decode[T](after)
	if err != nil {
		return false, err
	}
	strip(&b)
	strip(&a)
	return jsonEqual(a, b), nil
}

func untick(items []model.CheckItem) []model.CheckItem {
	out := slices.Clone(items)
	for i := range out {
		out[i].Done, out[i].ByID, out[i].At = false, 0, time.Time{}
	}
	return out
}

func jsonEqual(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

func refuseUnless(ok bool, why string) error {
	if ok {
		return nil
	}
	return refuse("%s", why)
}

// cmpErr is err when the records did not decode (the change is refused
// as unreadable), else the judgement.
func cmpErr(err, judgement error) error {
	if err != nil {
		return fmt.Errorf("a record of this change does not read back (%w); nothing was saved: run mopdeck check", err)
	}
	return judgement
}
