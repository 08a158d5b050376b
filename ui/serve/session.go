package serve

import (
	"fmt"
	"io"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui"
	"mopdeck/ui/common"
)

type ctxKey int

const (
	keyMember ctxKey = iota
	keyIdled
	keyApp
)

// member is the team member a session's key is bound to.
func member(sess ssh.Session) store.TeamMember {
	m, _ := sess.Context().Value(keyMember).(store.TeamMember)
	return m
}

func fingerprint(sess ssh.Session) string {
	if k := sess.PublicKey(); k != nil {
		return gossh.FingerprintSHA256(k)
	}
	return ""
}

// admit finds who the session is (the team is read again: a role
// changed or a key removed since the connection opened counts), keeps to
// the session limit and logs the session's start and end.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		fp, addr := fingerprint(sess), hostOf(sess.RemoteAddr())
		m, ok, err := s.cfg.Store.TeamMemberByKey(fp)
		if err != nil || !ok {
			s.log.Warn("session refused: key not in the team", "key", fp, "addr", addr)
			wish.Fatalln(sess, "mopdeck: this key is not in the team (any more): ask a lead to run mopdeck team add")
			return
		}
		if n := s.active.Add(1); n > int64(s.cfg.MaxSessions) {
			s.active.Add(-1)
			s.log.Warn("session refused: server full", "person", m.Name, "key", fp, "addr", addr, "max-sessions", s.cfg.MaxSessions)
			wish.Fatalln(sess, fmt.Sprintf("mopdeck: the server has %d sessions open, the most it takes: try again later", s.cfg.MaxSessions))
			return
		}
		defer s.active.Add(-1)
		sess.Context().SetValue(keyMember, m)
		_, _, pty := sess.Pty()
		start := s.cfg.Now()
		s.log.Info("session start", "person", m.Name, "role", m.Role, "key", fp, "addr", addr, "terminal", pty, "command", model.SanitizeLine(sess.RawCommand()))
		next(sess)
		s.log.Info("session end", "person", m.Name, "key", fp, "addr", addr, "after", s.cfg.Now().Sub(start).Round(time.Second))
	}
}

// policy is what a session's writes go through: its member's role, their
// name in history, and each refusal logged with the key.
func (s *Server) policy(sess ssh.Session) *store.Policy {
	m, fp := member(sess), fingerprint(sess)
	return &store.Policy{Role: m.Role, Person: m.Name, Refused: func(err error) {
		s.log.Warn("refused", "person", m.Name, "role", m.Role, "key", fp, "why", err.Error())
	}}
}

// appArgs are what a session with a terminal may ask for:
// `ssh -t host -- --theme mono --project NAME`.
type appArgs struct{ theme, project string }

func parseAppArgs(args []string, theme string) (appArgs, error) {
	a := appArgs{theme: theme}
	for i := 0; i < len(args); i++ {
		if args[i] == "--" {
			continue // ssh -t host -- --theme mono
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(args[i], "-"), "=")
		if !strings.HasPrefix(args[i], "-") || (name != "theme" && name != "project") {
			return a, fmt.Errorf("unexpected %q: with a terminal mopdeck takes only --theme NAME and --project NAME; for a report run ssh without -t", model.SanitizeLine(args[i]))
		}
		if !hasVal {
			if i+1 >= len(args) {
				return a, fmt.Errorf("--%s needs a value", name)
			}
			i++
			val = args[i]
		}
		if name == "theme" {
			a.theme = val
		} else {
			a.project = val
		}
	}
	return a, nil
}

// program builds the app for a session with a terminal: its own window
// size and colours, its person as "me", its role on every write, and the
// other sessions' writes as they commit.
func (s *Server) program(sess ssh.Session) *tea.Program {
	pty, _, ok := sess.Pty()
	if !ok {
		return nil
	}
	m := member(sess)
	args, err := parseAppArgs(sess.Command(), s.cfg.Theme)
	env := append(sess.Environ(), "TERM="+pty.Term)
	var palette themes.Palette
	if err == nil {
		palette, err = themes.ByNameEnv(args.theme, env)
	}
	var pid uint64
	if err == nil {
		pid, err = pickProject(s.cfg.Store, args.project)
	}
	if err != nil {
		fmt.Fprintf(sess.Stderr(), "mopdeck: %s\r\n", err)
		sess.Exit(1)
		return nil
	}
	r := themes.SessionRenderer(sess, env)
	ctx := &common.Context{
		Store:  s.cfg.Store.Guarded(s.policy(sess)),
		Styles: themes.ForRenderer(r, palette),
		Now:    s.cfg.Now,
		User:   m.Name,
		Person: m.Name,
		Role:   m.Role,
		Live:   true,
		Remote: true,
	}
	in := &idleReader{r: sess, done: make(chan struct{})}
	in.touch(time.Now())
	sess.Context().SetValue(keyApp, &app{ctx: ctx, in: in})
	p := tea.NewProgram(ui.New(ctx, pid),
		tea.WithInput(in), tea.WithOutput(sess),
		tea.WithAltScreen(), tea.WithMouseCellMotion(),
		// The server's own signals end the server, which closes every
		// session; a session's app does not listen to them.
		tea.WithoutSignalHandler())
	go s.watchIdle(sess, in, p)
	return p
}

// pickProject is the project named (case aside), else the first open one.
func pickProject(st *store.Store, name string) (uint64, error) {
	projects, err := st.Projects()
	if err != nil {
		return 0, err
	}
	if len(projects) == 0 {
		return 0, fmt.Errorf("the database has no project yet: a lead creates one with mopdeck new on the server")
	}
	for _, p := range projects {
		if name == "" && !p.Archived {
			return p.ID, nil
		}
		if name != "" && strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(name)) {
			return p.ID, nil
		}
	}
	if name == "" {
		return projects[0].ID, nil
	}
	return 0, fmt.Errorf("no project named %q", model.SanitizeLine(name))
}

// app is what a session's app holds while it runs.
type app struct {
	ctx *common.Context
	in  *idleReader
}

// end releases it once the app has quit: the store subscription, the
// idle watch.
func (a *app) end() {
	a.ctx.Close()
	close(a.in.done)
}

// idleReader is the session's input, noting when a key last came.
type idleReader struct {
	r    io.Reader
	last atomic.Int64
	// done is closed when the app has ended.
	done chan struct{}
}

func (i *idleReader) Read(p []byte) (int, error) {
	n, err := i.r.Read(p)
	if n > 0 {
		i.touch(time.Now())
	}
	return n, err
}

func (i *idleReader) touch(t time.Time) { i.last.Store(t.UnixNano()) }

// watchIdle quits the session's app after IdleTimeout without a key.
// Writes from other sessions do not count: an open window nobody looks
// at would hold a place of the session limit for ever.
func (s *Server) watchIdle(sess ssh.Session, in *idleReader, p *tea.Program) {
	every := min(s.cfg.IdleTimeout/4, 30*time.Second)
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-sess.Context().Done():
			return
		case <-in.done:
			return
		case now := <-tick.C:
			if now.Sub(time.Unix(0, in.last.Load())) >= s.cfg.IdleTimeout {
				s.log.Info("session idle: closed", "person", member(sess).Name, "key", fingerprint(sess), "idle-timeout", s.cfg.IdleTimeout)
				sess.Context().SetValue(keyIdled, true)
				p.Quit()
				return
			}
		}
	}
}
