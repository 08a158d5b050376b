package changesio

import (
	"strings"
	"testing"
)

// Tools' JSON exports nest people and states in objects and lists (the
// shape of `gh issue list --json number,title,state,author,assignees,…`
// and of Jira's REST issues): they read as the names they carry, never
// as JSON text in a name field.
func TestJSONReadsTheNamesToolsNestInObjects(t *testing.T) {
	data := `[
  {"id": "I_kwDOAbc123", "number": 412, "title": "Brief form loses the budget", "state": "OPEN",
   "author": {"login": "lpetit", "name": "Léa Petit"},
   "assignees": [{"login": "hbernard", "name": ""}, {"login": "cdubois"}],
   "labels": [{"name": "bug"}], "createdAt": "2026-11-02T09:14:33Z"},
  {"number": 415, "title": "Add a region filter", "state": "CLOSED",
   "author": {"login": "tmoreau", "name": ""}, "assignees": []},
  {"key": "MKT-7", "summary": "Rename the Offer tab", "status": {"name": "In Progress", "id": "3"},
   "reporter": {"displayName": "Camille Dubois", "emailAddress": "c@x"}, "assignee": {"accountId": "5b10"}}
]`
	res := ReadJSON([]byte(data), "issues.json", Options{})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	for range 10 { // the keys of a record come in a random order
		if k := ReadJSON([]byte(data), "issues.json", Options{}).Changes[0].SourceKey; k != "412" {
			t.Fatalf("key %q: the issue's number is the key people know, not its node id", k)
		}
	}
	want := []struct{ raisedBy, assignee, status string }{
		{"Léa Petit", "hbernard, cdubois", "new"},
		{"tmoreau", "", "verified"},
		{"Camille Dubois", `{"accountId":"5b10"}`, "in progress"},
	}
	if len(res.Changes) != len(want) {
		t.Fatalf("%d requests read, want %d", len(res.Changes), len(want))
	}
	for i, w := range want {
		c := res.Changes[i]
		if c.RaisedBy != w.raisedBy || c.Assignee != w.assignee || c.Status.String() != w.status {
			t.Errorf("record %d: raised by %q, assignee %q, status %q; want %q, %q, %q",
				i+1, c.RaisedBy, c.Assignee, c.Status, w.raisedBy, w.assignee, w.status)
		}
	}
}

// The lists REST APIs answer, written for this test in the shape of
// Jira's /search ("issues", values under "fields", "key" beside a
// numeric "id") and Azure DevOps' work items ("value", reference names
// such as "System.Title"): each reads as its requests, keyed by the key
// people know.
func TestJSONReadsTheListsRESTAPIsAnswer(t *testing.T) {
	jira := `{"expand": "schema,names", "startAt": 0, "total": 2, "issues": [
  {"id": "10432", "key": "MKT-12", "self": "https://example.atlassian.net/rest/api/2/issue/10432",
   "fields": {"summary": "Brief form loses the budget", "status": {"name": "In Progress"},
     "reporter": {"displayName": "Léa Petit"}, "created": "2026-11-02T09:14:33.000+0100"}},
  {"id": "10433", "key": "MKT-13",
   "fields": {"summary": "Add a region filter", "status": {"name": "Done"}, "priority": {"name": "High"}}}
]}`
	azure := `{"count": 1, "value": [
  {"id": 3141, "rev": 4, "fields": {"System.Title": "Rename the Offer tab", "System.State": "Active",
    "System.CreatedBy": {"displayName": "Camille Dubois", "uniqueName": "c@x"},
    "System.AssignedTo": {"displayName": "Hugo Bernard"}, "System.CreatedDate": "2026-10-28T08:00:00Z",
    "Microsoft.VSTS.Common.Priority": 2, "System.AreaPath": "Marketing\\MRM"}}
]}`
	for _, c := range []struct {
		file, data string
		want       []string // key · title · status · raised by · assignee
	}{
		{"jira.json", jira, []string{
			"MKT-12 · Brief form loses the budget · in progress · Léa Petit · ",
			"MKT-13 · Add a region filter · verified ·  · ",
		}},
		{"azure.json", azure, []string{"3141 · Rename the Offer tab · in progress · Camille Dubois · Hugo Bernard"}},
	} {
		for range 5 { // the keys of a record come in a random order
			res := ReadJSON([]byte(c.data), c.file, Options{})
			if len(res.Problems) > 0 {
				t.Fatalf("%s: problems: %v", c.file, res.Problems)
			}
			var got []string
			for _, cr := range res.Changes {
				got = append(got, strings.Join([]string{cr.SourceKey, cr.Title, cr.Status.String(), cr.RaisedBy, cr.Assignee}, " · "))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Fatalf("%s read as\n%s\nwant\n%s", c.file, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
			if c.file == "jira.json" && res.Changes[1].Impact != 4 {
				t.Errorf("jira.json: priority High read as impact %d, want 4", res.Changes[1].Impact)
			}
		}
	}
}
