package model

import (
	"testing"
	"time"
)

func TestNewDoc(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	d := NewDoc("  Cut-over\x1b[2J plan\n", 7, at)
	if d.Title != "Cut-over␛[2J plan" || d.Body != "# Cut-over␛[2J plan\n\n" || d.Rev != 1 || d.PhaseID != 7 || !d.Updated.Equal(at) || d.ID != 0 {
		t.Fatalf("NewDoc = %+v", d)
	}
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := NewDoc(" \t", 0, at).Validate(); err == nil {
		t.Fatal("a blank title passes validation")
	}
}

func TestDocRevised(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	d := Doc{ID: 4, Title: "Plan", Body: "old", Rev: 3, PhaseID: 2}
	for _, tc := range []struct{ in, want string }{
		{"new text\n", "new text\n"},
		{"line one\r\nline two\r\n", "line one\nline two\n"},
		{"bell\a and \x1b[31mred\r", "bell␇ and ␛[31mred␍"},
		{"", ""},
	} {
		got := d.Revised(tc.in, at)
		if got.Body != tc.want || got.Rev != 4 || !got.Updated.Equal(at) || got.ID != 4 || got.Title != "Plan" || got.PhaseID != 2 {
			t.Errorf("Revised(%q) = %+v, want body %q at rev 4", tc.in, got, tc.want)
		}
	}
	if d.Rev != 3 || d.Body != "old" {
		t.Fatal("Revised changed the original")
	}
}
