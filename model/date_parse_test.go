package model

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDateTimeForms(t *testing.T) {
	utc := func(y int, m time.Month, d, h, min int) time.Time { return time.Date(y, m, d, h, min, 0, 0, time.UTC) }
	for in, want := range map[string]time.Time{
		"2025-08-12":                     utc(2025, 8, 12, 0, 0),
		"2025-08-12T07:00:00Z":           utc(2025, 8, 12, 7, 0),
		"2025-08-12T07:00:00.000+0200":   utc(2025, 8, 12, 5, 0), // Jira's ISO with an offset
		"2025-08-12T07:00:00+02:00":      utc(2025, 8, 12, 5, 0),
		"2025-08-12 07:00":               utc(2025, 8, 12, 7, 0),
		"2025-08-12 07:00:00":            utc(2025, 8, 12, 7, 0),
		"2025/08/12":                     utc(2025, 8, 12, 0, 0),
		"22/Dec/25 2:38 PM":              utc(2025, 12, 22, 14, 38), // Jira Cloud
		"22/Dec/25 12:05 AM":             utc(2025, 12, 22, 0, 5),
		"30/Jul/18 23:33":                utc(2018, 7, 30, 23, 33),
		"22/dez/25 14:38":                utc(2025, 12, 22, 14, 38), // Jira in Portuguese
		"3 févr. 2025":                   utc(2025, 2, 3, 0, 0),
		"Dec 22, 2025":                   utc(2025, 12, 22, 0, 0),
		"31/12/2025":                     utc(2025, 12, 31, 0, 0),
		"12/31/2025 10:03:00 AM":         utc(2025, 12, 31, 10, 3),
		"15-01-2025 10:03":               utc(2025, 1, 15, 10, 3), // GLPI
		"15.01.25":                       utc(2025, 1, 15, 0, 0),
		"5/5/2025":                       utc(2025, 5, 5, 0, 0), // the same either way
		"2025-03-03T09:15:42.123456789Z": time.Date(2025, 3, 3, 9, 15, 42, 123456789, time.UTC),
	} {
		got, _, err := ParseDateTime(in, OrderUnknown)
		if err != nil || !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("ParseDateTime(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
}

func TestParseDateTimeOrder(t *testing.T) {
	if _, _, err := ParseDateTime("8/12/2025", OrderUnknown); !errors.Is(err, ErrAmbiguousDate) {
		t.Errorf("8/12/2025 without an order: %v", err)
	}
	dmy, _, _ := ParseDateTime("8/12/2025", DayFirst)
	mdy, _, _ := ParseDateTime("8/12/2025", MonthFirst)
	if dmy.Month() != time.December || mdy.Month() != time.August {
		t.Errorf("dmy %v, mdy %v", dmy, mdy)
	}
	if _, proves, err := ParseDateTime("13/12/2025", OrderUnknown); err != nil || proves != DayFirst {
		t.Errorf("13/12/2025 proves %v (%v)", proves, err)
	}
	if _, proves, err := ParseDateTime("12/13/2025", OrderUnknown); err != nil || proves != MonthFirst {
		t.Errorf("12/13/2025 proves %v (%v)", proves, err)
	}
	if _, _, err := ParseDateTime("12/13/2025", DayFirst); err == nil || !strings.Contains(err.Error(), "does not read day first") {
		t.Errorf("a month-first date read day first: %v", err)
	}
	for _, bad := range []string{"demain", "31/02/2025", "13/13/2025", "0/5/2025", "2025-13-01", "1/2", "25:00", "22/Foo/25", "1/2/3/4", "12/5/1850", "22/Dec/25 13:00 PM"} {
		if _, _, err := ParseDateTime(bad, DayFirst); err == nil {
			t.Errorf("ParseDateTime(%q) accepted", bad)
		}
	}
	for in, want := range map[string]DateOrder{"dmy": DayFirst, "MDY": MonthFirst, "": OrderUnknown} {
		if got, err := ParseDateOrder(in); err != nil || got != want {
			t.Errorf("ParseDateOrder(%q) = %v %v", in, got, err)
		}
	}
	if _, err := ParseDateOrder("ymd"); err == nil {
		t.Error("ymd accepted")
	}
}

// FuzzParseDateTime: no input panics; a date read is in range and in UTC;
// an order never makes a date ambiguous; errors are one line.
func FuzzParseDateTime(f *testing.F) {
	for _, s := range []string{"2025-08-12T07:00:00.000+0200", "22/Dec/25 2:38 PM", "8/12/2025", "15-01-2025 10:03", "Dec 22, 2025",
		"31/02/2025", "1/1/1", "99:99", "12/31/2025 10:03:00 AM", "2025-03-03T09:15:42.123456789Z", " : ", "1/2/99999", "3 févr. 2025"} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, s string, o int) {
		order := DateOrder(((o % 3) + 3) % 3)
		got, proves, err := ParseDateTime(s, order)
		if err != nil {
			if order != OrderUnknown && errors.Is(err, ErrAmbiguousDate) {
				t.Fatalf("%q is ambiguous although the order is %v", s, order)
			}
			if strings.ContainsAny(err.Error(), "\n\r\x1b") {
				t.Fatalf("error is not one safe line: %q", err)
			}
			return
		}
		if got.Location() != time.UTC || got.Year() < MinYear || got.Year() > MaxYear {
			t.Fatalf("ParseDateTime(%q) = %v", s, got)
		}
		if order != OrderUnknown && proves != OrderUnknown && proves != order {
			t.Fatalf("%q read %v although it proves %v", s, order, proves)
		}
	})
}
