package changesio

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"mopdeck/model"
	"mopdeck/store/sheet"
)

// Streaming writers: the requests come one at a time (from the store's
// cursor) and go to a buffered writer as they come, so an export holds one
// request and a buffer, never the whole project nor the whole document.
// The bytes are those Write produces for the same requests; the tests
// hold the two to that.

// Each hands every request to add, in order, and returns add's first
// error. A store's EachChange is one.
type Each func(add func(model.ChangeRequest) error) error

// WriteStream writes the export document in a format, taking the requests
// from each.
func WriteStream(w io.Writer, format Format, x Export, each Each) error {
	switch format {
	case CSV:
		return streamCSV(w, x, each)
	case XLSX:
		return streamXLSX(w, x, each)
	case JSON:
		return streamJSON(w, x, each, true)
	}
	return fmt.Errorf("unknown format %q: use csv, xlsx or json", format)
}

// WriteJSONArray writes the requests as a bare JSON array of the objects
// the JSON export holds, for scripts that list rather than export.
func WriteJSONArray(w io.Writer, x Export, each Each) error {
	return streamJSON(w, x, each, false)
}

// WriteJSONObject writes one request as the object the JSON export holds.
func WriteJSONObject(w io.Writer, c model.ChangeRequest, x Export) error {
	b := appendJSONChange(nil, c, x.phaseNames(), "")
	b = append(b, '\n')
	_, err := w.Write(b)
	return err
}

func streamCSV(w io.Writer, x Export, each Each) error {
	cw := csv.NewWriter(w) // with its own buffer
	row := make([]string, len(exportHeaders))
	for i, h := range exportHeaders {
		row[i] = h.name
	}
	if err := cw.Write(row); err != nil {
		return err
	}
	names := x.phaseNames()
	err := each(func(c model.ChangeRequest) error {
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
		return cw.Write(row)
	})
	if err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// streamXLSX is WriteXLSX fed row by row (keep the two alike: the tests
// compare them): excelize's stream writer keeps
// the rows in a temporary file, in a folder removed on the way out.
func streamXLSX(w io.Writer, x Export, each Each) error {
	tmp, done, err := scratchDir()
	if err != nil {
		return err
	}
	defer done()
	head := make([]string, len(exportHeaders))
	for i, h := range exportHeaders {
		head[i] = h.name
	}
	s := sheet.Sheet{
		Name: "Change requests", Header: head, TmpDir: tmp,
		Widths: []float64{9, 40, 50, 16, 14, 17, 13, 8, 11, 10, 10, 16, 16, 14, 14},
	}
	var dated int
	styles := func(f *excelize.File) (err error) {
		dated, err = xlsxDateStyle(f)
		return err
	}
	names := x.phaseNames()
	row := make([]any, len(exportHeaders))
	return sheet.WriteXLSX(w, s, styles, func(add func([]any) error) error {
		return each(func(c model.ChangeRequest) error {
			rec := record(c, names)
			copy(row, rec[:])
			row[createdColumn] = xlsxCreated(c, dated)
			return add(row)
		})
	})
}

// streamJSON writes the JSON export document (doc) or a bare array, as
// json.Encoder with SetIndent("", "  ") writes them, one request at a time.
func streamJSON(w io.Writer, x Export, each Each, doc bool) error {
	const flushAt = 64 << 10
	buf := make([]byte, 0, flushAt+4<<10)
	indent := ""
	if doc {
		buf = append(buf, "{\n  \"format\": "...)
		buf = appendJSONString(buf, jsonFormat)
		buf = append(buf, ",\n  \"version\": "...)
		buf = strconv.AppendInt(buf, jsonVersion, 10)
		if x.Project != "" {
			buf = append(buf, ",\n  \"project\": "...)
			buf = appendJSONString(buf, x.Project)
		}
		buf = append(buf, ",\n  \"changes\": ["...)
		indent = "  "
	} else {
		buf = append(buf, '[')
	}
	names := x.phaseNames()
	n := 0
	err := each(func(c model.ChangeRequest) error {
		if n > 0 {
			buf = append(buf, ',')
		}
		n++
		buf = append(buf, '\n')
		buf = append(buf, indent...)
		buf = append(buf, "  "...)
		buf = appendJSONChange(buf, c, names, indent+"  ")
		if len(buf) >= flushAt {
			if _, err := w.Write(buf); err != nil {
				return err
			}
			buf = buf[:0]
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n > 0 {
		buf = append(buf, '\n')
		buf = append(buf, indent...)
	}
	buf = append(buf, ']')
	if doc {
		buf = append(buf, "\n}"...)
	}
	buf = append(buf, '\n')
	_, err = w.Write(buf)
	return err
}

// appendJSONChange appends one request as WriteJSON's jsonChange object
// (keep the two alike: the tests compare them), its
// fields on lines indented by at+"  ", its closing brace at at.
func appendJSONChange(b []byte, c model.ChangeRequest, names map[uint64]string, at string) []byte {
	field := func(name string) {
		b = append(b, '\n')
		b = append(b, at...)
		b = append(b, "  \""...)
		b = append(b, name...)
		b = append(b, "\": "...)
	}
	b = append(b, '{')
	field("id")
	b = strconv.AppendUint(b, c.ID, 10)
	for _, kv := range [...]struct {
		k, v string
		num  bool
	}{
		{k: "ref", v: c.Ref()},
		{k: "title", v: c.Title},
		{k: "description", v: c.Description},
		{k: "raised_by", v: c.RaisedBy},
		{k: "raised_in", v: names[c.RaisedIn]},
		{k: "created_at", v: createdText(c.CreatedAt)},
		{k: "area", v: c.AreaLabel()},
	} {
		b = append(b, ',')
		field(kv.k)
		b = appendJSONString(b, kv.v)
	}
	b = append(b, ',')
	field("impact")
	b = strconv.AppendInt(b, int64(c.Impact), 10)
	b = append(b, ',')
	field("complexity")
	b = appendJSONString(b, c.Complexity.String())
	b = append(b, ',')
	field("estimate_hours")
	b = appendJSONFloat(b, c.EstimateHrs)
	for _, kv := range [...]struct{ k, v string }{
		{"decision", c.Decision.String()},
		{"status", c.Status.String()},
		{"assignee", c.Assignee},
		{"source_key", c.SourceKey},
		{"quadrant", model.QuadrantOf(c).String()},
	} {
		b = append(b, ',')
		field(kv.k)
		b = appendJSONString(b, kv.v)
	}
	b = append(b, '\n')
	b = append(b, at...)
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does by default: <, > and &
// escaped for HTML, control characters escaped, invalid UTF-8 replaced by
// U+FFFD, and U+2028 and U+2029 escaped for JavaScript.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendJSONFloat writes a float64 as encoding/json does: plain decimals,
// exponents only below 1e-6 and from 1e21, as in 1e-7.
func appendJSONFloat(b []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}
