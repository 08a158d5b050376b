package docs

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
)

func TestScrollKeys(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Docs = append(d.Docs, longDoc()) })
	h.selectTitle("Cut-over plan")
	total := len(h.p.pager.lines)
	if total <= h.p.pager.height {
		t.Fatalf("the doc fits on one screen (%d lines), the test needs more", total)
	}
	steps := []struct {
		key  string
		want func(int) bool
	}{
		{"J", func(o int) bool { return o == 1 }},
		{"K", func(o int) bool { return o == 0 }},
		{" ", func(o int) bool { return o == h.p.pager.page() }},
		{"b", func(o int) bool { return o == 0 }},
		{"G", func(o int) bool { return o == total-h.p.pager.height }},
		{"J", func(o int) bool { return o == total-h.p.pager.height }},
		{"g", func(o int) bool { return o == 0 }},
	}
	for i, s := range steps {
		h.press(s.key)
		if !s.want(h.p.pager.offset) {
			t.Fatalf("step %d (%q): offset %d", i, s.key, h.p.pager.offset)
		}
	}
	h.press("G")
	h.mustContain(h.view(), "Finally check the dns records again.", "of "+itoa(total))
}

func TestResizeRewrapsAndKeepsThePlace(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) {
		d.Docs = append(d.Docs, model.Doc{Title: "Wide", Rev: 1, Updated: testNow,
			Body: strings.Repeat("A sentence that is long enough to wrap differently at each window width. ", 200)})
	})
	h.selectTitle("Wide")
	wide := len(h.p.pager.lines)
	h.p.pager.setFraction(0.5)
	h.resize(80, 37)
	narrow := len(h.p.pager.lines)
	if narrow <= wide {
		t.Fatalf("a narrower window did not re-wrap: %d lines, was %d", narrow, wide)
	}
	if f := h.p.pager.fraction(); f < 0.4 || f > 0.6 {
		t.Fatalf("the place in the doc was lost on resize: fraction %.2f", f)
	}
	for i, l := range h.p.pager.lines {
		if w := ansi.StringWidth(l); w > h.p.viewW {
			t.Fatalf("line %d is %d cells wide in a %d-cell view", i, w, h.p.viewW)
		}
	}
	// Back to the first width: served from the cache, no command.
	h.p.SetSize(120, 37)
	if cmd := h.p.Update(teaSize(120, 37)); cmd != nil {
		t.Fatal("a width already rendered asked for a new rendering")
	}
	if len(h.p.pager.lines) != wide {
		t.Fatalf("back at 120 columns: %d lines, want %d", len(h.p.pager.lines), wide)
	}
}

func TestViewFitsEverySize(t *testing.T) {
	h := newHarness(t, func(d *model.ProjectData) { d.Docs = append(d.Docs, longDoc()) })
	h.selectTitle("Cut-over plan")
	for _, sz := range [][2]int{{80, 21}, {100, 27}, {200, 60}, {3, 2}, {1, 1}} {
		h.resize(sz[0], sz[1])
		lines := strings.Split(h.p.View(), "\n")
		if len(lines) > max(sz[1], 1) {
			t.Fatalf("%d lines in a %d×%d pane", len(lines), sz[0], sz[1])
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > sz[0] && sz[0] >= 10 {
				t.Fatalf("line %d is %d cells in a %d×%d pane: %q", i, w, sz[0], sz[1], l)
			}
		}
	}
}

func TestPagerView(t *testing.T) {
	v := pager{height: 3}
	v.setLines([]string{"a", "b", "c", "d", "e"})
	v.scroll(10)
	if got := v.view(3, strings.ToUpper); got != "c\nD\ne" {
		t.Fatalf("bottom view with a mark = %q", got)
	}
	v.scroll(-10)
	if got := v.view(-1, strings.ToUpper); got != "a\nb\nc" {
		t.Fatalf("top view = %q", got)
	}
	v.setLines(nil)
	if got := v.view(0, strings.ToUpper); got != "" || v.offset != 0 {
		t.Fatalf("empty view = %q at %d", got, v.offset)
	}
}
