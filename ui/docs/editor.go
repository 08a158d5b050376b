package docs

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
)

// Editing a doc takes three steps, each its own message: a command writes
// the doc to a temporary file and finds the editor; tea.ExecProcess hands
// the terminal to the editor; a command reads the file back, saves a new
// revision if it changed and removes the file.

// editorReadyMsg: the temporary file is written, the editor found.
type editorReadyMsg struct {
	doc     model.Doc
	path    string
	argv    []string
	written []byte
}

// editorDoneMsg: the editor returned (err from running it, if any).
type editorDoneMsg struct {
	doc     model.Doc
	path    string
	written []byte
	err     error
}

// fallbackEditors are tried in order when $EDITOR is empty.
var fallbackEditors = []string{"vi", "nano"}

// editorCommand returns the editor's command line from the value of
// $EDITOR, which may carry arguments ("code -w", "emacsclient -t"), or the
// first fallback editor installed. lookPath finds programs (exec.LookPath).
func editorCommand(editor string, lookPath func(string) (string, error)) ([]string, error) {
	if strings.TrimSpace(editor) != "" {
		argv, err := splitWords(editor)
		if err != nil {
			return nil, fmt.Errorf("cannot read $EDITOR (%s): %v; fix it, e.g. export EDITOR=nano", editor, err)
		}
		if _, err := lookPath(argv[0]); err != nil {
			return nil, fmt.Errorf("cannot find the editor %q named by $EDITOR: install it or set $EDITOR to another editor", argv[0])
		}
		return argv, nil
	}
	for _, name := range fallbackEditors {
		if _, err := lookPath(name); err == nil {
			return []string{name}, nil
		}
	}
	return nil, errors.New("no editor found: $EDITOR is not set and neither vi nor nano is installed; set $EDITOR, e.g. export EDITOR=nano")
}

// splitWords splits a command line on blanks, keeping quoted parts ('…'
// or "…") together; a backslash escapes the next character outside single
// quotes.
func splitWords(s string) ([]string, error) {
	var (
		words   []string
		cur     strings.Builder
		inWord  bool
		quote   rune
		escaped bool
	)
	for _, r := range s {
		switch {
		case escaped:
			cur.WriteRune(r)
			escaped = false
		case r == '\\' && quote != '\'':
			escaped, inWord = true, true
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				cur.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t' || r == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteRune(r)
			inWord = true
		}
	}
	if quote != 0 || escaped {
		return nil, errors.New("unbalanced quote or trailing backslash")
	}
	if inWord {
		words = append(words, cur.String())
	}
	if len(words) == 0 {
		return nil, errors.New("empty command")
	}
	return words, nil
}

// prepareEdit writes the doc to a private temporary file and finds the
// editor; getenv reads the environment (os.Getenv).
func prepareEdit(doc model.Doc, getenv func(string) string) tea.Cmd {
	return func() tea.Msg {
		argv, err := editorCommand(getenv("EDITOR"), exec.LookPath)
		if err != nil {
			return common.ErrMsg{Err: err}
		}
		f, err := os.CreateTemp("", "mopdeck-"+slug(doc.Title)+"-*.md")
		if err != nil {
			return common.ErrMsg{Err: fmt.Errorf("cannot make a temporary file for the editor: %v", err)}
		}
		written := []byte(doc.Body)
		_, err = f.Write(written)
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			os.Remove(f.Name())
			return common.ErrMsg{Err: fmt.Errorf("cannot write the temporary file for the editor: %v", err)}
		}
		return editorReadyMsg{doc: doc, path: f.Name(), argv: argv, written: written}
	}
}

// execFunc runs a program with the terminal: tea.ExecProcess.
type execFunc func(*exec.Cmd, tea.ExecCallback) tea.Cmd

// runEditor hands the terminal to the editor until it exits.
func runEditor(msg editorReadyMsg, run execFunc) tea.Cmd {
	args := append(append([]string{}, msg.argv[1:]...), msg.path)
	c := exec.Command(msg.argv[0], args...)
	return run(c, func(err error) tea.Msg {
		return editorDoneMsg{doc: msg.doc, path: msg.path, written: msg.written, err: err}
	})
}

// finishEdit reads the edited file back and saves it as the doc's next
// revision when it changed. An editor that failed leaves the doc as it
// was. The temporary file is removed, except when saving fails: then it
// keeps the user's text and the message says where.
func finishEdit(s *store.Store, projectID uint64, by string, msg editorDoneMsg, now time.Time) tea.Cmd {
	return func() tea.Msg {
		title := model.SanitizeLine(msg.doc.Title)
		if msg.err != nil {
			os.Remove(msg.path)
			return common.ErrMsg{Err: editorFailure(msg.err, title)}
		}
		data, err := os.ReadFile(msg.path)
		if err != nil {
			os.Remove(msg.path)
			return common.ErrMsg{Err: fmt.Errorf("cannot read back what the editor wrote (%v): %q is unchanged", err, title)}
		}
		revised := msg.doc.Revised(string(data), now)
		if bytes.Equal(data, msg.written) || revised.Body == msg.doc.Body {
			os.Remove(msg.path)
			return common.NoteMsg{Text: fmt.Sprintf("no changes to %q", title)}
		}
		saved, err := s.SaveDoc(projectID, revised, by)
		if err != nil {
			return common.ErrMsg{Err: fmt.Errorf("cannot save %q: %v; your text is kept in %s", title, err, msg.path)}
		}
		os.Remove(msg.path)
		return savedDocMsg{id: saved.ID, note: fmt.Sprintf("saved %q, revision %d", title, saved.Rev)}
	}
}

// editorFailure explains why the editor did not come back cleanly.
func editorFailure(err error, title string) error {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		return fmt.Errorf("the editor exited with status %d: %q is unchanged", exit.ExitCode(), title)
	}
	return fmt.Errorf("cannot run the editor (%v): %q is unchanged; check $EDITOR", err, title)
}

// slug makes a title safe and short for a file name, so the editor shows
// which doc it holds.
func slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 40 {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if s == "" {
		return "doc"
	}
	return s
}
