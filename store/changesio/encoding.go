package changesio

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Encoding is the text encoding of an imported file.
type Encoding int

const (
	// EncodingAuto decides from the whole file: UTF-8 when every byte
	// reads as UTF-8, Windows-1252 when none of its accents does.
	EncodingAuto Encoding = iota
	EncodingUTF8
	EncodingWindows1252
)

func (e Encoding) String() string {
	switch e {
	case EncodingUTF8:
		return "UTF-8"
	case EncodingWindows1252:
		return "Windows-1252"
	}
	return "auto"
}

// ParseEncoding reads an --encoding value.
func ParseEncoding(s string) (Encoding, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "auto":
		return EncodingAuto, nil
	case "utf-8", "utf8":
		return EncodingUTF8, nil
	case "windows-1252", "cp1252", "windows1252":
		return EncodingWindows1252, nil
	}
	return EncodingAuto, fmt.Errorf("unknown encoding %q: use utf-8 or windows-1252", s)
}

// The encoding of a file is told from all of it, not from its first
// bytes: an accent typed on another machine may sit on the last line.
// A file is UTF-8 when every byte reads as UTF-8. It is Windows-1252
// (older Excel in French) when it holds no UTF-8 accent at all: up to its
// first byte that is not UTF-8 it is plain ASCII, which both encodings
// write alike, so the decision can be taken there, in one pass, without
// going back. A file with both a UTF-8 accent and a byte that is not
// UTF-8 mixes encodings; reading it either way would garble one of them,
// so it is refused, naming the first line that is not UTF-8.

// utf8Step follows UTF-8 byte by byte, across reads.
type utf8Step struct {
	need   int  // continuation bytes still expected
	lo, hi byte // range of the next continuation byte
}

// step outcomes
const (
	stepASCII = iota // a byte below 0x80
	stepMore         // a byte of a sequence that is not finished
	stepRune         // the last byte of a valid multi-byte sequence
	stepBad          // b, or the sequence held before it, is not UTF-8
)

// step takes one byte. After stepBad on a held sequence the caller gives b
// again: it may start a new one.
func (u *utf8Step) step(b byte) int {
	if u.need > 0 {
		if b < u.lo || b > u.hi {
			u.need = 0
			return stepBad
		}
		u.lo, u.hi = 0x80, 0xBF
		u.need--
		if u.need == 0 {
			return stepRune
		}
		return stepMore
	}
	switch {
	case b < 0x80:
		return stepASCII
	case b >= 0xC2 && b <= 0xDF:
		u.need, u.lo, u.hi = 1, 0x80, 0xBF
	case b == 0xE0:
		u.need, u.lo, u.hi = 2, 0xA0, 0xBF // no overlong form
	case b == 0xED:
		u.need, u.lo, u.hi = 2, 0x80, 0x9F // no surrogate
	case b >= 0xE1 && b <= 0xEF:
		u.need, u.lo, u.hi = 2, 0x80, 0xBF
	case b == 0xF0:
		u.need, u.lo, u.hi = 3, 0x90, 0xBF
	case b >= 0xF1 && b <= 0xF3:
		u.need, u.lo, u.hi = 3, 0x80, 0xBF
	case b == 0xF4:
		u.need, u.lo, u.hi = 3, 0x80, 0x8F // not past U+10FFFF
	default:
		return stepBad // a lone continuation byte, C0, C1, F5–FF
	}
	return stepMore
}

// decoder turns a file's bytes into UTF-8 text as they stream past,
// deciding the encoding on the way.
type decoder struct {
	enc     Encoding
	cp1252  bool // decoding as Windows-1252 (told, or decided)
	decided bool // cp1252 was decided, not told: UTF-8 accents would be a mix
	u       utf8Step
	seq     []byte // bytes of the UTF-8 sequence being read
	seqLine int
	line    int // line of the next byte, from 1
	// firstRune and firstBad are the lines of the first UTF-8 accent and
	// of the first byte that is not UTF-8 (0: none yet).
	firstRune, firstBad int
	badByte             byte
	// bom: the file starts with a UTF-8 byte order mark, which says it is
	// UTF-8 as surely as an accent does.
	bom bool
}

func newDecoder(enc Encoding) *decoder {
	return &decoder{enc: enc, cp1252: enc == EncodingWindows1252, line: 1, seq: make([]byte, 0, 4)}
}

// markedUTF8 reads a file that starts with a UTF-8 byte order mark: any
// byte that is not UTF-8 is then a mix.
func (d *decoder) markedUTF8() {
	d.bom, d.firstRune = true, 1
}

// feed appends the text of in to out; final says no bytes follow. The
// error says why the file cannot be read as text of one encoding.
func (d *decoder) feed(out, in []byte, final bool) ([]byte, error) {
	if d.cp1252 && !d.decided {
		for _, b := range in {
			out = appendCP1252(out, b)
		}
		return out, nil
	}
	for i := 0; i < len(in); i++ {
		if len(d.seq) == 0 {
			// Most text is ASCII, the same in both encodings: take it
			// whole.
			j := i
			for j < len(in) && in[j] < 0x80 {
				j++
			}
			if j > i {
				out = append(out, in[i:j]...)
				d.line += bytes.Count(in[i:j], []byte{'\n'})
				i = j - 1
				continue
			}
		}
		b := in[i]
		mark, wasCP := len(out), d.cp1252
		if wasCP {
			out = appendCP1252(out, b)
		}
		if len(d.seq) == 0 {
			d.seqLine = d.line
		}
		switch d.u.step(b) {
		case stepASCII:
			if !wasCP {
				out = append(out, b)
			}
		case stepMore:
			d.seq = append(d.seq, b)
		case stepRune:
			if d.firstRune == 0 {
				d.firstRune = d.seqLine
			}
			if d.decided {
				return out, d.mixed()
			}
			out = append(append(out, d.seq...), b)
			d.seq = d.seq[:0]
		case stepBad:
			var err error
			if out, err = d.bad(out, b, d.seqLine); err != nil {
				return out, err
			}
			if len(d.seq) > 0 {
				// b ended a sequence without being part of it: read it
				// again as the start of what follows.
				d.seq = d.seq[:0]
				if wasCP {
					out = out[:mark]
				}
				i--
				continue
			}
		}
		if b == '\n' {
			d.line++
		}
	}
	if final && len(d.seq) > 0 {
		// The file ends inside a sequence.
		var err error
		if out, err = d.bad(out, d.seq[0], d.seqLine); err != nil {
			return out, err
		}
		d.seq = d.seq[:0]
	}
	return out, nil
}

// bad handles bytes that are not UTF-8: the held sequence (or b alone)
// at line.
func (d *decoder) bad(out []byte, b byte, line int) ([]byte, error) {
	if d.firstBad == 0 {
		d.firstBad, d.badByte = line, b
		if len(d.seq) > 0 {
			d.badByte = d.seq[0]
		}
	}
	switch {
	case d.cp1252:
		return out, nil
	case d.enc == EncodingUTF8 && !d.bom:
		return out, &encodingError{d.firstBad, fmt.Sprintf("this line is not UTF-8 text (byte 0x%02X): save the sheet as \"CSV UTF-8\" and import that, or import it as Windows-1252", d.badByte)}
	case d.firstRune > 0:
		return out, d.mixed()
	}
	// Nothing but ASCII so far: from here on, Windows-1252.
	d.cp1252, d.decided = true, true
	for _, c := range d.seq {
		out = appendCP1252(out, c)
	}
	if len(d.seq) == 0 {
		out = appendCP1252(out, b)
	}
	return out, nil
}

func (d *decoder) mixed() error {
	other := fmt.Sprintf("line %d is", d.firstRune)
	if d.bom {
		other = "the file is marked as UTF-8"
	}
	return &encodingError{d.firstBad, fmt.Sprintf("this line is not UTF-8 text (byte 0x%02X), though %s: the file mixes two encodings; save the sheet as \"CSV UTF-8\" and import that",
		d.badByte, other)}
}

// note says how the file was read, when that is worth checking.
func (d *decoder) note() string {
	if d.decided {
		return fmt.Sprintf("read as Windows-1252, as the file is not UTF-8 (line %d is the first with an accent): check the accents", d.firstBad)
	}
	return ""
}

func appendCP1252(out []byte, b byte) []byte {
	if b < 0x80 {
		return append(out, b)
	}
	return utf8.AppendRune(out, charmap.Windows1252.DecodeByte(b))
}

// encodingError stops a read: the file is not text of one encoding. line
// is the first line that is not UTF-8.
type encodingError struct {
	line int
	why  string
}

func (e *encodingError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.why) }

// problem places the error in file.
func (e *encodingError) problem(file string) Problem {
	return Problem{File: file, Line: e.line, Message: e.why}
}

// decodingReader is a decoder over a stream.
type decodingReader struct {
	r   io.Reader
	d   *decoder
	in  []byte
	out []byte // decoded, not yet returned
	off int
	err error // sticky: bufio forgets an error once returned
}

func newDecodingReader(r io.Reader, enc Encoding) *decodingReader {
	return &decodingReader{r: r, d: newDecoder(enc), in: make([]byte, 32<<10)}
}

func (r *decodingReader) Read(p []byte) (int, error) {
	for r.off == len(r.out) {
		if r.err != nil {
			return 0, r.err
		}
		n, err := r.r.Read(r.in)
		var derr error
		// Text decoded before a bad byte still comes out, then the error,
		// so the rows before it keep their lines.
		r.out, derr = r.d.feed(r.out[:0], r.in[:n], err == io.EOF)
		r.off = 0
		switch {
		case derr != nil:
			r.err = derr
		case err != nil:
			r.err = err
		}
	}
	n := copy(p, r.out[r.off:])
	r.off += n
	return n, nil
}

// decodeAll decodes a whole file held in memory (JSON), deciding its
// encoding the same way; note says how it was read.
func decodeAll(data []byte, enc Encoding) (text []byte, note string, err error) {
	bom := bytes.HasPrefix(data, utf8BOM)
	if bom {
		if enc == EncodingWindows1252 {
			return nil, "", &encodingError{1, markedNot1252}
		}
		data = data[len(utf8BOM):]
	}
	if enc != EncodingWindows1252 && utf8.Valid(data) {
		return data, "", nil
	}
	d := newDecoder(enc)
	if bom {
		d.markedUTF8()
	}
	text, err = d.feed(make([]byte, 0, len(data)+len(data)/8), data, true)
	return text, d.note(), err
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

const markedNot1252 = "the file starts with a UTF-8 byte order mark, so it is UTF-8, not Windows-1252: import it without saying its encoding"
