package common

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// Writer runs the app's store writes (and undos) one at a time, in the
// order the keys asked for them. Bubble Tea runs every command on its own
// goroutine, so a tick followed at once by an undo could otherwise commit
// the undo first and revert an older change, and history (which undo walks
// back) would not match what was typed.
//
// The zero value is ready to use. The context holds the app's one Writer
// (Context.Write); it must not be copied.
type Writer struct {
	run     sync.Mutex // held while a write runs
	queueMu sync.Mutex // guards queue only: Update never waits on a write
	queue   []tea.Cmd
}

// Do queues a write and returns the command that will run the oldest
// queued write; as many commands as writes are returned, so each write
// runs exactly once. The message the returned command yields is therefore
// that of the oldest write, not necessarily of this one: return it to
// Bubble Tea as is. Do(nil) queues nothing and returns nil.
func (w *Writer) Do(write tea.Cmd) tea.Cmd {
	if write == nil {
		return nil
	}
	w.queueMu.Lock()
	w.queue = append(w.queue, write)
	w.queueMu.Unlock()
	return w.next
}

// Pending is the number of writes queued and not yet started.
func (w *Writer) Pending() int {
	w.queueMu.Lock()
	defer w.queueMu.Unlock()
	return len(w.queue)
}

func (w *Writer) next() tea.Msg {
	w.run.Lock()
	defer w.run.Unlock()
	w.queueMu.Lock()
	write := w.queue[0]
	w.queue = w.queue[1:]
	w.queueMu.Unlock()
	return write()
}
