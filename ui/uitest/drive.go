package uitest

import (
	"math/rand/v2"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// namedKeys are the key names tests may press besides typed text.
var namedKeys = map[string]tea.KeyType{
	"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
	"pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
	"enter": tea.KeyEnter, "esc": tea.KeyEsc, "tab": tea.KeyTab, "shift+tab": tea.KeyShiftTab,
	"backspace": tea.KeyBackspace, "ctrl+n": tea.KeyCtrlN, "ctrl+p": tea.KeyCtrlP, "ctrl+u": tea.KeyCtrlU,
}

// Key is the message of a named key ("esc", "up", "space"…) or of typed
// text ("a", "CR-12").
func Key(s string) tea.KeyMsg {
	if s == "space" {
		// Runes too, so that a text input types the space.
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	}
	if t, ok := namedKeys[s]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

// seedBase makes every Settle of a run shuffle differently yet
// reproducibly: MOPDECK_SHUFFLE_SEED=N replays a failing run.
var seedBase = func() uint64 {
	if s, err := strconv.ParseUint(os.Getenv("MOPDECK_SHUFFLE_SEED"), 10, 64); err == nil {
		return s
	}
	return rand.Uint64()
}()

var settles atomic.Uint64

// seedShown remembers the tests that will print the seed when they fail.
var seedShown sync.Map

// Settle runs cmd and every command it leads to as the Bubble Tea runtime
// may: the commands of a batch run in a shuffled order, because Bubble Tea
// runs each on its own goroutine and promises no order among them. deliver
// handles every other message and returns the commands it leads to. The
// seed is printed when the test fails, to replay it; a chain that never
// ends fails the test.
func Settle(t testing.TB, cmd tea.Cmd, deliver func(tea.Msg) []tea.Cmd) {
	t.Helper()
	seed := seedBase + settles.Add(1)
	rng := rand.New(rand.NewPCG(seed, seed))
	if _, shown := seedShown.LoadOrStore(t, true); !shown {
		t.Cleanup(func() {
			seedShown.Delete(t)
			if t.Failed() {
				t.Logf("batched commands ran in a shuffled order; replay with MOPDECK_SHUFFLE_SEED=%d", seedBase)
			}
		})
	}
	queue := []tea.Cmd{cmd}
	for n := 0; len(queue) > 0; n++ {
		if n > 10000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			batch := append([]tea.Cmd(nil), msg...)
			rng.Shuffle(len(batch), func(i, j int) { batch[i], batch[j] = batch[j], batch[i] })
			queue = append(queue, batch...)
		default:
			queue = append(queue, deliver(msg)...)
		}
	}
}
