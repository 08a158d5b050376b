// Package xlsxtest writes workbooks for tests, part by part, the way no
// spreadsheet program would: rows and shared strings streamed from
// functions, so that a file of a few hundred kilobytes can expand to
// hundreds of megabytes, or hold parts a well-made file never has. The
// importer's bounds are tested on them, in its own package and through
// the real binary.
package xlsxtest

import (
	"archive/zip"
	"bufio"
	"compress/flate"
	"io"
	"os"
)

// Book is a workbook of one sheet.
type Book struct {
	// Rows writes the sheet's <row> elements.
	Rows func(w io.Writer)
	// Strings writes the shared-string table's <si> elements; nil: the
	// workbook has no table.
	Strings func(w io.Writer)
	// Extra parts, added by name as they are.
	Extra map[string]string
	// Fast compresses at the fastest level, for the largest books.
	Fast bool
}

const (
	ns  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
)

// Write writes the workbook to path.
func (b Book) Write(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	z := zip.NewWriter(f)
	if b.Fast {
		z.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	parts := []part{
		{"[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)},
		{"_rels/.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
		{"xl/workbook.xml", text(`<?xml version="1.0" encoding="UTF-8"?><workbook ` + ns + ` xmlns:r="` + rel + `"><sheets><sheet name="Requests" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
		{"xl/_rels/workbook.xml.rels", text(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)},
		{"xl/worksheets/sheet1.xml", wrapped(`<worksheet `+ns+`><sheetData>`, b.Rows, `</sheetData></worksheet>`)},
	}
	if b.Strings != nil {
		parts = append(parts, part{"xl/sharedStrings.xml", wrapped(`<sst `+ns+`>`, b.Strings, `</sst>`)})
	}
	for name, s := range b.Extra {
		parts = append(parts, part{name, text(s)})
	}
	for _, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 1<<20)
		p.write(bw)
		if err := bw.Flush(); err != nil {
			return err
		}
	}
	if err := z.Close(); err != nil {
		return err
	}
	return f.Close()
}

// part is one file of the zip, written by a function.
type part struct {
	name  string
	write func(io.Writer)
}

// wrapped writes an XML part: the declaration, open, what body writes,
// then end.
func wrapped(open string, body func(io.Writer), end string) func(io.Writer) {
	return func(w io.Writer) {
		io.WriteString(w, `<?xml version="1.0" encoding="UTF-8"?>`+open)
		body(w)
		io.WriteString(w, end)
	}
}
