package docs

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// fakeEditor writes a shell script standing for $EDITOR: it runs body
// with the file to edit as $f (the last argument, after any options).
func fakeEditor(t *testing.T, body string) string {
	t.Helper()
	if _, err := exec.LookPath("sh"); err != nil {
		t.Skip("no sh to run a fake editor")
	}
	path := filepath.Join(t.TempDir(), "fake-editor")
	script := "#!/bin/sh\nfor f; do :; done\n" + body + "\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path
}

// useEditor makes the pane run editor for $EDITOR, synchronously (what
// tea.ExecProcess does, minus the terminal hand-over), and returns a
// function giving the temporary file the last edit used.
func useEditor(h *harness, editor string) func() string {
	var last string
	h.p.getenv = func(k string) string {
		if k == "EDITOR" {
			return editor
		}
		return ""
	}
	h.p.exec = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
		last = c.Args[len(c.Args)-1]
		return func() tea.Msg { return done(c.Run()) }
	}
	return func() string { return last }
}

const appended = "Added by the editor: sign-off moved to Friday."

func TestEditAppendsSavesRendersAndUndoes(t *testing.T) {
	h := newHarness(t, nil)
	tempFile := useEditor(h, fakeEditor(t, `printf '\n%s\n' '`+appended+`' >> "$f"`))
	h.selectTitle("Test plan")
	old, _ := h.storedDoc("Test plan")

	h.press("e")
	if h.host.Err != "" {
		t.Fatalf("edit failed: %s", h.host.Err)
	}
	got, _ := h.storedDoc("Test plan")
	if got.Body != old.Body+"\n"+appended+"\n" || got.Rev != old.Rev+1 || !got.Updated.Equal(testNow) {
		t.Fatalf("stored doc after the edit: rev %d (was %d), updated %v, body tail %q", got.Rev, old.Rev, got.Updated, tail(got.Body))
	}
	if !strings.Contains(h.host.Note, "saved") || !strings.Contains(h.host.Note, "revision 4") {
		t.Errorf("note after the edit: %q", h.host.Note)
	}
	h.press("G")
	h.mustContain(h.view(), appended, "Test plan · Test · rev 4")
	if _, err := os.Stat(tempFile()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the temporary file %s is left behind (%v)", tempFile(), err)
	}

	h.press("u")
	back, _ := h.storedDoc("Test plan")
	if back.Body != old.Body || back.Rev != old.Rev {
		t.Fatalf("undo did not bring the old text back: rev %d, tail %q", back.Rev, tail(back.Body))
	}
	h.press("G")
	if v := h.view(); strings.Contains(v, appended) || !strings.Contains(v, "rev 3") {
		t.Fatalf("after undo the view still shows the edit:\n%s", v)
	}
}

func TestEditWithoutChangesWritesNothing(t *testing.T) {
	h := newHarness(t, nil)
	useEditor(h, fakeEditor(t, `touch "$f"`))
	h.selectTitle("Design document")
	before := historyLen(t, h)
	h.press("e")
	if h.host.Err != "" || !strings.Contains(h.host.Note, "no changes") {
		t.Fatalf("note %q (error %q), want no changes", h.host.Note, h.host.Err)
	}
	if n := historyLen(t, h); n != before {
		t.Fatalf("history grew from %d to %d with no change", before, n)
	}
}

func TestFailingEditorKeepsTheOldText(t *testing.T) {
	for _, tc := range []struct {
		name, script, want string
	}{
		{"non-zero exit", `echo "half-written" >> "$f"; exit 3`, "exited with status 3"},
		{"file removed", `rm "$f"`, "cannot read back"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHarness(t, nil)
			tempFile := useEditor(h, fakeEditor(t, tc.script))
			h.selectTitle("Design document")
			old, _ := h.storedDoc("Design document")
			h.press("e")
			if !strings.Contains(h.host.Err, tc.want) || !strings.Contains(h.host.Err, "unchanged") {
				t.Fatalf("error %q, want one with %q", h.host.Err, tc.want)
			}
			if got, _ := h.storedDoc("Design document"); got.Body != old.Body || got.Rev != old.Rev {
				t.Fatal("the doc changed although the editor failed")
			}
			if _, err := os.Stat(tempFile()); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("the temporary file is left behind (%v)", err)
			}
		})
	}
}

func TestMissingEditorIsExplained(t *testing.T) {
	h := newHarness(t, nil)
	useEditor(h, "/nowhere/my-editor --wait")
	h.selectTitle("Design document")
	h.press("e")
	if !strings.Contains(h.host.Err, `cannot find the editor "/nowhere/my-editor"`) {
		t.Fatalf("error %q", h.host.Err)
	}
}

func TestSaveFailureKeepsTheEditedText(t *testing.T) {
	h := newHarness(t, nil)
	tempFile := useEditor(h, fakeEditor(t, `echo "precious words" >> "$f"`))
	h.selectTitle("Design document")
	doc, _ := h.storedDoc("Design document")
	// The doc disappears while the editor is open.
	h.skip = func(msg any) bool { _, ok := msg.(editorReadyMsg); return ok }
	h.press("e")
	if err := h.s.DeleteDoc(h.pid, doc.ID, "someone else"); err != nil {
		t.Fatal(err)
	}
	h.release()
	if !strings.Contains(h.host.Err, "your text is kept in "+tempFile()) {
		t.Fatalf("error %q", h.host.Err)
	}
	data, err := os.ReadFile(tempFile())
	if err != nil || !strings.Contains(string(data), "precious words") {
		t.Fatalf("the edited text is lost: %v %q", err, tail(string(data)))
	}
	os.Remove(tempFile())
}

func TestEditorCommand(t *testing.T) {
	installed := func(names ...string) func(string) (string, error) {
		return func(n string) (string, error) {
			if slices.Contains(names, n) {
				return "/usr/bin/" + n, nil
			}
			return "", exec.ErrNotFound
		}
	}
	for _, tc := range []struct {
		name, editor string
		have         []string
		want         []string
		err          string
	}{
		{"plain", "nano", []string{"nano"}, []string{"nano"}, ""},
		{"with arguments", "code -w", []string{"code"}, []string{"code", "-w"}, ""},
		{"quoted path", `"/opt/My Editor/ed" --wait`, []string{"/opt/My Editor/ed"}, []string{"/opt/My Editor/ed", "--wait"}, ""},
		{"single quotes and escapes", `emacsclient -a '' -t\ x`, []string{"emacsclient"}, []string{"emacsclient", "-a", "", "-t x"}, ""},
		{"fallback vi", "", []string{"vi", "nano"}, []string{"vi"}, ""},
		{"fallback nano", "  ", []string{"nano"}, []string{"nano"}, ""},
		{"none at all", "", nil, nil, "no editor found"},
		{"not installed", "subl -w", []string{"vi"}, nil, `cannot find the editor "subl"`},
		{"unbalanced quote", `"vim`, []string{"vim"}, nil, "cannot read $EDITOR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := editorCommand(tc.editor, installed(tc.have...))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Design document":          "design-document",
		"  Plan: Q3 / Q4!  ":       "plan-q3-q4",
		"\x1b[2J":                  "2j",
		"Étude":                    "tude",
		"":                         "doc",
		strings.Repeat("abc ", 30): "abc-abc-abc-abc-abc-abc-abc-abc-abc-abc",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func historyLen(t *testing.T, h *harness) int {
	t.Helper()
	d, err := h.s.LoadProject(h.pid)
	if err != nil {
		t.Fatal(err)
	}
	return len(d.History)
}

func tail(s string) string { return s[max(len(s)-80, 0):] }
