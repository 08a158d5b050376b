package ui_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/ui"
)

// Every pane, at every window size, draws inside the window: no panic, no
// line wider than the window, no more lines than it has — with wide
// characters (CJK, emoji) in the data, where a cell count and a byte or
// rune count disagree.

var windowSizes = [][2]int{{1, 1}, {10, 3}, {20, 5}, {79, 24}, {80, 23}, {80, 24}, {81, 25}, {120, 40}, {300, 100}}

// wideData fills names, titles and docs with double-width characters and
// emoji sequences.
func wideData(d *model.ProjectData) {
	d.Project.Name = "市场营销 🚀 ロールアウト"
	for i := range d.People {
		d.People[i].Name = fmt.Sprintf("山田 太郎 %d 👩‍💻 Zoë", i)
	}
	for i := range d.Changes {
		d.Changes[i].Title = fmt.Sprintf("対応する 🎉🎉 emoji field rename %d with a very long title that goes on and on", i)
	}
	for i := range d.Phases {
		d.Phases[i].Name = fmt.Sprintf("設計フェーズ %d 🇫🇷", i)
	}
	for i := range d.Activities {
		d.Activities[i].Name = fmt.Sprintf("承認 %d ✅ 👍🏽", i)
	}
	for i := range d.Docs {
		d.Docs[i].Title = fmt.Sprintf("文書 %d 📄", i)
		d.Docs[i].Body = "# 見出し 🚀\n\n" + strings.Repeat("長い段落のテキストです。絵文字 👨‍👩‍👧‍👦 も入ります。", 12) +
			"\n\n| 列 | 値 |\n|---|---|\n| 中文 | 🎉 |\n\n```\nコード 🐛 " + strings.Repeat("x", 200) + "\n```\n"
	}
}

// views are the screens reachable from each pane with public keys.
var views = []struct {
	name string
	keys []string // from any pane, with nothing open
	back []string // closes what keys opened
}{
	{"Phases", []string{"1"}, nil},
	{"Change requests", []string{"2"}, nil},
	{"RACI", []string{"3"}, nil},
	{"Docs", []string{"4"}, nil},
	{"help", []string{"2", "?"}, []string{"esc"}},
	{"projects", []string{"p"}, []string{"esc"}},
}

func TestEveryViewFitsEverySize(t *testing.T) {
	m := started(t, 80, 24, wideData)
	for _, v := range views {
		for _, sz := range windowSizes {
			resize(t, m, sz[0], sz[1])
			press(t, m, v.keys...)
			assertFitsAt(t, fmt.Sprintf("%s at %d×%d", v.name, sz[0], sz[1]), m.View(), sz[0], sz[1])
			press(t, m, v.back...)
		}
	}
}

// Keys pressed and data loaded before the terminal has said its size must
// not break anything; the first size then gives a frame that fits.
func TestBeforeTheFirstSize(t *testing.T) {
	m, _ := newApp(t, wideData)
	if v := m.View(); v != "" {
		t.Fatalf("view before anything = %q", v)
	}
	settle(t, m, m.Init())
	for _, k := range []string{"1", "j", "2", "j", "G", "3", "l", "4", "j", "J", "?", "x", "tab", "shift+tab"} {
		press(t, m, k)
		if v := m.View(); v != "" {
			t.Fatalf("view after %q with no size yet = %q, want empty", k, v)
		}
	}
	for _, sz := range [][2]int{{80, 24}, {1, 1}, {300, 100}} {
		resize(t, m, sz[0], sz[1])
		assertFitsAt(t, fmt.Sprintf("first frame at %d×%d", sz[0], sz[1]), m.View(), sz[0], sz[1])
	}
}

// A window dragged by the mouse sends sizes faster than the panes finish
// their work: 100 sizes arrive before any command they start has run, then
// the commands finish in a shuffled order. Every frame on the way, and the
// last, fits the size of its moment.
func TestRapidResizes(t *testing.T) {
	for i, v := range views[:4] {
		t.Run(v.name, func(t *testing.T) {
			m := started(t, 120, 40, wideData)
			press(t, m, v.keys...)
			r := rand.New(rand.NewPCG(uint64(i), 9))
			var pending []tea.Cmd
			w, h := 0, 0
			for range 100 {
				w, h = 1+r.IntN(300), 1+r.IntN(100)
				_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
				pending = append(pending, cmd)
				assertFitsAt(t, fmt.Sprintf("%s during resizes at %d×%d", v.name, w, h), m.View(), w, h)
			}
			// Land between: the layout's own minimum, often.
			w, h = ui.MinWidth+r.IntN(80), ui.MinHeight+r.IntN(30)
			_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
			pending = append(pending, cmd)
			r.Shuffle(len(pending), func(a, b int) { pending[a], pending[b] = pending[b], pending[a] })
			for _, c := range pending {
				settle(t, m, c)
				assertFitsAt(t, fmt.Sprintf("%s as late results arrive at %d×%d", v.name, w, h), m.View(), w, h)
			}
			if strings.Contains(m.View(), "too small") {
				t.Errorf("%s: %d×%d is large enough, yet the view says too small", v.name, w, h)
			}
		})
	}
}

// assertFitsAt is assertFits with the situation named in the failure.
func assertFitsAt(t *testing.T, where, view string, w, h int) {
	t.Helper()
	if view == "" {
		t.Fatalf("%s: an empty screen", where)
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Fatalf("%s: %d lines in a %d×%d window", where, len(lines), w, h)
	}
	assertFits(t, view, w, h)
}
