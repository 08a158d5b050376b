package changesio

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads change requests from a workbook: the first sheet whose
// first non-blank row names a title column (a cover sheet before the data
// is skipped), else the first sheet, which is then reported. Dates may be
// real spreadsheet dates. Cells are read as raw values, so numbers do not
// depend on the locale that wrote them. The workbook is measured before
// it is opened (checkWorkbook), and reading stops at the row cap; the
// temporary files excelize writes go to a folder removed on the way out.
func ReadXLSX(path, name string, opt Options) *Result {
	res := &Result{File: name, Format: XLSX}
	if why := sniffXLSX(path); why != "" {
		res.refuse("%s", why)
		return res
	}
	if why := checkWorkbook(path, opt); why != "" {
		res.refuse("%s", why)
		return res
	}
	tmp, done, err := scratchDir()
	if err != nil {
		res.refuse("cannot make a temporary folder to read the workbook (%v): check the free space of %s", err, os.TempDir())
		return res
	}
	defer done()
	f, err := excelize.OpenFile(path, excelize.Options{
		UnzipSizeLimit:    opt.maxUnzip(),
		UnzipXMLSizeLimit: xmlInMemory,
		TmpDir:            tmp,
	})
	if err != nil {
		res.refuse("this workbook does not open (%v): open it in a spreadsheet and save it again as .xlsx", err)
		return res
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		res.refuse("this workbook has no sheet: add a sheet with a header row (Title, Impact, …) and one row per request")
		return res
	}
	sheet := sheets[0]
	for _, s := range sheets {
		if hasTitleHeader(f, s) {
			sheet = s
			break
		}
	}
	res.Sheet = sheet
	rows, err := f.Rows(sheet)
	if err != nil {
		res.refuse("sheet %q does not read (%v): open the workbook in a spreadsheet and save it again", sheet, err)
		return res
	}
	defer rows.Close()
	conv := newConverter(res, opt)
	conv.serialDates = true
	line := 0
	raw := excelize.Options{RawCellValue: true}
	conv.table(func() ([]string, int, bool) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				res.refuse("sheet %q stops reading after row %d: %v", sheet, line, err)
			}
			return nil, 0, false
		}
		line++
		cells, err := rows.Columns(raw)
		if err != nil {
			res.add(Problem{File: name, Line: line, Message: fmt.Sprintf("this row does not read: %v", err)})
			return nil, 0, false
		}
		return cells, line, true
	})
	return res
}

// hasTitleHeader tells whether a sheet's first non-blank row names a title
// column. It reads only up to that row.
func hasTitleHeader(f *excelize.File, sheet string) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	for n := 0; rows.Next() && n < 50; n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false
		}
		if blank(cells) {
			continue
		}
		for _, c := range cells {
			if headerNames[fold(c)] == fieldTitle {
				return true
			}
		}
		return false
	}
	return false
}

// sniffXLSX checks the first bytes before the zip reader sees the file, so
// a CSV or a binary file named .xlsx gets a message that says what it is.
func sniffXLSX(path string) string {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Sprintf("cannot open the file: %v", unwrapPath(err))
	}
	defer fh.Close()
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	head = head[:n]
	switch {
	case n == 0:
		return "the file is empty: save the workbook again as .xlsx"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "this is an old Excel (.xls) or password-protected workbook: save it without a password as .xlsx"
	case !bytes.HasPrefix(head, []byte("PK")):
		return "this is not an XLSX workbook (not a zip file): if it is CSV text, give it the .csv extension"
	}
	return ""
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	if errors.Is(err, zip.ErrFormat) {
		return errors.New("not a zip file")
	}
	return err
}
