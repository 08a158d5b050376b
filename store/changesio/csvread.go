package changesio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a file is looked at to tell its separator and
// whether it is text at all.
const sniffSize = 8 << 10

// ReadCSV reads change requests from CSV text. It takes what spreadsheets
// write: a UTF-8 byte order mark, UTF-16 ("Unicode text"), Windows-1252
// (older French Excel), comma, semicolon or tab separators (found from the
// header), CRLF line ends, quoted cells over several lines, blank rows.
// Binary content is refused from its first bytes, without reading on; the
// encoding is decided from the whole file as it streams past (see
// decoder). name is the file name used in problems.
func ReadCSV(r io.Reader, name string, opt Options) *Result {
	res := &Result{File: name, Format: CSV}
	limit := opt.maxText()
	raw := bufio.NewReaderSize(&capped{r: r, left: limit, why: opt.tooBig("the file is", limit)}, 64<<10)
	head, err := raw.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		res.refuse("cannot read the file: %v", err)
		return res
	}
	text, dec, why := decodeText(raw, head, opt.Encoding)
	if why != "" {
		res.refuse("%s", why)
		return res
	}
	br := bufio.NewReaderSize(&guard{r: text}, 64<<10)
	first, _ := br.Peek(sniffSize)
	cr := csv.NewReader(br)
	cr.Comma = separator(first)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	conv := newConverter(res, opt)
	conv.size, conv.offset = opt.size, cr.InputOffset
	// A spreadsheet shows a record as one row however many lines its
	// cells take: rows are lines less the line breaks inside cells above.
	inCells := 0
	conv.table(func() ([]string, loc, bool) {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, loc{}, false
		}
		if err != nil {
			var g *guardError
			var enc *encodingError
			var pe *csv.ParseError
			switch {
			case errors.As(err, &enc):
				p := enc.problem(name)
				conv.pr.whole(loc{row: p.Line - inCells, line: p.Line, col: -1}, p.Message)
			case errors.As(err, &g):
				conv.pr.whole(loc{}, g.why)
			case errors.As(err, &pe):
				conv.pr.whole(loc{row: pe.StartLine - inCells, line: pe.Line, col: -1}, fmt.Sprintf("the CSV does not read: %v; check the quotes on this line", pe.Err))
			default:
				conv.pr.whole(loc{}, fmt.Sprintf("cannot read the file: %v", err))
			}
			return nil, loc{}, false
		}
		line, _ := cr.FieldPos(0)
		at := loc{row: line - inCells, line: line, col: -1}
		for i, v := range rec {
			rec[i] = unescapeFormula(v)
			if strings.IndexByte(v, '\n') >= 0 {
				inCells += strings.Count(v, "\n")
			}
		}
		return rec, at, true
	})
	conv.finish()
	if dec != nil && len(res.Problems) == 0 {
		res.note(dec.note())
	}
	return res
}

// decodeText picks the text encoding from a byte order mark, or else
// returns a reader that decides it from the whole file (dec, which tells
// afterwards how it read the file); why says why the file is not text.
func decodeText(r *bufio.Reader, head []byte, enc Encoding) (text io.Reader, dec *decoder, why string) {
	utf16 := func(e unicode.Endianness) (io.Reader, *decoder, string) {
		if enc != EncodingAuto {
			return nil, nil, "the file starts with a UTF-16 byte order mark (\"Unicode text\"), so it is not " + enc.String() + ": import it without saying its encoding"
		}
		return transform.NewReader(r, unicode.UTF16(e, unicode.ExpectBOM).NewDecoder()), nil, ""
	}
	bom := false
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, nil, "this is a zip file, such as an XLSX workbook, not CSV text: give it the .xlsx extension, or save the sheet as CSV"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, nil, "this is an old Excel (.xls) or password-protected workbook, not CSV text: save it as .xlsx or CSV"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return utf16(unicode.LittleEndian)
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return utf16(unicode.BigEndian)
	case bytes.HasPrefix(head, utf8BOM):
		if enc == EncodingWindows1252 {
			return nil, nil, markedNot1252
		}
		r.Discard(len(utf8BOM))
		head = head[len(utf8BOM):]
		bom = true
	}
	if why := binary(head); why != "" {
		return nil, nil, why
	}
	dr := newDecodingReader(r, enc)
	if bom {
		dr.d.markedUTF8()
	}
	return dr, dr.d, ""
}

// binary tells why head is not text: a NUL byte, or too many control
// bytes. A stray escape or bell in a title is text (and sanitised later).
func binary(head []byte) string {
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return fmt.Sprintf("this is not CSV text (a binary byte at offset %d): export the sheet as CSV or XLSX and import that", i)
	}
	controls := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			controls++
		}
	}
	if controls > len(head)/20+1 {
		return fmt.Sprintf("this is not CSV text (%d control bytes in its first %d): export the sheet as CSV or XLSX and import that", controls, len(head))
	}
	return ""
}

// separator finds the header row's separator: the most frequent of comma,
// semicolon and tab outside quotes; comma when none appears.
func separator(head []byte) rune {
	var comma, semi, tab int
	quoted := false
	for _, c := range head {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			goto done
		case c == ',':
			comma++
		case c == ';':
			semi++
		case c == '\t':
			tab++
		}
	}
done:
	switch {
	case semi > comma && semi >= tab:
		return ';'
	case tab > comma && tab > semi:
		return '\t'
	}
	return ','
}

// guard stops reading at the first NUL byte or at a row longer than
// maxRow: signs of a binary file past the first bytes that were checked,
// or of a quote that never closes. A row ends at a line end outside
// quotes.
type guard struct {
	r      io.Reader
	offset int64
	run    int // bytes of the current row
	quoted bool
	err    error // sticky: bufio forgets an error once returned
}

type guardError struct{ why string }

func (e *guardError) Error() string { return e.why }

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	chunk := p[:n]
	if i := bytes.IndexByte(chunk, 0); i >= 0 {
		g.err = &guardError{fmt.Sprintf("this is not CSV text (a binary byte at offset %d): export the sheet as CSV or XLSX and import that", g.offset+int64(i))}
		return 0, g.err
	}
	for _, c := range chunk {
		switch {
		case c == '"':
			g.quoted = !g.quoted
		case c == '\n' && !g.quoted:
			g.run = 0
			continue
		}
		g.run++
	}
	if g.run > maxRow {
		g.err = &guardError{fmt.Sprintf("a row runs over %d MiB near offset %d: this is not a CSV file of change requests, or a quote is never closed", maxRow>>20, g.offset+int64(n))}
		return 0, g.err
	}
	g.offset += int64(n)
	return n, err
}

// capped stops reading past left bytes with why.
type capped struct {
	r    io.Reader
	left int64
	why  string
}

func (c *capped) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, &guardError{c.why}
	}
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return 0, &guardError{c.why}
	}
	return n, err
}
