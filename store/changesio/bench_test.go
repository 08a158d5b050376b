package changesio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
)

// The figures the product promises: import 100,000 CSV rows in under 3 s
// and XLSX rows in under 10 s with under 300 MB of memory, export 100,000
// to CSV in under 2 s. These run only with -bench:
//
//	go test ./store/changesio/ -run '^$' -bench . -benchtime 1x

const bigRows = 100_000

// bigChanges makes n requests that look like a tester's, each decision
// agreeing with its status, as an import requires.
func bigChanges(n int) []model.ChangeRequest {
	crs := make([]model.ChangeRequest, n)
	base := time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)
	for i := range crs {
		status := model.CRStatus(i % 7)
		crs[i] = model.ChangeRequest{
			ID:          uint64(i + 1),
			Title:       fmt.Sprintf("Change request number %d about the lead form", i),
			Description: "Testers found that the field order differs from the design document; sales wants the region first.",
			RaisedBy:    "Tester", RaisedIn: uint64(i%2 + 4), CreatedAt: base.Add(time.Duration(i) * time.Minute),
			Area: model.Areas[i%len(model.Areas)], Impact: i%5 + 1, Complexity: model.Complexity(i%3 + 1),
			EstimateHrs: float64(i%80) / 2, Decision: model.ImpliedDecision(status), Status: status, Assignee: "Dev",
		}
	}
	return crs
}

// bigFile writes n requests once per format and benchmark run.
func bigFile(b *testing.B, f Format, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "big."+string(f))
	if err := WriteFile(path, f, bigChanges(n), Export{Phases: phases}); err != nil {
		b.Fatal(err)
	}
	return path
}

// newProject opens a fresh database with a project holding the phases the
// rows refer to.
func newProject(b *testing.B) (*store.Store, uint64) {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), fmt.Sprintf("bench-%d.db", time.Now().UnixNano())), store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	d, err := s.CreateProject(model.ProjectData{Project: model.Project{Name: "Bench"}, Phases: phases}, "bench")
	if err != nil {
		b.Fatal(err)
	}
	return s, d.Project.ID
}

func benchImport(b *testing.B, f Format) {
	path := bigFile(b, f, bigRows)
	peak := newPeak()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, pid := newProject(b)
		runtime.GC()
		peak.start()
		b.StartTimer()
		res, err := Import(s, pid, path, "bench", time.Now())
		b.StopTimer()
		peak.stop()
		if err != nil || len(res.Changes) != bigRows {
			b.Fatalf("imported %v: %v", res, err)
		}
		s.Close()
		b.StartTimer()
	}
	peak.report(b)
}

// BenchmarkImportCSV100k reads a 100,000-row CSV and writes it in one
// transaction.
func BenchmarkImportCSV100k(b *testing.B) { benchImport(b, CSV) }

// BenchmarkImportXLSX100k does the same from a workbook.
func BenchmarkImportXLSX100k(b *testing.B) { benchImport(b, XLSX) }

// BenchmarkReadCSV100k is the parsing alone, without the database.
func BenchmarkReadCSV100k(b *testing.B) {
	path := bigFile(b, CSV, bigRows)
	for b.Loop() {
		res, err := ReadFile(path, opt)
		if err != nil || len(res.Changes) != bigRows {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportCSV100k reads 100,000 requests from the database and
// writes the CSV file, as mopdeck export changes -o does.
func BenchmarkExportCSV100k(b *testing.B) {
	s, pid := newProject(b)
	if _, err := s.SaveChanges(pid, imported(bigChanges(bigRows)), "bench"); err != nil {
		b.Fatal(err)
	}
	out := filepath.Join(b.TempDir(), "export.csv")
	for b.Loop() {
		crs, err := s.Changes(pid)
		if err != nil {
			b.Fatal(err)
		}
		ph, err := s.Phases(pid)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteFile(out, CSV, crs, Export{Phases: ph}); err != nil {
			b.Fatal(err)
		}
	}
	fi, _ := os.Stat(out)
	b.ReportMetric(float64(fi.Size())/(1<<20), "file-MB")
}

// BenchmarkWriteXLSX100k is the streaming writer alone.
func BenchmarkWriteXLSX100k(b *testing.B) {
	crs := bigChanges(bigRows)
	for b.Loop() {
		if err := WriteXLSX(io.Discard, crs, Export{Phases: phases}); err != nil {
			b.Fatal(err)
		}
	}
}

// peak measures the memory of a run two ways: the process's peak resident
// size (Linux, reset before the run) and the Go heap's peak, sampled.
type peak struct {
	mu      sync.Mutex
	heap    uint64
	rss     uint64
	done    chan struct{}
	wg      sync.WaitGroup
	samples []metrics.Sample
}

func newPeak() *peak {
	return &peak{samples: []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}}
}

func (p *peak) start() {
	// "5" resets the peak resident size the kernel reports as VmHWM.
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	p.done = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(5 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(p.samples)
			p.mu.Lock()
			p.heap = max(p.heap, p.samples[0].Value.Uint64())
			p.mu.Unlock()
			select {
			case <-p.done:
				return
			case <-t.C:
			}
		}
	}()
}

func (p *peak) stop() {
	close(p.done)
	p.wg.Wait()
	if kb := vmHWM(); kb > 0 {
		p.rss = max(p.rss, kb<<10)
	}
}

func (p *peak) report(b *testing.B) {
	b.ReportMetric(float64(p.heap)/(1<<20), "peak-heap-MB")
	if p.rss > 0 {
		b.ReportMetric(float64(p.rss)/(1<<20), "peak-RSS-MB")
	}
}

// vmHWM reads the peak resident size in KiB, 0 where /proc is missing.
func vmHWM() uint64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseUint(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return n
		}
	}
	return 0
}
