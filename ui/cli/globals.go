package cli

import (
	"errors"
	"flag"
	"regexp"
	"strconv"
	"strings"
)

// hoistGlobals takes the global flags (--db, --theme, --project,
// --no-mouse) out of a command's arguments, wherever they stand, so that
// "mopdeck report --db a.db" means what "mopdeck --db a.db report" does.
// Every other flag is left for the command; the word after one that takes
// a value is its value, not a global flag ("--title --db" keeps the
// title). "--" ends the flags.
func hoistGlobals(g *Globals, args []string) ([]string, error) {
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i:]...), nil
		}
		name, val, hasVal := flagWord(a)
		if name == "" {
			rest = append(rest, a)
			continue
		}
		var dst *string
		switch name {
		case "db":
			dst = &g.DB
		case "theme":
			dst = &g.Theme
		case "project":
			dst = &g.Project
		case "no-mouse":
			if !hasVal {
				g.NoMouse = true
				continue
			}
			b, err := strconv.ParseBool(val)
			if err != nil {
				return nil, Userf("--no-mouse=%s: write --no-mouse alone, or --no-mouse=false", val)
			}
			g.NoMouse = b
			continue
		default:
			rest = append(rest, a)
			if !hasVal && !boolFlags[name] && i+1 < len(args) {
				i++
				rest = append(rest, args[i])
			}
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return nil, Userf("--%s needs a value (see mopdeck --help)", name)
			}
			i++
			val = args[i]
		}
		*dst = val
	}
	return rest, nil
}

// flagWord splits "-name", "--name" or "--name=value"; name is empty when
// a is not a flag ("-" and plain words are not).
func flagWord(a string) (name, val string, hasVal bool) {
	if len(a) < 2 || a[0] != '-' {
		return "", "", false
	}
	body := strings.TrimPrefix(a[1:], "-")
	if body == "" || body[0] == '-' {
		return "", "", false
	}
	return strings.Cut(body, "=")
}

// flagNameRE finds the flag names in the flag package's messages, which
// spell them with one dash.
var flagNameRE = regexp.MustCompile(`(^|flag |for |: )-+([A-Za-z][A-Za-z0-9-]*)`)

// flagError rewords the flag package's errors as the help spells the
// flags: two dashes for a word (--db), one for a letter (-o).
func flagError(err error) error {
	if err == nil || errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := flagNameRE.ReplaceAllStringFunc(err.Error(), func(m string) string {
		sub := flagNameRE.FindStringSubmatch(m)
		return sub[1] + dashed(sub[2])
	})
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		msg = "unknown flag " + name
	} else if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		msg = name + " needs a value"
	}
	return errors.New(msg)
}

// dashed spells a flag's name as the help does.
func dashed(name string) string {
	if len(name) == 1 {
		return "-" + name
	}
	return "--" + name
}
