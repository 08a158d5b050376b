package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/charmbracelet/log"

	"mopdeck/ui/serve"
)

func init() {
	register(Command{
		Name:    "serve",
		Summary: "share the database with the team over SSH",
		Usage: `Usage: mopdeck serve [--listen ADDR] [--idle-timeout 30m] [--max-sessions 50]

Puts the app on this host for the team: each member connects with ssh and
gets the full app in their own terminal, as the person their key is bound
to (mopdeck team add), with what their role allows. A change saved in one
session shows in every other within a second. Without a terminal,
"ssh HOST report", "ssh HOST raci" (your own role) and
"ssh HOST export changes --format csv|json" print to stdout.

While it runs, mopdeck commands on this host and this file run through it,
and a mopdeck app started here opens in it.

The host key is created beside the database on first start (FILE.host_key,
mode 0600). Only public keys of the team get in; the server does not start
while the team has none. The log (sessions, refusals) goes to stderr.

Flags:
  --listen ADDR          address to listen on (default :23234)
  --idle-timeout D       close a session after D without a key (default 30m)
  --max-sessions N       sessions open at once (default 50)

Example:
  mopdeck team add "Léa Martin" --role lead --key-file ~/.ssh/id_ed25519.pub
  mopdeck serve --listen :23234
  ssh -p 23234 team-host
`,
		Run:   runServe,
		Alone: true,
	})
}

func runServe(e *Env) error {
	flags := newFlags("serve")
	addr := flags.String("listen", serve.DefaultAddr, "")
	idle := flags.Duration("idle-timeout", serve.DefaultIdleTimeout, "")
	most := flags.Int("max-sessions", serve.DefaultMaxSessions, "")
	rest, err := parseInterspersed(flags, e.Args)
	if err != nil {
		return Userf("%v (see mopdeck serve --help)", err)
	}
	if len(rest) > 0 {
		return Userf("unexpected %q: mopdeck serve [--listen ADDR] [--idle-timeout 30m] [--max-sessions 50]", rest[0])
	}
	if *idle <= 0 || *most <= 0 {
		return Userf("--idle-timeout and --max-sessions need values above 0, such as --idle-timeout 30m --max-sessions 50")
	}
	s, err := e.OpenStore(false)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	// An empty database gets the sample project, as the app gives it.
	if _, err := e.PickProject(s, true); err != nil {
		return err
	}
	logger := serverLog(e.Stderr)
	srv, err := serve.New(serve.Config{
		Store: s, Addr: *addr, IdleTimeout: *idle, MaxSessions: *most,
		Theme: e.Theme, Version: e.Version, Log: logger, Run: e.sharedRunner(),
	})
	if errors.Is(err, serve.ErrNoTeam) {
		return UserError{err}
	}
	if err != nil {
		return err
	}
	ln, err := srv.Listen()
	if err != nil {
		return UserError{err}
	}
	owner, err := e.own(s, true)
	if err != nil {
		logger.Warn("commands on this host cannot reach the database while it is served", "why", err.Error())
	} else {
		defer owner.Close()
	}
	// The terminal closing (SIGHUP) stops the server cleanly too.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer signal.Stop(sigs)
	go func() {
		sig := <-sigs
		logger.Info("stopping", "signal", sig.String(), "sessions", srv.Sessions())
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil {
		return fmt.Errorf("the server stopped: %w", err)
	}
	return nil
}

// serverLog is the log of mopdeck serve: one line per event, with the
// time, on w.
func serverLog(w io.Writer) *log.Logger {
	return log.NewWithOptions(w, log.Options{ReportTimestamp: true, TimeFormat: time.DateTime, Prefix: "mopdeck"})
}
