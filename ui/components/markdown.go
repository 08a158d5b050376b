package components

import (
	"context"
	"fmt"
	"hash/fnv"
	"runtime"
	"sync"
	"time"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/glamour/ansi"
	"github.com/charmbracelet/glamour/styles"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/model"
)

// Markdown renders markdown with Glamour for every pane that shows it (docs,
// phase goals, change-request descriptions). Rendering is slow, so callers
// run Render inside a tea.Cmd; Markdown shares renderers per (width, style,
// colour profile) and caches what it rendered so that Cached can answer
// inside Update.
//
// Every render is bounded. Texts whose shape makes Glamour blow up
// (markdownShape) are shown plain without trying. The others get a slot —
// never more running than there are cores — and a time and output budget,
// past which the caller gets plain text. Glamour cannot be stopped, so a
// render past its budget runs on in its goroutine holding its slot, and
// its result is dropped: the slots are what keeps such renders from
// piling up. A caller that stops waiting cancels its context; a render not
// yet started then never starts.
type Markdown struct {
	mu        sync.Mutex
	renderers map[rendererKey][]*glamour.TermRenderer // idle ones
	cache     map[outputKey]string
	order     []outputKey // oldest first, for eviction
	cached    int         // bytes held by cache

	slots  chan struct{} // one per render running, abandoned ones included
	budget time.Duration
	// profile is the colour profile rendered in: the terminal's the
	// output goes to, which in team mode is each session's own.
	profile termenv.Profile
	// render runs Glamour; tests replace it to hold and count renders.
	render func(k rendererKey, src string) (string, error)
}

// MarkdownPlainFrom is the source size from which Render skips Glamour and
// shows the text wrapped but unformatted: Glamour needs about a second per
// megabyte and a steady window matters more than headings in a dump.
const MarkdownPlainFrom = 512 << 10

// MarkdownBudget is the time a render may take, waiting for a slot
// included, before plain text is shown instead: six times what the
// largest document rendered in full takes.
const MarkdownBudget = 3 * time.Second

const (
	// markdownCacheBytes bounds the rendered output kept by one Markdown.
	markdownCacheBytes = 64 << 20
	// markdownOutputBytes bounds Glamour's output, padding included: a
	// real document of MarkdownPlainFrom bytes renders to a few megabytes,
	// and cleaning more would itself take a second.
	markdownOutputBytes = 32 << 20
	// markdownWidths bounds the widths (and styles) that keep renderers.
	markdownWidths = 64
)

type rendererKey struct {
	width   int
	style   string
	profile termenv.Profile
}

type outputKey struct {
	rendererKey
	sum uint64
	n   int
}

// NewMarkdown returns an empty renderer pool with one slot per core.
func NewMarkdown() *Markdown { return NewMarkdownIn(lipgloss.ColorProfile()) }

// NewMarkdownIn is NewMarkdown rendering in a given colour profile.
func NewMarkdownIn(profile termenv.Profile) *Markdown {
	m := &Markdown{
		profile:   profile,
		renderers: map[rendererKey][]*glamour.TermRenderer{},
		cache:     map[outputKey]string{},
		slots:     make(chan struct{}, runtime.GOMAXPROCS(0)),
		budget:    MarkdownBudget,
	}
	m.render = m.glamour
	return m
}

// Render renders src wrapped to width with the named Glamour style
// ("dark", "light" or "notty") in the Markdown's colour profile, so
// NO_COLOR holds for markdown too. It is safe on hostile text: escape
// sequences and control characters in src, raw or written as HTML
// entities, show as inert placeholders; HTML tags are dropped, their text
// kept; the output keeps only Glamour's own colour sequences (none at all
// without colour). Trailing padding is trimmed so widths can be measured.
// Sources of MarkdownPlainFrom bytes or more come back wrapped,
// unformatted; so do sources too costly to render and renders past the
// budget, under a line that says why ("shown as plain text: nested 300
// deep").
func (m *Markdown) Render(src string, width int, style string) (string, error) {
	return m.RenderContext(context.Background(), src, width, style)
}

// RenderContext is Render for a caller that may stop waiting: once ctx is
// done it returns ctx's error, at once, whether the render was waiting for
// a slot (it then never starts) or running (its result is then dropped).
func (m *Markdown) RenderContext(ctx context.Context, src string, width int, style string) (string, error) {
	k := m.key(src, width, style)
	if out, ok := m.lookup(k); ok {
		return out, nil
	}
	if err := ctx.Err(); err != nil {
		return "", err
	}
	if len(src) >= MarkdownPlainFrom {
		out := plainWrap(src, k.width)
		m.store(k, out)
		return out, nil
	}
	clean := neutraliseEntities(model.Sanitize(src))
	if why := markdownShape(clean, k.width); why != "" {
		out := plainNote(src, k, why)
		m.store(k, out)
		return out, nil
	}
	return m.budgeted(ctx, k, src, clean)
}

// budgeted runs the render in a slot and waits for it within the budget.
func (m *Markdown) budgeted(ctx context.Context, k outputKey, src, clean string) (string, error) {
	timer := time.NewTimer(m.budget)
	defer timer.Stop()
	select {
	case m.slots <- struct{}{}:
	case <-ctx.Done():
		return "", ctx.Err()
	case <-timer.C:
		// Renders of other texts hold every slot: not this text's fault,
		// so this answer is not cached.
		return plainNote(src, k, "the renderer is busy"), nil
	}
	if err := ctx.Err(); err != nil {
		<-m.slots
		return "", err
	}
	started := time.Now()
	done := make(chan rendered, 1) // the render never blocks on a caller gone
	go func() {
		defer func() { <-m.slots }()
		done <- m.run(k.rendererKey, clean)
	}()
	select {
	case r := <-done:
		return m.finish(k, src, r)
	case <-ctx.Done():
		return "", ctx.Err()
	case <-timer.C:
		if time.Since(started) < m.budget/2 {
			// Most of the budget went waiting for a slot.
			return plainNote(src, k, "the renderer is busy"), nil
		}
		out := plainNote(src, k, fmt.Sprintf("rendering took over %v", m.budget))
		m.store(k, out) // the next try would take as long
		return out, nil
	}
}

type rendered struct {
	out    string
	err    error
	failed any // what Glamour panicked with
}

// run calls Glamour on text from a user. Glamour reads that text, so a
// panic in it is a fault of the text's shape: the text is then shown
// plain, and the program goes on.
func (m *Markdown) run(k rendererKey, src string) (r rendered) {
	defer func() {
		if p := recover(); p != nil {
			r = rendered{failed: p}
		}
	}()
	out, err := m.render(k, src)
	return rendered{out: out, err: err}
}

func (m *Markdown) finish(k outputKey, src string, r rendered) (string, error) {
	var out string
	switch {
	case r.failed != nil:
		out = plainNote(src, k, "the renderer failed on this text")
	case r.err != nil:
		return "", r.err
	case len(r.out) > markdownOutputBytes:
		out = plainNote(src, k, fmt.Sprintf("rendering grew past %d MB", markdownOutputBytes>>20))
	default:
		out = CleanRendered(r.out, k.profile != termenv.Ascii)
	}
	m.store(k, out)
	return out, nil
}

// Cached returns what Render would return if it has already rendered src
// at this width and style; cheap enough for Update (a hash of src).
func (m *Markdown) Cached(src string, width int, style string) (string, bool) {
	return m.lookup(m.key(src, width, style))
}

func (m *Markdown) key(src string, width int, style string) outputKey {
	h := fnv.New64a()
	h.Write([]byte(src))
	return outputKey{
		rendererKey: rendererKey{width: max(width, 10), style: style, profile: m.profile},
		sum:         h.Sum64(),
		n:           len(src),
	}
}

func (m *Markdown) lookup(k outputKey) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	out, ok := m.cache[k]
	return out, ok
}

func (m *Markdown) store(k outputKey, out string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.cache[k]; ok || len(out) > markdownCacheBytes {
		return
	}
	for m.cached+len(out) > markdownCacheBytes && len(m.order) > 0 {
		old := m.order[0]
		m.order = m.order[1:]
		m.cached -= len(m.cache[old])
		delete(m.cache, old)
	}
	m.cache[k] = out
	m.order = append(m.order, k)
	m.cached += len(out)
}

// glamour renders with an idle renderer for k, or a new one: a Glamour
// renderer is not meant to be shared by goroutines, and building one costs
// about 40 µs against milliseconds for a render. At most one renderer per
// slot is in use for a key, so the idle ones stay as few.
func (m *Markdown) glamour(k rendererKey, src string) (string, error) {
	r, err := m.takeRenderer(k)
	if err != nil {
		return "", err
	}
	out, err := r.Render(src)
	m.putRenderer(k, r) // not reached after a panic: that renderer is dropped
	return out, err
}

func (m *Markdown) takeRenderer(k rendererKey) (*glamour.TermRenderer, error) {
	m.mu.Lock()
	if idle := m.renderers[k]; len(idle) > 0 {
		r := idle[len(idle)-1]
		m.renderers[k] = idle[:len(idle)-1]
		m.mu.Unlock()
		return r, nil
	}
	m.mu.Unlock()
	return glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(k.style)),
		glamour.WithWordWrap(k.width),
		glamour.WithColorProfile(k.profile),
	)
}

func (m *Markdown) putRenderer(k rendererKey, r *glamour.TermRenderer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.renderers[k]; !ok && len(m.renderers) >= markdownWidths {
		clear(m.renderers) // a window dragged through many widths
	}
	m.renderers[k] = append(m.renderers[k], r)
}

// glamourStyle is the named standard style with the document's own text
// colour removed: the terminal's foreground reads as well, and Glamour then
// pads lines with plain spaces instead of one coloured sequence per space,
// which makes rendering two to three times faster and the output far
// smaller. Unknown names fall back to the plain style.
func glamourStyle(name string) ansi.StyleConfig {
	base, ok := styles.DefaultStyles[name]
	if !ok {
		base = &styles.NoTTYStyleConfig
	}
	cfg := *base
	cfg.Document.Color = nil
	cfg.Document.BackgroundColor = nil
	return cfg
}
