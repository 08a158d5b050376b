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
// the terminal to the editor; a write on the app's writer reads the file
// back, saves a new revision if it changed and removes the file.

// editorReadyMsg: the temporary file is written, the editor found.
type editorReadyMsg struct {
	pid     uint64
	doc     model.Doc
	path    string
	argv    []string
	written []byte
}

// editorDoneMsg: the editor returned (err from running it, if any). doc
// is the doc as it was when the edit began.
type editorDoneMsg struct {
	pid     uint64
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
func prepareEdit(pid uint64, doc model.Doc, getenv func(string) string) tea.Cmd {
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
		return editorReadyMsg{pid: pid, doc: doc, path: f.Name(), argv: argv, written: written}
	}
}

// execFunc runs a program with the terminal: tea.ExecProcess.
type execFunc func(*exec.Cmd, tea.ExecCallback) tea.Cmd

// runEditor hands the terminal to the editor until it exits.
func runEditor(msg editorReadyMsg, run execFunc) tea.Cmd {
	args := append(append([]string{}, msg.argv[1:]...), msg.path)
	c := exec.Command(msg.argv[0], args...)
	return run(c, func(err error) tea.Msg {
		return editorDoneMsg{pid: msg.pid, doc: msg.doc, path: msg.path, written: msg.written, err: err}
	})
}

// finishEdit saves what the editor left, on the app's writer. An editor
// that failed leaves the doc as it was and its file is removed.
func (p *Pane) finishEdit(msg editorDoneMsg) tea.Cmd {
	if msg.err != nil {
		return func() tea.Msg {
			os.Remove(msg.path)
			return common.ErrMsg{Err: editorFailure(msg.err, model.SanitizeLine(msg.doc.Title))}
		}
	}
	by, now := p.ctx.Actor(p.data), p.ctx.Now()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		return saveEdit(s, by, msg, now)
	})
}

// errEditedMeanwhile refuses an edit begun on a revision that is no
// longer the stored one: saving it would drop the other revision's text.
type errEditedMeanwhile struct{ began, stored int }

func (e errEditedMeanwhile) Error() string {
	return fmt.Sprintf("revision %d was saved while you edited revision %d", e.stored, e.began)
}

// saveEdit reads the edited file back and saves it onto the stored doc as
// its next revision, when it changed. What else changed meanwhile (a
// rename, a phase) stays; a new body saved meanwhile refuses the save
// rather than being overwritten. The temporary file is removed, except
// when the save fails: then it keeps the user's text and the error says
// where.
func saveEdit(s *store.Store, by string, msg editorDoneMsg, now time.Time) (common.Result, error) {
	title := model.SanitizeLine(msg.doc.Title)
	data, err := os.ReadFile(msg.path)
	if err != nil {
		os.Remove(msg.path)
		return common.Result{}, fmt.Errorf("cannot read back what the editor wrote (%v): %q is unchanged", err, title)
	}
	if bytes.Equal(data, msg.written) {
		os.Remove(msg.path)
		return common.Result{Note: fmt.Sprintf("no changes to %q", title)}, nil
	}
	res, err := saveBody(s, by, msg.pid, msg.doc, string(data), now)
	var meanwhile errEditedMeanwhile
	switch {
	case errors.As(err, &meanwhile):
		return common.Result{}, fmt.Errorf("cannot save %q: %v; your text is kept in %s: press e to edit the new revision and merge yours in", title, err, msg.path)
	case err != nil:
		return common.Result{}, fmt.Errorf("cannot save %q: %v; your text is kept in %s", title, err, msg.path)
	}
	os.Remove(msg.path)
	return res, nil
}

// saveBody saves body onto the stored doc as its next revision, when it
// changes the text. What else changed meanwhile (a rename, a phase)
// stays; a new body saved meanwhile refuses the save (errEditedMeanwhile)
// rather than being overwritten. Both editors save through it.
func saveBody(s *store.Store, by string, pid uint64, doc model.Doc, body string, now time.Time) (common.Result, error) {
	if doc.Revised(body, now).Body == doc.Body {
		return common.Result{Note: fmt.Sprintf("no changes to %q", model.SanitizeLine(doc.Title))}, nil
	}
	saved, err := s.UpdateDoc(pid, doc.ID, by, func(stored model.Doc) (model.Doc, error) {
		if stored.Rev != doc.Rev {
			return stored, errEditedMeanwhile{began: doc.Rev, stored: stored.Rev}
		}
		return stored.Revised(body, now), nil
	})
	if err != nil {
		return common.Result{}, err
	}
	return common.Result{Note: fmt.Sprintf("saved %q, revision %d", model.SanitizeLine(saved.Title), saved.Rev)}, nil
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
