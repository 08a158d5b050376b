package model

import (
	"testing"
)

func TestFoldName(t *testing.T) {
	for in, want := range map[string]string{
		"Léa Petit":         "lea petit",
		"  LÉA   PETIT  ":   "lea petit",
		"lea.petit":         "lea petit",
		"Zoë Œuvre-Straße":  "zoe oeuvre strasse",
		"Le\u0301a":         "lea", // combining accent
		"山田 太郎":             "山田 太郎",
		"":                  "",
		"--":                "",
		"Nicolas_Laurent 2": "nicolas laurent 2",
	} {
		if got := FoldName(in); got != want {
			t.Errorf("FoldName(%q) = %q, want %q", in, got, want)
		}
	}
}

var matchPeople = []Person{
	{ID: 1, Name: "Léa Petit", Handle: "lea.petit@acme.example"},
	{ID: 2, Name: "Hugo Bernard"},
	{ID: 3, Name: "Camille Dubois"},
	{ID: 4, Name: "Thomas Moreau"},
	{ID: 5, Name: "山田 太郎"},
	{ID: 6, Name: "Leo Petitjean"},
}

func ids(ps []Person) []uint64 {
	out := make([]uint64, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestFindPeople(t *testing.T) {
	tests := []struct {
		q    string
		want []uint64
	}{
		{"Léa Petit", []uint64{1}},
		{"lea petit", []uint64{1}},
		{"LEA PETIT", []uint64{1}},
		{"lea.petit@acme.example", []uint64{1}},
		{"山田 太郎", []uint64{5}},
		{"Lea", nil},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		if got := ids(FindPeople(matchPeople, tt.q)); !equalIDs(got, tt.want) {
			t.Errorf("FindPeople(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	twins := append([]Person{{ID: 9, Name: "Hugo  bernard"}}, matchPeople...)
	if got := ids(FindPeople(twins, "hugo bernard")); !equalIDs(got, []uint64{9, 2}) {
		t.Errorf("namesakes: %v", got)
	}
}

func TestClosePeople(t *testing.T) {
	tests := []struct {
		q    string
		want []uint64
	}{
		{"Lea", []uint64{1, 6}},        // substring first, then "Leo", one typo off
		{"petit", []uint64{1, 6}},      // substring of two
		{"Hugo Bernrad", []uint64{2}},  // two typos, 12 letters
		{"tomas", []uint64{4}},         // one typo against a word
		{"Camile Dubois", []uint64{3}}, // accent- and typo-insensitive
		{"山田", []uint64{5}},            // wide script
		{"Zed", nil},                   // nobody close
		{"xyzzy qwerty plugh", nil},    // long and unrelated
		{"", nil},
	}
	for _, tt := range tests {
		if got := ids(ClosePeople(matchPeople, tt.q, 5)); !equalIDs(got, tt.want) {
			t.Errorf("ClosePeople(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	// A name inside the query counts as whole words: the "IT" team is not
	// close to "Léa Petit", "Hugo Bernard" is close to "Dr Hugo Bernard".
	teams := []Person{{ID: 7, Name: "IT"}, {ID: 8, Name: "Hugo Bernard"}}
	if got := ids(ClosePeople(teams, "Léa Petit", 5)); len(got) != 0 {
		t.Errorf(`ClosePeople("Léa Petit") = %v: a name inside a word`, got)
	}
	if got := ids(ClosePeople(teams, "Dr Hugo Bernard", 5)); !equalIDs(got, []uint64{8}) {
		t.Errorf(`ClosePeople("Dr Hugo Bernard") = %v, want [8]`, got)
	}
	if got := ClosePeople(matchPeople, "e", 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d people", len(got))
	}
	if got := ClosePeople(matchPeople, "Lea", 0); got != nil {
		t.Errorf("limit 0 gave %v", got)
	}
}

func equalIDs(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"abc", "", 3}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"léa", "lea", 1}, {"山田", "山本", 1}, {"same", "same", 0},
	} {
		if got := EditDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("EditDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestPersonName(t *testing.T) {
	twins := append([]Person{{ID: 9, Name: "Hugo  bernard"}}, matchPeople...)
	for _, tt := range []struct{ typed, want string }{
		{"lea petit", "Léa Petit"},
		{" LEA.PETIT@acme.example ", "Léa Petit"}, // the handle
		{"Lea", "Lea"},                            // a start is not a name
		{"Jo Tester", "Jo Tester"},                // not one of the people
		{"hugo bernard", "hugo bernard"},          // two people: neither is chosen
		{"  ", ""},
	} {
		if got := PersonName(twins, tt.typed); got != tt.want {
			t.Errorf("PersonName(%q) = %q, want %q", tt.typed, got, tt.want)
		}
	}
}
