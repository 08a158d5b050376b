package common

import (
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
)

// Result is what a write tells the user, and the pane that asked for it.
type Result struct {
	// Note is shown in the status line when the write went through.
	Note string
	// Then is handed to the panes after the write's events are applied
	// (put the cursor on what was just added, close a form), whether the
	// write went through or not.
	Then tea.Msg
}

// SavedMsg reports a write: the events it committed, its note or its
// error, and the pane's follow-up. The root applies the events to the
// open project, shows the note or the error, then hands Then on.
type SavedMsg struct {
	Result
	Err    error
	Events []model.Event
}

// Write queues a store write on the app's one writer: every pane's
// writes and undos run one at a time, in the order of the keys that
// asked for them. write gets a handle that records what it commits; it
// must write through that handle, read-modify-write (the store's Update…
// methods), never a record from a pane's loaded copy. In team mode
// c.Store is guarded by the session's role, and so is the handle write
// gets: a write the role does not allow commits nothing, and its error
// says why in the status line.
func (c *Context) Write(write func(s *store.Store) (Result, error)) tea.Cmd {
	c.writerOnce.Do(func() { c.writer = &Writer{} })
	return c.writer.Do(func() tea.Msg {
		rec := c.Store.Recording()
		res, err := write(rec)
		return SavedMsg{Result: res, Err: err, Events: Personal(rec, rec.Events())}
	})
}

// Save is Write for a write that says note when it goes through.
func (c *Context) Save(note string, write func(s *store.Store) error) tea.Cmd {
	return c.Write(func(s *store.Store) (Result, error) {
		return Result{Note: note}, write(s)
	})
}

// Undo reverts the newest change of the given kinds (all kinds when none)
// on the writer, after the writes asked for before it.
func (c *Context) Undo(projectID uint64, by string, kinds ...string) tea.Cmd {
	return c.Write(func(s *store.Store) (Result, error) {
		e, err := s.Undo(projectID, by, kinds...)
		if err != nil {
			return Result{}, err
		}
		return Result{Note: "undone: " + e.Summary}, nil
	})
}

// PendingWrites is the number of writes queued and not yet started.
func (c *Context) PendingWrites() int {
	c.writerOnce.Do(func() { c.writer = &Writer{} })
	return c.writer.Pending()
}
