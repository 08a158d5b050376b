package changesio

import (
	"slices"
	"strings"
	"testing"
)

// Task tools' exports, written for this test in the shape of Asana's CSV
// (Task ID, Name, Notes…) and API: "Name" is the title and "Notes" the
// description there. Beside a Title and a Description column, they are
// what they say, and left aside with a word, never refused as a second
// title.
func TestNameAndNotesStandInForTitleAndDescription(t *testing.T) {
	asana := "Task ID,Created At,Completed At,Name,Section/Column,Assignee,Assignee Email,Tags,Notes,Projects\n" +
		"1208,2026-11-02,,Brief form loses the budget,To do,Léa Petit,lea@x,,Steps: open the brief,MRM\n"
	res := readString(t, "asana.csv", asana)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	c := res.Changes[0]
	if c.Title != "Brief form loses the budget" || c.Description != "Steps: open the brief" || c.SourceKey != "1208" || c.Assignee != "Léa Petit" {
		t.Fatalf("read %+v", c)
	}

	tester := "Title,Name,Description,Notes\nBudget field missing,Léa Petit,On the brief form,seen twice\n"
	res = readString(t, "tester.csv", tester)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if c := res.Changes[0]; c.Title != "Budget field missing" || c.Description != "On the brief form" {
		t.Fatalf("read %+v", c)
	}
	want := []string{`"Name" ("Title" gives the title)`, `"Notes" ("Description" gives the description)`}
	for _, w := range want {
		if !slices.Contains(res.Unused, w) {
			t.Errorf("unused %q, want %q among them", res.Unused, w)
		}
	}
	// The preview says it once: left aside, not also ignored.
	preview := strings.Join(PreviewLines(res, "Shop", nil, 0), "\n")
	if !strings.Contains(preview, `left aside: "Name" ("Title" gives the title)`) || strings.Contains(preview, "ignored") {
		t.Errorf("preview:\n%s", preview)
	}

	js := ReadJSON([]byte(`{"data": [{"gid": "1208", "name": "Brief form loses the budget", "notes": "Steps", "title": ""}]}`), "t.json", Options{})
	if len(js.Problems) == 0 || !strings.Contains(js.Problems[0].Message, "empty") {
		t.Errorf("a record's own empty title must stand, not its name: %+v", js.Problems)
	}
	js = ReadJSON([]byte(`{"data": [{"gid": "1208", "name": "Brief form loses the budget", "notes": "Steps"}]}`), "t.json", Options{})
	if len(js.Problems) > 0 || js.Changes[0].Title != "Brief form loses the budget" || js.Changes[0].Description != "Steps" {
		t.Errorf("JSON name and notes: %+v %+v", js.Problems, js.Changes)
	}
}
