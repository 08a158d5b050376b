package model

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// plainDate is a date or a month-day written with a plain hyphen, which
// Glamour may break a line at.
var plainDate = regexp.MustCompile(`\d{4}-\d{2}|\b\d{2}-\d{2}\b`)

// TestStatusReportWidthGoldens: the sample project's report at the widths
// the Docs pane gives it in 80, 120 and 200 column terminals. Every table
// fits the width with the renderer's margin, and no date has a hyphen a
// line can break at. Regenerate with -update and read the diff.
func TestStatusReportWidthGoldens(t *testing.T) {
	now := time.Date(2026, 10, 19, 9, 30, 0, 0, time.UTC)
	d := SampleProject(now)
	for _, w := range []int{51, 81, 161} {
		got := StatusReportWidth(d, now, w)
		tables := 0
		for _, line := range strings.Split(got, "\n") {
			if strings.HasPrefix(line, "|") {
				tables++
			}
			if m := plainDate.FindString(line); m != "" {
				t.Errorf("width %d: %q has a breakable date in %q", w, m, line)
			}
		}
		if tables == 0 {
			t.Errorf("width %d: no table at all", w)
		}
		checkTablesFit(t, got, w)
		path := filepath.Join("testdata", fmt.Sprintf("report_w%d.golden", w))
		if *update {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to write it)", err)
		}
		if got != string(want) {
			t.Errorf("width %d differs from %s:\n%s", w, path, got)
		}
	}
	if mail := StatusReport(d, now); strings.Contains(mail, nonBreakingHyphen) || !plainDate.MatchString(mail) {
		t.Error("a mail (width 0) should keep plain hyphens in its dates")
	}
	if Sanitize(nonBreakingHyphen) != nonBreakingHyphen {
		t.Error("Sanitize drops the non-breaking hyphen")
	}
}

// checkTablesFit measures each markdown table of md as a renderer lays it
// out (each column as wide as its widest cell) against width.
func checkTablesFit(t *testing.T, md string, width int) {
	t.Helper()
	var rows [][]string
	flush := func() {
		if len(rows) > 2 {
			if tw := tableWidth(rows[0], append(rows[2:], rows[0])); tw > width-reportMargin {
				t.Errorf("width %d: a table %d columns wide does not fit:\n%s", width, tw, strings.Join(rows[0], " | "))
			}
		}
		rows = nil
	}
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			flush()
			continue
		}
		rows = append(rows, strings.Split(strings.TrimSpace(strings.Trim(line, "|")), " | "))
	}
	flush()
}
