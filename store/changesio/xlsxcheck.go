package changesio

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// A workbook is a zip of XML parts that may expand a thousand times: a
// few hundred kilobytes can hold millions of rows, or one shared string
// that a million cells repeat. excelize bounds what it unzips but expands
// every cell it is asked for, so the workbook is measured first, in one
// streaming pass that holds nothing but the length of each shared string:
// its parts, its shared strings, and each sheet's rows with the shared
// strings they point to counted in.

// maxParts bounds the entries of a workbook; a sheet of change requests
// with its styles and pictures has a few dozen.
const maxParts = 10_000

// maxPart bounds a part excelize keeps in memory whole (styles, theme,
// workbook, pictures): every part but the sheets and shared strings.
// Together with the sheets and shared strings small enough to be kept in
// memory too, they may come to fixedAllowance.
const maxPart = 8 << 20

// xmlInMemory is excelize's UnzipXMLSizeLimit: sheets and shared strings
// larger than this stream from a temporary file instead of memory.
const xmlInMemory = 4 << 20

// checkWorkbook tells why a workbook is refused before it is opened, or
// "" when it may be opened. A file that is not a zip is left to excelize,
// which says so.
//
// The same pass notes the cells that hold a formula with no computed
// value, which read as empty (formulas, by part name).
func checkWorkbook(path string, opt Options) (string, map[string]map[string]string) {
	// The zip reader holds a header for each entry: the file's size bounds
	// how many there can be.
	if fi, err := os.Stat(path); err == nil && fi.Size() > opt.maxWorkbook() {
		return opt.tooBig("the workbook is", opt.maxWorkbook()), nil
	}
	z, err := zip.OpenReader(path)
	if err != nil {
		return "", nil
	}
	defer z.Close()
	if len(z.File) > maxParts {
		return fmt.Sprintf("the workbook has %s parts, more than a sheet of change requests needs: save the sheet alone as .xlsx or CSV", thousands(len(z.File))), nil
	}
	var total, inMemory uint64
	var sst *zip.File
	for _, f := range z.File {
		size := f.UncompressedSize64
		total += size
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		streamed := size > xmlInMemory && (name == "xl/sharedstrings.xml" || strings.HasPrefix(name, "xl/worksheets/sheet"))
		switch {
		case name == "xl/sharedstrings.xml":
			sst = f
		case strings.HasPrefix(name, "xl/worksheets/sheet"):
		case size > maxPart:
			return fmt.Sprintf("%s expands to %d MiB, more than a workbook of change requests holds: save the sheet alone as .xlsx or CSV", clip(f.Name), size>>20), nil
		}
		if !streamed {
			inMemory += size
		}
	}
	// The sizes are the zip's word, checked as each part is read: a part
	// that expands past its stated size fails to read.
	if limit := opt.maxUnzip(); total > uint64(limit) {
		return opt.tooBig("the workbook expands to", limit), nil
	}
	if inMemory > fixedAllowance {
		return fmt.Sprintf("the workbook's small parts come to %d MiB, more than the %d MiB a workbook of change requests holds besides its rows: save the sheet alone as .xlsx or CSV", inMemory>>20, fixedAllowance>>20), nil
	}
	var lens []int32
	if sst != nil {
		if lens, err = sharedStringLengths(sst, opt); err != nil {
			return err.Error(), nil
		}
	}
	sc := sheetScan{sst: lens, opt: opt, formulas: map[string]map[string]string{}}
	for _, f := range z.File {
		if f == sst {
			continue
		}
		if err := sc.part(f); err != nil {
			return err.Error(), nil
		}
	}
	return "", sc.formulas
}

// refusal is a reason to refuse found while scanning.
type refusal struct{ why string }

func (r *refusal) Error() string { return r.why }

// sharedStringLengths streams the shared-string table and returns the
// length of each string's XML, which bounds its text.
func sharedStringLengths(f *zip.File, opt Options) ([]int32, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &refusal{fmt.Sprintf("the workbook's shared strings do not read (%v): open it in a spreadsheet and save it again", err)}
	}
	defer rc.Close()
	max := opt.maxSharedStrings()
	var lens []int32
	var start int64
	err = scanXML(rc, func(pos int64, t tag) error {
		if t.name != tagSI {
			return nil
		}
		switch {
		case t.self:
			lens = append(lens, 0)
		case !t.end:
			start = pos
			return nil
		default:
			lens = append(lens, int32(min(pos-start, maxRow+1)))
		}
		if len(lens) > max {
			return &refusal{fmt.Sprintf("the workbook holds over %s distinct texts, more than %s rows of change requests need: split it into smaller files, or raise the limit (mopdeck import changes --max-rows)",
				thousands(max), thousands(opt.maxRows()))}
		}
		return nil
	}, nil)
	return lens, readErr(err)
}

func readErr(err error) error {
	var r *refusal
	if err == nil || errors.As(err, &r) {
		return err
	}
	return &refusal{fmt.Sprintf("the workbook does not read (%v): open it in a spreadsheet and save it again", err)}
}

// sheetScan measures the rows of every part, so that no sheet, whatever
// its name, escapes.
type sheetScan struct {
	sst      []int32
	opt      Options
	expanded int64 // every sheet's rows, shared strings counted in
	// formulas are the cells of each part with a formula and no value.
	formulas map[string]map[string]string
}

// maxFormulaCells bounds the uncomputed formula cells noted per sheet.
const maxFormulaCells = 10_000

func (s *sheetScan) part(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return readErr(err)
	}
	defer rc.Close()
	var (
		rows            int   // rows with a value
		rowNum          int   // the row being read, as the sheet numbers it
		rowAt           int64 // where it starts, -1 outside a row
		shared          int64 // bytes of the shared strings it points to
		valued          bool
		sharedCell, inV bool
		v               []byte
		// The cell being read: its name, whether it has a formula and a
		// value, and the formula's first characters.
		cellTag, cellRef []byte
		hasF, hasV, inF  bool
		formula          []byte
	)
	rowAt = -1
	max := s.opt.maxRows() + 1 // and a header
	rowFits := func(pos int64) error {
		if rowAt >= 0 && pos-rowAt+shared > maxRow {
			return &refusal{fmt.Sprintf("row %d of a sheet holds over %d MiB of text, its shared strings counted in: this is not a sheet of change requests", rowNum, maxRow>>20)}
		}
		return nil
	}
	err = scanXML(rc, func(pos int64, t tag) error {
		if err := rowFits(pos); err != nil {
			return err
		}
		switch t.name {
		case tagRow:
			switch {
			case t.self:
				rowNum = t.rowNumber(rowNum)
			case !t.end:
				rowNum = t.rowNumber(rowNum)
				rowAt, shared, valued = pos, 0, false
			case rowAt >= 0:
				if valued {
					if rows++; rows > max {
						return &refusal{s.opt.tooManyRows("a sheet of the workbook holds")}
					}
				}
				if s.expanded += pos - rowAt + shared; s.expanded > s.opt.maxUnzip() {
					return &refusal{s.opt.tooBig("the workbook's rows, their shared strings counted in, come to", s.opt.maxUnzip())}
				}
				rowAt = -1
			}
		case tagC:
			sharedCell = !t.end && !t.self && string(t.attr("t")) == "s"
			switch {
			case !t.end && !t.self:
				// Keep the tag: its name is read only for a formula cell.
				cellTag = append(cellTag[:0], t.raw...)
				hasF, hasV, inF, formula = false, false, false, formula[:0]
			case t.end && hasF && !hasV:
				cellRef = tag{raw: cellTag}.attr("r")
				if len(cellRef) == 0 || len(cellRef) >= 16 {
					break
				}
				name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
				cells := s.formulas[name]
				if cells == nil {
					cells = map[string]string{}
					s.formulas[name] = cells
				}
				if len(cells) < maxFormulaCells {
					cells[string(cellRef)] = string(formula)
				}
			}
		case tagF:
			hasF = true
			inF = !t.end && !t.self
		case tagIS:
			valued = valued || !t.end
		case tagV:
			switch {
			case t.self:
			case !t.end:
				valued, inV, v = true, sharedCell, v[:0]
				hasV = true
			case inV:
				inV = false
				i, err := strconv.Atoi(string(bytes.TrimSpace(v)))
				if err != nil || i < 0 || i >= len(s.sst) {
					// excelize refuses a bad index when it reads the cell.
					break
				}
				shared += int64(s.sst[i])
			}
		}
		return nil
	}, func(text []byte) {
		if inV && len(v) < 32 {
			v = append(v, text[:min(len(text), 32-len(v))]...)
		}
		if inF && len(formula) < 60 {
			formula = append(formula, text[:min(len(text), 60-len(formula))]...)
		}
	})
	return readErr(err)
}

// tag is a start or end tag met by scanXML.
type tag struct {
	name      tagName
	end, self bool   // </name>, <name/>
	raw       []byte // what follows the name, valid during the call
}

// tagName is the local name of a tag, without a prefix, among those the
// scan needs.
type tagName uint8

const (
	tagOther tagName = iota
	tagRow
	tagC
	tagV
	tagIS
	tagSI
	tagF
)

// nameOf classifies a local name without making a string of it: the scan
// meets millions of tags.
func nameOf(b []byte) tagName {
	switch {
	case len(b) == 1 && b[0] == 'c':
		return tagC
	case len(b) == 1 && b[0] == 'v':
		return tagV
	case len(b) == 1 && b[0] == 'f':
		return tagF
	case len(b) == 2 && b[0] == 'i' && b[1] == 's':
		return tagIS
	case len(b) == 2 && b[0] == 's' && b[1] == 'i':
		return tagSI
	case len(b) == 3 && b[0] == 'r' && b[1] == 'o' && b[2] == 'w':
		return tagRow
	}
	return tagOther
}

// attr returns the value of the attribute with the local name n, or nil.
func (t tag) attr(n string) []byte {
	b := t.raw
	for {
		b = skipBlank(b)
		eq := bytes.IndexByte(b, '=')
		if eq < 0 {
			return nil
		}
		key := b[:eq]
		for len(key) > 0 && isSpace(key[len(key)-1]) {
			key = key[:len(key)-1]
		}
		if i := bytes.LastIndexByte(key, ':'); i >= 0 {
			key = key[i+1:]
		}
		b = skipBlank(b[eq+1:])
		if len(b) == 0 || (b[0] != '"' && b[0] != '\'') {
			return nil
		}
		end := bytes.IndexByte(b[1:], b[0])
		if end < 0 {
			return nil
		}
		if string(key) == n {
			return b[1 : 1+end]
		}
		b = b[end+2:]
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '/' }

func skipBlank(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	return b
}

// rowNumber is the row's r attribute, else the one after prev.
func (t tag) rowNumber(prev int) int {
	n := 0
	for _, c := range t.attr("r") {
		if c < '0' || c > '9' || n > 1<<30 {
			return prev + 1
		}
		n = n*10 + int(c-'0')
	}
	if n > 0 {
		return n
	}
	return prev + 1
}

// maxTag bounds what is kept of one tag: its name and a few attributes.
// The rest of a longer tag is skipped, its quotes still followed.
const maxTag = 512

// scanXML walks XML as bytes, far faster than a decoder and in constant
// memory: onTag gets each tag with the offset just past it (for an end
// tag) or at its start (for a start tag); onText, if set, gets the text
// between tags in pieces. Comments and processing instructions are
// skipped; CDATA is text. It does not check that the XML is well formed:
// excelize does, when it reads.
func scanXML(r io.Reader, onTag func(pos int64, t tag) error, onText func([]byte)) error {
	const (
		inText = iota
		inTag
		inComment
		inCDATA
	)
	var (
		state = inText
		buf   = make([]byte, 64<<10)
		tb    = make([]byte, 0, maxTag)
		quote byte
		last  byte  // the tag's last byte, kept or not
		start int64 // offset of the current tag's '<'
		pos   int64 // offset of buf[0]
		tail  uint32
	)
	for {
		n, err := r.Read(buf)
		chunk := buf[:n]
		for i := 0; i < len(chunk); i++ {
			c := chunk[i]
			switch state {
			case inText:
				j := bytes.IndexByte(chunk[i:], '<')
				if j < 0 {
					if onText != nil {
						onText(chunk[i:])
					}
					i = len(chunk)
					continue
				}
				if onText != nil && j > 0 {
					onText(chunk[i : i+j])
				}
				i += j
				state, tb, quote, last, start = inTag, tb[:0], 0, 0, pos+int64(i)
			case inTag:
				switch {
				case quote != 0:
					if c == quote {
						quote = 0
					}
				case c == '"' || c == '\'':
					quote = c
				case c == '>':
					state = inText
					if err := emitTag(tb, last == '/', start, pos+int64(i)+1, onTag); err != nil {
						return err
					}
					continue
				}
				last = c
				if len(tb) < maxTag {
					tb = append(tb, c)
				}
				switch {
				case len(tb) == 3 && tb[0] == '!' && tb[1] == '-' && tb[2] == '-':
					state, tail = inComment, 0
				case len(tb) == 8 && bytes.Equal(tb, []byte("![CDATA[")):
					state, tail = inCDATA, 0
				}
			case inComment, inCDATA:
				tail = tail<<8 | uint32(c)
				switch {
				case state == inComment && tail&0xFFFFFF == '-'<<16|'-'<<8|'>':
					state = inText
				case state == inCDATA && tail&0xFFFFFF == ']'<<16|']'<<8|'>':
					state = inText
				case state == inCDATA && onText != nil:
					onText(chunk[i : i+1])
				}
			}
		}
		pos += int64(n)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// emitTag parses the bytes between '<' and '>' and hands the tag on.
func emitTag(tb []byte, self bool, start, end int64, onTag func(int64, tag) error) error {
	if len(tb) == 0 || tb[0] == '?' || tb[0] == '!' {
		return nil
	}
	t := tag{self: self}
	if tb[0] == '/' {
		t.end, t.self = true, false
		tb = tb[1:]
	}
	i, colon := 0, -1
	for ; i < len(tb); i++ {
		c := tb[i]
		if isSpace(c) {
			break
		}
		if c == ':' {
			colon = i
		}
	}
	t.name, t.raw = nameOf(tb[colon+1:i]), tb[i:]
	at := start
	if t.end || t.self {
		at = end
	}
	return onTag(at, t)
}
