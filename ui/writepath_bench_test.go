package ui_test

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/model/modeltest"
	"mopdeck/ui"
	"mopdeck/ui/common"
	"mopdeck/ui/uitest"
)

// withChanges replaces the sample's requests with n generated ones.
func withChanges(n int) func(d *model.ProjectData) {
	return func(d *model.ProjectData) {
		d.Changes = modeltest.Changes(n, now, 1, d.Phases[0].ID, d.Phases[1].ID)
	}
}

// inTriage opens a project of n requests and starts triage on it.
func inTriage(b *testing.B, n int) *ui.Model {
	b.Helper()
	m := started(b, 120, 40, withChanges(n))
	press(b, m, "2", "t")
	if !strings.Contains(m.View(), "Triage · CR-") {
		b.Fatalf("triage did not open:\n%s", m.View())
	}
	return m
}

// benchTriageSave measures one rating from the key to the pane showing
// the saved value: Update on the key, the write on the writer (store
// transaction, fsync included), then Update on its result (the event
// applied to the project and patched into the queue) and the frame. The
// time on the UI goroutine (the two Updates and View) is reported apart
// as ui-ms/op, the write as write-ms/op.
func benchTriageSave(b *testing.B, n int) {
	m := inTriage(b, n)
	press(b, m, "5") // a known impact, so that every key below changes it
	keys := []tea.KeyMsg{key("3"), key("4")}
	var ui, write time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		_, cmd := m.Update(keys[i%2])
		t1 := time.Now()
		msg := cmd()
		t2 := time.Now()
		saved, ok := msg.(common.SavedMsg)
		if !ok || saved.Err != nil || len(saved.Events) != 1 {
			b.Fatalf("the rating did not save as one event: %#v", msg)
		}
		_, next := m.Update(saved)
		v := m.View()
		t3 := time.Now()
		ui += t1.Sub(t0) + t3.Sub(t2)
		write += t2.Sub(t1)
		if want := fmt.Sprintf("impact %c", keys[i%2].Runes[0]); !strings.Contains(v, want) {
			b.Fatalf("the saved %s is not on screen:\n%s", want, v)
		}
		settle(b, m, next)
		i++
	}
	b.ReportMetric(float64(ui.Microseconds())/1000/float64(i), "ui-ms/op")
	b.ReportMetric(float64(write.Microseconds())/1000/float64(i), "write-ms/op")
}

func BenchmarkTriageSave10k(b *testing.B)  { benchTriageSave(b, 10_000) }
func BenchmarkTriageSave100k(b *testing.B) { benchTriageSave(b, 100_000) }

// benchOpen measures opening a project of n requests on the Change
// requests pane: the store read, the panes built, the first frame.
func benchOpen(b *testing.B, n int) {
	ctx, pid := uitest.Sample(b, withChanges(n))
	for b.Loop() {
		m := ui.New(ctx, pid)
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		settle(b, m, cmd)
		press(b, m, "2")
		settle(b, m, m.Init())
		if !strings.Contains(m.View(), "CR-") {
			b.Fatalf("no request on screen:\n%s", m.View())
		}
	}
}

func BenchmarkOpenProject10k(b *testing.B)  { benchOpen(b, 10_000) }
func BenchmarkOpenProject100k(b *testing.B) { benchOpen(b, 100_000) }

// BenchmarkHeapAfterSaves100k reports the live heap of the app holding a
// project of 100,000 requests after 100 saves (heap-MB), garbage
// collected: what the saves leave behind, not what they pass through.
func BenchmarkHeapAfterSaves100k(b *testing.B) {
	for b.Loop() {
		m := inTriage(b, 100_000)
		press(b, m, "5")
		for i := range 100 {
			press(b, m, []string{"3", "4"}[i%2])
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MB")
		runtime.KeepAlive(m)
	}
}
