package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
)

func changeCount(t *testing.T, m interface{ View() string }, s interface {
	Changes(uint64) ([]model.ChangeRequest, error)
}, pid uint64) int {
	t.Helper()
	crs, err := s.Changes(pid)
	if err != nil {
		t.Fatal(err)
	}
	return len(crs)
}

// i, a path, and the import screen shows what would happen before
// anything is written; enter imports, esc cancels; importing the same file
// again shows it would change nothing.
func TestImportShowsAPreviewFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "jira.csv")
	csv := "Summary,Issue key,Status,Priority,Created\n" +
		"Lead form drops the UTM source,MOPS-1,To Do,Highest,22/Dec/25 2:38 PM\n" +
		"Rename the Offer tab,MOPS-2,Done,Low,23/Dec/25 9:00 AM\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 120, 40)
	pid := projectOf(t, s).Project.ID
	before := changeCount(t, m, s, pid)

	press(t, m, "2", "i", path, "enter")
	view := m.View()
	for _, want := range []string{"Import " + path, "would import 2 change requests", "2 added, 0 updated, 0 unchanged",
		"Issue key → source key", "Priority → impact (from priority)", `"Done" → verified`, "to add:", "row 2:", "enter imports"} {
		if !strings.Contains(view, want) {
			t.Fatalf("the import screen lacks %q:\n%s", want, view)
		}
	}
	if got := changeCount(t, m, s, pid); got != before {
		t.Fatalf("the preview wrote %d requests", got-before)
	}
	press(t, m, "enter")
	if status, isErr := m.Status(); isErr || !strings.Contains(status, "2 added, 0 updated, 0 unchanged") {
		t.Fatalf("status %q (error %v)", status, isErr)
	}
	if got := changeCount(t, m, s, pid); got != before+2 {
		t.Fatalf("stored %d, want %d", got, before+2)
	}
	if !strings.Contains(m.View(), "Lead form drops the UTM") {
		t.Fatalf("the table does not show the import:\n%s", m.View())
	}

	// Again: nothing would change, and esc leaves it so.
	press(t, m, "i", path, "enter")
	if view := m.View(); !strings.Contains(view, "0 added, 0 updated, 2 unchanged") {
		t.Fatalf("second preview:\n%s", view)
	}
	press(t, m, "esc")
	if status, _ := m.Status(); !strings.Contains(status, "not imported") {
		t.Fatalf("esc: status %q", status)
	}
	if strings.Contains(m.View(), "enter imports") || changeCount(t, m, s, pid) != before+2 {
		t.Fatalf("esc did not cancel:\n%s", m.View())
	}
}

// A file whose dates all read two ways asks which order; d answers and
// the preview is made again.
func TestImportScreenAsksTheDateOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "dates.csv")
	if err := os.WriteFile(path, []byte("Title,Created\nFirst,8/12/2025\nSecond,3/4/2025\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	resize(t, m, 140, 40)
	pid := projectOf(t, s).Project.ID
	press(t, m, "2", "i", path, "enter")
	if view := m.View(); !strings.Contains(view, "reads two ways") || !strings.Contains(view, "d: dates day first") {
		t.Fatalf("no question about the date order:\n%s", view)
	}
	if _, isErr := m.Status(); !isErr {
		t.Fatal("the refusal is not in the status line")
	}
	press(t, m, "enter") // nothing to import yet
	press(t, m, "d")
	if view := m.View(); !strings.Contains(view, "would import 2 change requests") {
		t.Fatalf("after d:\n%s", view)
	}
	press(t, m, "enter")
	crs, _ := s.Changes(pid)
	last := crs[len(crs)-2]
	if last.Title != "First" || !last.CreatedAt.Equal(time.Date(2025, 12, 8, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("imported %+v", last)
	}
}
