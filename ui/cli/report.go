package cli

import (
	"fmt"
	"os"
	"time"

	"mopdeck/model"
)

func init() {
	register(Command{
		Name:    "report",
		Summary: "print the project's markdown status report",
		Usage: `Usage: mopdeck [--project NAME] report

Prints the status report as plain markdown on stdout: phases and gates with
their blockers, change requests per quadrant and decision, RACI warnings
and recent history — ready to paste into a steering-committee mail.

Example:
  mopdeck --project "Acme MRM roll-out" report > status.md
`,
		Run: func(e *Env) error {
			s, err := e.OpenStore(true)
			if err != nil {
				return err
			}
			defer s.Close()
			p, err := e.PickProject(s, false)
			if err != nil {
				return err
			}
			d, err := s.LoadProject(p.ID)
			if err != nil {
				return err
			}
			_, err = fmt.Fprint(e.Stdout, model.StatusReport(d, time.Now()))
			return err
		},
	})
}

// actor names who runs a command, for history.
func (e *Env) actor() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "mopdeck"
}
