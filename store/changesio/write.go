package changesio

import (
	"fmt"
	"io"
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
// separated, UTF-8, cells that a spreadsheet would run escaped. It is the
// streaming writer fed from a slice: one encoder per format.
func WriteCSV(w io.Writer, crs []model.ChangeRequest, x Export) error {
	return streamCSV(w, x, fromSlice(crs))
}

// fromSlice hands the requests of a slice to a streaming writer.
func fromSlice(crs []model.ChangeRequest) Each {
	return func(add func(model.ChangeRequest) error) error {
		for _, c := range crs {
			if err := add(c); err != nil {
				return err
			}
		}
		return nil
	}
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

// WriteXLSX writes one sheet, "Change requests", with excelize's
// streaming writer (see streamXLSX).
func WriteXLSX(w io.Writer, crs []model.ChangeRequest, x Export) error {
	return streamXLSX(w, x, fromSlice(crs))
}
