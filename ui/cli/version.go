package cli

import "fmt"

func init() {
	register(Command{
		Name:    "version",
		Summary: "print the version",
		Usage:   "Usage: mopdeck version\n\nPrints the version of mopdeck.\n",
		Run: func(e *Env) error {
			_, err := fmt.Fprintf(e.Stdout, "mopdeck %s\n", e.Version)
			return err
		},
	})
}
