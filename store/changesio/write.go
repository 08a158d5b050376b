package changesio

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
	"mopdeck/store/atomicfile"
)

// Export says what an export needs beside the change requests.
type Export struct {
	// Project names the project in JSON exports.
	Project string
	// Phases name the "raised in" column.
	Phases []model.Phase
}

func (x Export) phaseNames() map[uint64]string {
	m := make(map[uint64]string, len(x.Phases))
	for _, p := range x.Phases {
		m[p.ID] = p.Name
	}
	return m
}

// Write writes change requests in a format.
func Write(w io.Writer, format Format, crs []model.ChangeRequest, x Export) error {
	switch format {
	case CSV:
		return WriteCSV(w, crs, x)
	case XLSX:
		return WriteXLSX(w, crs, x)
	case JSON:
		return WriteJSON(w, crs, x)
	}
	return fmt.Errorf("unknown format %q: use csv, xlsx or json", format)
}

// WriteFile writes an export atomically: a reader of path sees the old
// file or the whole new one.
func WriteFile(path string, format Format, crs []model.ChangeRequest, x Export) error {
	return atomicfile.Write(path, 0o644, func(w io.Writer) error {
		return Write(w, format, crs, x)
	})
}

// record is one change request as the cells of a table row, in the order
// of exportHeaders. Numbers stay numbers for XLSX; the creation time is
// text here, and an Excel date in a workbook (see xlsxCreated).
func record(c model.ChangeRequest, names map[uint64]string) [15]any {
	var impact, estimate any
	if c.Impact != 0 {
		impact = c.Impact
	}
	if c.EstimateHrs != 0 {
		estimate = c.EstimateHrs
	}
	decision := ""
	if c.Decision != model.DecisionUndecided {
		decision = c.Decision.String()
	}
	return [15]any{
		c.Ref(), c.Title, c.Description, c.RaisedBy, names[c.RaisedIn], createdText(c.CreatedAt),
		c.AreaLabel(), impact, c.Complexity.String(), estimate, decision, c.Status.String(), c.Assignee,
		c.SourceKey, model.QuadrantOf(c).String(),
	}
}

// WriteCSV writes a header row and one row per change request, comma
// separated, UTF-8, cells that a spreadsheet would run escaped.
func WriteCSV(w io.Writer, crs []model.ChangeRequest, x Export) error {
	cw := csv.NewWriter(w)
	row := make([]string, len(exportHeaders))
	for i, h := range exportHeaders {
		row[i] = h.name
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	names := x.phaseNames()
	for _, c := range crs {
		for i, v := range record(c, names) {
			switch v := v.(type) {
			case nil:
				row[i] = ""
			case string:
				row[i] = escapeFormula(v)
			case int:
				row[i] = strconv.Itoa(v)
			case float64:
				row[i] = strconv.FormatFloat(v, 'f', -1, 64)
			}
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// createdColumn is where exportHeaders put the creation time.
const createdColumn = 5

// xlsxDateStyle is the style of a workbook's date cells: the day and the
// time, as a spreadsheet user reads them.
func xlsxDateStyle(f *excelize.File) (int, error) {
	layout := "yyyy-mm-dd hh:mm"
	return f.NewStyle(&excelize.Style{CustomNumFmt: &layout})
}

// xlsxCreated is a request's creation time as a workbook cell: an Excel
// date, to the millisecond (a workbook keeps no finer time), or nothing.
func xlsxCreated(c model.ChangeRequest, style int) any {
	if c.CreatedAt.IsZero() {
		return nil
	}
	return excelize.Cell{StyleID: style, Value: c.CreatedAt.UTC().Round(time.Millisecond)}
}

// WriteXLSX writes one sheet, "Change requests", with the streaming
// writer: rows go to a temporary file (in a folder removed on the way
// out, see scratchDir), not to memory. Text cells are
// stored as text, never as formulas, so they need no escape.
func WriteXLSX(w io.Writer, crs []model.ChangeRequest, x Export) error {
	tmp, done, err := scratchDir()
	if err != nil {
		return err
	}
	defer done()
	f := excelize.NewFile(excelize.Options{TmpDir: tmp})
	defer f.Close()
	const sheet = "Change requests"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	dated, err := xlsxDateStyle(f)
	if err != nil {
		return err
	}
	widths := []float64{9, 40, 50, 16, 14, 17, 13, 8, 11, 10, 10, 16, 16, 14, 14}
	for i, wd := range widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(exportHeaders))
	for i, h := range exportHeaders {
		head[i] = excelize.Cell{StyleID: bold, Value: h.name}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	names := x.phaseNames()
	row := make([]any, len(exportHeaders))
	for i, c := range crs {
		rec := record(c, names)
		copy(row, rec[:])
		row[createdColumn] = xlsxCreated(c, dated)
		cellName, err := excelize.CoordinatesToCellName(1, i+2)
		if err != nil {
			return err
		}
		if err := sw.SetRow(cellName, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
