package raciio

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// readCSV reads a matrix from CSV text: comma, semicolon (Excel in French
// or German) or tab separated, with or without a byte order mark, UTF-8
// or, when the file is not UTF-8 at all, Windows-1252 (older Excel).
func readCSV(res *Result, r io.Reader) {
	res.Format = CSV
	data, err := io.ReadAll(io.LimitReader(r, MaxFileBytes+1))
	if err != nil {
		res.refuse(0, "", "", "cannot read the file: %v", err)
		return
	}
	if len(data) > MaxFileBytes {
		res.refuse(0, "", "", "the file is over %d MiB, more than any RACI matrix: is it the right file?", MaxFileBytes>>20)
		return
	}
	text, ok := res.decode(data)
	if !ok {
		return
	}
	res.Delimiter = sniffDelimiter(text)
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = res.Delimiter
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var rows []row
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := 0
			if errors.As(err, &pe) {
				line = pe.StartLine
				err = pe.Err
			}
			res.refuse(line, "", "", "the CSV does not read: %v; save it again from the spreadsheet", err)
			return
		}
		line, _ := cr.FieldPos(0)
		if len(rows) == MaxRows {
			res.refuse(line, "", "", "more than %d rows: a RACI matrix is smaller; is it the right file?", MaxRows)
			return
		}
		if len(rec) > MaxColumns {
			res.refuse(line, "", "", "%d columns, more than the %d a matrix may have", len(rec), MaxColumns)
			return
		}
		rows = append(rows, row{n: line, cells: rec})
	}
	readTable(res, rows)
}

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16LE = []byte{0xFF, 0xFE}
	bomUTF16BE = []byte{0xFE, 0xFF}
)

// decode returns the file as UTF-8 without its byte order mark.
func (res *Result) decode(data []byte) ([]byte, bool) {
	if bytes.HasPrefix(data, bomUTF16LE) || bytes.HasPrefix(data, bomUTF16BE) {
		res.refuse(0, "", "", "the file is UTF-16 text: save it as \"CSV UTF-8\" from the spreadsheet")
		return nil, false
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	if bytes.IndexByte(data, 0) >= 0 {
		res.refuse(0, "", "", "the file is not text (it holds NUL bytes): give a .csv or .xlsx file")
		return nil, false
	}
	if utf8.Valid(data) {
		return data, true
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil {
		res.refuse(0, "", "", "the file is neither UTF-8 nor Windows-1252 text: save it as \"CSV UTF-8\"")
		return nil, false
	}
	res.Notes = append(res.Notes, "read as Windows-1252 (older Excel), since it is not UTF-8")
	return out, true
}

// sniffDelimiter picks the separator the first lines use most, outside
// quotes: comma, semicolon or tab; comma when none. Several lines are
// counted so that a title line above the header does not decide.
func sniffDelimiter(text []byte) rune {
	const lines = 10
	counts := map[byte]int{}
	quoted, seen := false, 0
	for _, c := range text {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '\n':
			seen++
		case c == ',' || c == ';' || c == '\t':
			counts[c]++
		}
		if seen == lines {
			break
		}
	}
	best, n := ',', counts[',']
	if counts[';'] > n {
		best, n = ';', counts[';']
	}
	if counts['\t'] > n {
		best = '\t'
	}
	return best
}
