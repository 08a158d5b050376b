package raciio

import (
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
	"mopdeck/store/sheet"
)

// Workbook bounds: what a workbook may unpack to, and how much of a
// sheet is read in memory before excelize spills to temporary files
// (kept in a folder removed on the way out).
const (
	maxUnzip    = 64 << 20
	xmlInMemory = 16 << 20
)

// readXLSX reads a matrix from a workbook: the first sheet whose header
// names an activity column or letter columns (a cover sheet is skipped),
// else the first sheet. Cells are read as raw values.
func readXLSX(res *Result, path string) {
	tmp, err := os.MkdirTemp("", "mopdeck-raci-*")
	if err != nil {
		res.refuse(0, "", "", "cannot make a temporary folder to read the workbook (%v): check the free space of %s", err, os.TempDir())
		return
	}
	defer os.RemoveAll(tmp)
	// A damaged workbook may panic inside the reader rather than return
	// an error: it is the file's fault, said as such.
	defer func() {
		if r := recover(); r != nil {
			res.refuse(0, "", "", "this workbook does not read (%v): open it in a spreadsheet and save it again as .xlsx", r)
		}
	}()
	f, err := excelize.OpenFile(path, excelize.Options{UnzipSizeLimit: maxUnzip, UnzipXMLSizeLimit: xmlInMemory, TmpDir: tmp})
	if err != nil {
		res.refuse(0, "", "", "this workbook does not open (%v): open it in a spreadsheet and save it again as .xlsx", err)
		return
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		res.refuse(0, "", "", "this workbook has no sheet")
		return
	}
	var chosen string
	var rows []row
	for _, s := range sheets {
		rs, err := sheetRows(f, s)
		if err != nil {
			res.refuse(0, "", "", "sheet %q does not read (%v): save the workbook again as .xlsx", model.SanitizeLine(s), err)
			return
		}
		if chosen == "" {
			chosen, rows = s, rs
		}
		if hasHeader(rs) {
			chosen, rows = s, rs
			break
		}
	}
	res.SheetName = chosen
	if len(sheets) > 1 {
		res.Notes = append(res.Notes, fmt.Sprintf("read sheet %q of %d", model.SanitizeLine(chosen), len(sheets)))
	}
	if len(rows) > MaxRows {
		res.refuse(0, "", "", "more than %d rows: a RACI matrix is smaller; is it the right file?", MaxRows)
		return
	}
	readTable(res, rows)
}

func sheetRows(f *excelize.File, sheet string) ([]row, error) {
	cells, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	out := make([]row, 0, len(cells))
	for i, c := range cells {
		if len(c) > MaxColumns {
			return nil, fmt.Errorf("row %d has %d columns, more than the %d a matrix may have", i+1, len(c), MaxColumns)
		}
		out = append(out, row{n: i + 1, cells: c})
	}
	return out, nil
}

// hasHeader tells whether a sheet's first rows hold a matrix header.
func hasHeader(rows []row) bool {
	rows = dropBlank(rows)
	for i := 0; i < min(len(rows), headerScan); i++ {
		cols := classify(rows[i].cells)
		if shapeOf(cols) == Transposed {
			return true
		}
		for _, c := range cols {
			if c.kind == colActivity {
				return true
			}
		}
	}
	return false
}

// letterColours are the cells' font colours, as the app's default theme
// draws the letters: A in the accent, R bold, C plain, I faint.
var letterColours = map[model.Role]struct {
	colour string
	bold   bool
}{
	model.Accountable: {"6F42C1", true},
	model.Responsible: {"1F2328", true},
	model.Consulted:   {"1F2328", false},
	model.Informed:    {"6E7781", false},
}

// writeXLSX writes the grid on one sheet, "RACI": the header row and the
// activity and phase columns frozen, each cell coloured after its first
// letter (A/R as A).
func writeXLSX(w io.Writer, g grid) error {
	widths := []float64{40, 20}
	for range max(len(g.header)-2, 0) {
		widths = append(widths, 14)
	}
	s := sheet.Sheet{Name: "RACI", Header: g.header, Widths: widths, Frozen: 2}
	letters := map[model.Role]int{}
	styles := func(f *excelize.File) error {
		for l, c := range letterColours {
			id, err := f.NewStyle(&excelize.Style{
				Font:      &excelize.Font{Bold: c.bold, Color: c.colour},
				Alignment: &excelize.Alignment{Horizontal: "center"},
			})
			if err != nil {
				return err
			}
			letters[l] = id
		}
		return nil
	}
	return sheet.WriteXLSX(w, s, styles, func(add func([]any) error) error {
		for _, r := range g.rows {
			cells := make([]any, 2+len(r.roles))
			cells[0], cells[1] = r.activity, r.phase
			for j, role := range r.roles {
				if role != model.RoleNone {
					cells[2+j] = excelize.Cell{StyleID: letters[role.Letters()[0]], Value: role.String()}
				}
			}
			if err := add(cells); err != nil {
				return err
			}
		}
		return nil
	})
}
