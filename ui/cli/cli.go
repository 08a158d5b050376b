// Package cli is mopdeck's command line: global flags, the command table
// and the shared plumbing (opening the store, choosing a project, exit
// codes). Each command lives in its own file and registers itself.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"sort"
	"strings"
	"syscall"

	"mopdeck/model"
	"mopdeck/store"
)

// Exit codes: 0 ok, 1 the user's input or files are wrong, 2 mopdeck failed.
const (
	ExitOK       = 0
	ExitUser     = 1
	ExitInternal = 2
)

// Env is what a command runs with.
type Env struct {
	Globals
	Version string
	Stdout  io.Writer
	Stderr  io.Writer
	// Args are the command's own arguments, after its name.
	Args []string
	// Shared, when set, is the store a command uses instead of opening
	// --db: the process that holds the file runs commands for others
	// (over SSH, through its socket) on the store it has open. Commands
	// release it with CloseStore, which leaves it open.
	Shared *store.Store
}

// Globals are the flags every command shares.
type Globals struct {
	DB      string
	Theme   string
	Project string
	// NoMouse leaves the mouse to the terminal in the app.
	NoMouse bool
}

// Command is one subcommand.
type Command struct {
	Name    string
	Summary string
	// Usage is the full help: synopsis, flags, examples.
	Usage string
	Run   func(env *Env) error
	// Alone marks a command that needs the file to itself (serve): it is
	// not run through the process that holds the file.
	Alone bool
}

var commands = map[string]Command{}

// register adds a command to the table; each command's file calls it from
// init, so adding a command touches no other file.
func register(c Command) {
	if _, dup := commands[c.Name]; dup {
		panic("mopdeck: command registered twice: " + c.Name)
	}
	commands[c.Name] = c
}

// UserError marks an error caused by input the user can fix (exit 1).
type UserError struct{ Err error }

func (e UserError) Error() string { return e.Err.Error() }
func (e UserError) Unwrap() error { return e.Err }

// Userf formats a UserError.
func Userf(format string, a ...any) error { return UserError{fmt.Errorf(format, a...)} }

// Run parses the global flags and runs the command (or interactive, with
// no command) and returns the exit code.
func Run(args []string, version string, stdout, stderr io.Writer, interactive func(*Env) error) (code int) {
	return run(args, &Env{Version: version, Stdout: stdout, Stderr: stderr}, interactive)
}

// RunShared runs a command line on s, a store this process holds open,
// for someone else: a session of mopdeck serve, or a mopdeck command on
// this host that found the file held (see OpenStore). The command never
// closes s. The app and the commands that need the file to themselves
// are refused.
func RunShared(args []string, version string, stdout, stderr io.Writer, s *store.Store) int {
	// Borrowed: a command that closes its store when done leaves the
	// file open for everyone else.
	env := &Env{Version: version, Stdout: stdout, Stderr: stderr, Shared: s.Borrowed()}
	return run(args, env, func(*Env) error {
		return Userf("%s is open in another mopdeck already: its app is reached with ssh when it serves, else close it first", s.Path())
	})
}

func run(args []string, env *Env, interactive func(*Env) error) (code int) {
	stdout, stderr := env.Stdout, env.Stderr
	// A bug must not reach the user as a Go panic trace: one line, exit 2.
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "mopdeck: internal error: %s; please report this line\n", model.SanitizeLine(fmt.Sprint(r)))
			code = ExitInternal
		}
	}()
	fs := flag.NewFlagSet("mopdeck", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&env.DB, "db", "", "database file")
	fs.StringVar(&env.Theme, "theme", "default", "colour theme")
	fs.StringVar(&env.Project, "project", "", "project name")
	fs.BoolVar(&env.NoMouse, "no-mouse", false, "leave the mouse to the terminal (text selection)")
	showVersion := fs.Bool("version", false, "print the version")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, Usage())
			return ExitOK
		}
		return Report(Userf("%v (see mopdeck --help)", flagError(err)), stderr)
	}
	if *showVersion {
		fmt.Fprintf(stdout, "mopdeck %s\n", env.Version)
		return ExitOK
	}
	if fs.NArg() == 0 {
		err := interactive(env)
		if held, ok := errors.AsType[*HeldError](err); ok {
			return joinOwner(held, env)
		}
		return Report(err, stderr)
	}
	name := fs.Arg(0)
	if name == "help" {
		return help(fs.Args()[1:], stdout, stderr)
	}
	c, ok := commands[name]
	if !ok {
		return Report(Userf("unknown command %q: see mopdeck --help", name), stderr)
	}
	cmdArgs, err := hoistGlobals(&env.Globals, fs.Args()[1:])
	if err != nil {
		return Report(err, stderr)
	}
	env.Args = cmdArgs
	for _, a := range env.Args {
		if a == "--help" || a == "-h" {
			fmt.Fprint(stdout, c.Usage)
			return ExitOK
		}
	}
	if c.Alone && env.Shared != nil {
		return Report(Userf("%s is open in another mopdeck (serve or the app): stop it before mopdeck %s", env.Shared.Path(), name), stderr)
	}
	err = c.Run(env)
	if held, ok := errors.AsType[*HeldError](err); ok {
		if c.Alone {
			return Report(Userf("%s is held by another mopdeck (serve or the app): stop it before mopdeck %s", held.Path, name), stderr)
		}
		return forward(held, args, env)
	}
	return Report(err, stderr)
}

// help prints the general help, or a command's: "mopdeck help export".
// A command that does not exist is an error, not the general help, so
// that a script or a typo does not pass for success.
func help(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, Usage())
		return ExitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		return Report(Userf("no command %q to help with: see mopdeck --help for the list", args[0]), stderr)
	}
	fmt.Fprint(stdout, c.Usage)
	return ExitOK
}

// Report prints err on one line on stderr and picks the exit code.
func Report(err error, stderr io.Writer) int {
	if err == nil {
		return ExitOK
	}
	fmt.Fprintf(stderr, "mopdeck: %s\n", model.SanitizeLine(err.Error()))
	// A bug stays a bug whatever wraps it: a panic caught in a store
	// transaction may come back inside a UserError or beside a refusal.
	if errors.Is(err, store.ErrInternal) {
		return ExitInternal
	}
	var ue UserError
	if errors.As(err, &ue) || isStoreRefusal(err) {
		return ExitUser
	}
	return ExitInternal
}

// isStoreRefusal tells errors about the user's file or disk, which the
// user can fix (exit 1), from mopdeck's own failures (exit 2).
func isStoreRefusal(err error) bool {
	for _, e := range []error{
		store.ErrInUse, store.ErrNotMopdeck, store.ErrNewerSchema, store.ErrDamaged, store.ErrNotFound, store.ErrNoDataDir,
		store.ErrNotAllowed, ErrHeld,
		fs.ErrPermission, fs.ErrNotExist,
		syscall.ENOSPC, syscall.EDQUOT, syscall.EFBIG, syscall.EROFS, syscall.EIO,
	} {
		if errors.Is(err, e) {
			return true
		}
	}
	return false
}

const usageHead = `mopdeck — marketing-operations projects in your terminal

Usage:
  mopdeck [global flags]                  open the app
  mopdeck [global flags] COMMAND [args]   run a command (COMMAND --help for its flags)

Global flags (before or after the command):
  --db PATH        database file (default $XDG_DATA_HOME/mopdeck/mopdeck.db)
  --theme NAME     colour theme: default or mono (NO_COLOR forces mono)
  --project NAME   project to work on (default: the first open one)
  --no-mouse       leave the mouse to the terminal, to select text
  --help           this help
  --version        print the version

Commands:
`

// Usage is the top-level help, listing every command.
func Usage() string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	var b strings.Builder
	b.WriteString(usageHead)
	for _, n := range names {
		fmt.Fprintf(&b, "  %-12s %s\n", n, commands[n].Summary)
	}
	b.WriteString("\nOn first run mopdeck creates a sample project so that every pane has data.\nExit codes: 0 ok, 1 bad input or file, 2 internal error.\n")
	return b.String()
}
