package common

import (
	"bufio"
	"bytes"
	"io"
	"unicode/utf8"

	"mopdeck/model"
)

// TerminalWriter passes text through model.Sanitize on its way to a
// terminal, a run of whole lines at a time: what a record may hold
// (escape sequences, bidi overrides, controls from an old or tampered
// database) shows as inert symbols and never drives the terminal.
// Sanitize works rune by rune and keeps newlines, so cutting at a newline
// (or, in an endless line, before a rune's first byte) changes nothing in
// what comes out. Flush writes the rest.
type TerminalWriter struct {
	out     *bufio.Writer
	pending []byte
}

// NewTerminalWriter returns a TerminalWriter to w, buffered.
func NewTerminalWriter(w io.Writer) *TerminalWriter {
	return &TerminalWriter{out: bufio.NewWriterSize(w, 256<<10)}
}

// maxPending bounds what waits for a newline.
const maxPending = 64 << 10

func (s *TerminalWriter) Write(p []byte) (int, error) {
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
func (s *TerminalWriter) Flush() error {
	if len(s.pending) > 0 {
		if _, err := s.out.WriteString(model.Sanitize(string(s.pending))); err != nil {
			return err
		}
		s.pending = s.pending[:0]
	}
	return s.out.Flush()
}
