package changesio

import (
	"fmt"
	"time"

	"mopdeck/store"
)

// Import reads a file and, when nothing in it is wrong, adds its change
// requests to project pid in one transaction: each gets the project's next
// CR number, and the import is one history entry, so one undo removes it.
// When anything is wrong nothing is written; the error is Result.Err (one
// line) and the result lists every problem. by is who imports, now the creation time of rows without one.
// It reads the disk: call it from a tea.Cmd, never from Update.
func Import(s *store.Store, pid uint64, path, by string, now time.Time) (*Result, error) {
	phases, err := s.Phases(pid)
	if err != nil {
		return nil, err
	}
	res, err := ReadFile(path, Options{Phases: phases, Now: now})
	if err != nil {
		return nil, err
	}
	if err := res.Err(); err != nil {
		return res, err
	}
	saved, err := s.ImportChanges(pid, res.Changes, by)
	if err != nil {
		return res, fmt.Errorf("%s was not imported: %w", res.File, err)
	}
	res.Changes = saved
	return res, nil
}

// Summary says in one line what an import added: "imported 12 change
// requests from tests.csv (CR-31 to CR-42)", then the notes.
func (r *Result) Summary() string {
	s := r.Headline()
	for _, n := range r.Notes {
		s += "; " + n
	}
	return s
}

// Headline is the summary without the notes, for a caller that shows
// them apart.
func (r *Result) Headline() string {
	n := len(r.Changes)
	switch n {
	case 0:
		return fmt.Sprintf("nothing imported from %s", r.File)
	case 1:
		return fmt.Sprintf("imported 1 change request from %s (%s)", r.File, r.Changes[0].Ref())
	}
	return fmt.Sprintf("imported %d change requests from %s (%s to %s)", n, r.File, r.Changes[0].Ref(), r.Changes[n-1].Ref())
}
