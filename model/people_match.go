package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
)

// FoldName reduces a name for matching: lower case, accents dropped from
// Latin letters, runs of spaces, dots, dashes and underscores made one
// space. "  Léa  PETIT" and "lea petit" fold alike.
func FoldName(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true // drops leading separators
	for _, r := range strings.ToLower(s) {
		if f, ok := accentFold[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsSpace(r) || r == '.' || r == '-' || r == '_' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue // a combining accent typed apart from its letter
		}
		b.WriteRune(r)
		space = false
	}
	return strings.TrimSuffix(b.String(), " ")
}

// accentFold maps the accented Latin letters of European names to plain
// ones (lower case only: FoldName lowers first).
var accentFold = func() map[rune]string {
	m := map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th", 'ı': "i"}
	groups := map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįİ", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ",
		"o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	}
	for plain, accented := range groups {
		for _, r := range accented {
			m[r] = plain
		}
	}
	return m
}()

// FindPeople returns the people whose name or handle matches query once
// both are folded (see FoldName): normally one, several when names repeat.
func FindPeople(people []Person, query string) []Person {
	q := FoldName(query)
	if q == "" {
		return nil
	}
	var out []Person
	for _, p := range people {
		if FoldName(p.Name) == q || (p.Handle != "" && FoldName(p.Handle) == q) {
			out = append(out, p)
		}
	}
	return out
}

// PersonName is how a name typed for a person is kept: the project's
// spelling when it names exactly one of its people, by name or handle once
// both are folded ("lea petit" is "Léa Petit"); else the text as typed,
// trimmed, since testers and requesters are often not among the people.
func PersonName(people []Person, typed string) string {
	typed = strings.TrimSpace(SanitizeLine(typed))
	if found := FindPeople(people, typed); len(found) == 1 {
		return SanitizeLine(found[0].Name)
	}
	return typed
}

// ClosePeople suggests people for a name that matched no one, best first,
// at most limit: names that contain the query (or are whole words of it),
// a word of the name that does, and names or words within a few typos
// (edit distance up to a third of the query's length, at least 1).
func ClosePeople(people []Person, query string, limit int) []Person {
	q := FoldName(query)
	if q == "" || limit <= 0 {
		return nil
	}
	allowed := max(1, len([]rune(q))/3)
	type scored struct {
		p     Person
		score int
		at    int
	}
	var hits []scored
	for i, p := range people {
		score, ok := closeness(FoldName(p.Name), q, allowed)
		if h := FoldName(p.Handle); !ok && h != "" {
			score, ok = closeness(h, q, allowed)
		}
		if ok {
			hits = append(hits, scored{p, score, i})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int { return cmp.Compare(a.score, b.score) })
	out := make([]Person, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, h.p)
	}
	return out
}

// closeness scores how close a folded name is to a folded query (lower is
// closer) and tells whether it is close at all.
func closeness(name, q string, allowed int) (int, bool) {
	if name == "" {
		return 0, false
	}
	// A name inside the query counts as whole words only: "IT" is not
	// close to "Léa Petit".
	if strings.Contains(name, q) || strings.Contains(" "+q+" ", " "+name+" ") {
		return 0, true
	}
	best := EditDistance(name, q)
	for _, w := range strings.Fields(name) {
		best = min(best, EditDistance(w, q))
	}
	return best, best <= allowed
}

// EditDistance is the Levenshtein distance between two strings, counted
// in runes.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
