package cli

import (
	"bufio"
	"bytes"
	"io"

	"mopdeck/model"
)

// stdout is where a command's output goes when it has no -o: stdout
// through a buffer. When stdout is a terminal, what a file may hold
// (escape sequences, bidi overrides, controls from an old or tampered
// database) must not drive it, so the text is sanitised as the report
// and raci commands are; a pipe or a file gets the bytes as they are.
func (e *Env) stdout() (w io.Writer, flush func() error) {
	if isTerminal(e.Stdout) {
		var buf bytes.Buffer
		return &buf, func() error {
			_, err := io.WriteString(e.Stdout, model.Sanitize(buf.String()))
			return err
		}
	}
	b := bufio.NewWriterSize(e.Stdout, 256<<10)
	return b, b.Flush
}
