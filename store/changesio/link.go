package changesio

import (
	"net/url"
	"regexp"
	"strings"
)

// keyOfLink is the source key a row's web address stands for: the short
// form people write for the trackers that have one, else the address.
//
//	https://github.com/acme/mrm/issues/12        acme/mrm#12
//	https://acme.atlassian.net/browse/MKT-12     MKT-12
//	https://dev.azure.com/acme/mrm/_workitems/edit/3141   3141
func keyOfLink(v string) string {
	v = strings.TrimSpace(v)
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return v
	}
	path := strings.TrimSuffix(u.Path, "/")
	if m := githubIssue.FindStringSubmatch(path); m != nil && strings.HasSuffix(u.Host, "github.com") {
		return m[1] + "#" + m[2]
	}
	if m := jiraBrowse.FindStringSubmatch(path); m != nil {
		return m[1]
	}
	if m := azureWorkItem.FindStringSubmatch(path); m != nil {
		return m[1]
	}
	return v
}

var (
	githubIssue   = regexp.MustCompile(`^/([^/]+/[^/]+)/(?:issues|pull)/(\d+)$`)
	jiraBrowse    = regexp.MustCompile(`/browse/([A-Za-z][A-Za-z0-9_]*-\d+)$`)
	azureWorkItem = regexp.MustCompile(`/_workitems/edit/(\d+)$`)
)
