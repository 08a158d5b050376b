package cli

import (
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
)

func init() {
	register(Command{
		Name:    "team",
		Summary: "who may open the database over SSH (mopdeck serve), with which role",
		Usage: `Usage: mopdeck team add NAME (--key-file PATH | --key 'ssh-ed25519 …') [--role lead|member|viewer]
       mopdeck team list
       mopdeck team remove NAME
       mopdeck team role NAME ROLE

Binds a public key to a person: whoever logs in to mopdeck serve with the
key is that person — their name in history, their "me" in every project
that names them (matched as raci --person matches, so "lea martin" finds
"Léa Martin"). A name no project knows yet is kept as typed. A person may
have several keys; a key opens as one person only.

Roles:
  lead     everything
  member   add and edit change requests, tick deliverables and checklist
           items, edit docs; no triage decision, gate sign-off, RACI
           change or deletion
  viewer   read only

A new member is a member unless --role says otherwise.

Examples:
  mopdeck team add "Léa Martin" --role lead --key-file ~/.ssh/id_ed25519.pub
  mopdeck team add "Hugo Bernard" --key "ssh-ed25519 AAAAC3Nz… hugo@laptop"
  mopdeck team role "Hugo Bernard" viewer
`,
		Run: runTeam,
	})
}

func runTeam(e *Env) error {
	if len(e.Args) == 0 {
		return Userf("what about the team? mopdeck team add|list|remove|role (see mopdeck team --help)")
	}
	sub, args := e.Args[0], e.Args[1:]
	switch sub {
	case "add":
		return teamAdd(e, args)
	case "list":
		return teamList(e, args)
	case "remove":
		return teamRemove(e, args)
	case "role":
		return teamRole(e, args)
	}
	return Userf("unknown team command %q: use add, list, remove or role", sub)
}

func teamAdd(e *Env, args []string) error {
	flags := newFlags("team add")
	keyFile := flags.String("key-file", "", "")
	keyText := flags.String("key", "", "")
	roleText := flags.String("role", "", "")
	names, err := parseInterspersed(flags, args)
	if err != nil {
		return Userf("%v (see mopdeck team --help)", err)
	}
	if len(names) != 1 {
		return Userf(`give one name, quoted if it has spaces: mopdeck team add "Léa Martin" --key-file KEY.pub`)
	}
	if (*keyFile == "") == (*keyText == "") {
		return Userf("give the person's public key with --key-file PATH or --key 'ssh-ed25519 …' (one of the two)")
	}
	var role store.TeamRole
	if *roleText != "" {
		if role, err = store.ParseTeamRole(*roleText); err != nil {
			return UserError{err}
		}
	}
	text := *keyText
	if *keyFile != "" {
		b, err := os.ReadFile(*keyFile)
		if err != nil {
			return Userf("cannot read the key file: %v", err)
		}
		text = string(b)
	}
	key, err := store.ParseTeamKey(text)
	if err != nil {
		return UserError{err}
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	m, added, err := s.TeamAdd(names[0], role, key)
	if err != nil {
		return UserError{err}
	}
	name := model.SanitizeLine(m.Name)
	if !added {
		fmt.Fprintf(e.Stdout, "%s (%s) has the key %s already: nothing changed\n", name, m.Role, key.Fingerprint)
		return nil
	}
	fmt.Fprintf(e.Stdout, "%s (%s) opens with the key %s\n", name, m.Role, key.Fingerprint)
	return nil
}

func teamList(e *Env, args []string) error {
	if len(args) > 0 {
		return Userf("unexpected %q: mopdeck team list", args[0])
	}
	s, err := e.OpenStore(true)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	team, err := s.Team()
	if err != nil {
		return err
	}
	if len(team) == 0 {
		fmt.Fprintln(e.Stdout, `nobody yet: mopdeck team add "Your Name" --role lead --key-file ~/.ssh/id_ed25519.pub`)
		return nil
	}
	width := 0
	for _, m := range team {
		width = max(width, ansi.StringWidth(model.SanitizeLine(m.Name)))
	}
	for _, m := range team {
		keys := make([]string, len(m.Keys))
		for i, k := range m.Keys {
			keys[i] = k.Fingerprint
			if f := strings.Fields(k.Line); len(f) > 2 {
				keys[i] += " (" + strings.Join(f[2:], " ") + ")"
			}
		}
		name := model.SanitizeLine(m.Name)
		fmt.Fprintf(e.Stdout, "%s%s  %-6s  %s\n", name, strings.Repeat(" ", width-ansi.StringWidth(name)), m.Role, model.SanitizeLine(strings.Join(keys, ", ")))
	}
	return nil
}

func teamRemove(e *Env, args []string) error {
	if len(args) != 1 {
		return Userf(`give one name: mopdeck team remove "Léa Martin"`)
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	m, err := s.TeamRemove(args[0])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%s is off the team: %d key(s) no longer open (open sessions end when they close)\n", model.SanitizeLine(m.Name), len(m.Keys))
	return nil
}

func teamRole(e *Env, args []string) error {
	if len(args) != 2 {
		return Userf(`give a name and a role: mopdeck team role "Léa Martin" lead|member|viewer`)
	}
	role, err := store.ParseTeamRole(args[1])
	if err != nil {
		return UserError{err}
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	m, err := s.TeamSetRole(args[0], role)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.Stdout, "%s is a %s now (from their next session on)\n", model.SanitizeLine(m.Name), m.Role)
	return nil
}
