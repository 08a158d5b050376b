package changesio

import (
	"slices"
	"strings"
	"testing"
)

// A board exported by group, written for this test in the shape of
// Monday's export: the board's name, then for each group its name, the
// header again and its items. The repeated headers and the group names
// are no requests; they are skipped and said.
func TestABoardExportedByGroupReadsAsItsItems(t *testing.T) {
	board := "MRM change board\n\nNew requests\nName,Person,Status,Date\n" +
		"Brief form loses budget,Léa Petit,Working on it,2026-11-02\nRegion filter,,Stuck,2026-11-05\n\n" +
		"Done\nName,Person,Status,Date\nRename tab,Hugo Bernard,Done,2026-10-20\n"
	res := readString(t, "board.csv", board)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range res.Changes {
		got = append(got, c.Title+" · "+c.Assignee+" · "+c.Status.String())
	}
	want := []string{"Brief form loses budget · Léa Petit · in progress", "Region filter ·  · in progress", "Rename tab · Hugo Bernard · verified"}
	if !slices.Equal(got, want) {
		t.Fatalf("read\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !slices.Contains(res.Notes, `1 repeated header row skipped, with the group names above them ("Done")`) {
		t.Errorf("notes %q", res.Notes)
	}

	// A one-cell row with no header after it is a request like any.
	res = readString(t, "short.csv", "Title,Impact\nOnly a title\nRated,3\n")
	if err := res.Err(); err != nil || len(res.Changes) != 2 || res.Changes[0].Title != "Only a title" {
		t.Fatalf("a request of one cell: %v %+v", err, res.Changes)
	}
}
