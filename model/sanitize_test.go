package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// hostile holds the strings a terminal must never receive raw.
var hostile = []string{
	"\x1b]52;c;aGk=\x07",                    // OSC 52: write the clipboard
	"\x1b[2J",                               // CSI: clear the screen
	"\x1b]8;;http://x\x1b\\a\x1b]8;;\x1b\\", // OSC 8 hyperlink with ST
	"a\x9b2Jb",                              // raw C1 CSI byte (invalid UTF-8)
	"a\u009b2Jb",                            // U+009B CSI as a rune
	"\u0090q\u009c",                         // DCS … ST as runes
	"ding\x07 back\x08 ret\r",               // BEL, BS, CR
	"del\x7f",                               // DEL
	"abc\u202Eevil",                         // right-to-left override
	"x\u2066y\u2069z",                       // left-to-right isolate … pop
	"\u202A\u202B\u202C\u202D\u2067\u2068",
	"\x00nul\x1f",
	"\xff\xfe",
	"\x1bP1$r0m\x1b\\",                 // DCS … ST
	"\x1b_Gf=100;AAAA\x1b\\",           // APC (kitty graphics)
	"\x1b]0;title\x07\x1b]2;title\x07", // OSC 0 / OSC 2: window title
	"\x1b[10;10H\x1b[1A\x1b[K",         // cursor moves, erase line
	"pay\u200bpal\ufeff\u200e\u200f\u061c\u2060\u2064", // invisible format characters
}

// forbidden tells whether r must not reach the terminal; oneLine adds
// newline and tab.
func forbidden(r rune, oneLine bool) bool {
	switch {
	case r == '\n' || r == '\t':
		return oneLine
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200b, r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff, r >= 0x2060 && r <= 0x2064:
		return true // invisible: hides text and shifts columns
	}
	return false
}

func checkSafe(t *testing.T, name, in, out string, oneLine bool) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("%s(%q) = %q: invalid UTF-8", name, in, out)
	}
	if strings.IndexByte(out, 0x1b) >= 0 {
		t.Errorf("%s(%q) = %q: ESC left", name, in, out)
	}
	for i := 0; i < len(out); i++ {
		c := out[i]
		if (c < 0x20 && (oneLine || (c != '\n' && c != '\t'))) || c == 0x7f {
			t.Errorf("%s(%q) = %q: control byte %#x left", name, in, out, c)
		}
	}
	for _, r := range out {
		if forbidden(r, oneLine) {
			t.Errorf("%s(%q) = %q: rune %U left", name, in, out, r)
		}
	}
}

func TestSanitizeHostile(t *testing.T) {
	for _, in := range hostile {
		checkSafe(t, "Sanitize", in, Sanitize(in), false)
		checkSafe(t, "SanitizeLine", in, SanitizeLine(in), true)
	}
}

func TestSanitizeExact(t *testing.T) {
	tests := []struct {
		in, want, wantLine string
	}{
		{"plain ASCII", "plain ASCII", "plain ASCII"},
		{"", "", ""},
		{"\x1b[2J", "␛[2J", "␛[2J"},
		{"\x1b]52;c;aGk=\x07", "␛]52;c;aGk=␇", "␛]52;c;aGk=␇"},
		{"a\x9bb", "a\uFFFDb", "a\uFFFDb"},
		{"a\u009bb", "a\uFFFDb", "a\uFFFDb"},
		{"\x07\x08\r", "␇␈␍", "␇␈␍"},
		{"del\x7f", "del␡", "del␡"},
		{"abc\u202Eevil", "abc\uFFFDevil", "abc\uFFFDevil"},
		{"x\u2066y", "x\uFFFDy", "x\uFFFDy"},
		{"line one\nline two", "line one\nline two", "line one line two"},
		{"col\tcol", "col\tcol", "col col"},
		{"crlf\r\n", "crlf␍\n", "crlf␍ "},
		{"\x1bP1$r\x1b\\", "␛P1$r␛\\", "␛P1$r␛\\"},
		{"\x1b_G\x1b\\", "␛_G␛\\", "␛_G␛\\"},
		{"\x1b]0;t\x07", "␛]0;t␇", "␛]0;t␇"},
		{"\x00\x1f", "␀␟", "␀␟"},
		{"\u202Aa\u202Db\u2069", "\uFFFDa\uFFFDb\uFFFD", "\uFFFDa\uFFFDb\uFFFD"},
		{"pay\u200bpal", "paypal", "paypal"},
		{"\ufeffID;Title", "ID;Title", "ID;Title"},
		{"a\u200eb\u200fc\u061cd\u2060e\u2064f", "abcdef", "abcdef"},
		{"\u200b\n\u200b", "\n", " "},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := SanitizeLine(tt.in); got != tt.wantLine {
			t.Errorf("SanitizeLine(%q) = %q, want %q", tt.in, got, tt.wantLine)
		}
	}
}

func TestSanitizeKeepsText(t *testing.T) {
	keep := []string{
		"Déploiement en recette — étape 3 « test »",
		"Ça coûte 12 € ; naïve façade",
		"市场营销运营 マーケティング 마케팅",
		"Launch 🚀 ready ✅",
		"Team 👩‍💻👨‍👩‍👧‍👦 and flags 🇫🇷", // ZWJ sequences and a flag
		"skin tone 👍🏽, keycap 1️⃣",
		"Arabic مرحبا and Hebrew שלום", // right-to-left script, no override
		"ZWJ alone \u200d and ZWNJ \u200c",
		"symbols ␛ ␇ \uFFFD already placeholders",
	}
	for _, s := range keep {
		if got := Sanitize(s); got != s {
			t.Errorf("Sanitize(%q) = %q, want unchanged", s, got)
		}
		if got := SanitizeLine(s); got != s {
			t.Errorf("SanitizeLine(%q) = %q, want unchanged", s, got)
		}
	}
}

func TestSanitizeIdempotent(t *testing.T) {
	inputs := append([]string{"plain", "multi\nline\ttext", "Déjà vu 🚀"}, hostile...)
	for _, in := range inputs {
		once := Sanitize(in)
		if twice := Sanitize(once); twice != once {
			t.Errorf("Sanitize not idempotent on %q: %q then %q", in, once, twice)
		}
		onceL := SanitizeLine(in)
		if twice := SanitizeLine(onceL); twice != onceL {
			t.Errorf("SanitizeLine not idempotent on %q: %q then %q", in, onceL, twice)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("plain text")
	f.Add("multi\nline\ttext\r\n")
	f.Add("Déploiement 市场 👩‍💻 🇫🇷")
	f.Add("\u200d\u200e\u200f\u061c")
	f.Fuzz(func(t *testing.T, in string) {
		out := Sanitize(in)
		checkSafe(t, "Sanitize", in, out, false)
		if again := Sanitize(out); again != out {
			t.Errorf("Sanitize(Sanitize(%q)) = %q, want %q", in, again, out)
		}
		line := SanitizeLine(in)
		checkSafe(t, "SanitizeLine", in, line, true)
		if again := SanitizeLine(line); again != line {
			t.Errorf("SanitizeLine(SanitizeLine(%q)) = %q, want %q", in, again, line)
		}
		if both := SanitizeLine(out); both != line {
			t.Errorf("SanitizeLine(Sanitize(%q)) = %q, want %q", in, both, line)
		}
		if utf8.ValidString(in) && !strings.ContainsFunc(in, func(r rune) bool { return forbidden(r, false) }) && out != in {
			t.Errorf("Sanitize changed safe text %q to %q", in, out)
		}
	})
}

// Every control, format and separator character of Unicode, alone and
// inside text, comes out as nothing, a placeholder or a line break: none
// reaches the terminal, and nothing invisible stays to disguise a title.
func TestSanitizeEveryInvisibleCategory(t *testing.T) {
	kept := func(r rune, oneLine bool) bool {
		switch r {
		case 0x200c, 0x200d:
			return true
		case '\n', '\t':
			return !oneLine
		}
		return false
	}
	bad := []*unicode.RangeTable{unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp}
	for _, table := range bad {
		for r := rune(0); r <= unicode.MaxRune; r++ {
			if !unicode.Is(table, r) {
				continue
			}
			for _, oneLine := range []bool{false, true} {
				out := sanitize("a"+string(r)+"b", oneLine)
				for _, o := range out {
					if unicode.In(o, bad...) && !kept(o, oneLine) {
						t.Fatalf("U+%04X (one line %v) leaves U+%04X in %q", r, oneLine, o, out)
					}
				}
			}
		}
	}
	for _, r := range []rune{0x00ad, 0x180e, 0x2028, 0x2029, 0x3164, 0x034f, 0x115f, 0xffa0, 0xe0041} {
		if out := SanitizeLine("a" + string(r) + "b"); out != "ab" && out != "a b" {
			t.Errorf("U+%04X: SanitizeLine gives %q, want it gone (or a space for a separator)", r, out)
		}
	}
}
