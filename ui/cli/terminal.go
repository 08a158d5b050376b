package cli

import (
	"bufio"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// stdout is where a command's output goes when it has no -o: stdout
// through a buffer. When stdout is a terminal, what a file may hold
// (escape sequences, bidi overrides, controls from an old or tampered
// database) must not drive it, so the text is sanitised as the report
// and raci commands are; a pipe or a file gets the bytes as they are.
// Either way the output streams: nothing holds the whole of it.
func (e *Env) stdout() (w io.Writer, flush func() error) {
	if isTerminal(e.Stdout) {
		t := common.NewTerminalWriter(e.Stdout)
		return t, t.Flush
	}
	b := bufio.NewWriterSize(e.Stdout, 256<<10)
	return b, b.Flush
}

// isTerminal tells whether w is a terminal, where binary output would
// garble the screen. /dev/null is a character device but no terminal:
// output sent there is kept whole and unsanitised, like a file's.
func isTerminal(w any) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalWidth is the width of the terminal w is, 0 for anything else
// (a pipe, a file, a team session's stream): output for scripts is never
// cut.
func terminalWidth(w any) int {
	if !isTerminal(w) {
		return 0
	}
	width, _, err := term.GetSize(int(w.(*os.File).Fd()))
	if err != nil {
		return 0
	}
	return width
}

// indented is text under a heading, each line indent cells in; on a
// terminal (width > 0) it is word-wrapped to the width, so that the
// terminal does not break words.
func indented(text string, indent, width int) string {
	pad := strings.Repeat(" ", indent)
	if width <= 0 || width-indent < 20 {
		return pad + text
	}
	lines := strings.Split(components.Wrap(text, width-indent), "\n")
	for i, l := range lines {
		lines[i] = pad + strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
