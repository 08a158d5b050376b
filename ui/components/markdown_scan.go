package components

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Glamour's cost is linear in the text for ordinary documents, but some
// shapes make it quadratic or worse in time or memory: measured at width
// 80, 80 nested block quotes in 93 bytes render to 5 MB in 2.7 s (and
// more grow past gigabytes); one 40,000-character word takes 4 s to wrap;
// 13,000 alternating "*_" in a paragraph 1 s (goldmark's delimiter
// stack); 10,000 items in one list 0.5 s; 10,000 identical headings 6.6 s
// (goldmark numbers duplicate heading IDs by trying -1, -2, … in turn); a
// table 40,000 columns wide 15 s. markdownShape finds these shapes in one
// linear pass, so that such a text is shown plain rather than rendered.
// The limits leave every real document far inside them; what slips past
// them still meets the render's time and output budget.
const (
	maxWordRunes    = 2000 // 10 to 30 ms to wrap, CJK text included
	maxInlineMarks  = 5000 // emphasis runs and brackets in one paragraph
	maxListItems    = 5000 // items in one list
	maxSameHeadings = 1000 // headings that would get the same ID
	maxTableColumns = 500  // cells in one table row
)

// maxNesting is how deep block quotes and lists may nest at a width: each
// level takes two or more columns, and once the levels eat the width
// Glamour's output grows with every further level (at width 20, twelve
// levels turn 2 KB into 140 KB). Sixteen levels stay cheap at any width.
func maxNesting(width int) int {
	return min(max(width/4, 4), 16)
}

// markdownShape tells why src is too costly to render at width, or ""
// when it is not: "nested 300 deep", "a word 40,000 characters long"…
func markdownShape(src string, width int) string {
	s := shapeScan{headings: map[string]int{}}
	for line := range strings.Lines(src) {
		s.line(strings.TrimRight(line, "\r\n"))
	}
	switch {
	case s.depth > maxNesting(width):
		return fmt.Sprintf("nested %d deep", s.depth)
	case s.word > maxWordRunes:
		return fmt.Sprintf("a word %s characters long", thousands(s.word))
	case s.marks > maxInlineMarks:
		return fmt.Sprintf("%s emphasis marks and brackets in one paragraph", thousands(s.marks))
	case s.items > maxListItems:
		return fmt.Sprintf("%s items in one list", thousands(s.items))
	case s.same > maxSameHeadings:
		return fmt.Sprintf("the same heading %s times", thousands(s.same))
	case s.columns > maxTableColumns:
		return fmt.Sprintf("a table %s columns wide", thousands(s.columns))
	}
	return ""
}

// shapeScan holds the running counts of markdownShape and the maxima seen.
// It reads lines roughly as CommonMark does, erring towards counting more:
// a line's container markers, fenced code at the top level (whose content
// is never parsed), paragraphs, list runs, headings and table rows.
type shapeScan struct {
	depth, word, marks, items, same, columns int // maxima

	fence     string // the opening fence while inside top-level fenced code
	paraMarks int    // marks in the current paragraph
	listItems int    // items in the current run of list lines
	inTable   bool
	prevText  string // the previous line's content when it was paragraph text
	prevPipe  bool   // the previous line held a '|'
	prevBlank bool
	headings  map[string]int
}

func (s *shapeScan) line(l string) {
	if s.fence != "" {
		if isClosingFence(l, s.fence) {
			s.fence = ""
		}
		return
	}
	if f := openingFence(l); f != "" {
		s.fence = f
		s.endBlock()
		s.listItems = 0
		return
	}
	p := containerPrefix(l)
	s.depth = max(s.depth, p.depth)
	content := strings.TrimRight(l[p.end:], " \t")
	blank := content == ""

	switch {
	case p.items > 0:
		s.listItems += p.items
		s.items = max(s.items, s.listItems)
	case p.indent == 0 && p.depth == 0 && (s.prevBlank || strings.HasPrefix(content, "#")):
		s.listItems = 0 // a top-level block that is not part of a list
	}

	if s.prevText != "" && (isUnderline(content) || p.emptyDash) {
		s.heading(s.prevText) // setext heading
	} else if text, ok := atxHeading(content); ok {
		s.heading(text)
		s.paraMarks = 0 // a heading is parsed on its own
	}
	if p.items > 0 {
		s.paraMarks = 0 // so is each list item's first paragraph
	}

	pipes := strings.Count(content, "|")
	s.columns = max(s.columns, pipes)
	if pipes > 0 && s.prevPipe && isDelimiterRow(content) {
		s.inTable = true
	}
	if blank {
		s.endBlock()
	} else {
		if s.inTable {
			s.paraMarks = 0 // each row is parsed on its own
		}
		s.inline(content)
	}
	s.prevBlank, s.prevPipe = blank, pipes > 0
	s.prevText = ""
	if !blank && !p.emptyDash {
		s.prevText = content
	}
}

func (s *shapeScan) endBlock() {
	s.paraMarks, s.inTable, s.prevText, s.prevPipe = 0, false, "", false
	s.prevBlank = true
}

// inline counts the longest word (in characters) and the emphasis runs
// and brackets of the paragraph.
func (s *shapeScan) inline(text string) {
	word := 0
	var prev byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\\' && i+1 < len(text) && isASCIIPunct(text[i+1]) {
			i++ // an escaped mark is text
			word += 2
			s.word = max(s.word, word)
			prev = 0
			continue
		}
		switch c {
		case ' ', '\t':
			word = 0
		case '*', '_', '~':
			if c != prev {
				s.paraMarks++
			}
		case '[', ']':
			s.paraMarks++
		}
		if c != ' ' && c != '\t' && utf8.RuneStart(c) {
			word++ // a character, counted at its first byte
			s.word = max(s.word, word)
		}
		prev = c
	}
	s.marks = max(s.marks, s.paraMarks)
}

func isASCIIPunct(c byte) bool {
	return c > ' ' && c < 0x7f && !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')
}

func (s *shapeScan) heading(text string) {
	id := headingID(text)
	s.headings[id]++
	s.same = max(s.same, s.headings[id])
}

// headingID is close to the ID goldmark derives from a heading's text:
// ASCII letters and digits lower-cased, spaces, '-' and '_' as '-', the
// rest dropped, "heading" when nothing is left.
func headingID(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b.WriteByte(c)
		case c >= 'A' && c <= 'Z':
			b.WriteByte(c + 'a' - 'A')
		case c == ' ' || c == '\t' || c == '-' || c == '_':
			b.WriteByte('-')
		}
	}
	if b.Len() == 0 {
		return "heading"
	}
	return b.String()
}

// prefix is what containerPrefix found at the start of a line.
type prefix struct {
	depth     int  // block quotes and list items opened or continued
	items     int  // list markers on the line
	indent    int  // leading columns of white space
	end       int  // where the content starts
	emptyDash bool // the line is a lone "-": an underline after text
}

// containerPrefix reads the block quote markers and list markers that
// start l, with any white space around them, and counts each as a level.
// Leading white space before a marker counts a level per two columns, as
// that is how lists nest under one another. A run that is a thematic
// break ("- - -", "***") is not a list.
func containerPrefix(l string) prefix {
	var p prefix
	hr := thematicFrom(l)
	end := len(strings.TrimRight(l, " \t"))
	i, col := 0, 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
		col = advance(col, l[i])
		i++
	}
	p.indent = col
	for {
		for i < len(l) && (l[i] == ' ' || l[i] == '\t') {
			i++
		}
		if i >= len(l) || i >= hr {
			break
		}
		if l[i] == '>' {
			p.depth++
			i++
			continue
		}
		n := listMarker(l[i:])
		if n == 0 {
			break
		}
		p.depth++
		p.items++
		if l[i] == '-' && i+n >= end {
			p.emptyDash = true
		}
		i += n
	}
	if p.items > 0 || p.depth > 0 {
		p.depth += p.indent / 2
	}
	p.end = i
	return p
}

func advance(col int, c byte) int {
	if c == '\t' {
		return col + 4 - col%4
	}
	return col + 1
}

// listMarker is the length of a list marker at the start of s ("-", "+",
// "*", or up to nine digits and "." or ")"), which must be followed by
// white space or the end of the line; 0 if there is none.
func listMarker(s string) int {
	n := 0
	switch {
	case s[0] == '-' || s[0] == '+' || s[0] == '*':
		n = 1
	default:
		for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
			n++
		}
		if n == 0 || n >= len(s) || (s[n] != '.' && s[n] != ')') {
			return 0
		}
		n++
	}
	if n < len(s) && s[n] != ' ' && s[n] != '\t' {
		return 0
	}
	return n
}

// thematicFrom is where the thematic break ending l starts: the shortest
// position from which l holds only white space and three or more of one
// of '-', '*', '_'. len(l)+1 when l does not end in one.
func thematicFrom(l string) int {
	none := len(l) + 1
	end := len(strings.TrimRight(l, " \t"))
	if end == 0 {
		return none
	}
	c := l[end-1]
	if c != '-' && c != '*' && c != '_' {
		return none
	}
	i, n := end, 0
	for i > 0 && (l[i-1] == c || l[i-1] == ' ' || l[i-1] == '\t') {
		i--
		if l[i] == c {
			n++
		}
	}
	if n < 3 {
		return none
	}
	for i < len(l) && l[i] != c { // start at the first of its characters
		i++
	}
	return i
}

// openingFence is the fence ("```", "~~~~"…) that l opens when it starts
// fenced code at the top level, "" otherwise. Only a fence in the first
// column counts: one that is indented may sit in a list item that ends
// on the next unindented line, and its "code" would then be parsed.
func openingFence(l string) string {
	if len(l) < 3 || (l[0] != '`' && l[0] != '~') {
		return ""
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 || (l[0] == '`' && strings.IndexByte(l[n:], '`') >= 0) {
		return ""
	}
	return l[:n]
}

func isClosingFence(l, fence string) bool {
	t := strings.TrimLeft(l, " ")
	if len(l)-len(t) > 3 || !strings.HasPrefix(t, fence) {
		return false
	}
	return strings.Trim(t, fence[:1]+" \t") == ""
}

// atxHeading returns the text of "## Text ##".
func atxHeading(content string) (string, bool) {
	n := 0
	for n < len(content) && n < 7 && content[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || (n < len(content) && content[n] != ' ' && content[n] != '\t') {
		return "", false
	}
	return strings.Trim(strings.TrimRight(content[n:], "#"), " \t"), true
}

// isUnderline tells whether content is a setext heading underline.
func isUnderline(content string) bool {
	return content != "" && (strings.Trim(content, "=") == "" || strings.Trim(content, "-") == "")
}

// isDelimiterRow tells whether content is a table's delimiter row
// ("|---|:--:|").
func isDelimiterRow(content string) bool {
	return strings.Contains(content, "-") && strings.Trim(content, "|-: \t") == ""
}

// thousands writes n with thousands separators.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
