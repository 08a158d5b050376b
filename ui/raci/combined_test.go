package raci

import (
	"strings"
	"testing"

	"mopdeck/model"
)

// Two letters typed on one cell before the first write reported back
// both land, whichever command runs first: the store toggles each on the
// cell as stored. The cell then reads A/R and the row, whose A also does
// the work, breaks no rule.
func TestTwoQuickLettersBothLandInOneCell(t *testing.T) {
	for _, laterFirst := range []bool{false, true} {
		d := smallProject()
		// Design document: Ana A, Bo R. Take Bo's R away: the row has no R.
		d.Cells = append(d.Cells[:1], d.Cells[2:]...)
		hs := newHarness(t, d, 100, 20)
		if v := hs.view(); !strings.Contains(v, "no R") {
			t.Fatalf("the row without an R is not flagged:\n%s", v)
		}
		hs.goTo("Design document", "Cy")
		first, second := hs.send("a"), hs.send("r")
		if laterFirst {
			first, second = second, first
		}
		hs.run(first)
		hs.run(second)
		hs.goTo("Design document", "Ana")
		hs.press("a") // Ana's A off: Cy's A/R is the row's only A
		if got := hs.roleOf("Design document", "Cy"); got != model.Accountable|model.Responsible {
			t.Fatalf("stored %q, want A/R (later key's command first: %v)", got, laterFirst)
		}
		hs.goTo("Design document", "Cy")
		if got := hs.cursorRole(); got != model.Accountable|model.Responsible {
			t.Fatalf("the grid shows %q, want A/R", got)
		}
		v := hs.view()
		line := lineWith(v, "Design document")
		if !strings.Contains(line, "A/R") || !strings.Contains(line, "✓") || strings.Contains(line, "no R") {
			t.Fatalf("row shows %q, want A/R and a tick:\n%s", line, v)
		}
		if !strings.Contains(v, "Accountable and Responsible") {
			t.Fatalf("the detail line does not spell out A/R:\n%s", v)
		}
	}
}

// The A count over each column counts an A/R cell as an A.
func TestCombinedCellCountsAsAnA(t *testing.T) {
	d := smallProject()
	d.Cells = []model.Assignment{{ActivityID: 1, PersonID: 3, Role: model.Accountable | model.Responsible}}
	hs := newHarness(t, d, 100, 20)
	if got := hs.pane.grid.accountables[2]; got != 1 {
		t.Fatalf("Cy's A count = %d, want 1", got)
	}
	hs.goTo("Design document", "Cy")
	hs.press("a")
	if got := hs.pane.grid.accountables[2]; got != 0 {
		t.Fatalf("Cy's A count after a = %d, want 0", got)
	}
	if got := hs.cursorRole(); got != model.Responsible {
		t.Fatalf("cell after a = %q, want R", got)
	}
	hs.press("a")
	if got := hs.pane.grid.accountables[2]; got != 1 || hs.cursorRole() != model.Accountable|model.Responsible {
		t.Fatalf("after a again: cell %q, A count %d; want A/R and 1", hs.cursorRole(), got)
	}
}

func lineWith(view, s string) string {
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
