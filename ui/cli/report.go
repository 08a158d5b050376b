package cli

import (
	"fmt"
	"os"
	"strings"
	"time"

	"mopdeck/model"
)

func init() {
	register(Command{
		Name:    "report",
		Summary: "print the project's markdown status report",
		Usage: `Usage: mopdeck report [--project NAME]

Prints the status report as plain markdown on stdout: the project's key
facts, phases with their dates, gates signed off and what blocks the open
ones, change requests per quadrant and per decision with their estimated
hours, RACI warnings and recent history — ready to paste into a
steering-committee mail. --project works before or after the command.

Example:
  mopdeck report --project "Acme MRM roll-out" > status.md
`,
		Run: runReport,
	})
}

func runReport(e *Env) error {
	rest, err := parseInterspersed(newFlags("report"), e.Args)
	if err != nil {
		return Userf("%v (see mopdeck report --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected argument %q: name the project with --project", rest[0])
	}
	now, err := clock()
	if err != nil {
		return err
	}
	d, err := e.LoadPicked(false)
	if err != nil {
		return err
	}
	_, err = fmt.Fprint(e.Stdout, model.StatusReport(d, now))
	return err
}

// nowEnv pins the clock of commands that print the date, for reproducible
// output (tests, documentation): RFC 3339 or YYYY-MM-DD.
const nowEnv = "MOPDECK_NOW"

// clock returns the current time, or the one nowEnv pins.
func clock() (time.Time, error) {
	v := strings.TrimSpace(os.Getenv(nowEnv))
	if v == "" {
		return time.Now(), nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return t, nil
	}
	if t, err := time.Parse(model.DateLayout, v); err == nil {
		return t, nil
	}
	return time.Time{}, Userf("%s=%q is not a time: use 2026-11-23 or 2026-11-23T09:00:00Z, or unset it", nowEnv, v)
}

// actor names who runs a command, for history.
func (e *Env) actor() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "mopdeck"
}
