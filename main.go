// mopdeck is a keyboard-first terminal app for marketing-operations
// projects: phases and gates, change requests, RACI matrices and docs, in
// one local file. main only hands the command line to ui/cli; the work is
// in model, store and ui.
package main

import (
	"os"

	"mopdeck/ui/cli"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "0.1.0"

func main() {
	os.Exit(cli.Run(os.Args[1:], version, os.Stdout, os.Stderr, cli.Interactive))
}
