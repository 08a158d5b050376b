package components

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"mopdeck/themes"
)

// Column is one column of a Table. A Width of 0 makes the column flexible:
// flexible columns share what the fixed ones leave.
type Column struct {
	Title string
	Width int
	// Optional columns are dropped, rightmost first, when the flexible
	// columns would otherwise get less than MinFlexWidth cells.
	Optional bool
}

// MinFlexWidth is the least a flexible column (a title) should get.
const MinFlexWidth = 24

// Table is a virtualised table: it keeps rows as cell text and draws only
// the rows in view, so its View costs the same for 20 rows or 100,000.
type Table struct {
	Columns []Column
	Cursor  Cursor
	styles  *themes.Styles
	rows    [][]string
	// RowStyle, when set, styles a whole row (e.g. by quadrant).
	RowStyle func(i int) *lipgloss.Style
	width    int
	widths   []int
}

// NewTable returns an empty table.
func NewTable(st *themes.Styles, cols []Column) Table {
	return Table{Columns: cols, styles: st}
}

// SetRows replaces the rows; the cursor stays at its index, clamped.
func (t *Table) SetRows(rows [][]string) {
	t.rows = rows
	t.Cursor.N = len(rows)
	t.Cursor.Clamp()
}

// Len is the number of rows.
func (t *Table) Len() int { return len(t.rows) }

// tableHeadLines is the line of column titles above the rows.
const tableHeadLines = 1

// SetSize sets the outer size; one line goes to the header.
func (t *Table) SetSize(w, h int) {
	t.width = w
	t.Cursor.Height = max(h-tableHeadLines, 0)
	t.Cursor.Clamp()
	// With marks, each row starts with its two-cell selection mark.
	t.widths = columnWidths(t.Columns, w-t.styles.RowMarkWidth())
}

// columnWidths shares w among the columns; a dropped column gets width 0
// and is not drawn.
func columnWidths(cols []Column, w int) []int {
	widths := make([]int, len(cols))
	fixed, flex := 0, 0
	for i, c := range cols {
		if c.Width == 0 {
			flex++
			continue
		}
		widths[i] = c.Width
		fixed += c.Width + 1
	}
	for i := len(cols) - 1; i >= 0 && flex > 0 && w-fixed < flex*MinFlexWidth; i-- {
		if cols[i].Optional && widths[i] > 0 {
			fixed -= widths[i] + 1
			widths[i] = 0
		}
	}
	if flex > 0 {
		rest := max(w-fixed-(flex-1), flex)
		for i, c := range cols {
			if c.Width == 0 {
				widths[i] = rest / flex
			}
		}
	}
	return widths
}

func (t *Table) line(cells []string) string {
	var b strings.Builder
	for i, w := range t.widths {
		if w == 0 {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		b.WriteString(Cell(c, w))
	}
	return b.String()
}

// View draws the header and the rows in view.
func (t *Table) View() string {
	if t.width <= 0 {
		return ""
	}
	titles := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		titles[i] = c.Title
	}
	out := make([]string, 0, t.Cursor.Height+1)
	st := t.styles
	out = append(out, st.Header.Render(Fit(st.RowMark(false)+t.line(titles), t.width)))
	from, to := t.Cursor.Visible()
	for i := from; i < to; i++ {
		l := Fit(st.RowMark(i == t.Cursor.Pos)+t.line(t.rows[i]), t.width)
		switch {
		case i == t.Cursor.Pos:
			l = st.Selected.Render(l)
		case t.RowStyle != nil:
			if st := t.RowStyle(i); st != nil {
				l = st.Render(l)
			}
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// RowAt is the row drawn on line y of the table's view (0 is the header),
// or -1 when y shows no row.
func (t *Table) RowAt(y int) int {
	return t.Cursor.At(y - tableHeadLines)
}
