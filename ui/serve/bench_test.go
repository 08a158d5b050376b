package serve

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/model/modeltest"
	"mopdeck/store"
)

// marker watches a session's output for the current marker and notes
// when it showed.
type marker struct {
	mu   sync.Mutex
	want []byte
	tail []byte
	seen chan struct{}
}

func (m *marker) Write(p []byte) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.want != nil {
		buf := append(m.tail, p...)
		if bytes.Contains(buf, m.want) {
			m.want = nil
			close(m.seen)
		}
		m.tail = append(m.tail[:0], buf[max(0, len(buf)-256):]...)
	}
	return len(p), nil
}

func (m *marker) expect(s string) <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.want, m.tail, m.seen = []byte(s), m.tail[:0], make(chan struct{})
	return m.seen
}

// BenchmarkSaveReaches20Sessions10k measures, on a project of 10,000
// change requests with 20 sessions open on its Change requests pane over
// real SSH connections (loopback), the time from a save (a request
// renamed through the store, as a session's writer does) until all 20
// sessions have drawn it: ms-to-all/op, with p50 and max over the run.
// It also reports the process's resident memory with the 20 sessions
// open (server and the 20 clients, which are small next to it) and the
// live heap after garbage collection.
func BenchmarkSaveReaches20Sessions10k(b *testing.B) {
	const sessions = 20
	ts := startServer(b, func(d *model.ProjectData) {
		d.Changes = modeltest.Changes(10_000, now, 1, d.Phases[0].ID, d.Phases[1].ID)
	}, func(c *Config) { c.MaxSessions = sessions })
	// CR-1 first in priority order: rated a quick win of impact 5.
	top := func(title string) {
		if _, err := ts.store.UpdateChange(ts.pid, 1, "bench", func(c model.ChangeRequest) (model.ChangeRequest, error) {
			c.Title, c.Impact, c.Complexity, c.EstimateHrs = title, 5, model.ComplexityLow, 0.5
			c.Decision, c.Status = model.DecisionNow, model.StatusTriaged
			return c, nil
		}); err != nil {
			b.Fatal(err)
		}
	}
	top("Save warm-up")
	marks := make([]*marker, sessions)
	for i := range marks {
		marks[i] = &marker{}
		c := ts.client(b, []store.TeamRole{store.RoleLead, store.RoleMember, store.RoleViewer}[i%3])
		sess, err := c.NewSession()
		if err != nil {
			b.Fatal(err)
		}
		sess.Stdout, sess.Stderr = marks[i], marks[i]
		keys, _ := sess.StdinPipe()
		if err := sess.RequestPty("xterm-256color", 40, 120, nil); err != nil {
			b.Fatal(err)
		}
		seen := marks[i].expect("Save warm-up")
		if err := sess.Shell(); err != nil {
			b.Fatal(err)
		}
		keys.Write([]byte("2"))
		select {
		case <-seen:
		case <-time.After(60 * time.Second):
			b.Fatalf("session %d never showed the change requests", i)
		}
		b.Cleanup(func() { sess.Close() })
	}
	if ts.Sessions() != sessions {
		b.Fatalf("%d sessions open, want %d", ts.Sessions(), sessions)
	}
	var took []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		title := fmt.Sprintf("Save %d reaches all", i)
		waits := make([]<-chan struct{}, sessions)
		for j, m := range marks {
			waits[j] = m.expect(title)
		}
		start := time.Now()
		top(title)
		for j, w := range waits {
			select {
			case <-w:
			case <-time.After(30 * time.Second):
				b.Fatalf("session %d never showed save %d", j, i)
			}
		}
		took = append(took, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(took[len(took)-1].Microseconds())/1000, "max-ms")
	var total time.Duration
	for _, d := range took {
		total += d
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(len(took)), "ms-to-all/op")
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
	b.ReportMetric(rssMB(), "rss-MB")
}

// rssMB is the process's resident memory (Linux; 0 elsewhere).
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	return 0
}
