package serve

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/ssh"

	"mopdeck/model"
	"mopdeck/ui/common"
)

// A session without a terminal runs one command and prints its output,
// for scripts and mail: the report, the caller's own RACI role, the
// change requests as CSV or JSON, sanitised as for a terminal. Everything else is refused in one
// line: a command that writes, or names a file, belongs on the server.

// command runs the command of a session without a terminal; for one
// with a terminal, whose app has ended, it says why when it was idle and
// releases what the app held.
func (s *Server) command(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if _, _, pty := sess.Pty(); pty {
			if a, ok := sess.Context().Value(keyApp).(*app); ok {
				a.end()
			}
			if idled, _ := sess.Context().Value(keyIdled).(bool); idled {
				fmt.Fprintf(sess.Stderr(), "mopdeck: closed after %s without a key\r\n", s.cfg.IdleTimeout)
			}
			next(sess)
			return
		}
		m := member(sess)
		args, err := allowedCommand(sess.Command(), m.Name)
		if err != nil {
			s.log.Warn("refused", "person", m.Name, "role", m.Role, "key", fingerprint(sess), "command", model.SanitizeLine(sess.RawCommand()), "why", err.Error())
			fmt.Fprintf(sess.Stderr(), "mopdeck: %s\n", err)
			sess.Exit(1)
			return
		}
		// The server cannot tell whether the client's stdout is a terminal
		// or a pipe, so the output is what a terminal gets: what a record
		// may hold never drives the caller's terminal.
		out := common.NewTerminalWriter(sess)
		code := s.cfg.Run(args, out, sess.Stderr(), s.cfg.Store.Guarded(s.policy(sess)))
		if err := out.Flush(); err != nil && code == 0 {
			code = 1
		}
		sess.Exit(code)
		next(sess)
	}
}

// sshCommands are the commands a session without a terminal may run, and
// the flags each takes (true: the flag takes a value).
var sshCommands = map[string]map[string]bool{
	"report":         {"project": true},
	"raci":           {"project": true, "json": false},
	"export changes": {"project": true, "format": true},
}

// allowedCommand checks a session's command and returns the command line
// to run: raci shows the caller's own role.
func allowedCommand(args []string, person string) ([]string, error) {
	refused := fmt.Errorf("over SSH without a terminal mopdeck runs only report, raci and export changes --format csv|json; connect with ssh -t for the app")
	if len(args) == 0 {
		return nil, refused
	}
	name, rest := args[0], args[1:]
	if name == "export" {
		if len(rest) == 0 || rest[0] != "changes" {
			return nil, refused
		}
		name, rest = "export changes", rest[1:]
	}
	flags, ok := sshCommands[name]
	if !ok {
		return nil, refused
	}
	out := strings.Fields(name)
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if !strings.HasPrefix(a, "-") {
			return nil, fmt.Errorf("unexpected %q: %s takes only flags here", model.SanitizeLine(a), name)
		}
		flag, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		takes, known := flags[flag]
		if !known {
			why := "is not taken over SSH"
			if flag == "person" {
				why = "is not needed: over SSH raci shows your own role"
			}
			return nil, fmt.Errorf("--%s %s (%s takes %s)", model.SanitizeLine(flag), why, name, flagList(flags))
		}
		if takes && !hasVal {
			if i+1 >= len(rest) {
				return nil, fmt.Errorf("--%s needs a value", flag)
			}
			i++
			val = rest[i]
		}
		if flag == "format" && val != "csv" && val != "json" {
			return nil, fmt.Errorf("--format %s is not sent over SSH: use csv or json", model.SanitizeLine(val))
		}
		if takes {
			out = append(out, "--"+flag, val)
		} else {
			out = append(out, "--"+flag)
		}
	}
	if name == "raci" {
		out = append(out, "--person", person)
	}
	return out, nil
}

func flagList(flags map[string]bool) string {
	var names []string
	for _, n := range []string{"project", "format", "json"} {
		if _, ok := flags[n]; ok {
			names = append(names, "--"+n)
		}
	}
	return strings.Join(names, ", ")
}
