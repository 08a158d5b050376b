package components

import (
	"testing"

	"mopdeck/themes"
)

// widthCols is a change-request-like table: a flexible title, fixed
// columns, a growing assignee and droppable columns.
var widthCols = []Column{
	{Title: "ID", Width: 7},
	{Title: "Title", Min: 30},
	{Title: "Status", Width: 16},
	{Title: "Imp", Width: 3, Drop: 2},
	{Title: "Assignee", Width: 8, Grow: true, Max: 32, Drop: 1},
	{Title: "Age", Width: 4, Drop: 3},
}

func total(ws []int) int {
	n, cols := 0, 0
	for _, w := range ws {
		if w > 0 {
			n += w
			cols++
		}
	}
	return n + cols - 1
}

// TestColumnsTakeTheWidthAvailable: a growing column gets its widest cell
// when there is room, the title takes the rest, the line fills the width
// exactly, and a narrow width drops columns by Drop before the title goes
// under its Min.
func TestColumnsTakeTheWidthAvailable(t *testing.T) {
	content := []int{0, 0, 0, 0, len("Nicolas Laurent-Delacroix"), 0}
	wide := columnWidths(widthCols, content, 200)
	if wide[4] != len("Nicolas Laurent-Delacroix") {
		t.Errorf("at 200 the assignee gets %d cells, want its content (%d): %v", wide[4], content[4], wide)
	}
	if total(wide) != 200 || wide[1] < 100 {
		t.Errorf("at 200 the title does not take the rest: %v (total %d)", wide, total(wide))
	}
	capped := columnWidths(widthCols, []int{0, 0, 0, 0, 90, 0}, 200)
	if capped[4] != 32 {
		t.Errorf("a growing column passes its Max: %v", capped)
	}

	narrow := columnWidths(widthCols, content, 78)
	if narrow[1] < 30 || total(narrow) != 78 {
		t.Errorf("at 78 the title gets %d cells (want ≥ 30), total %d: %v", narrow[1], total(narrow), narrow)
	}
	// Age (Drop 3) and Imp (Drop 2) go before the assignee (Drop 1).
	if dropped := columnWidths(widthCols, content, 66); dropped[5] != 0 || dropped[3] != 0 || dropped[4] == 0 || dropped[1] < 30 {
		t.Errorf("at 66 the wrong columns were dropped: %v", dropped)
	}
	// The growing column first shrinks to its Width before anything
	// else is lost.
	mid := columnWidths(widthCols, content, 7+1+30+1+16+1+3+1+8+1+4)
	if mid[4] != 8 || mid[1] != 30 || mid[5] != 4 {
		t.Errorf("the assignee should give up its growth before columns are dropped: %v", mid)
	}
	for _, w := range []int{0, 1, 10, 40} {
		_ = columnWidths(widthCols, content, w) // no panic
	}
}

func TestTableMeasuresGrowingColumnsFromItsRows(t *testing.T) {
	tb := NewTable(themes.NewStyles(themes.Default(), true), widthCols)
	tb.SetSize(202, 10) // 200 after the row mark
	tb.SetRows([][]string{{"CR-1", "A", "new", "3", "Nicolas Laurent-Delacroix", "2d"}, {"CR-2", "B", "new", "", "Zoë Ødegård", "1d"}})
	if tb.widths[4] != len("Nicolas Laurent-Delacroix") {
		t.Fatalf("assignee width %d: %v", tb.widths[4], tb.widths)
	}
	tb.SetRows([][]string{{"CR-2", "B", "new", "", "Zoë Ødegård", "1d"}})
	if tb.widths[4] != 11 { // "Zoë Ødegård": 11 cells, 13 bytes
		t.Fatalf("after new rows the assignee width is %d: %v", tb.widths[4], tb.widths)
	}
}

func TestTheSortedColumnIsMarked(t *testing.T) {
	for _, c := range []struct {
		title string
		w     int
		desc  bool
		want  string
	}{
		{"Title", 20, false, "Title ▲"},
		{"Title", 20, true, "Title ▼"},
		{"Imp", 3, false, "I ▲"},
		{"Age", 1, true, "▼"},
	} {
		if got := markSorted(c.title, c.w, c.desc); got != c.want {
			t.Errorf("markSorted(%q, %d, %v) = %q, want %q", c.title, c.w, c.desc, got, c.want)
		}
	}
}

// UpdateRows widens a growing column to the rows that changed, without
// measuring the others again.
func TestUpdateRowsWidensToTheChangedRows(t *testing.T) {
	tb := NewTable(themes.NewStyles(themes.Default(), true), widthCols)
	tb.SetSize(202, 10)
	rows := [][]string{{"CR-1", "A", "new", "3", "Sam", "2d"}, {"CR-2", "B", "new", "", "Zoë", "1d"}}
	tb.SetRows(rows)
	before := tb.widths[4]
	longer := []string{"CR-2", "B", "new", "", "Nicolas Laurent-Delacroix", "1d"}
	rows[1] = longer
	tb.UpdateRows(rows, longer)
	if tb.widths[4] != len("Nicolas Laurent-Delacroix") || tb.widths[4] <= before {
		t.Fatalf("assignee width %d after the update (was %d): %v", tb.widths[4], before, tb.widths)
	}
}

// A column dropped to make room comes back when a later drop left room
// for it: at 61 cells dropping Age then Imp is not enough, the assignee
// goes too, and that leaves room for Imp (3 cells) but not Age.
func TestADroppedColumnComesBackWhenItFits(t *testing.T) {
	ws := columnWidths(widthCols, nil, 7+1+30+1+16+1+3)
	if ws[3] != 3 || ws[4] != 0 || ws[5] != 0 || ws[1] != 30 {
		t.Fatalf("widths %v: want Imp back, Assignee and Age dropped, the title at 30", ws)
	}
	if total(ws) != 7+1+30+1+16+1+3 {
		t.Fatalf("the line is %d wide: %v", total(ws), ws)
	}
}
