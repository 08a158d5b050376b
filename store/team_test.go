package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// newKey returns a fresh public key in authorized_keys form.
func newKey(t *testing.T, comment string) string {
	t.Helper()
	pub, _, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	sp, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sp))) + " " + comment
}

func parseKeyT(t *testing.T, line string) TeamKey {
	t.Helper()
	k, err := ParseTeamKey(line)
	if err != nil {
		t.Fatalf("ParseTeamKey: %v", err)
	}
	return k
}

func TestTeamAddMatchesProjectPeopleAndKeepsFingerprints(t *testing.T) {
	s := openT(t, tempPath(t))
	createT(t, s, sample())
	line := newKey(t, "lea@laptop")
	k := parseKeyT(t, line)
	if !strings.HasPrefix(k.Fingerprint, "SHA256:") || k.Line != line {
		t.Fatalf("key = %+v", k)
	}
	// Typed without accent nor capitals: bound to the project's "Léa Martin".
	m, added, err := s.TeamAdd("lea martin", RoleLead, k)
	if err != nil || !added {
		t.Fatalf("TeamAdd: %v (added %v)", err, added)
	}
	if m.Name != "Léa Martin" || m.Role != RoleLead {
		t.Fatalf("member = %+v, want Léa Martin as written in the project, lead", m)
	}
	// Someone no project knows yet keeps the name as typed.
	m, _, err = s.TeamAdd("Zoé Newcomer", "", parseKeyT(t, newKey(t, "zoe")))
	if err != nil || m.Name != "Zoé Newcomer" || m.Role != RoleMember {
		t.Fatalf("newcomer = %+v, %v; want as typed, member", m, err)
	}
	got, ok, err := s.TeamMemberByKey(k.Fingerprint)
	if err != nil || !ok || got.Name != "Léa Martin" {
		t.Fatalf("TeamMemberByKey = %+v %v %v", got, ok, err)
	}
	// The same key again: nothing changes. A second key: both open.
	if _, added, err := s.TeamAdd("Léa Martin", "", k); err != nil || added {
		t.Fatalf("same key again: added %v, %v", added, err)
	}
	second := parseKeyT(t, newKey(t, "lea@desktop"))
	if m, _, err = s.TeamAdd("LÉA MARTIN", "", second); err != nil || len(m.Keys) != 2 || m.Role != RoleLead {
		t.Fatalf("second key: %+v, %v; want two keys and the role kept", m, err)
	}
	// A key is one person's.
	if _, _, err := s.TeamAdd("Sam Roy", "", k); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "Léa Martin") {
		t.Fatalf("someone else's key: %v", err)
	}
	// Everything survives a reopen.
	s = reopen(t, s)
	team, err := s.Team()
	if err != nil || len(team) != 2 {
		t.Fatalf("Team after reopen: %+v, %v", team, err)
	}
}

func TestTeamRoleAndRemove(t *testing.T) {
	s := openT(t, tempPath(t))
	k := parseKeyT(t, newKey(t, "sam"))
	if _, _, err := s.TeamAdd("Sam Roy", RoleViewer, k); err != nil {
		t.Fatal(err)
	}
	if m, err := s.TeamSetRole("sam roy", RoleMember); err != nil || m.Role != RoleMember {
		t.Fatalf("TeamSetRole: %+v, %v", m, err)
	}
	if _, err := s.TeamSetRole("Nobody", RoleLead); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), `"Sam Roy"`) {
		t.Fatalf("unknown member: %v, want not found listing the team", err)
	}
	if _, err := s.TeamRemove("Sam Roy"); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.TeamMemberByKey(k.Fingerprint); ok {
		t.Fatal("a removed member's key still opens")
	}
}

func TestTeamRefusesWhatIsNotAKey(t *testing.T) {
	for _, in := range []string{"", "hello", "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"} {
		if _, err := ParseTeamKey(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseTeamKey(%q) = %v, want invalid", in, err)
		}
	}
	if _, err := ParseTeamRole("admin"); err == nil {
		t.Error("admin is not a role")
	}
}

func TestTeamChangesNeedALead(t *testing.T) {
	s := openT(t, tempPath(t))
	member := s.Guarded(&Policy{Role: RoleMember, Person: "Sam Roy"})
	if _, _, err := member.TeamAdd("Sam Roy", RoleLead, parseKeyT(t, newKey(t, "sam"))); !errors.Is(err, ErrNotAllowed) {
		t.Fatalf("a member adding to the team: %v", err)
	}
	if team, _ := s.Team(); len(team) != 0 {
		t.Fatalf("refused add wrote %+v", team)
	}
}
