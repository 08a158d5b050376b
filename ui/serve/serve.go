// Package serve puts mopdeck on a shared host. `mopdeck serve` runs an
// SSH server (charmbracelet/wish) in the one process that owns the
// database: every session is a goroutine of it, the app for a session
// with a terminal, a read-only command for one without. The same process
// listens on a unix socket beside the database, through which mopdeck
// commands run on the same host reach the file it holds (owner.go).
package serve

import (
	"errors"
	"fmt"
	"io"
	"net"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	bm "github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"mopdeck/store"
)

// Defaults of the flags of mopdeck serve.
const (
	DefaultAddr        = ":23234"
	DefaultIdleTimeout = 30 * time.Minute
	DefaultMaxSessions = 50
)

// RunFunc runs a mopdeck command line on the store s, which it must not
// close, writing to stdout and stderr, and returns the exit code. The
// command line package provides it (cli.RunShared).
type RunFunc func(args []string, stdout, stderr io.Writer, s *store.Store) int

// Config is what a server needs.
type Config struct {
	// Store is the open database every session shares.
	Store *store.Store
	// Addr is the TCP address to listen on (DefaultAddr when empty).
	Addr string
	// IdleTimeout closes a session after that long without a key.
	IdleTimeout time.Duration
	// MaxSessions is how many sessions may be open at once.
	MaxSessions int
	// Theme is the colour theme a session gets unless it asks for one.
	Theme string
	// Version is sent to clients in the SSH banner exchange.
	Version string
	// Log receives the server's log: sessions, refusals, failures.
	Log *log.Logger
	// Run runs the commands of sessions without a terminal.
	Run RunFunc
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// ErrNoTeam: nobody can log in, so the server does not start.
var ErrNoTeam = errors.New("no key is authorised")

// Server is a running team server.
type Server struct {
	cfg    Config
	log    *log.Logger
	ssh    *ssh.Server
	limit  *limiter
	active atomic.Int64
}

// New checks that someone can log in, reads (or creates) the host key
// beside the database and builds the server.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Run == nil {
		return nil, errors.New("serve: a store and a command runner are needed")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdleTimeout
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard)
	}
	team, err := cfg.Store.Team()
	if err != nil {
		return nil, err
	}
	keys := 0
	for _, m := range team {
		keys += len(m.Keys)
	}
	if keys == 0 {
		return nil, fmt.Errorf("%w for %s: nobody could log in, so the server did not start; add the first lead with: mopdeck --db %s team add \"Your Name\" --role lead --key-file ~/.ssh/id_ed25519.pub",
			ErrNoTeam, cfg.Store.Path(), cfg.Store.Path())
	}
	signer, err := hostKey(HostKeyPath(cfg.Store.Path()))
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Log, limit: newLimiter(cfg.Now)}
	s.ssh, err = wish.NewServer(
		wish.WithAddress(cfg.Addr),
		wish.WithVersion("mopdeck_"+cfg.Version),
		wish.WithPublicKeyAuth(s.authKey),
		wish.WithIdleTimeout(cfg.IdleTimeout),
		ssh.WrapConn(s.admitConn),
		func(srv *ssh.Server) error {
			srv.AddHostKey(signer)
			return nil
		},
		// Composed from the last: admit runs first, then the app for a
		// session with a terminal, then the command of one without.
		wish.WithMiddleware(
			s.command,
			bm.MiddlewareWithProgramHandler(s.program, termenv.Ascii),
			s.admit,
		),
	)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Serve accepts connections on ln until Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.Info("serving", "addr", ln.Addr().String(), "db", s.cfg.Store.Path(), "idle-timeout", s.cfg.IdleTimeout, "max-sessions", s.cfg.MaxSessions)
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Listen opens the server's TCP address.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w; pick another address with --listen", s.cfg.Addr, err)
	}
	return ln, nil
}

// Close stops accepting connections and closes the open ones: every
// session's app quits, and what it saved stays saved. It waits (up to
// five seconds) for the sessions to end, so that the store can close
// after it without a write in flight.
func (s *Server) Close() error {
	err := s.ssh.Close()
	for deadline := time.Now().Add(5 * time.Second); s.active.Load() > 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	return err
}

// Sessions is the number of sessions open now.
func (s *Server) Sessions() int { return int(s.active.Load()) }
