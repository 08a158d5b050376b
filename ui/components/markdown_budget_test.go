package components

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/muesli/termenv"
)

// fakeGlamour stands in for Glamour: each render waits until released,
// and the fake counts the renders running and the most seen at once.
type fakeGlamour struct {
	release chan struct{}
	running atomic.Int32
	most    atomic.Int32
	mu      sync.Mutex
	started map[string]int
}

func newFake(m *Markdown) *fakeGlamour {
	f := &fakeGlamour{release: make(chan struct{}), started: map[string]int{}}
	m.render = func(k rendererKey, src string) (string, error) {
		n := f.running.Add(1)
		defer f.running.Add(-1)
		for {
			most := f.most.Load()
			if n <= most || f.most.CompareAndSwap(most, n) {
				break
			}
		}
		f.mu.Lock()
		f.started[src]++
		f.mu.Unlock()
		<-f.release
		return "rendered " + src, nil
	}
	return f
}

func (f *fakeGlamour) starts(src string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.started[src]
}

// waitFor polls cond for up to two seconds.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(2 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("never: %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

func TestMarkdownRunsAtMostOneRenderPerCore(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	f := newFake(m)
	cores := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	outs := make([]string, 4*cores)
	for i := range outs {
		wg.Go(func() { outs[i], _ = m.Render(fmt.Sprint("doc ", i), 80, "dark") })
	}
	waitFor(t, "every slot taken", func() bool { return int(f.running.Load()) >= cores })
	time.Sleep(50 * time.Millisecond) // room for a render past the limit to start
	close(f.release)
	wg.Wait()
	if most := int(f.most.Load()); most != cores {
		t.Errorf("%d renders ran at once on %d cores", most, cores)
	}
	for i, out := range outs {
		if out != fmt.Sprint("rendered doc ", i) {
			t.Errorf("render %d: %q", i, out)
		}
	}
}

func TestMarkdownPastItsBudgetIsPlainAndHoldsItsSlot(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	m.budget = 50 * time.Millisecond
	f := newFake(m)
	cores := runtime.GOMAXPROCS(0)
	for i := range cores {
		src := fmt.Sprint("slow ", i)
		start := time.Now()
		out, err := m.Render(src, 80, "dark")
		if err != nil || out != "shown as plain text: rendering took over 50ms\n\n"+src {
			t.Fatalf("a render past its budget gave %q, %v", out, err)
		}
		if d := time.Since(start); d > time.Second {
			t.Fatalf("the caller waited %v on a 50 ms budget", d)
		}
	}
	// Every slot is held by an abandoned render: another waits, then
	// gets plain text, and Glamour never runs for it.
	out, _ := m.Render("next", 80, "dark")
	if !strings.HasPrefix(out, "shown as plain text: the renderer is busy") || f.starts("next") != 0 {
		t.Fatalf("with every slot held: %q, %d starts", out, f.starts("next"))
	}
	if _, ok := m.Cached("next", 80, "dark"); ok {
		t.Error("a busy answer is cached")
	}
	// The plain answer is kept for the slow text: asking again does not
	// start the render that took too long.
	if got, _ := m.Render("slow 0", 80, "dark"); !strings.Contains(got, "took over") || f.starts("slow 0") != 1 {
		t.Errorf("asked again: %q, %d starts", got, f.starts("slow 0"))
	}
	close(f.release)
	waitFor(t, "the abandoned renders end", func() bool { return f.running.Load() == 0 })
	m.budget = 5 * time.Second
	if out, _ := m.Render("next", 80, "dark"); out != "rendered next" {
		t.Errorf("once the slots are free: %q", out)
	}
	if got, _ := m.Cached("slow 0", 80, "dark"); !strings.Contains(got, "took over") {
		t.Errorf("an abandoned render's result replaced the plain answer: %q", got)
	}
}

func TestMarkdownCancelledWhileWaitingNeverStarts(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	f := newFake(m)
	cores := runtime.GOMAXPROCS(0)
	var wg sync.WaitGroup
	for i := range cores {
		wg.Go(func() { m.Render(fmt.Sprint("holder ", i), 80, "dark") })
	}
	waitFor(t, "every slot taken", func() bool { return int(f.running.Load()) == cores })
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := m.RenderContext(ctx, "unwanted", 80, "dark")
		done <- err
	}()
	time.Sleep(20 * time.Millisecond)
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("a cancelled render returned %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("a cancelled render still waits for a slot")
	}
	close(f.release)
	wg.Wait()
	if n := f.starts("unwanted"); n != 0 {
		t.Errorf("a render cancelled before its turn started %d times", n)
	}
	if _, err := m.RenderContext(ctx, "unwanted", 80, "dark"); !errors.Is(err, context.Canceled) || f.starts("unwanted") != 0 {
		t.Errorf("a render asked with a cancelled context: %v", err)
	}
}

func TestMarkdownCancelledWhileRunningDropsItsResult(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	f := newFake(m)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		out, err := m.RenderContext(ctx, "doc", 80, "dark")
		if out != "" {
			err = fmt.Errorf("output %q", out)
		}
		done <- err
	}()
	waitFor(t, "the render starts", func() bool { return f.starts("doc") == 1 })
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Fatalf("a cancelled render returned %v", err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the caller still waits for a cancelled render")
	}
	close(f.release)
	waitFor(t, "the render ends", func() bool { return f.running.Load() == 0 })
	time.Sleep(10 * time.Millisecond)
	if out, ok := m.Cached("doc", 80, "dark"); ok {
		t.Errorf("a cancelled render's result was kept: %q", out)
	}
}

func TestMarkdownShowsPlainTextWhenRenderingFailsOrGrows(t *testing.T) {
	withProfile(t, termenv.Ascii)
	for _, tc := range []struct {
		name   string
		render func(rendererKey, string) (string, error)
		want   string
	}{
		{"panic", func(rendererKey, string) (string, error) { panic("index out of range") }, "the renderer failed on this text"},
		{"huge output", func(rendererKey, string) (string, error) {
			return strings.Repeat("x", markdownOutputBytes+1), nil
		}, "rendering grew past 32 MB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := NewMarkdown()
			m.render = tc.render
			out, err := m.Render("some *text*", 80, "dark")
			if err != nil || out != "shown as plain text: "+tc.want+"\n\nsome *text*" {
				t.Errorf("got %q, %v", out, err)
			}
		})
	}
	m := NewMarkdown()
	m.render = func(rendererKey, string) (string, error) { return "", errors.New("bad style") }
	if _, err := m.Render("x", 80, "dark"); err == nil || err.Error() != "bad style" {
		t.Errorf("a Glamour error came back as %v", err)
	}
}

// The documents that grew the app past gigabytes: a 205-byte doc of
// nested quotes and a change-request description of 300 '>'. They come
// back plain, with the note, at once, allocating next to nothing.
func TestMarkdownBombsArePlainQuickAndSmall(t *testing.T) {
	withProfile(t, termenv.ANSI256)
	for _, tc := range []struct{ name, src, note string }{
		{"205-byte doc", "# Notes\n\n" + strings.Repeat(">", 182) + " deep thought\n", "nested 182 deep"},
		{"300 '>' description", strings.Repeat(">", 300), "nested 300 deep"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "205-byte doc" && len(tc.src) != 205 {
				t.Fatalf("the doc is %d bytes", len(tc.src))
			}
			m := NewMarkdown()
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			start := time.Now()
			out, err := m.Render(tc.src, 100, "dark")
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			if took > time.Second {
				t.Errorf("took %v", took)
			}
			// Every byte allocated meanwhile, whether freed or not: an
			// upper bound on the heap's peak growth.
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
				t.Errorf("allocated %d KB", alloc>>10)
			}
			first, rest, _ := strings.Cut(out, "\n")
			if first != "\x1b[2mshown as plain text: "+tc.note+sgrReset {
				t.Errorf("first line %q", first)
			}
			if !strings.Contains(rest, strings.Repeat(">", 50)) {
				t.Errorf("the text is not shown as it is:\n%s", rest)
			}
		})
	}
}

// Long runs of emphasis marks and brackets, which took minutes, end well
// within the budget as plain text.
func TestMarkdownMarkRunsArePlainWithinBudget(t *testing.T) {
	withProfile(t, termenv.Ascii)
	for name, src := range map[string]string{
		"stars":           strings.Repeat("*", 100_000),
		"emphasis":        strings.Repeat("*a _b ", 17_000),
		"mixed emphasis":  strings.Repeat("*_", 50_000),
		"brackets":        strings.Repeat("[", 100_000),
		"spaced brackets": strings.Repeat("[a ", 34_000),
		"links":           strings.Repeat("[a](", 25_000),
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			out, err := NewMarkdown().Render(src, 80, "dark")
			if d := time.Since(start); d > MarkdownBudget/3 {
				t.Errorf("took %v", d)
			}
			if err != nil || !strings.HasPrefix(out, "shown as plain text: ") {
				t.Errorf("not plain: %q, %v", out[:min(len(out), 80)], err)
			}
			for i, l := range strings.Split(out, "\n") {
				if len(l) > 80 {
					t.Fatalf("line %d is %d wide at width 80", i, len(l))
				}
			}
		})
	}
}

func TestMarkdownSharesRenderers(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	for i := range 5 {
		if _, err := m.Render(fmt.Sprint("doc ", i), 80, "dark"); err != nil {
			t.Fatal(err)
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.renderers) != 1 || len(m.renderers[rendererKey{80, "dark", termenv.Ascii}]) != 1 {
		t.Errorf("five renders in turn left %v", m.renderers)
	}
}
