package changesio

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sniffSize is how much of a file is looked at to tell its encoding, its
// separator and whether it is text at all.
const sniffSize = 8 << 10

// maxLine is the longest line the CSV reader accepts. A text file of
// change requests never comes near it; a binary file renamed .csv does.
const maxLine = 1 << 20

// ReadCSV reads change requests from CSV text. It takes what spreadsheets
// write: a UTF-8 byte order mark, UTF-16 ("Unicode text"), Windows-1252
// (older French Excel), comma, semicolon or tab separators (found from the
// header), CRLF line ends, quoted cells over several lines, blank rows.
// Binary content is refused from its first bytes, without reading on.
// name is the file name used in problems.
func ReadCSV(r io.Reader, name string, opt Options) *Result {
	res := &Result{File: name, Format: CSV}
	raw := bufio.NewReaderSize(r, 64<<10)
	head, err := raw.Peek(sniffSize)
	if err != nil && err != io.EOF && !errors.Is(err, bufio.ErrBufferFull) {
		res.refuse("cannot read the file: %v", err)
		return res
	}
	text, isUTF8, why := decodeText(raw, head)
	if why != "" {
		res.refuse("%s", why)
		return res
	}
	// The encoding was told from the first bytes only: a UTF-8 guess must
	// hold to the end, or an accent far down would silently become "�".
	br := bufio.NewReaderSize(&guard{r: text, checkUTF8: isUTF8}, 64<<10)
	first, _ := br.Peek(sniffSize)
	cr := csv.NewReader(br)
	cr.Comma = separator(first)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	conv := newConverter(res, opt)
	conv.table(func() ([]string, int, bool) {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil, 0, false
		}
		if err != nil {
			var g *guardError
			var pe *csv.ParseError
			switch {
			case errors.As(err, &g):
				res.refuse("%s", g.why)
			case errors.As(err, &pe):
				res.add(Problem{File: name, Line: pe.Line, Message: fmt.Sprintf("the CSV does not read: %v; check the quotes on this line", pe.Err)})
			default:
				res.refuse("cannot read the file: %v", err)
			}
			return nil, 0, false
		}
		line, _ := cr.FieldPos(0)
		for i, v := range rec {
			rec[i] = unescapeFormula(v)
		}
		return rec, line, true
	})
	return res
}

// decodeText picks the text encoding from the first bytes and returns a
// UTF-8 reader, whether that is the file's own bytes (not decoded, so
// still to be checked), or why the file is not text.
func decodeText(r *bufio.Reader, head []byte) (io.Reader, bool, string) {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return nil, false, "this is a zip file, such as an XLSX workbook, not CSV text: give it the .xlsx extension, or save the sheet as CSV"
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return nil, false, "this is an old Excel (.xls) or password-protected workbook, not CSV text: save it as .xlsx or CSV"
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()), false, ""
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return transform.NewReader(r, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder()), false, ""
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		r.Discard(3)
		head = head[3:]
	}
	if why := binary(head); why != "" {
		return nil, false, why
	}
	if !utf8.Valid(trimPartialRune(head)) {
		// Not UTF-8 but text: what Excel in French wrote before UTF-8.
		return transform.NewReader(r, charmap.Windows1252.NewDecoder()), false, ""
	}
	return r, true, ""
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

// trimPartialRune drops a rune cut in half at the end of a sample.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		if utf8.RuneStart(b[len(b)-i]) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
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

// guard stops reading at the first NUL byte or at a line longer than
// maxLine: signs of a binary file past the first bytes that were checked.
// With checkUTF8 it also stops at the first byte that is not UTF-8.
type guard struct {
	r         io.Reader
	offset    int64
	run       int   // bytes since the last newline
	err       error // sticky: bufio forgets an error once returned
	checkUTF8 bool
	line      int    // newlines before the bytes being read
	carry     []byte // the start of a rune cut by the previous read
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
	if last := bytes.LastIndexByte(chunk, '\n'); last >= 0 {
		g.run = n - last - 1
	} else {
		g.run += n
	}
	if g.run > maxLine {
		g.err = &guardError{fmt.Sprintf("a line runs over %d MiB near offset %d: this is not a CSV file of change requests", maxLine>>20, g.offset+int64(n))}
		return 0, g.err
	}
	if g.checkUTF8 {
		if why := g.validate(chunk, err != nil); why != "" {
			g.err = &guardError{why}
			return 0, g.err
		}
	}
	g.offset += int64(n)
	return n, err
}

// validate checks that chunk, after what the last read left cut, is
// UTF-8; final tells that no bytes follow, so a cut rune is an error.
func (g *guard) validate(chunk []byte, final bool) string {
	data := chunk
	if len(g.carry) > 0 {
		data = append(g.carry, chunk...)
		g.carry = nil
	}
	if utf8.Valid(data) {
		g.line += bytes.Count(data, []byte{'\n'})
		return ""
	}
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			if !final && !utf8.FullRune(data[i:]) {
				g.carry = bytes.Clone(data[i:])
				g.line += bytes.Count(data[:i], []byte{'\n'})
				return ""
			}
			line := g.line + 1 + bytes.Count(data[:i], []byte{'\n'})
			return fmt.Sprintf("line %d is not UTF-8 text (byte 0x%02X), though the file starts as UTF-8: save the sheet as \"CSV UTF-8\" and import that", line, data[i])
		}
		i += size
	}
	g.line += bytes.Count(data, []byte{'\n'})
	return ""
}
