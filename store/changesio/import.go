package changesio

import (
	"errors"
	"fmt"
	"time"

	"mopdeck/model"
	"mopdeck/store"
)

// ImportOptions are the read options and what an import decides beyond
// them.
type ImportOptions struct {
	Options
	// AllowDuplicates adds rows without a key that repeat a request
	// already there, instead of skipping them.
	AllowDuplicates bool
}

// errPlan stops the write when the plan itself has problems.
var errPlan = errors.New("the plan has problems")

// Preview reads a file and plans it against project pid, writing
// nothing: what the command line's --dry-run prints and the app's import
// screen shows. The error is for a file or project that cannot be read;
// what is wrong inside the file is in Result.Problems (the plan's
// problems included), and Result.Err sums it up. It reads the disk: call
// it from a tea.Cmd, never from Update.
func Preview(s *store.Store, pid uint64, path string, opt ImportOptions) (*Result, error) {
	res, err := read(s, pid, path, opt)
	if err != nil || len(res.Problems) > 0 {
		return res, err
	}
	stored, err := s.Changes(pid)
	if err != nil {
		return res, err
	}
	p := res.PlanFor(stored, opt.AllowDuplicates)
	res.Problems = append(res.Problems, p.Problems...)
	return res, nil
}

// ImportFile reads a file and, when nothing in it is wrong, writes it to
// project pid in one transaction: rows that name a request there update
// it, the others are added with the project's next CR numbers, and the
// whole import is one history entry, so one undo reverts it. The plan is
// made inside the write, against the requests as stored. When anything is
// wrong nothing is written; the error is Result.Err (one line) and the
// result lists every problem. by is who imports.
func ImportFile(s *store.Store, pid uint64, path, by string, opt ImportOptions) (*Result, error) {
	res, err := read(s, pid, path, opt)
	if err != nil {
		return nil, err
	}
	if err := res.Err(); err != nil {
		return res, err
	}
	var plan *Plan
	added, updated, err := s.ReimportChanges(pid, by, res.File, func(stored []model.ChangeRequest) ([]model.ChangeRequest, []model.ChangeRequest, error) {
		plan = res.PlanFor(stored, opt.AllowDuplicates)
		if len(plan.Problems) > 0 {
			return nil, nil, errPlan
		}
		up := make([]model.ChangeRequest, len(plan.Update))
		for i, u := range plan.Update {
			up[i] = u.After
		}
		return plan.Add, up, nil
	})
	if errors.Is(err, errPlan) {
		res.Problems = append(res.Problems, plan.Problems...)
		return res, res.Err()
	}
	if err != nil {
		return res, fmt.Errorf("%s was not imported: %w", res.File, err)
	}
	// The store skips a request whose bytes did not change after all.
	if len(updated) < len(plan.Update) {
		plan.Unchanged += len(plan.Update) - len(updated)
		kept := plan.Update[:0]
		byID := map[uint64]bool{}
		for _, u := range updated {
			byID[u.ID] = true
		}
		for _, u := range plan.Update {
			if byID[u.After.ID] {
				kept = append(kept, u)
			}
		}
		plan.Update = kept
	}
	plan.Add = added
	res.Plan = plan
	return res, nil
}

// Import is ImportFile with the default options.
func Import(s *store.Store, pid uint64, path, by string, now time.Time) (*Result, error) {
	return ImportFile(s, pid, path, by, ImportOptions{Options: Options{Now: now}})
}

// read reads a file with the project's phases.
func read(s *store.Store, pid uint64, path string, opt ImportOptions) (*Result, error) {
	phases, err := s.Phases(pid)
	if err != nil {
		return nil, err
	}
	o := opt.Options
	o.Phases = phases
	return ReadFile(path, o)
}

// Summary says in one line what an import did, then the notes.
func (r *Result) Summary() string {
	s := r.Headline()
	for _, n := range r.Notes {
		s += "; " + n
	}
	return s
}

// Headline is the summary without the notes: "imported 12 change
// requests from tests.csv (CR-31 to CR-42): 12 added, 0 updated, 0
// unchanged".
func (r *Result) Headline() string { return r.HeadlineInto("") }

// HeadlineInto is Headline naming the project the file went into, before
// the counts: `imported 3 change requests from tests.csv (CR-1 to CR-3)
// into "CRM": 3 added, 0 updated, 0 unchanged`.
func (r *Result) HeadlineInto(project string) string {
	p := r.Plan
	into := ""
	if project != "" {
		into = fmt.Sprintf(" into %q", model.SanitizeLine(project))
	}
	if p == nil {
		return fmt.Sprintf("nothing imported from %s%s", r.File, into)
	}
	n := len(p.Add) + len(p.Update)
	if n == 0 {
		return fmt.Sprintf("nothing imported from %s%s: %s", r.File, into, p.Counts())
	}
	what := "1 change request"
	if n > 1 {
		what = fmt.Sprintf("%d change requests", n)
	}
	return fmt.Sprintf("imported %s from %s%s%s: %s", what, r.File, addedRange(p.Add), into, p.Counts())
}

// addedRange writes " (CR-31 to CR-42)" for requests just added.
func addedRange(add []model.ChangeRequest) string {
	switch n := len(add); {
	case n == 0 || add[0].ID == 0:
		return ""
	case n == 1:
		return fmt.Sprintf(" (%s)", add[0].Ref())
	default:
		return fmt.Sprintf(" (%s to %s)", add[0].Ref(), add[n-1].Ref())
	}
}
