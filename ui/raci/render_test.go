package raci

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/themes"
)

// TestOnlyTheWindowIsDrawn scrolls a 200 × 60 matrix both ways and checks
// that the frame holds the rows and people in view and nothing else.
func TestOnlyTheWindowIsDrawn(t *testing.T) {
	d := bigProject(200, 60)
	hs := newHarness(t, d, 200, 50)
	v := hs.view()
	lines := strings.Split(v, "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines at height 50", len(lines))
	}
	if !strings.Contains(lines[1], "P01 Name") || !strings.Contains(lines[1], "P15 Name") || strings.Contains(lines[1], "P16 Name") {
		t.Fatalf("first frame should show the first 15 people only:\n%s", lines[1])
	}
	if strings.Contains(v, "Activity 200") {
		t.Fatal("the last row is drawn in the first frame")
	}
	hs.press("$", "G")
	v = hs.view()
	lines = strings.Split(v, "\n")
	if !strings.Contains(lines[1], "P60 Name") || !strings.Contains(lines[1], "P46 Name") || strings.Contains(lines[1], "P45 Name") {
		t.Fatalf("after $ the last 15 people should show:\n%s", lines[1])
	}
	last := model.ActivitiesInOrder(hs.data())[199].Name
	if !strings.Contains(v, last[:12]) {
		t.Fatalf("after G the last row %q is not in view:\n%s", last, v)
	}
	// Sticky headers: the titles and the summary stay on top.
	if !strings.HasPrefix(lines[0], "200 activities · 60 people") || !strings.Contains(strings.Split(v, "\n")[1], "Activity") {
		t.Fatalf("headers are not kept on top:\n%s", v)
	}
	for i, l := range strings.Split(v, "\n") {
		if w := ansi.StringWidth(l); w > 200 {
			t.Fatalf("line %d is %d cells wide", i, w)
		}
	}
	// The cursor cell is in view after paging right and down.
	hs.press("0", "g", "]", "pgdown")
	c, _ := hs.pane.cursorPerson()
	from, to := hs.pane.colCur.Visible()
	if c < from || c >= to || c == 0 {
		t.Fatalf("column %d outside the window %d–%d", c, from, to)
	}
	if r := hs.pane.rowCur.Pos; r == 1 || r < hs.pane.rowCur.Offset || r >= hs.pane.rowCur.Offset+hs.pane.rowCur.Height {
		t.Fatalf("row %d outside the window", r)
	}
}

// TestMixedWidthNamesStayAligned puts accented, CJK, emoji, very long and
// hostile names in the header and rows: every column starts at the same
// cell on every line, long names end in an ellipsis, escapes are inert.
func TestMixedWidthNamesStayAligned(t *testing.T) {
	d := smallProject()
	d.People[0].Name = "山田 太郎"
	d.People[0].Team = "漢字チーム"
	d.People[1].Name = "Zoë 🎉 Émile"
	d.People[2].Name = "Eve\x1b[31m\x9b Red"
	d.People = append(d.People, model.Person{ID: 4, Name: "Bartholomew Maximilian Featherstonehaugh", Team: "IT"})
	d.Activities[0].Name = "設計ドキュメント 🎉 review with a very long tail that must be cut"
	d.Activities[1].Name = "Révision\x1b]52;c;ZXZpbA==\x07 du design"
	hs := newHarness(t, d, 100, 20)
	raw := hs.pane.View()
	for _, bad := range []string{"\x1b]", "\x07", "\x1b[31m", "\u009b"} {
		if strings.Contains(ansi.Strip(raw), bad) {
			t.Fatalf("%q reached the screen raw", bad)
		}
	}
	v := hs.view()
	lines := strings.Split(v, "\n")
	if !strings.Contains(v, "…") || !strings.Contains(v, "Barthol") || strings.Contains(v, "Featherstonehaugh") {
		t.Fatalf("the long name is not cut with an ellipsis:\n%s", v)
	}
	left := hs.pane.lay.nameW + markWidth
	// Header, teams, counts and every activity row: column k starts at
	// left + k×cellWidth cells.
	for i, l := range lines[1:] {
		if strings.HasPrefix(strings.TrimSpace(l), "▾") || strings.TrimSpace(l) == "" || i >= len(lines)-2 {
			continue
		}
		if w := ansi.StringWidth(l); w != left+4*cellWidth {
			t.Errorf("line %d is %d cells wide, want %d: %q", i+1, w, left+4*cellWidth, l)
		}
		nameW := hs.pane.lay.nameW
		if ansi.Cut(l, nameW-1, nameW) != " " {
			t.Errorf("line %d: the activity column does not end in a space: %q", i+1, l)
		}
		for k := range 4 {
			at := left + k*cellWidth
			// Without colour the pointer takes the blank before the name
			// of the person under the cursor.
			pointer := i == 0 && k == hs.pane.colCur.Pos && ansi.Cut(l, at-1, at) == themes.Pointer
			if at > 0 && ansi.Cut(l, at-1, at) != " " && !pointer {
				t.Errorf("line %d: the cell before column %d is %q, want a space: %q", i+1, k, ansi.Cut(l, at-1, at), l)
			}
		}
	}
	if !strings.Contains(v, "山田 太郎") || !strings.Contains(v, "Zoë 🎉 É…") {
		t.Fatalf("wide names are not drawn:\n%s", v)
	}
}

func TestSmallSizesNeverPanic(t *testing.T) {
	hs := newHarness(t, bigProject(30, 12), 100, 30)
	for _, sz := range [][2]int{{0, 0}, {1, 1}, {10, 3}, {30, 5}, {80, 21}} {
		hs.pane.SetSize(sz[0], sz[1])
		_ = hs.pane.View()
		hs.press("j", "l", "M")
		_ = hs.pane.View()
		hs.press("M")
	}
}

// An empty cell's dot stands in the column its letters would: "·" is one
// cell wide, though two bytes long.
func TestEmptyCellLinesUpWithLetters(t *testing.T) {
	for _, mono := range []bool{false, true} {
		p := themes.Default()
		if mono {
			p = themes.Mono()
		}
		st := themes.NewStyles(p, true)
		at := func(role model.Role) int {
			text := []rune(ansi.Strip(cellText(st, 0, role)))
			return slices.IndexFunc(text, func(r rune) bool { return r != ' ' })
		}
		if dot, r := at(model.RoleNone), at(model.Responsible); dot != r {
			t.Errorf("mono %v: the dot is in column %d, R in column %d", mono, dot, r)
		}
	}
}
