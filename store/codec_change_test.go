package store

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"mopdeck/model"
)

// slowDecode is encoding/json's reading of a stored change request.
func slowDecode(b []byte) (model.ChangeRequest, int, error) {
	var e envelope[model.ChangeRequest]
	err := json.Unmarshal(b, &e)
	return e.D, e.V, err
}

func codecCases() []model.ChangeRequest {
	texts := []string{
		"", "plain", "<b>&amp;</b>", `quote " back \ slash /`, "tab\tnl\ncr\rbs\bff\f", "\x00\x01\x1f\x7f",
		"bad \xff utf8", "sep \u2028 \u2029", "é à ü 日本語 🎉 \U0001F600", "bidi \u202e", strings.Repeat("long ", 500),
	}
	times := []time.Time{
		{}, time.Date(2026, 3, 4, 5, 6, 7, 891011121, time.UTC),
		time.Date(2026, 3, 4, 5, 6, 7, 0, time.FixedZone("CET", 3600)), time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
	}
	floats := []float64{0, 0.5, 1e-7, 123456.789, 10000, 3.0000000000000004, -2}
	var out []model.ChangeRequest
	for i, t := range texts {
		out = append(out, model.ChangeRequest{
			ID: uint64(i) * 1e17, Title: t, Description: t + t, RaisedBy: t, RaisedIn: uint64(i),
			CreatedAt: times[i%len(times)], Area: model.Area(t), Impact: i - 3, Complexity: model.Complexity(i % 5),
			EstimateHrs: floats[i%len(floats)], Decision: model.Decision(i % 4), Status: model.CRStatus(i % 7), Assignee: t,
			SourceKey: t, AreaText: t,
		})
	}
	return append(out, model.ChangeRequest{}, model.ChangeRequest{ID: ^uint64(0), Title: "max"})
}

// Every record mopdeck writes is read in one pass, to the same value
// encoding/json gives.
func TestFastDecodeReadsWhatMopdeckWrites(t *testing.T) {
	for i, c := range codecCases() {
		b, err := encode(c)
		if err != nil {
			t.Fatal(err)
		}
		got, v, ok := decodeChangeFast(b)
		want, wv, err := slowDecode(b)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			t.Errorf("case %d: the fast path gave up on mopdeck's own bytes: %s", i, b)
			continue
		}
		if v != wv || !reflect.DeepEqual(got, want) {
			t.Errorf("case %d: fast %+v (v%d)\nslow %+v (v%d)", i, got, v, want, wv)
		}
	}
}

// Bytes of other shapes are either read exactly as encoding/json reads
// them, or left to it.
func TestFastDecodeAgreesOrGivesUp(t *testing.T) {
	for _, tc := range []struct {
		json string
		fast bool
	}{
		{`{"v":1,"d":{"id":3,"title":"a"}}`, true},
		{` { "d" : { "title" : "a" , "id" : 3 } , "v" : 1 } `, true},
		{`{"v":1,"d":{}}`, true},
		{`{"v":1,"d":{"title":"\ud83d\ude00 \u00e9\u003c \/"}}`, true},
		{`{"v":1,"d":{"title":"lone \ud83d here \udc00 \ud83dx"}}`, true},
		{`{"v":1,"d":{"title":"a","title":"b"}}`, true},
		{`{"v":1,"d":{"estimate_hours":1.5e2,"impact":-3}}`, true},
		{`{"v":1,"d":{"created_at":"2026-01-02T03:04:05+01:00"}}`, true},
		{`{"v":1,"d":{"Title":"a"}}`, false},      // keys match any case in encoding/json
		{`{"v":1,"d":{"ti\u0074le":"a"}}`, false}, // an escaped key
		{`{"v":1,"d":{"owner":"a"}}`, false},      // an unknown key
		{`{"v":1,"d":{"title":null}}`, false},     // null leaves the field
		{`{"v":1,"d":{"impact":1.0}}`, false},     // not an int: an error
		{`{"v":1,"d":{"impact":01}}`, false},      // not JSON
		{`{"v":1,"d":{"id":-1}}`, false},          // not a uint64
		{`{"v":1,"d":{"id":18446744073709551616}}`, false},
		{`{"v":1,"d":{"title":"bad \xff"}}`, false}, // replaced by U+FFFD there
		{`{"v":1,"d":{"title":"ctl ` + "\x01" + `"}}`, false},
		{`{"v":1,"d":{"title":"a"}} x`, false},
		{`{"v":1,"d":{"title":"a"}`, false},
		{`{"v":1,"d":{"title":"a"},"cascade":[]}`, false},
		{`{"d":{"title":"a"}}`, false},
		{`{"v":1,"d":{"created_at":"yesterday"}}`, false},
		{`{"v":1,"d":{"title":"a\q"}}`, false},
		{`{"v":1,"d":{"title":"\u12"}}`, false},
		{`[]`, false},
		{``, false},
	} {
		got, v, ok := decodeChangeFast([]byte(tc.json))
		if ok != tc.fast {
			t.Errorf("%s: fast path %v, want %v", tc.json, ok, tc.fast)
		}
		if !ok {
			continue
		}
		want, wv, err := slowDecode([]byte(tc.json))
		if err != nil || v != wv || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: fast %+v v%d; encoding/json %+v v%d, %v", tc.json, got, v, want, wv, err)
		}
	}
}

// decode keeps its answers: the version checked, errors as before.
func TestDecodeChangeKeepsItsErrors(t *testing.T) {
	for _, b := range []string{`{"v":2,"d":{"title":"a"}}`, `{"v":0,"d":{}}`, `{"v":1,"d":{"impact":"x"}}`, `{"v":1`} {
		if _, err := decode[model.ChangeRequest]([]byte(b)); err == nil {
			t.Errorf("%s: decoded", b)
		}
	}
	c, err := decode[model.ChangeRequest]([]byte(`{"v":1,"d":{"Title":"any case"}}`))
	if err != nil || c.Title != "any case" {
		t.Errorf("slow path: %+v, %v", c, err)
	}
}

// Whatever the fast path accepts, encoding/json accepts and reads alike.
func FuzzDecodeChange(f *testing.F) {
	for _, c := range codecCases() {
		b, _ := encode(c)
		f.Add(b)
	}
	f.Add([]byte(`{"v":1,"d":{"title":"\ud83d\ude00","estimate_hours":1e-7}}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		got, v, ok := decodeChangeFast(b)
		if !ok {
			return
		}
		want, wv, err := slowDecode(b)
		if err != nil {
			t.Fatalf("fast path accepted what encoding/json refuses (%v): %q", err, b)
		}
		if v != wv || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\nfast %+v\nslow %+v", b, got, want)
		}
	})
}
