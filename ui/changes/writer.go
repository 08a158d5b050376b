package changes

import (
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// writer runs the pane's store writes one at a time, in the order the
// keys asked for them. Bubble Tea runs every command on its own goroutine,
// so three quick triage keys could otherwise commit in any order, and
// history (which undo walks back) would not match what was typed.
type writer struct {
	run     sync.Mutex // held while a write runs
	queueMu sync.Mutex // guards queue only: Update never waits on a write
	queue   []tea.Cmd
}

// do queues a write and returns the command that will run the oldest
// queued write; as many commands as writes are returned, so each write
// runs exactly once.
func (w *writer) do(write tea.Cmd) tea.Cmd {
	w.queueMu.Lock()
	w.queue = append(w.queue, write)
	w.queueMu.Unlock()
	return w.next
}

func (w *writer) next() tea.Msg {
	w.run.Lock()
	defer w.run.Unlock()
	w.queueMu.Lock()
	write := w.queue[0]
	w.queue = w.queue[1:]
	w.queueMu.Unlock()
	return write()
}
