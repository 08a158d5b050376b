package ui_test

import (
	"path/filepath"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

// BenchmarkOpenSample measures what a user waits for at start-up: open the
// store, load the sample project, lay out the window and draw the first
// frame.
func BenchmarkOpenSample(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bench.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	d, err := s.CreateProject(model.SampleProject(now), "bench")
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	styles := themes.NewStyles(themes.Default(), true)
	b.ResetTimer()
	for range b.N {
		s, err := store.Open(path, store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		ctx := &common.Context{Store: s, Styles: styles, Now: func() time.Time { return now }}
		m := ui.New(ctx, d.Project.ID)
		settle(b, m, m.Init())
		_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		settle(b, m, cmd)
		if m.View() == "" {
			b.Fatal("empty first frame")
		}
		s.Close()
	}
}
