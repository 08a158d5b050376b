package legacy

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"testing"

	"mopdeck/model"
)

func b64(s string) string { return base64.StdEncoding.EncodeToString([]byte(s)) }

func TestConvert(t *testing.T) {
	rec := `{"v":1,"d":{"id":2,"title":"a \u003cb\u003e"}}`
	cell := `{"v":1,"d":{"activity_id":1,"person_id":2,"role":65}}`
	proj := `{"v":1,"d":{"id":1,"sponsor_id":2}}`
	projAfter := `{"v":1,"d":{"id":1}}`
	withCascade := `{"v":1,"d":{"id":2,"name":"Sam"},"cascade":[` +
		`{"kind":"cells","key":"` + b64("k") + `","before":"` + b64(cell) + `"},` +
		`{"kind":"project","key":"` + b64("project") + `","before":"` + b64(proj) + `","after":"` + b64(projAfter) + `"},` +
		`{"kind":"phases","key":"` + b64("p") + `","before":null,"after":"` + b64(rec) + `"}]}`
	for name, tc := range map[string]struct {
		before, after string // JSON as read into a RawMessage
		want          string // the before in today's layout
		wantAfter     string
		err           string
	}{
		"plain":                 {before: `"` + b64(rec) + `"`, after: `"` + b64(rec) + `"`, want: rec, wantAfter: rec},
		"none":                  {before: ``, after: `null`},
		"cascade":               {before: `"` + b64(withCascade) + `"`, want: `{"v":1,"d":{"id":2,"name":"Sam"},"cascade":[{"kind":"cells","key":"` + b64("k") + `","before":` + cell + `},{"kind":"project","key":"` + b64("project") + `","before":` + proj + `,"after":` + projAfter + `},{"kind":"phases","key":"` + b64("p") + `","after":` + rec + `}]}`},
		"a title named cascade": {before: `"` + b64(`{"v":1,"d":{"title":"cascade"}}`) + `"`, want: `{"v":1,"d":{"title":"cascade"}}`},
		"object":                {before: `{"v":1}`, err: "history entry 7, before: not a base64 string"},
		"not json":              {after: `"` + b64("{half") + `"`, err: "history entry 7, after: the stored record is not JSON"},
	} {
		e := model.HistoryEntry{ID: 7, Before: json.RawMessage(tc.before), After: json.RawMessage(tc.after)}
		err := Convert(&e)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err = %v, want %q", name, err, tc.err)
			}
			continue
		}
		if err != nil || string(e.Before) != tc.want || string(e.After) != tc.wantAfter {
			t.Errorf("%s: before %s\nwant %s\nafter %s want %s (%v)", name, e.Before, tc.want, e.After, tc.wantAfter, err)
		}
		if (tc.want == "") != (e.Before == nil) {
			t.Errorf("%s: none must stay nil, got %q", name, e.Before)
		}
	}
}
