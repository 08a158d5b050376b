package store

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	gossh "golang.org/x/crypto/ssh"

	"mopdeck/model"
)

// The team is who may open the database over SSH (mopdeck serve): a name,
// a role and the public keys that prove it. It lives in its own root
// bucket beside the projects, keyed by the folded name, since a person
// belongs to the team and not to one project.

var bucketTeam = []byte("team")

// TeamRole is what a team member may do in team mode.
type TeamRole string

const (
	// RoleLead may do everything.
	RoleLead TeamRole = "lead"
	// RoleMember adds and edits change requests, ticks deliverables and
	// checklist items and edits docs.
	RoleMember TeamRole = "member"
	// RoleViewer reads.
	RoleViewer TeamRole = "viewer"
)

// TeamRoles lists the roles, most rights first.
var TeamRoles = []TeamRole{RoleLead, RoleMember, RoleViewer}

// ParseTeamRole reads a role as typed.
func ParseTeamRole(s string) (TeamRole, error) {
	r := TeamRole(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(TeamRoles, r) {
		return r, nil
	}
	return "", invalidf("unknown role %q: use lead, member or viewer", truncate(s, 20))
}

// TeamKey is one public key that opens the database as its member.
type TeamKey struct {
	// Line is the key as authorized_keys writes it: type, base64, comment.
	Line string `json:"line"`
	// Fingerprint is OpenSSH's SHA256 fingerprint ("SHA256:…"), the
	// key's name in the server's log.
	Fingerprint string    `json:"fingerprint"`
	Added       time.Time `json:"added"`
}

// TeamMember is one person of the team.
type TeamMember struct {
	// Name is how the person appears in the projects' people when a
	// project names them (as written there), else as typed.
	Name  string    `json:"name"`
	Role  TeamRole  `json:"role"`
	Keys  []TeamKey `json:"keys"`
	Added time.Time `json:"added"`
}

// ParseTeamKey reads one public key in authorized_keys form
// ("ssh-ed25519 AAAA… comment"), or a .pub file's content.
func ParseTeamKey(text string) (TeamKey, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return TeamKey{}, invalidf("no public key given: pass --key-file ~/.ssh/id_ed25519.pub or --key 'ssh-ed25519 AAAA…'")
	}
	pub, comment, _, rest, err := gossh.ParseAuthorizedKey([]byte(text))
	if err != nil {
		if strings.Contains(text, "PRIVATE KEY") {
			return TeamKey{}, invalidf("that is a private key: give the public one (the .pub file); keep the private key to yourself")
		}
		return TeamKey{}, invalidf("not an SSH public key (%v): give a line such as 'ssh-ed25519 AAAA… name@host'", err)
	}
	if len(strings.TrimSpace(string(rest))) > 0 {
		return TeamKey{}, invalidf("more than one key given: add one key at a time")
	}
	return NewTeamKey(pub, comment), nil
}

// NewTeamKey describes a parsed public key.
func NewTeamKey(pub gossh.PublicKey, comment string) TeamKey {
	line := strings.TrimSpace(string(gossh.MarshalAuthorizedKey(pub)))
	if c := model.SanitizeLine(strings.TrimSpace(comment)); c != "" {
		line += " " + c
	}
	return TeamKey{Line: line, Fingerprint: gossh.FingerprintSHA256(pub)}
}

// Team lists the team's members in the order of their names.
func (s *Store) Team() ([]TeamMember, error) {
	var out []TeamMember
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		out, err = readTeam(tx)
		return err
	})
	return out, err
}

// TeamMemberByKey returns the member one of whose keys has the given
// fingerprint.
func (s *Store) TeamMemberByKey(fingerprint string) (TeamMember, bool, error) {
	team, err := s.Team()
	if err != nil {
		return TeamMember{}, false, err
	}
	for _, m := range team {
		for _, k := range m.Keys {
			if k.Fingerprint == fingerprint {
				return m, true, nil
			}
		}
	}
	return TeamMember{}, false, nil
}

// TeamAdd binds key to the person named name, who joins the team with
// role (member when empty) if they are new; a known member keeps their
// role unless one is given. The name is matched across the projects'
// people as `mopdeck raci --person` matches (case, accents and spacing
// aside) and then written as the project writes it; a name no project
// knows yet is kept as typed. A key already bound to someone else is
// refused. added tells whether anything changed.
func (s *Store) TeamAdd(name string, role TeamRole, key TeamKey) (m TeamMember, added bool, err error) {
	name = strings.TrimSpace(model.SanitizeLine(name))
	if model.FoldName(name) == "" {
		return m, false, invalidf("a team member needs a name: mopdeck team add \"Léa Martin\" --key-file KEY.pub")
	}
	if role != "" {
		if _, err := ParseTeamRole(string(role)); err != nil {
			return m, false, err
		}
	}
	if key.Fingerprint == "" {
		return m, false, invalidf("no public key given")
	}
	err = s.update(func(tx *bolt.Tx) error {
		if err := s.guardTeam(); err != nil {
			return err
		}
		team, err := readTeam(tx)
		if err != nil {
			return err
		}
		for _, o := range team {
			if model.FoldName(o.Name) == model.FoldName(name) {
				continue
			}
			for _, k := range o.Keys {
				if k.Fingerprint == key.Fingerprint {
					return invalidf("the key %s is %s's already: one key opens as one person (mopdeck team remove %q first)", key.Fingerprint, o.Name, o.Name)
				}
			}
		}
		b, err := tx.CreateBucketIfNotExists(bucketTeam)
		if err != nil {
			return err
		}
		k := []byte(model.FoldName(name))
		cur, ok, err := getTeam(b, k)
		if err != nil {
			return err
		}
		if !ok {
			cur = TeamMember{Name: knownName(tx, name), Role: RoleMember, Added: s.now().Round(0)}
		}
		changed := !ok
		if role != "" && cur.Role != role {
			cur.Role, changed = role, true
		}
		if !slices.ContainsFunc(cur.Keys, func(k TeamKey) bool { return k.Fingerprint == key.Fingerprint }) {
			key.Added = s.now().Round(0)
			cur.Keys = append(cur.Keys, key)
			changed = true
		}
		m = cur
		if !changed {
			return errNoop
		}
		added = true
		return putTeam(b, k, cur)
	})
	return m, added, err
}

// TeamRemove takes a member, and every key of theirs, off the team.
func (s *Store) TeamRemove(name string) (TeamMember, error) {
	var out TeamMember
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.guardTeam(); err != nil {
			return err
		}
		b, k, m, err := findTeam(tx, name)
		if err != nil {
			return err
		}
		out = m
		return b.Delete(k)
	})
	return out, err
}

// TeamSetRole changes a member's role.
func (s *Store) TeamSetRole(name string, role TeamRole) (TeamMember, error) {
	var out TeamMember
	if _, err := ParseTeamRole(string(role)); err != nil {
		return out, err
	}
	err := s.update(func(tx *bolt.Tx) error {
		if err := s.guardTeam(); err != nil {
			return err
		}
		b, k, m, err := findTeam(tx, name)
		if err != nil {
			return err
		}
		out = m
		if m.Role == role {
			return errNoop
		}
		m.Role = role
		out = m
		return putTeam(b, k, m)
	})
	return out, err
}

// findTeam finds a member by folded name, or says who the team has.
func findTeam(tx *bolt.Tx, name string) (*bolt.Bucket, []byte, TeamMember, error) {
	k := []byte(model.FoldName(name))
	b := tx.Bucket(bucketTeam)
	if b != nil && len(k) > 0 {
		m, ok, err := getTeam(b, k)
		if err != nil || ok {
			return b, k, m, err
		}
	}
	team, err := readTeam(tx)
	if err != nil {
		return nil, nil, TeamMember{}, err
	}
	if len(team) == 0 {
		return nil, nil, TeamMember{}, fmt.Errorf("%q is %w: the team is empty (mopdeck team add NAME --key-file KEY.pub)", truncate(name, 60), ErrNotFound)
	}
	names := make([]string, len(team))
	for i, m := range team {
		names[i] = fmt.Sprintf("%q", m.Name)
	}
	return nil, nil, TeamMember{}, fmt.Errorf("%q is %w in the team, which has %s", truncate(name, 60), ErrNotFound, strings.Join(names, ", "))
}

func readTeam(tx *bolt.Tx) ([]TeamMember, error) {
	b := tx.Bucket(bucketTeam)
	if b == nil {
		return nil, nil
	}
	var out []TeamMember
	err := b.ForEach(func(k, v []byte) error {
		m, err := decode[TeamMember](v)
		if err != nil {
			return fmt.Errorf("team member %q does not read back: %w; run mopdeck check", truncate(string(k), 40), err)
		}
		out = append(out, m)
		return nil
	})
	return out, err
}

func getTeam(b *bolt.Bucket, k []byte) (TeamMember, bool, error) {
	v := b.Get(k)
	if v == nil {
		return TeamMember{}, false, nil
	}
	m, err := decode[TeamMember](v)
	if err != nil {
		return m, false, fmt.Errorf("team member %q does not read back: %w; run mopdeck check", truncate(string(k), 40), err)
	}
	return m, true, nil
}

func putTeam(b *bolt.Bucket, k []byte, m TeamMember) error {
	v, err := encode(m)
	if err != nil {
		return err
	}
	return b.Put(k, v)
}

// knownName is name as the first project that knows the person writes
// it, or name itself.
func knownName(tx *bolt.Tx, name string) string {
	root := tx.Bucket(bucketProjects)
	if root == nil {
		return name
	}
	found := name
	errFound := errors.New("found")
	_ = root.ForEach(func(k, v []byte) error {
		if v != nil {
			return nil
		}
		people, err := loadAll[model.Person](root.Bucket(k), KindPeople)
		if err != nil {
			return nil
		}
		if hit := model.FindPeople(people, name); len(hit) > 0 {
			found = hit[0].Name
			return errFound
		}
		return nil
	})
	return found
}

// People returns a project's people, without the rest of the project: a
// team session finds who "me" is with them.
func (s *Store) People(pid uint64) ([]model.Person, error) {
	return loadKind[model.Person](s, pid, KindPeople)
}
