package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateOrder says how to read a numeric date whose first two numbers could
// each be the day: 8/12/2025 is 8 December day first, 12 August month
// first.
type DateOrder int

const (
	// OrderUnknown: not said, nor shown by the text.
	OrderUnknown DateOrder = iota
	// DayFirst: dd/mm/yyyy, as most of the world writes.
	DayFirst
	// MonthFirst: mm/dd/yyyy, as the United States write.
	MonthFirst
)

func (o DateOrder) String() string {
	switch o {
	case DayFirst:
		return "day first (dd/mm/yyyy)"
	case MonthFirst:
		return "month first (mm/dd/yyyy)"
	}
	return "unknown"
}

// ParseDateOrder reads --date-order: dmy, mdy or empty.
func ParseDateOrder(s string) (DateOrder, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "":
		return OrderUnknown, nil
	case "dmy", "dd/mm/yyyy", "day", "day-first":
		return DayFirst, nil
	case "mdy", "mm/dd/yyyy", "month", "month-first":
		return MonthFirst, nil
	}
	return OrderUnknown, fmt.Errorf("unknown date order %q: use dmy (31/12/2025) or mdy (12/31/2025)", SanitizeLine(s))
}

// ErrAmbiguousDate: a numeric date reads two ways (8/12/2025) and no order
// was given. An import decides the order from the file's other dates.
var ErrAmbiguousDate = errors.New("the day and the month could be either way round")

// ParseDateTime reads a date, with or without a time of day, as the tools
// people export from write it:
//
//   - ISO 8601, with or without a time, fractions of a second and an
//     offset: 2025-08-12, 2025-08-12T07:00:00Z, 2025-08-12T07:00:00.000+0200,
//     2025-08-12 07:00;
//   - month names, in English, French, Portuguese, German or Spanish:
//     Jira's 22/Dec/25 2:38 PM, 22 déc. 2025, Dec 22, 2025;
//   - numbers: 31/12/2025, 12/31/2025, 31-12-2025 14:05, 31.12.25.
//
// A time without an offset is taken as UTC; the result is in UTC. proves
// is the order a numeric date shows (a first number over 12 is a day:
// DayFirst); it is OrderUnknown for other forms and for dates that read
// the same either way. A numeric date that reads two ways needs order,
// else the error is ErrAmbiguousDate; one that contradicts order is an
// error too.
func ParseDateTime(s string, order DateOrder) (t time.Time, proves DateOrder, err error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339Nano, s); err == nil { // mopdeck's own exports: first
		return inRange(s, t.UTC())
	}
	if len(s) >= 8 && isDigits(s[:4]) && (s[4] == '-' || s[4] == '/') {
		return parseISOish(s)
	}
	d, err := splitDate(s)
	if err != nil {
		return time.Time{}, OrderUnknown, notADate(s)
	}
	return d.resolve(s, order)
}

func inRange(s string, t time.Time) (time.Time, DateOrder, error) {
	if t.Year() < MinYear || t.Year() > MaxYear {
		return time.Time{}, OrderUnknown, newValueError(s, "is out of range", "dates out of range",
			fmt.Sprintf("use a day between %d and %d", MinYear, MaxYear))
	}
	return t, OrderUnknown, nil
}

func notADate(s string) error {
	return newValueError(s, "is not a date", "values that are not dates",
		"write it as YYYY-MM-DD or DD/MM/YYYY")
}

// isoLayouts are the year-first forms besides RFC 3339. Fractions of a
// second after the seconds are accepted by time.Parse without a layout.
var isoLayouts = []string{
	"2006-01-02",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05Z0700",
	"2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 Z0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006/01/02",
	"2006/01/02 15:04:05",
	"2006/01/02 15:04",
}

func parseISOish(s string) (time.Time, DateOrder, error) {
	for _, l := range isoLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return inRange(s, t.UTC())
		}
	}
	return time.Time{}, OrderUnknown, notADate(s)
}

// dateParts is a date split into its three parts and a time of day.
type dateParts struct {
	a, b, y    int  // the first two numbers and the year
	month      int  // a month named by a word, 0 when numeric
	monthFirst bool // the named month comes first ("Dec 22, 2025")
	clock      time.Duration
}

// splitDate reads "22/Dec/25 2:38 PM", "31.12.2025 14:05", "Dec 22, 2025".
func splitDate(s string) (dateParts, error) {
	var d dateParts
	datePart, timePart := s, ""
	if i := strings.IndexByte(s, ':'); i > 0 {
		// The time starts at the last space before the first colon.
		j := strings.LastIndexAny(s[:i], " T")
		if j < 0 {
			return d, errors.New("no date before the time")
		}
		datePart, timePart = s[:j], s[j+1:]
	}
	tokens := strings.FieldsFunc(datePart, func(r rune) bool {
		return r == '/' || r == '-' || r == '.' || r == ' ' || r == ',' || r == '\u00a0'
	})
	if len(tokens) != 3 {
		return d, errors.New("not three parts")
	}
	num := func(t string) (int, bool) {
		if !isDigits(t) || len(t) > 4 {
			return 0, false
		}
		n, _ := strconv.Atoi(t)
		return n, true
	}
	n0, ok0 := num(tokens[0])
	n1, ok1 := num(tokens[1])
	n2, ok2 := num(tokens[2])
	m0, m1 := monthNames[FoldWord(tokens[0])], monthNames[FoldWord(tokens[1])]
	switch {
	case ok0 && m1 != 0 && ok2: // 22/Dec/25
		d.a, d.month, d.y = n0, m1, year(tokens[2], n2)
	case m0 != 0 && ok1 && ok2: // Dec 22, 2025
		d.a, d.month, d.y, d.monthFirst = n1, m0, year(tokens[2], n2), true
	case ok0 && ok1 && ok2 && len(tokens[0]) == 4: // 2025.12.31
		d.y, d.month, d.a = n0, n1, n2
	case ok0 && ok1 && ok2 && (len(tokens[2]) == 2 || len(tokens[2]) == 4) && len(tokens[0]) <= 2 && len(tokens[1]) <= 2:
		d.a, d.b, d.y = n0, n1, year(tokens[2], n2)
	default:
		return d, errors.New("not a date")
	}
	if timePart != "" {
		c, err := clock(timePart)
		if err != nil {
			return d, err
		}
		d.clock = c
	}
	return d, nil
}

// year reads a two-digit year as this century up to 69, the last one
// from 70, as spreadsheets do.
func year(tok string, n int) int {
	if len(tok) > 2 {
		return n
	}
	if n < 70 {
		return 2000 + n
	}
	return 1900 + n
}

// clock reads "2:38 PM", "14:05", "14:05:09", "14:05:09.123".
func clock(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	pm, am := false, false
	if f := strings.Fields(s); len(f) == 2 && isAMPM(f[1]) {
		s = f[0]
		pm = strings.HasPrefix(strings.ToLower(f[1]), "p")
		am = !pm
	}
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, errors.New("not a time")
	}
	h, err1 := strconv.Atoi(parts[0])
	m, err2 := strconv.Atoi(parts[1])
	sec := 0.0
	var err3 error
	if len(parts) == 3 {
		sec, err3 = strconv.ParseFloat(strings.Replace(parts[2], ",", ".", 1), 64)
	}
	if err1 != nil || err2 != nil || err3 != nil || h < 0 || h > 23 || m < 0 || m > 59 || !(sec >= 0 && sec < 61) {
		return 0, errors.New("not a time")
	}
	if am || pm {
		if h < 1 || h > 12 {
			return 0, errors.New("not a 12-hour time")
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	return time.Duration(h)*time.Hour + time.Duration(m)*time.Minute + time.Duration(sec*float64(time.Second)), nil
}

func isAMPM(s string) bool {
	switch strings.ToLower(strings.ReplaceAll(s, ".", "")) {
	case "am", "pm":
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// resolve builds the time, deciding which number is the day.
func (d dateParts) resolve(s string, order DateOrder) (time.Time, DateOrder, error) {
	day, month, proves := d.a, d.month, OrderUnknown
	if month == 0 {
		switch {
		case d.a > 12 && d.b > 12, d.a == 0, d.b == 0:
			return time.Time{}, OrderUnknown, notADate(s)
		case d.a > 12:
			day, month, proves = d.a, d.b, DayFirst
		case d.b > 12:
			day, month, proves = d.b, d.a, MonthFirst
		case d.a == d.b:
			day, month = d.a, d.b
		case order == DayFirst:
			day, month = d.a, d.b
		case order == MonthFirst:
			day, month = d.b, d.a
		default:
			return time.Time{}, OrderUnknown, ErrAmbiguousDate
		}
		if order != OrderUnknown && proves != OrderUnknown && proves != order {
			return time.Time{}, proves, newValueError(s, "does not read "+order.String(), "dates in the other order",
				"write every date of the file in one order")
		}
	}
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, OrderUnknown, notADate(s)
	}
	t := time.Date(d.y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day {
		return time.Time{}, OrderUnknown, notADate(s) // 31/02
	}
	t, _, err := inRange(s, t.Add(d.clock))
	return t, proves, err
}

// monthNames maps folded month names and abbreviations, in English,
// French, Portuguese, German and Spanish, to month numbers.
var monthNames = func() map[string]int {
	m := map[string]int{}
	for i, names := range [12]string{
		"jan january janv janvier janeiro januar ene enero",
		"feb february fev fevr fevrier fevereiro februar febrero",
		"mar march mars marco marz mrz marzo",
		"apr april avr avril abr abril",
		"may mai maio mayo",
		"jun june juin junho juni junio",
		"jul july juil juillet julho juli julio",
		"aug august aout ago agosto",
		"sep sept september septembre set setembro septiembre",
		"oct october octobre out outubro okt oktober octubre",
		"nov november novembre novembro noviembre",
		"dec december decembre dez dezembro dezember dic diciembre",
	} {
		for _, n := range strings.Fields(names) {
			m[n] = i + 1
		}
	}
	return m
}()
