package changesio

import (
	"slices"
	"testing"
)

func TestKeyOfLink(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"https://github.com/acme/mrm/issues/12", "acme/mrm#12"},
		{"https://github.com/acme/mrm/pull/7/", "acme/mrm#7"},
		{"https://acme.atlassian.net/browse/MKT-12", "MKT-12"},
		{"https://jira.acme.example/jira/browse/CRM_2-401", "CRM_2-401"},
		{"https://dev.azure.com/acme/mrm/_workitems/edit/3141", "3141"},
		{" https://intranet.acme.example/requests?id=9 ", "https://intranet.acme.example/requests?id=9"},
		{"https://github.com/acme/mrm", "https://github.com/acme/mrm"},
		{"not a link", "not a link"},
		{"", ""},
	} {
		if got := keyOfLink(tt.in); got != tt.want {
			t.Errorf("keyOfLink(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A GitHub project's export, written for this test in its shape, has no
// issue number, only each issue's URL: that is the source key, so that a
// second import of the file updates rather than adds. Beside a key
// column, the URL is left aside.
func TestALinkIsTheKeyOfAFileWithoutOne(t *testing.T) {
	project := "Title,URL,Assignees,Status,Priority,Size\n" +
		"Brief form loses budget,https://github.com/acme/mrm/issues/12,lpetit,Todo,P0,M\n" +
		"Rename tab,https://github.com/acme/mrm/issues/14,,Done,P1,XS\n"
	res := readString(t, "project.csv", project)
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range res.Changes {
		keys = append(keys, c.SourceKey)
	}
	if !slices.Equal(keys, []string{"acme/mrm#12", "acme/mrm#14"}) {
		t.Fatalf("keys %q", keys)
	}
	if i := slices.IndexFunc(res.Columns, func(u ColumnUse) bool { return u.Header == "URL" }); i < 0 || res.Columns[i].Field != "source key (from the link)" {
		t.Errorf("the preview does not say the URL is the key: %+v", res.Columns)
	}

	keyed := readString(t, "jira.csv", "Issue key,Summary,URL\nMKT-1,Brief,https://acme.atlassian.net/browse/MKT-9\n")
	if err := keyed.Err(); err != nil {
		t.Fatal(err)
	}
	if k := keyed.Changes[0].SourceKey; k != "MKT-1" || !slices.Contains(keyed.Unused, `"URL" (the key column names the requests)`) {
		t.Errorf("beside a key column: key %q, unused %q", k, keyed.Unused)
	}
}
