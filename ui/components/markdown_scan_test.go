package components

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
)

// nestedList is a list whose items each nest one level under the last.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- item\n")
	}
	return b.String()
}

// Each of these made Glamour take seconds to minutes or gigabytes (see the
// measurements by markdownShape); the scan names the shape.
var costlyShapes = []struct{ name, src, why string }{
	{"nested quotes", strings.Repeat(">", 200) + " boom", "nested 200 deep"},
	{"spaced quotes", strings.Repeat("> ", 300) + "x", "nested 300 deep"},
	{"lists on one line", strings.Repeat("- ", 40) + "x", "nested 40 deep"},
	{"ordered lists", strings.Repeat("1. ", 40) + "x", "nested 40 deep"},
	{"indented lists", nestedList(60), "nested 60 deep"},
	{"quotes and lists", strings.Repeat("> - ", 20) + "x", "nested 40 deep"},
	{"long word", strings.Repeat("a", 40_000), "a word 40,000 characters long"},
	{"brackets", strings.Repeat("[", 100_000), "a word 100,000 characters long"},
	{"CJK run", strings.Repeat("漢", 3000), "a word 3,000 characters long"},
	{"emphasis", strings.Repeat("*_ ", 20_000), "40,000 emphasis marks and brackets in one paragraph"},
	{"emphasis on many lines", strings.Repeat("*a _b\n", 4000), "8,000 emphasis marks"},
	{"spaced brackets", strings.Repeat("[a ", 10_000), "10,000 emphasis marks"},
	{"long list", strings.Repeat("- a\n", 6000), "6,000 items in one list"},
	{"loose long list", strings.Repeat("- a\n\n", 6000), "6,000 items in one list"},
	{"same headings", strings.Repeat("# Notes\n", 1500), "the same heading 1,500 times"},
	{"same headings, other case", strings.Repeat("## notes ##\n### NOTES\n", 750), "the same heading 1,500 times"},
	{"setext headings", strings.Repeat("a\n=\n\n", 1500), "the same heading 1,500 times"},
	{"quoted setext headings", strings.Repeat("> a\n> -\n\n", 1500), "the same heading 1,500 times"},
	{"wide table", "|" + strings.Repeat(" a |", 800) + "\n|" + strings.Repeat("-|", 800) + "\n", "a table 801 columns wide"},
	{"list after fence in a list", "- a\n  ```\n" + strings.Repeat(">", 50) + " x\n", "nested 50 deep"},
}

func TestMarkdownShapeFindsCostlyShapes(t *testing.T) {
	for _, tc := range costlyShapes {
		t.Run(tc.name, func(t *testing.T) {
			if got := markdownShape(tc.src, 80); !strings.Contains(got, tc.why) {
				t.Errorf("got %q, want %q", got, tc.why)
			}
		})
	}
}

// ordinaryDocs are real documents: the README, every template's docs and
// the sample project's report, plus hand-made ones at the edges of what
// people write.
func ordinaryDocs(t *testing.T) map[string]string {
	docs := map[string]string{
		"nested lists, quotes, code": "# Plan\n\n> Note: read first.\n> > Quoted reply\n> > > and its quote\n\n" +
			"- one\n  - two\n    - three\n      1. four\n         - five\n\n" +
			"```c\n" + strings.Repeat("int **p = *q; /* [x] */ a_b_c\n", 3000) + "```\n\n" +
			"* * *\n\n- - - - - - - - - - - - - - - - - - - - - - - -\n\n" +
			"A paragraph with *emphasis*, **strong**, `code`, [a link](http://x.y) and snake_case_names.\n",
		"changelog": strings.Repeat("## Release\n\n### Fixed\n\n- a bug\n- another bug\n\n### Added\n\n- a thing\n\n", 300),
		"big table": "| a | b | c |\n|---|:-:|--:|\n" + strings.Repeat("| **x** | _y_ | [z](u) |\n", 3000),
		"escapes":   strings.Repeat("\\* \\_ \\[ ", 3000),
		"tasks":     strings.Repeat("- [ ] do *this*\n- [x] done [it](u)\n", 2000),
		"long url":  "see [the spec](https://example.com/" + strings.Repeat("segment/", 200) + ")",
		"fence":     "```\n" + strings.Repeat(">", 300) + "\n" + strings.Repeat("*_", 50_000) + "\n```\n",
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	docs["README"] = string(readme)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	for _, tpl := range model.Templates() {
		for _, d := range model.NewProject(tpl, "P", now).Docs {
			docs[tpl.Key+"/"+d.Title] = d.Body
		}
	}
	docs["sample report"] = model.StatusReport(model.SampleProject(now), now)
	return docs
}

func TestMarkdownShapePassesOrdinaryDocs(t *testing.T) {
	for name, src := range ordinaryDocs(t) {
		for _, width := range []int{30, 80, 200} {
			if why := markdownShape(src, width); why != "" {
				t.Errorf("%s at width %d: %q", name, width, why)
			}
		}
	}
}

func TestMaxNestingFollowsTheWidth(t *testing.T) {
	src := strings.Repeat("> ", 8) + "x"
	if why := markdownShape(src, 80); why != "" {
		t.Errorf("8 levels at width 80: %q", why)
	}
	if why := markdownShape(src, 20); why != "nested 8 deep" {
		t.Errorf("8 levels at width 20: %q", why)
	}
}

// The scan must stay linear on any input, its own worst cases included.
func TestMarkdownShapeIsLinear(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("- ", 200_000) + strings.Repeat(" ", 100_000),
		strings.Repeat("- ", 200_000) + "-",
		strings.Repeat("#", 500_000),
		strings.Repeat("|", 500_000),
		strings.Repeat("\\*", 250_000),
		strings.Repeat("a\n-\n", 120_000),
	} {
		start := time.Now()
		markdownShape(src, 80)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%q…: %v", src[:10], d)
		}
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func FuzzMarkdownShape(f *testing.F) {
	for _, tc := range costlyShapes {
		f.Add(tc.src[:min(len(tc.src), 200)])
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = markdownShape(s, 40)
		_ = fmt.Sprint(containerPrefix(s))
	})
}
