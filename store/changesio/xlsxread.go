package changesio

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// ReadXLSX reads change requests from a workbook: the sheet Options
// names, else the first sheet with a header (a row naming a title column
// among its first rows: a cover sheet before the data is skipped), else
// the first sheet, which is then reported. A title above the header, total
// rows and blank rows are skipped with a note. Dates may be real
// spreadsheet dates. Cells are read as raw values, so numbers do not
// depend on the locale that wrote them; every problem names its cell
// (Recette!J4). The workbook is measured before it is opened
// (checkWorkbook), and reading stops at the row cap; the temporary files
// excelize writes go to a folder removed on the way out.
func ReadXLSX(path, name string, opt Options) *Result {
	res := &Result{File: name, Format: XLSX}
	if why := sniffXLSX(path); why != "" {
		res.refuse("%s", why)
		return res
	}
	why, formulas := checkWorkbook(path, opt)
	if why != "" {
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
	if opt.Sheet != "" {
		i := slices.IndexFunc(sheets, func(s string) bool { return strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(opt.Sheet)) })
		if i < 0 {
			res.refuse("the workbook has no sheet %q: its sheets are %s", clip(opt.Sheet), quoteAll(sheets))
			return res
		}
		sheet = sheets[i]
	} else {
		for _, s := range sheets {
			if hasTitleHeader(f, s, opt) {
				sheet = s
				break
			}
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
	conv.pr.sheet = sheet
	conv.serialDates = true
	conv.formulas = formulas[sheetPart(path, sheet)]
	line := 0
	raw := excelize.Options{RawCellValue: true}
	conv.table(func() ([]string, loc, bool) {
		if !rows.Next() {
			if err := rows.Error(); err != nil {
				conv.pr.whole(loc{}, fmt.Sprintf("sheet %q stops reading after row %d: %v", sheet, line, err))
			}
			return nil, loc{}, false
		}
		line++
		cells, err := rows.Columns(raw)
		if err != nil {
			conv.pr.whole(loc{row: line, line: line, col: -1}, fmt.Sprintf("this row does not read: %v", err))
			return nil, loc{}, false
		}
		return cells, loc{row: line, line: line, col: -1}, true
	})
	conv.finish()
	return res
}

// hasTitleHeader tells whether one of a sheet's first non-blank rows
// names a title column. It reads only up to that row.
func hasTitleHeader(f *excelize.File, sheet string, opt Options) bool {
	rows, err := f.Rows(sheet)
	if err != nil {
		return false
	}
	defer rows.Close()
	for n, seen := 0, 0; rows.Next() && n < 200 && seen < headerSearch; n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return false
		}
		if blank(cells) {
			continue
		}
		seen++
		if hasTitle(cells, opt.Mapping) {
			return true
		}
	}
	return false
}

// serialDate reads an Excel date number (days since 1899-12-30), to the
// millisecond: a workbook's dates hold no finer time.
func serialDate(s string) (time.Time, bool) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 1 || v >= 2958466 {
		return time.Time{}, false
	}
	if v < 61 { // before March 1900, where Excel counts a 29 February that never was
		t, err := excelize.ExcelDateToTime(v, false)
		return t.UTC(), err == nil
	}
	// excelize rounds to the second; the fraction of a day holds
	// milliseconds.
	days := math.Floor(v)
	ns := math.Round((v-days)*86400e3) * 1e6
	return excelEpoch.AddDate(0, 0, int(days)).Add(time.Duration(ns)), true
}

// excelEpoch is day 0 of Excel's dates from March 1900 on.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// sheetPart finds the part (xl/worksheets/sheet1.xml) that holds a sheet,
// lower case, from the workbook's list of sheets and its relationships.
func sheetPart(path, sheet string) string {
	z, err := zip.OpenReader(path)
	if err != nil {
		return ""
	}
	defer z.Close()
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	read := func(name string, v any) bool {
		for _, f := range z.File {
			if !strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) || f.UncompressedSize64 > maxPart {
				continue
			}
			rc, err := f.Open()
			if err != nil {
				return false
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, maxPart)).Decode(v) == nil
		}
		return false
	}
	if !read("xl/workbook.xml", &wb) || !read("xl/_rels/workbook.xml.rels", &rels) {
		return ""
	}
	for _, s := range wb.Sheets {
		if s.Name != sheet {
			continue
		}
		for _, r := range rels.Rel {
			if r.ID == s.RID {
				t := strings.TrimPrefix(strings.ReplaceAll(r.Target, `\`, "/"), "/")
				if !strings.HasPrefix(strings.ToLower(t), "xl/") {
					t = "xl/" + t
				}
				return strings.ToLower(t)
			}
		}
	}
	return ""
}

// quoteAll writes names as "a", "b", "c".
func quoteAll(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", clip(n))
	}
	return strings.Join(q, ", ")
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
