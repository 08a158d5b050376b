package phases

import (
	"testing"
)

// TestScrollFrom: the selected row always shows, with the titles above it
// when they fit, and the window moves as little as it can.
func TestScrollFrom(t *testing.T) {
	// Rows: 0 head, 1 section, 2-5 items, 6 gap, 7 head, 8 section, 9-10 items.
	rows := []clRow{{kind: clHead}, {kind: clSection}, {kind: clItem}, {kind: clItem}, {kind: clItem}, {kind: clItem},
		{kind: clGap}, {kind: clHead}, {kind: clSection}, {kind: clItem}, {kind: clItem}}
	sel := []int{2, 3, 4, 5, 9, 10}
	tests := []struct {
		name        string
		pos, off, h int
		want        int
	}{
		{"first item shows its titles", 0, 0, 4, 0},
		{"moving up to the first item brings the titles back", 0, 2, 4, 0},
		{"a row in view keeps the window", 2, 1, 4, 1},
		{"a row below scrolls just enough", 3, 0, 4, 2},
		{"scrolling down to the second list shows its titles", 4, 0, 4, 6},
		{"titles that do not fit give way to the row", 4, 0, 1, 9},
		{"the window never passes the end", 5, 9, 4, 7},
		{"no rows", 0, 3, 4, 0},
	}
	for _, tt := range tests {
		r, s := rows, sel
		if tt.name == "no rows" {
			r, s = nil, nil
		}
		got := scrollFrom(r, s, tt.pos, tt.off, tt.h)
		if got != tt.want {
			t.Errorf("%s: off = %d, want %d", tt.name, got, tt.want)
		}
		if len(s) > 0 && (s[tt.pos] < got || s[tt.pos] >= got+max(tt.h, 1)) {
			t.Errorf("%s: row %d is outside the window from %d", tt.name, s[tt.pos], got)
		}
	}
}
