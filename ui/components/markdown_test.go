package components

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
)

// hostileMarkdown tries every way known to get bytes to the terminal:
// raw sequences, entities with and without semicolons, C1 and bidi
// characters, HTML blocks and spans, and a code span.
const hostileMarkdown = "# Title \x1b[2J &#27;[2J\n\n" +
	"Clip \x1b]52;c;aGk=\x07 &#x1b;]52;c;aGk=&#7; and &#x1B]0;title&#x07 &#155;31m &#x9b;31m \u009b31m\n\n" +
	"Bidi &#x202e;evil &#8238; \u202e and a bell \a and DEL \x7f and &#0027;c\n\n" +
	"<script>alert(1)</script> <b onclick=\"x\">bold</b> <img src=x onerror=alert(2)>\n\n" +
	"<div>\nblock &#27;[31m html\n</div>\n\n" +
	"`code &#27;[2J \x1b[2J`\n\n" +
	"```\nfenced \x1b[2J &#27;[2J\n```\n\n" +
	"[link](http://x.y/&#27;[2J) **strong**\n"

func withProfile(t *testing.T, p termenv.Profile) {
	t.Helper()
	old := lipgloss.ColorProfile()
	lipgloss.SetColorProfile(p)
	t.Cleanup(func() { lipgloss.SetColorProfile(old) })
}

func TestMarkdownIsSafeOnHostileText(t *testing.T) {
	for _, tc := range []struct {
		profile termenv.Profile
		style   string
	}{
		{termenv.Ascii, "notty"}, {termenv.Ascii, "dark"}, {termenv.ANSI256, "dark"},
		{termenv.TrueColor, "light"}, {termenv.ANSI, "notty"},
	} {
		t.Run(fmt.Sprintf("%v/%s", tc.profile, tc.style), func(t *testing.T) {
			withProfile(t, tc.profile)
			out, err := NewMarkdown().Render(hostileMarkdown, 60, tc.style)
			if err != nil {
				t.Fatal(err)
			}
			assertOnlySGR(t, out)
			if tc.profile == termenv.Ascii && strings.Contains(out, "\x1b") {
				t.Fatalf("colour is off but the output holds ESC: %q", out)
			}
			plain := xansi.Strip(out)
			for _, want := range []string{"Title", "␛[2J", "Clip ␛]52;c;aGk=␇", "bold", "strong", "fenced"} {
				if !strings.Contains(plain, want) {
					t.Errorf("output lacks %q:\n%s", want, plain)
				}
			}
			for _, bad := range []string{"<script", "alert(1)", "<b ", "onclick", "onerror", "\u202e", "\u009b", "\x7f"} {
				if strings.Contains(out, bad) {
					t.Errorf("output holds %q:\n%q", bad, out)
				}
			}
		})
	}
}

// assertOnlySGR fails on any escape sequence but SGR and on any control
// character but newline.
func assertOnlySGR(t *testing.T, out string) {
	t.Helper()
	for i := 0; i < len(out); i++ {
		c := out[i]
		if c == 0x1b {
			n, sgr := escapeLen(out[i:])
			if !sgr {
				t.Fatalf("non-SGR sequence at %d: %q", i, out[i:min(i+12, len(out))])
			}
			i += n - 1
			continue
		}
		if (c < 0x20 && c != '\n') || c == 0x7f {
			t.Fatalf("control byte %#x at %d: %q", c, i, out[max(i-10, 0):min(i+10, len(out))])
		}
	}
	for _, r := range out {
		if (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Fatalf("rune %U reached the output", r)
		}
	}
}

func TestCleanRendered(t *testing.T) {
	for _, tc := range []struct{ name, in, colour, mono string }{
		{"sgr kept, padding trimmed", "\x1b[1mhi\x1b[0m   \x1b[38;5;252m \x1b[0m  ", "\x1b[1mhi\x1b[0m", "hi"},
		{"other CSI dropped", "a\x1b[2Jb\x1b[?25lc", "abc", "abc"},
		{"OSC to BEL", "a\x1b]52;c;aGk=\x07b", "ab", "ab"},
		{"OSC to ST", "a\x1b]8;;http://x\x1b\\b", "ab", "ab"},
		{"unterminated OSC eats the line", "a\x1b]0;t", "a", "a"},
		{"two-byte escape", "a\x1bcb", "ab", "ab"},
		{"lone ESC at end", "ab\x1b", "ab", "ab"},
		{"broken CSI keeps text", "a\x1b[12\x01b", "a[12␁b", "a[12␁b"},
		{"controls become pictures", "a\ab\x7fc\u0085d\u202ee", "a␇b␡c\ufffdd\ufffde", "a␇b␡c\ufffdd\ufffde"},
		{"tab", "a\tb", "a    b", "a    b"},
		{"SGR with colon params", "\x1b[38:5:1mx", "\x1b[38:5:1mx\x1b[0m", "x"},
		{"private SGR-like dropped", "\x1b[?1mx", "x", "x"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CleanRendered(tc.in, true); got != tc.colour {
				t.Errorf("colour: got %q, want %q", got, tc.colour)
			}
			if got := CleanRendered(tc.in, false); got != tc.mono {
				t.Errorf("mono: got %q, want %q", got, tc.mono)
			}
		})
	}
}

func FuzzCleanRendered(f *testing.F) {
	for _, s := range []string{hostileMarkdown, "\x1b[1mx\x1b[0m  ", "\x1b]", "\x1b[", "a\x1b\x1b[31m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := CleanRendered(s, true)
		assertOnlySGR(t, out)
		if mono := CleanRendered(s, false); strings.Contains(mono, "\x1b") {
			t.Fatalf("mono output holds ESC: %q", mono)
		}
		if again := CleanRendered(out, true); again != out {
			t.Fatalf("not idempotent: %q → %q", out, again)
		}
	})
}

func TestNeutraliseEntities(t *testing.T) {
	for in, want := range map[string]string{
		"&#27;[2J":            "␛[2J",
		"&#x1b;x &#X1B x":     "␛x ␛ x",
		"&#0027;":             "␛",
		"&#7":                 "␇",
		"&#x202E;":            "\ufffd",
		"&#155;":              "\ufffd",
		"&#65; &#x41; &amp;":  "&#65; &#x41; &amp;",
		"&#10; &#9;":          "&#10; &#9;",
		"&#; &#x; & #27":      "&#; &#x; & #27",
		"&#99999999999999999": "&#99999999999999999",
		"tail &#":             "tail &#",
	} {
		if got := neutraliseEntities(in); got != want {
			t.Errorf("neutraliseEntities(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownCachesAndWraps(t *testing.T) {
	withProfile(t, termenv.Ascii)
	m := NewMarkdown()
	src := "# Heading\n\n" + strings.Repeat("word ", 60)
	if _, ok := m.Cached(src, 40, "dark"); ok {
		t.Fatal("cached before any rendering")
	}
	out, err := m.Render(src, 40, "dark")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(out, "\n") {
		if w := xansi.StringWidth(l); w > 40 {
			t.Fatalf("line %d is %d cells wide at width 40: %q", i, w, l)
		}
	}
	if got, ok := m.Cached(src, 40, "dark"); !ok || got != out {
		t.Fatal("a rendering is not cached")
	}
	if _, ok := m.Cached(src, 41, "dark"); ok {
		t.Fatal("a rendering at another width is served from the cache")
	}
	if _, ok := m.Cached(src+" ", 40, "dark"); ok {
		t.Fatal("other text is served from the cache")
	}
	narrow, _ := m.Render(src, 20, "dark")
	if strings.Count(narrow, "\n") <= strings.Count(out, "\n") {
		t.Fatal("a narrower width does not re-wrap")
	}
}

func TestMarkdownLargeSourceIsPlainAndQuick(t *testing.T) {
	withProfile(t, termenv.ANSI256)
	line := "## not a heading here \x1b[2J " + strings.Repeat("x", 30) + "\n"
	src := strings.Repeat(line, MarkdownPlainFrom/len(line)+1)
	start := time.Now()
	out, err := NewMarkdown().Render(src, 50, "dark")
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("a %d KB source took %v", len(src)>>10, d)
	}
	if !strings.HasPrefix(out, "## not a heading here ␛[2J") || strings.Contains(out, "\x1b") {
		t.Fatalf("large source is not plain and safe: %q", out[:80])
	}
	for i, l := range strings.Split(out, "\n")[:50] {
		if w := xansi.StringWidth(l); w > 50 {
			t.Fatalf("line %d is %d cells wide at width 50", i, w)
		}
	}
}

func BenchmarkMarkdownCached(b *testing.B) {
	m := NewMarkdown()
	src := strings.Repeat("Some *text* with **bold**.\n\n", 2000)
	m.Render(src, 80, "dark")
	for b.Loop() {
		if _, ok := m.Cached(src, 80, "dark"); !ok {
			b.Fatal("miss")
		}
	}
}
