package store

import (
	"strconv"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"mopdeck/model"
)

// Change requests are the records read by the ten thousand: every export,
// list and project load decodes each one. encoding/json reads a record
// twice (a validity scan, then the decoding by reflection) and allocates
// for every field; this reader goes once over the bytes mopdeck writes,
// {"v":1,"d":{"id":…,"title":…}}, and gives up on anything else — an
// unknown or differently cased key, a null, an unusual number, bytes that
// are not UTF-8 — which encoding/json then reads as before. Whatever it
// accepts, it reads as encoding/json does (the tests compare the two on
// every record shape and on fuzzed bytes).

// decodeChangeFast reads a stored change request; ok is false when the
// bytes are not in the plain shape, and the slow path must decide.
func decodeChangeFast(b []byte) (c model.ChangeRequest, v int, ok bool) {
	r := jsonReader{b: b}
	if !r.next('{') {
		return c, 0, false
	}
	seenV, seenD := false, false
	for {
		key, ok := r.key()
		if !ok {
			return c, 0, false
		}
		switch string(key) {
		case "v":
			n, ok := r.int()
			if !ok {
				return c, 0, false
			}
			v, seenV = int(n), true
		case "d":
			if !r.change(&c) {
				return c, 0, false
			}
			seenD = true
		default:
			return c, 0, false // "cascade", or a key mopdeck does not write here
		}
		if r.next(',') {
			continue
		}
		if !r.next('}') || !r.end() || !seenV || !seenD {
			return c, 0, false
		}
		return c, v, true
	}
}

// jsonReader reads the JSON of one record from b at i.
type jsonReader struct {
	b []byte
	i int
}

func (r *jsonReader) space() {
	for r.i < len(r.b) {
		switch r.b[r.i] {
		case ' ', '\t', '\n', '\r':
			r.i++
		default:
			return
		}
	}
}

// next consumes c after any space.
func (r *jsonReader) next(c byte) bool {
	r.space()
	if r.i < len(r.b) && r.b[r.i] == c {
		r.i++
		return true
	}
	return false
}

func (r *jsonReader) end() bool {
	r.space()
	return r.i == len(r.b)
}

// key reads `"name":`; names with escapes are left to the slow path.
// The name stays bytes: a switch on string(name) allocates nothing.
func (r *jsonReader) key() ([]byte, bool) {
	if !r.next('"') {
		return nil, false
	}
	start := r.i
	for r.i < len(r.b) && r.b[r.i] != '"' {
		if c := r.b[r.i]; c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			return nil, false
		}
		r.i++
	}
	if r.i == len(r.b) {
		return nil, false
	}
	k := r.b[start:r.i]
	r.i++
	return k, r.next(':')
}

// change reads the model.ChangeRequest object.
func (r *jsonReader) change(c *model.ChangeRequest) bool {
	if !r.next('{') {
		return false
	}
	if r.next('}') {
		return true
	}
	for {
		key, ok := r.key()
		if !ok {
			return false
		}
		switch string(key) {
		case "id":
			c.ID, ok = r.uint()
		case "title":
			c.Title, ok = r.str()
		case "description":
			c.Description, ok = r.str()
		case "raised_by":
			c.RaisedBy, ok = r.str()
		case "raised_in":
			c.RaisedIn, ok = r.uint()
		case "created_at":
			ok = r.time(&c.CreatedAt)
		case "area":
			var s string
			s, ok = r.str()
			c.Area = model.Area(s)
		case "impact":
			var n int64
			n, ok = r.int()
			c.Impact = int(n)
		case "complexity":
			var n int64
			n, ok = r.int()
			c.Complexity = model.Complexity(n)
		case "estimate_hours":
			c.EstimateHrs, ok = r.float()
		case "decision":
			var n int64
			n, ok = r.int()
			c.Decision = model.Decision(n)
		case "status":
			var n int64
			n, ok = r.int()
			c.Status = model.CRStatus(n)
		case "assignee":
			c.Assignee, ok = r.str()
		case "source_key":
			c.SourceKey, ok = r.str()
		case "area_text":
			c.AreaText, ok = r.str()
		default:
			return false
		}
		if !ok {
			return false
		}
		if r.next(',') {
			continue
		}
		return r.next('}')
	}
}

// digits reads a JSON integer's digits: 0, or 1-9 then digits.
func (r *jsonReader) digits() bool {
	if r.i >= len(r.b) {
		return false
	}
	if r.b[r.i] == '0' {
		r.i++
		return true
	}
	if r.b[r.i] < '1' || r.b[r.i] > '9' {
		return false
	}
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	return true
}

// int reads an integer that fits an int; a fraction, an exponent or a
// number out of range is the slow path's to refuse.
func (r *jsonReader) int() (int64, bool) {
	r.space()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	if !r.digits() || r.fractionOrExponent() {
		return 0, false
	}
	n, err := strconv.ParseInt(string(r.b[start:r.i]), 10, strconv.IntSize)
	return n, err == nil
}

func (r *jsonReader) uint() (uint64, bool) {
	r.space()
	start := r.i
	if !r.digits() || r.fractionOrExponent() {
		return 0, false
	}
	n, err := strconv.ParseUint(string(r.b[start:r.i]), 10, 64)
	return n, err == nil
}

func (r *jsonReader) fractionOrExponent() bool {
	return r.i < len(r.b) && (r.b[r.i] == '.' || r.b[r.i] == 'e' || r.b[r.i] == 'E')
}

// float reads a JSON number as a float64.
func (r *jsonReader) float() (float64, bool) {
	r.space()
	start := r.i
	if r.i < len(r.b) && r.b[r.i] == '-' {
		r.i++
	}
	if !r.digits() {
		return 0, false
	}
	if r.i < len(r.b) && r.b[r.i] == '.' {
		r.i++
		if !r.someDigits() {
			return 0, false
		}
	}
	if r.i < len(r.b) && (r.b[r.i] == 'e' || r.b[r.i] == 'E') {
		r.i++
		if r.i < len(r.b) && (r.b[r.i] == '+' || r.b[r.i] == '-') {
			r.i++
		}
		if !r.someDigits() {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(string(r.b[start:r.i]), 64)
	return f, err == nil
}

func (r *jsonReader) someDigits() bool {
	start := r.i
	for r.i < len(r.b) && r.b[r.i] >= '0' && r.b[r.i] <= '9' {
		r.i++
	}
	return r.i > start
}

// str reads a JSON string as encoding/json unquotes it. Bytes that are
// not UTF-8 (encoding/json would replace them) are the slow path's.
func (r *jsonReader) str() (string, bool) {
	if !r.next('"') {
		return "", false
	}
	start := r.i
	plain := true
	ascii := true
	for r.i < len(r.b) {
		c := r.b[r.i]
		switch {
		case c == '"':
			s := r.b[start:r.i]
			r.i++
			if plain {
				if !ascii && !utf8.Valid(s) {
					return "", false
				}
				return string(s), true
			}
			return unescape(s)
		case c == '\\':
			plain = false
			r.i += 2
			continue
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
		r.i++
	}
	return "", false
}

// unescape decodes a string body holding escapes, as encoding/json does:
// a lone or broken surrogate becomes U+FFFD.
func unescape(s []byte) (string, bool) {
	if !utf8.Valid(s) {
		return "", false
	}
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c != '\\' {
			out = append(out, c)
			i++
			continue
		}
		if i+1 >= len(s) {
			return "", false
		}
		switch s[i+1] {
		case '"', '\\', '/':
			out = append(out, s[i+1])
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			rr, ok := hex4(s[i+2:])
			if !ok {
				return "", false
			}
			i += 6
			if utf16.IsSurrogate(rr) {
				if rr1, ok := hex4After(s[i:]); ok {
					if dec := utf16.DecodeRune(rr, rr1); dec != unicode.ReplacementChar {
						out = utf8.AppendRune(out, dec)
						i += 6
						continue
					}
				}
				rr = unicode.ReplacementChar
			}
			out = utf8.AppendRune(out, rr)
			continue
		default:
			return "", false
		}
		i += 2
	}
	return string(out), true
}

// hex4After reads `\uXXXX` at the start of s.
func hex4After(s []byte) (rune, bool) {
	if len(s) < 6 || s[0] != '\\' || s[1] != 'u' {
		return 0, false
	}
	return hex4(s[2:])
}

func hex4(s []byte) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range s[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// time reads a quoted time as encoding/json does: time.Time's own
// UnmarshalJSON on the raw value.
func (r *jsonReader) time(t *time.Time) bool {
	r.space()
	start := r.i
	if _, ok := r.str(); !ok {
		return false
	}
	return t.UnmarshalJSON(r.b[start:r.i]) == nil
}
