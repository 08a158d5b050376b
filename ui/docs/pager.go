package docs

import "strings"

// pager shows a window of pre-rendered lines. It does what a viewport does
// for a read-only doc, with no per-frame work beyond joining the visible
// lines: the lines are split off the Update path, where the rendering is
// made, so a huge doc costs nothing when it arrives or scrolls.
type pager struct {
	lines  []string
	offset int
	height int
}

func (v *pager) setLines(lines []string) {
	v.lines = lines
	v.clamp()
}

func (v *pager) setHeight(h int) {
	v.height = max(h, 0)
	v.clamp()
}

func (v *pager) maxOffset() int { return max(len(v.lines)-v.height, 0) }

func (v *pager) clamp() { v.offset = min(max(v.offset, 0), v.maxOffset()) }

func (v *pager) scroll(n int) {
	v.offset += n
	v.clamp()
}

func (v *pager) page() int { return max(v.height-1, 1) }

func (v *pager) goTop() { v.offset = 0 }

func (v *pager) goBottom() { v.offset = v.maxOffset() }

// fraction is how far down the doc the window starts, 0 to 1, so that a
// re-wrapped doc can reopen at the same place.
func (v *pager) fraction() float64 {
	if len(v.lines) == 0 {
		return 0
	}
	return float64(v.offset) / float64(len(v.lines))
}

func (v *pager) setFraction(f float64) {
	v.offset = int(f * float64(len(v.lines)))
	v.clamp()
}

// visible returns the half-open range of lines on screen.
func (v *pager) visible() (from, to int) {
	return v.offset, min(v.offset+v.height, len(v.lines))
}

// view joins the visible lines; mark, if in range, is drawn by hi.
func (v *pager) view(mark int, hi func(string) string) string {
	from, to := v.visible()
	if mark < from || mark >= to {
		return strings.Join(v.lines[from:to], "\n")
	}
	out := make([]string, 0, to-from)
	out = append(out, v.lines[from:mark]...)
	out = append(out, hi(v.lines[mark]))
	out = append(out, v.lines[mark+1:to]...)
	return strings.Join(out, "\n")
}
