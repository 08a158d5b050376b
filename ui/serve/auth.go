package serve

import (
	"net"
	"sync"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"

	"mopdeck/model"
)

// Only public keys bound to a team member open a session; there is no
// password to guess. Keys that fail are still counted per address, and
// an address that fails too often is turned away for a while before the
// handshake even starts, so that a scanner costs the server nothing.

// Failed authentications allowed per address and window.
const (
	maxFailures  = 10
	failedWindow = time.Minute
)

// limiter counts failed authentications per address.
type limiter struct {
	mu    sync.Mutex
	now   func() time.Time
	fails map[string]*failures
}

type failures struct {
	n     int
	since time.Time
}

func newLimiter(now func() time.Time) *limiter {
	return &limiter{now: now, fails: map[string]*failures{}}
}

// blocked tells whether addr failed maxFailures times in the window.
func (l *limiter) blocked(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.fails[addr]
	if f == nil {
		return false
	}
	if l.now().Sub(f.since) >= failedWindow {
		delete(l.fails, addr)
		return false
	}
	return f.n >= maxFailures
}

// fail counts a failure; it tells whether addr is now blocked.
func (l *limiter) fail(addr string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	if len(l.fails) > 4096 {
		for a, f := range l.fails {
			if now.Sub(f.since) >= failedWindow {
				delete(l.fails, a)
			}
		}
	}
	f := l.fails[addr]
	if f == nil || now.Sub(f.since) >= failedWindow {
		f = &failures{since: now}
		l.fails[addr] = f
	}
	f.n++
	return f.n == maxFailures
}

// hostOf is the address without its port: a client's port changes with
// every connection.
func hostOf(a net.Addr) string {
	if a == nil {
		return ""
	}
	host, _, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	return host
}

// authKey admits a key bound to a team member.
func (s *Server) authKey(ctx ssh.Context, key ssh.PublicKey) bool {
	addr := hostOf(ctx.RemoteAddr())
	if s.limit.blocked(addr) {
		return false
	}
	fp := gossh.FingerprintSHA256(key)
	_, ok, err := s.cfg.Store.TeamMemberByKey(fp)
	if err != nil {
		s.log.Error("cannot read the team", "err", err)
		return false
	}
	if ok {
		return true
	}
	s.log.Warn("unknown key refused", "key", fp, "addr", addr, "user", model.SanitizeLine(ctx.User()))
	if s.limit.fail(addr) {
		s.log.Warn("too many failed logins: address refused for a minute", "addr", addr)
	}
	return false
}

// admitConn turns away, before the handshake, an address that failed
// too often.
func (s *Server) admitConn(ctx ssh.Context, conn net.Conn) net.Conn {
	if s.limit.blocked(hostOf(conn.RemoteAddr())) {
		return nil
	}
	return conn
}
