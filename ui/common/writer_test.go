package common

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// TestWriterKeepsTheOrder runs the returned commands on goroutines in
// reverse order, as a scheduler might: the writes still run first to last,
// one at a time.
func TestWriterKeepsTheOrder(t *testing.T) {
	var w Writer
	var mu sync.Mutex
	var got []int
	var running atomic.Int32
	var cmds []tea.Cmd
	for i := range 50 {
		cmds = append(cmds, w.Do(func() tea.Msg {
			if running.Add(1) > 1 {
				t.Error("two writes ran at once")
			}
			time.Sleep(50 * time.Microsecond)
			mu.Lock()
			got = append(got, i)
			mu.Unlock()
			running.Add(-1)
			return i
		}))
	}
	var wg sync.WaitGroup
	for i := len(cmds) - 1; i >= 0; i-- {
		wg.Add(1)
		go func() { defer wg.Done(); cmds[i]() }()
	}
	wg.Wait()
	for i, v := range got {
		if v != i {
			t.Fatalf("writes ran in order %v", got)
		}
	}
	if len(got) != 50 || w.Pending() != 0 {
		t.Fatalf("%d writes ran, %d left", len(got), w.Pending())
	}
}

// TestWriterRunsTheOldestWriteFirst: whichever returned command runs
// first runs the first write queued, and yields its message.
func TestWriterRunsTheOldestWriteFirst(t *testing.T) {
	var w Writer
	first := w.Do(func() tea.Msg { return "tick" })
	second := w.Do(func() tea.Msg { return "undo" })
	if got := second(); got != "tick" {
		t.Fatalf("the second command ran %v, want the first write", got)
	}
	if got := first(); got != "undo" {
		t.Fatalf("the first command ran %v, want the second write", got)
	}
}

func TestWriterIgnoresNil(t *testing.T) {
	var w Writer
	if w.Do(nil) != nil || w.Pending() != 0 {
		t.Fatal("a nil write was queued")
	}
}
