package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestTeamFigure measures team mode at the size the issue names: 20
// sessions of the real ssh client on a project of 10,000 change
// requests, served by the real binary. It reports the time from a save
// (`mopdeck change set` on this host, run through the server) to the
// moment all 20 sessions have drawn it, and the server's resident memory.
// It takes about a minute, so it runs only when asked:
//
//	MOPDECK_TEAM_FIGURE=1 go test -run TeamFigure -count=1 -v ./ui/e2e/
func TestTeamFigure(t *testing.T) {
	if os.Getenv("MOPDECK_TEAM_FIGURE") == "" {
		t.Skip("set MOPDECK_TEAM_FIGURE=1 to measure")
	}
	const sessions, saves = 20, 20
	ts := startTeam(t, map[string]string{"Hugo Bernard": "lead"}, "--max-sessions", fmt.Sprint(sessions))
	var csv strings.Builder
	csv.WriteString("Title,Impact,Complexity,Estimate (hours)\n")
	for i := range 10_000 {
		fmt.Fprintf(&csv, "Generated request %d,%d,%s,%d\n", i, 1+i%5, []string{"low", "medium", "high"}[i%3], 1+i%80)
	}
	sheet := filepath.Join(ts.dir, "big.csv")
	if err := os.WriteFile(sheet, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, errOut, code := mopdeck(t, nil, "--db", ts.db, "import", "changes", sheet); code != 0 {
		t.Fatalf("import: %s %s", out, errOut)
	}
	// CR-1 on top of every session's table: a quick win of impact 5.
	set := func(title string) {
		t.Helper()
		if _, errOut, code := mopdeck(t, nil, "--db", ts.db, "change", "set", "CR-1", "--title", title,
			"--impact", "5", "--complexity", "low", "--estimate", "1", "--decision", "now"); code != 0 {
			t.Fatalf("change set: %s", errOut)
		}
	}
	set("Save warm-up")
	watchers := make([]*watcher, sessions)
	for i := range watchers {
		w := &watcher{}
		watchers[i] = w
		seen := w.expect("Save warm-up")
		cmd := exec.Command("ssh", append([]string{"-tt"}, ts.sshArgs(ts.keys["Hugo Bernard"])...)...)
		cmd.Stdout, cmd.Stderr = w, w
		keys, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			cmd.Process.Kill()
			cmd.Wait()
		})
		time.Sleep(200 * time.Millisecond)
		keys.Write([]byte("2"))
		select {
		case <-seen:
		case <-time.After(60 * time.Second):
			t.Fatalf("session %d never drew the change requests", i)
		}
	}
	var took, afterSave []time.Duration
	for i := range saves {
		title := fmt.Sprintf("Save %03d", i)
		waits := make([]<-chan struct{}, sessions)
		for j, w := range watchers {
			waits[j] = w.expect(title)
		}
		start := time.Now()
		set(title)
		saved := time.Now()
		for j, w := range waits {
			select {
			case <-w:
			case <-time.After(30 * time.Second):
				t.Fatalf("session %d never drew save %d", j, i)
			}
		}
		took = append(took, time.Since(start))
		afterSave = append(afterSave, time.Since(saved))
	}
	slices.Sort(took)
	slices.Sort(afterSave)
	rss, hwm := procMemory(t, ts.cmd.Process.Pid)
	t.Logf("%d sessions, 10,000 requests, %d saves: command to all sessions p50 %v max %v; after the command returned p50 %v max %v; server RSS %d MB (peak %d MB)",
		sessions, saves, took[len(took)/2].Round(time.Millisecond), took[len(took)-1].Round(time.Millisecond),
		afterSave[len(afterSave)/2].Round(time.Millisecond), afterSave[len(afterSave)-1].Round(time.Millisecond), rss>>20, hwm>>20)
}

// watcher is a session's output, watched for one string at a time.
type watcher struct {
	mu   sync.Mutex
	want []byte
	tail []byte
	seen chan struct{}
}

func (w *watcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.want != nil {
		buf := append(w.tail, p...)
		if bytes.Contains(buf, w.want) {
			w.want = nil
			close(w.seen)
		}
		w.tail = append(w.tail[:0], buf[max(0, len(buf)-256):]...)
	}
	return len(p), nil
}

func (w *watcher) expect(s string) <-chan struct{} {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.want, w.tail, w.seen = []byte(s), w.tail[:0], make(chan struct{})
	return w.seen
}
