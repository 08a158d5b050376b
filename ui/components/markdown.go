package components

import (
	"strings"
	"sync"

	"github.com/charmbracelet/glamour"
	"github.com/charmbracelet/lipgloss"

	"mopdeck/model"
)

// Markdown renders markdown with Glamour. Building a renderer is cheap but
// rendering is not, so callers run Render inside a tea.Cmd and cache what
// it returns; Markdown itself keeps one renderer per (width, style), each
// behind its own lock since a Glamour renderer is not meant to be shared by
// goroutines.
type Markdown struct {
	mu        sync.Mutex
	renderers map[rendererKey]*lockedRenderer
}

type rendererKey struct {
	width int
	style string
}

type lockedRenderer struct {
	mu sync.Mutex
	r  *glamour.TermRenderer
}

// NewMarkdown returns an empty renderer pool.
func NewMarkdown() *Markdown {
	return &Markdown{renderers: map[rendererKey]*lockedRenderer{}}
}

// Render sanitises src (raw escapes in a doc become visible placeholders),
// then renders it wrapped to width with the named Glamour style ("dark",
// "light" or "notty"), in the colour profile lipgloss chose, so NO_COLOR
// holds for markdown too. Glamour pads lines to the wrap width; trailing
// blanks are trimmed so widths can be measured.
func (m *Markdown) Render(src string, width int, style string) (string, error) {
	width = max(width, 10)
	lr, err := m.renderer(rendererKey{width: width, style: style})
	if err != nil {
		return "", err
	}
	lr.mu.Lock()
	out, err := lr.r.Render(model.Sanitize(src))
	lr.mu.Unlock()
	if err != nil {
		return "", err
	}
	lines := strings.Split(strings.Trim(out, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n"), nil
}

func (m *Markdown) renderer(k rendererKey) (*lockedRenderer, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if lr, ok := m.renderers[k]; ok {
		return lr, nil
	}
	r, err := glamour.NewTermRenderer(
		glamour.WithStandardStyle(k.style),
		glamour.WithWordWrap(k.width),
		glamour.WithColorProfile(lipgloss.ColorProfile()),
	)
	if err != nil {
		return nil, err
	}
	lr := &lockedRenderer{r: r}
	m.renderers[k] = lr
	return lr, nil
}
