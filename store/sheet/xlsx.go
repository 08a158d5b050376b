package sheet

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// Sheet is a workbook of one sheet as mopdeck's exports write it: a bold
// header row that stays in view, with the first Frozen columns, and the
// columns at set widths.
type Sheet struct {
	Name   string
	Header []string
	Widths []float64 // of columns A, B, …; the others keep the default
	Frozen int       // columns kept in view beside the rows (0: none)
	// TmpDir is where excelize's stream writer keeps rows past its memory
	// buffer ("": the system's).
	TmpDir string
}

// WriteXLSX streams the sheet to w. styles, when not nil, is called
// first to make the cell styles the rows use; rows then hands every row
// to add, in order.
func WriteXLSX(w io.Writer, s Sheet, styles func(f *excelize.File) error, rows func(add func(cells []any) error) error) error {
	f := excelize.NewFile(excelize.Options{TmpDir: s.TmpDir})
	defer f.Close()
	if err := f.SetSheetName("Sheet1", s.Name); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s.Name)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	if styles != nil {
		if err := styles(f); err != nil {
			return err
		}
	}
	for i, wd := range s.Widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	topLeft, err := excelize.CoordinatesToCellName(s.Frozen+1, 2)
	if err != nil {
		return err
	}
	pane := "bottomLeft"
	if s.Frozen > 0 {
		pane = "bottomRight"
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, XSplit: s.Frozen, YSplit: 1, TopLeftCell: topLeft, ActivePane: pane}); err != nil {
		return err
	}
	head := make([]any, len(s.Header))
	for i, h := range s.Header {
		head[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	n := 1
	err = rows(func(cells []any) error {
		n++
		at, err := excelize.CoordinatesToCellName(1, n)
		if err != nil {
			return err
		}
		return sw.SetRow(at, cells)
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
