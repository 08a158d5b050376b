package e2e

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// Start-up on a plain pseudo-terminal, as `script` gives, not only in tmux
// (which Bubble Tea's colour query skips). At start, before main runs,
// Bubble Tea v1 asks the terminal for its background colour (OSC 11, then
// a cursor-position request) and waits up to 5 s for an answer. A terminal
// answers at once; a pseudo-terminal with no terminal behind it (script
// writing to a file or a pipe, some CI runners) never does. These tests
// measure both, for the interface and for a command that prints.

const colourQuery = "\x1b]11;?"

// ptyRun is the binary under `script`, in a pseudo-terminal of its own.
type ptyRun struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
	mu    sync.Mutex
	out   bytes.Buffer
	start time.Time
	done  chan error
}

// startInPTY runs the binary with args under script. When answer is set,
// the test plays a terminal that answers the colour query.
func startInPTY(t *testing.T, term string, answer bool, args ...string) *ptyRun {
	t.Helper()
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("script is not installed (it is in util-linux / bsdutils)")
	}
	// With no terminal behind it, script's pseudo-terminal has no size
	// (0×0): give it the size a terminal window would.
	cmdline := "stty cols 100 rows 30; exec " + binary + " " + strings.Join(args, " ")
	cmd := exec.Command(script, "-qfec", cmdline, "/dev/null")
	// CI set makes termenv treat every output as not a terminal: unset it
	// to see what a person's terminal sees.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CI=") && !strings.HasPrefix(kv, "TERM=") && !strings.HasPrefix(kv, "TMUX=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "TERM="+term)
	r := &ptyRun{cmd: cmd, done: make(chan error, 1)}
	r.stdin, err = cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	r.start = time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 4096)
		answered := false
		for {
			n, err := stdout.Read(buf)
			r.mu.Lock()
			r.out.Write(buf[:n])
			asked := bytes.Contains(r.out.Bytes(), []byte(colourQuery))
			r.mu.Unlock()
			if answer && asked && !answered {
				answered = true
				// A dark background, then the cursor position.
				r.stdin.Write([]byte("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R"))
			}
			if err != nil {
				break
			}
		}
		r.done <- cmd.Wait()
	}()
	t.Cleanup(func() {
		r.stdin.Close()
		select {
		case <-r.done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	})
	return r
}

// waitFor returns how long after the start the output first held want.
func (r *ptyRun) waitFor(t *testing.T, want string, limit time.Duration) time.Duration {
	t.Helper()
	deadline := r.start.Add(limit)
	for time.Now().Before(deadline) {
		r.mu.Lock()
		ok := strings.Contains(r.out.String(), want)
		r.mu.Unlock()
		if ok {
			return time.Since(r.start)
		}
		time.Sleep(5 * time.Millisecond)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	t.Fatalf("no %q after %v; output: %q", want, limit, r.out.String())
	return 0
}

// exited waits for the end of the run and returns its duration.
func (r *ptyRun) exited(t *testing.T, limit time.Duration) time.Duration {
	t.Helper()
	select {
	case err := <-r.done:
		r.done <- err // for the cleanup
		if err != nil {
			t.Fatalf("exit: %v; output: %q", err, r.out.String())
		}
		return time.Since(r.start)
	case <-time.After(limit):
		t.Fatalf("still running after %v; output: %q", limit, r.out.String())
	}
	return 0
}

func TestStartupOnAPlainPTY(t *testing.T) {
	db := soundDB(t, t.TempDir())
	tests := []struct {
		name   string
		term   string
		answer bool
		limit  time.Duration // for the first frame, or for a command's end
		tui    bool
	}{
		{"interface, terminal answers", "xterm-256color", true, 2 * time.Second, true},
		{"interface, nothing answers", "xterm-256color", false, 8 * time.Second, true},
		{"report, terminal answers", "xterm-256color", true, 2 * time.Second, false},
		{"report, nothing answers", "xterm-256color", false, 8 * time.Second, false},
		{"report, nothing answers, TERM=dumb", "dumb", false, 2 * time.Second, false},
	}
	var figures []string
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var took time.Duration
			if tt.tui {
				r := startInPTY(t, tt.term, tt.answer, "--db", db)
				took = r.waitFor(t, "Reliability", tt.limit) // the status line: a whole frame
				r.stdin.Write([]byte("q"))
				r.exited(t, 5*time.Second)
			} else {
				r := startInPTY(t, tt.term, tt.answer, "--db", db, "report")
				took = r.exited(t, tt.limit)
				r.mu.Lock()
				out := r.out.String()
				r.mu.Unlock()
				if !strings.Contains(out, "# Reliability") {
					t.Fatalf("report did not print: %q", out)
				}
				if tt.term == "dumb" && strings.Contains(out, colourQuery) {
					t.Error("with TERM=dumb the colour query is still sent")
				}
			}
			figures = append(figures, fmt.Sprintf("%s: %v", tt.name, took.Round(time.Millisecond)))
		})
	}
	t.Logf("time to first frame (interface) or to exit (report) under script -qc:\n  %s", strings.Join(figures, "\n  "))
}
