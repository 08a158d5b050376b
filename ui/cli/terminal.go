package cli

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"unicode/utf8"

	"golang.org/x/term"

	"mopdeck/model"
)

// stdout is where a command's output goes when it has no -o: stdout
// through a buffer. When stdout is a terminal, what a file may hold
// (escape sequences, bidi overrides, controls from an old or tampered
// database) must not drive it, so the text is sanitised as the report
// and raci commands are; a pipe or a file gets the bytes as they are.
// Either way the output streams: nothing holds the whole of it.
func (e *Env) stdout() (w io.Writer, flush func() error) {
	b := bufio.NewWriterSize(e.Stdout, 256<<10)
	if isTerminal(e.Stdout) {
		s := &sanitizingWriter{out: b}
		return s, s.Flush
	}
	return b, b.Flush
}

// isTerminal tells whether w is a terminal, where binary output would
// garble the screen. /dev/null is a character device but no terminal:
// output sent there is kept whole and unsanitised, like a file's.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// sanitizingWriter passes text through model.Sanitize on its way out, a
// run of whole lines at a time. Sanitize works rune by rune and keeps
// newlines, so cutting at a newline (or, in an endless line, at a rune's
// first byte) changes nothing in what comes out.
type sanitizingWriter struct {
	out     *bufio.Writer
	pending []byte
}

// maxPending bounds what waits for a newline.
const maxPending = 64 << 10

func (s *sanitizingWriter) Write(p []byte) (int, error) {
	s.pending = append(s.pending, p...)
	cut := bytes.LastIndexByte(s.pending, '\n') + 1
	if cut == 0 && len(s.pending) > maxPending {
		cut = len(s.pending)
		for back := 0; back < utf8.UTFMax && cut > 0 && !utf8.RuneStart(s.pending[cut-1]); back++ {
			cut--
		}
		cut-- // the rune starting there may be incomplete: keep it
	}
	if cut > 0 {
		if _, err := s.out.WriteString(model.Sanitize(string(s.pending[:cut]))); err != nil {
			return 0, err
		}
		s.pending = s.pending[:copy(s.pending, s.pending[cut:])]
	}
	return len(p), nil
}

// Flush writes what is left, sanitised, and flushes the buffer.
func (s *sanitizingWriter) Flush() error {
	if len(s.pending) > 0 {
		if _, err := s.out.WriteString(model.Sanitize(string(s.pending))); err != nil {
			return err
		}
		s.pending = s.pending[:0]
	}
	return s.out.Flush()
}
