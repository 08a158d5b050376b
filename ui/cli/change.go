package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"mopdeck/model"
	"mopdeck/store"
)

func init() {
	register(Command{
		Name:    "change",
		Summary: "add, edit, list and show change requests, one command at a time (for scripts)",
		Usage: `Usage:
  mopdeck change add TITLE [--impact N] [--complexity low|medium|high] [--estimate HOURS]
                     [--decision now|later|reject] [--area A] [--raised-by NAME]
                     [--phase P] [--assignee NAME] [--description TEXT] [--project NAME]
  mopdeck change set CR-N [the same flags] [--status S] [--title T]
  mopdeck change list [--filter 'status:new decision:now impact>=4 words']
                      [--sort priority|impact|effort|created] [--format table|csv|json]
  mopdeck change show CR-N [--json]

add creates a request and prints its ID (CR-16) on stdout. set changes only
the fields given; an empty value clears one (--assignee ""). Values are read
as the form and the import read them: impact 1–5 or a level (high, low);
complexity low/medium/high (faible/moyenne/élevée, S/M/L); estimate in
hours (6, 1.5, 1,5, 6h); decision now/later/reject; area data fields,
workflow, security, reporting, integration or other; --phase names the
phase the request was raised in (none to clear).

The workflow rules are the app's: a decision moves the status as triage
does (now → triaged, later → deferred, reject → rejected, unless the work
is further along); --status moves only where the workflow allows
(new → triaged, rejected or deferred; triaged → in progress…), and a
status given by hand wins over the one a decision would set. Every change
is recorded in history, and u in the app undoes it.

list prints the project's requests, in priority order unless --sort says
otherwise (impact: highest first; effort: least first, by complexity then
estimate; created: oldest first). --filter keeps the requests that pass
every term:
  status:S, decision:D, quadrant:Q, area:A, phase:P, assignee:NAME
                     the field is one of the values (status:new,triaged or
                     status:new status:triaged); quote values with spaces
                     (status:"in progress") or join them (status:in-progress)
  impact>=N, estimate<H, complexity<=medium
                     compare a rated value (=, !=, <, <=, >, >=); unrated
                     requests never pass a comparison
  words              every word appears in the ID, title, description,
                     area, names, status or decision (any case)
--format table (default) is for people; csv and json hold the same columns
and objects as mopdeck export changes, in the list's order.

show prints one request; --json prints it as the export's JSON object.

Flags for all: --project NAME (default: the first open one). Exit codes:
0 done, 1 a value, an ID or the workflow refused it (nothing was saved),
2 mopdeck failed.

Examples:
  id=$(mopdeck change add "Add a Region filter to the campaign list" --impact 3 --complexity low --estimate 4)
  mopdeck change set "$id" --decision now --assignee "Léa Petit"
  mopdeck change set CR-7 --status "in progress"
  mopdeck change list --filter 'decision:now impact>=4' --sort effort
  mopdeck change list --filter 'status:new' --format json | jq -r '.[].ref'
  mopdeck change show CR-12 --json
`,
		Run: runChange,
	})
}

func runChange(e *Env) error {
	if len(e.Args) == 0 {
		return Userf("say what to do: mopdeck change add|set|list|show (see mopdeck change --help)")
	}
	args := e.Args[1:]
	switch e.Args[0] {
	case "add", "new":
		return runChangeAdd(e, args)
	case "set", "edit":
		return runChangeSet(e, args)
	case "list", "ls":
		return runChangeList(e, args)
	case "show":
		return runChangeShow(e, args)
	}
	return Userf("unknown change command %q: use add, set, list or show (see mopdeck change --help)", e.Args[0])
}

// parseRef reads a change request's ID as people write it: CR-12, cr-12
// or 12.
func parseRef(s string) (uint64, error) {
	t := strings.TrimSpace(s)
	if len(t) > 3 && strings.EqualFold(t[:3], "cr-") {
		t = t[3:]
	}
	t = strings.TrimPrefix(t, "#")
	id, err := strconv.ParseUint(t, 10, 64)
	if err != nil || id == 0 {
		return 0, Userf("%s is not a change request ID: write it as CR-12 or 12", model.QuoteValue(s))
	}
	return id, nil
}

// existingDB refuses a database file that does not exist, for commands
// that add to a project: they must not create an empty database.
func (e *Env) existingDB() error {
	path, err := e.dbPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return Userf("%s does not exist: create a project first (mopdeck new), or pass --db with an existing database", path)
	}
	return nil
}

// notFound turns the store's "no such request" into the user's error.
func notFound(err error, id uint64, project string) error {
	if errors.Is(err, store.ErrNotFound) {
		return Userf("there is no CR-%d in %q: see mopdeck change list", id, project)
	}
	return err
}

// phaseByName finds the phase a --phase value names: by name, whatever the
// case and accents; "" or "none" is no phase.
func phaseByName(phases []model.Phase, v string) (uint64, error) {
	v = strings.TrimSpace(v)
	if v == "" || strings.EqualFold(v, "none") {
		return 0, nil
	}
	want := model.FoldWord(v)
	names := make([]string, 0, len(phases))
	for _, ph := range model.PhasesInOrder(phases) {
		if model.FoldWord(ph.Name) == want {
			return ph.ID, nil
		}
		names = append(names, fmt.Sprintf("%q", model.SanitizeLine(ph.Name)))
	}
	if len(names) == 0 {
		return 0, Userf("no phase named %s: the project has no phases", model.QuoteValue(v))
	}
	return 0, Userf("no phase named %s: use one of %s, or none", model.QuoteValue(v), strings.Join(names, ", "))
}
