package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"mopdeck/ui/serve"
)

// ErrHeld: the database is held by another mopdeck that answers on the
// socket beside it.
var ErrHeld = serve.ErrHeld

// HeldError is what OpenStore returns when another mopdeck on this host
// holds the file (serve, or the app): the command is then run by that
// mopdeck, on the file it holds.
type HeldError struct{ Path string }

func (e *HeldError) Error() string {
	return fmt.Sprintf("%s is %v (serve or the app)", e.Path, ErrHeld)
}

func (e *HeldError) Unwrap() error { return ErrHeld }

// forward hands the whole command line to the mopdeck holding the file.
// The command writes to this process's own streams, so a terminal,
// a pipe and a file each get what they would get here.
func forward(held *HeldError, args []string, env *Env) int {
	cwd, err := os.Getwd()
	if err != nil {
		return Report(fmt.Errorf("cannot tell the current folder to the mopdeck holding %s: %w", held.Path, err), env.Stderr)
	}
	stdout, doneOut, err := asFile(env.Stdout, os.Stdout)
	if err != nil {
		return Report(err, env.Stderr)
	}
	stderr, doneErr, err := asFile(env.Stderr, os.Stderr)
	if err != nil {
		doneOut()
		return Report(err, env.Stderr)
	}
	code, ok, err := serve.Forward(held.Path, absArgs(args, cwd), os.Stdin, stdout, stderr)
	doneOut()
	doneErr()
	switch {
	case !ok:
		// The holder went away between the two looks: try once more here.
		return Report(fmt.Errorf("%s was held by another mopdeck that has just stopped: run the command again", held.Path), env.Stderr)
	case err != nil:
		return Report(err, env.Stderr)
	}
	return code
}

// asFile returns a file whose bytes reach w: the file itself when w is
// one, else a pipe copied into w until done is called.
func asFile(w io.Writer, fallback *os.File) (*os.File, func(), error) {
	if w == nil {
		w = fallback
	}
	if f, ok := w.(*os.File); ok {
		return f, func() {}, nil
	}
	r, pw, err := os.Pipe()
	if err != nil {
		return nil, nil, err
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		io.Copy(w, r)
		r.Close()
	}()
	return pw, func() {
		pw.Close()
		wg.Wait()
	}, nil
}

// pathFlags are the flags whose value is a path: the mopdeck holding the
// file runs in another folder, so they go to it absolute. boolFlags take
// no value; every other flag takes one.
var (
	pathFlags = map[string]bool{"db": true, "o": true, "output": true, "key-file": true}
	boolFlags = map[string]bool{"no-mouse": true, "version": true, "help": true, "h": true, "dry-run": true, "replace": true, "json": true,
		"allow-duplicates": true, "force": true}
)

// absArgs makes the paths of a command line absolute, against cwd: the
// values of pathFlags and the files an import reads.
func absArgs(args []string, cwd string) []string {
	out := make([]string, len(args))
	copy(out, args)
	abs := func(p string) string {
		if p == "" || p == "-" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(cwd, p)
	}
	var words []string // the command and its positional arguments
	positional := func(i int) {
		words = append(words, out[i])
		if len(words) >= 3 && words[0] == "import" {
			out[i] = abs(out[i]) // the file, after "changes" or "project"
		}
	}
	for i := 0; i < len(out); i++ {
		a := out[i]
		if a == "--" {
			for j := i + 1; j < len(out); j++ {
				positional(j)
			}
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional(i)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimLeft(a, "-"), "=")
		switch {
		case boolFlags[name]:
		case hasVal && pathFlags[name]:
			out[i] = a[:len(a)-len(val)] + abs(val)
		case hasVal:
		case i+1 < len(out):
			i++
			if pathFlags[name] {
				out[i] = abs(out[i])
			}
		}
	}
	return out
}

// joinOwner opens the app in the mopdeck holding the file, on this
// terminal.
func joinOwner(held *HeldError, env *Env) int {
	code, ok, err := serve.Join(held.Path, serve.JoinOptions{Theme: env.Theme, Project: env.Project, Mouse: !env.NoMouse})
	switch {
	case !ok:
		err = fmt.Errorf("%s was held by another mopdeck that has just stopped: run mopdeck again", held.Path)
	case serve.ErrNoApp(err):
		err = fmt.Errorf("%s is %w, which does not share its app: close it, or open another file with --db", held.Path, ErrHeld)
	}
	if err != nil {
		return Report(err, env.Stderr)
	}
	return code
}
