package ui_test

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"mopdeck/model"
	"mopdeck/ui/components"
)

// docs50KB is a realistic 50 KB doc: the sample project's docs (headings,
// lists, tables) one after another until the size is reached.
func docs50KB() string {
	d := model.SampleProject(now)
	var b strings.Builder
	for b.Len() < 50<<10 {
		for _, doc := range d.Docs {
			b.WriteString(doc.Body + "\n\n")
		}
	}
	return b.String()
}

// docsBig adds two 50 KB docs at the end of the list.
func docsBig(d *model.ProjectData) {
	body := docs50KB()
	d.Docs = append(d.Docs,
		model.Doc{Title: "Big one", Body: body, Rev: 1, Updated: now},
		model.Doc{Title: "Big two", Body: "# Second\n\n" + body, Rev: 1, Updated: now})
}

// docsColour renders with colour for the benchmark's length, as in a real
// terminal (the tests run without).
func docsColour(b *testing.B) {
	old := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(termenv.ANSI256)
	b.Cleanup(func() { lipgloss.SetColorProfile(old) })
}

// BenchmarkDocsRender50KB is a first rendering of a 50 KB doc at 100
// columns with the dark style (want < 100 ms).
func BenchmarkDocsRender50KB(b *testing.B) {
	docsColour(b)
	src := docs50KB()
	for b.Loop() {
		if _, err := components.NewMarkdown().Render(src, 100, "dark"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDocsScrollKeystroke is one scroll key in a rendered 50 KB doc
// and the frame drawn after it (want < 2 ms).
func BenchmarkDocsScrollKeystroke(b *testing.B) {
	docsColour(b)
	m := started(b, 160, 50, docsBig)
	press(b, m, "4", "j", "j", "j", "j", "j", "j")
	keys := []string{"J", "J", " ", "K", "K", "b"}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		m.Update(key(keys[i%len(keys)]))
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		i++
	}
}

// BenchmarkDocsSwitchCached moves between two rendered 50 KB docs and
// draws the frame (want < 2 ms).
func BenchmarkDocsSwitchCached(b *testing.B) {
	docsColour(b)
	m := started(b, 160, 50, docsBig)
	press(b, m, "4", "j", "j", "j", "j", "j", "j", "j", "k")
	keys := []string{"j", "k"}
	b.ResetTimer()
	i := 0
	for b.Loop() {
		_, cmd := m.Update(key(keys[i%2]))
		if cmd != nil {
			b.Fatal("switching to a rendered doc asked for a new rendering")
		}
		if m.View() == "" {
			b.Fatal("empty frame")
		}
		i++
	}
}
