package cli

import (
	"reflect"
	"testing"

	"mopdeck/store/changesio"
)

func TestParseInterspersed(t *testing.T) {
	for _, tc := range []struct {
		args []string
		pos  []string
		dry  bool
		proj string
	}{
		{[]string{"a.csv"}, []string{"a.csv"}, false, ""},
		{[]string{"a.csv", "--dry-run"}, []string{"a.csv"}, true, ""},
		{[]string{"--dry-run", "a.csv", "--project", "CRM x"}, []string{"a.csv"}, true, "CRM x"},
		{[]string{"--project=P", "a.csv", "b.csv"}, []string{"a.csv", "b.csv"}, false, "P"},
		{[]string{"--", "--dry-run"}, []string{"--dry-run"}, false, ""},
		{nil, nil, false, ""},
	} {
		fs := newFlags("t")
		dry := fs.Bool("dry-run", false, "")
		proj := fs.String("project", "", "")
		pos, err := parseInterspersed(fs, tc.args)
		if err != nil || !reflect.DeepEqual(pos, tc.pos) || *dry != tc.dry || *proj != tc.proj {
			t.Errorf("%q: pos %q dry %v project %q err %v", tc.args, pos, *dry, *proj, err)
		}
	}
	if _, err := parseInterspersed(newFlags("t"), []string{"a.csv", "--nope"}); err == nil {
		t.Error("unknown flag accepted")
	}
}

func TestPickFormat(t *testing.T) {
	for _, tc := range []struct {
		flag, out string
		want      changesio.Format
		bad       bool
	}{
		{"", "", changesio.CSV, false},
		{"", "x.xlsx", changesio.XLSX, false},
		{"", "x.JSON", changesio.JSON, false},
		{"", "x.data", "", true},
		{"", "/dev/stdout", changesio.CSV, false},
		{"xlsx", "", changesio.XLSX, false},
		{"json", "x.data", changesio.JSON, false},
		{"xlsx", "x.csv", "", true},
		{"pdf", "", "", true},
	} {
		got, err := pickFormat(tc.flag, tc.out)
		if (err != nil) != tc.bad || got != tc.want {
			t.Errorf("pickFormat(%q, %q) = %q, %v", tc.flag, tc.out, got, err)
		}
	}
}

func TestHowMany(t *testing.T) {
	for n, want := range map[int]string{0: "0 history entries", 1: "1 history entry", 3: "3 history entries"} {
		if got := howMany(n, "history entry"); got != want {
			t.Errorf("howMany(%d) = %q", n, got)
		}
	}
	if howMany(2, "person") != "2 people" || howMany(2, "phase") != "2 phases" {
		t.Error("plural")
	}
}
