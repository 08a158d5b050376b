package ui_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// importThroughPane opens the app on the Change requests pane, presses i,
// types path and enter, and returns the model and the stored CR count.
func importThroughPane(t *testing.T, path string) (status string, isErr bool, before, after int, view string) {
	t.Helper()
	m, s := newApp(t, nil)
	settle(t, m, m.Init())
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	settle(t, m, cmd)
	projects, err := s.Projects()
	if err != nil {
		t.Fatal(err)
	}
	count := func() int {
		d, err := s.LoadProject(projects[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		return len(d.Changes)
	}
	before = count()
	press(t, m, "2", "i")
	if !strings.Contains(m.View(), "import") {
		t.Fatalf("i opened no import prompt:\n%s", m.View())
	}
	press(t, m, path, "enter")
	// The import screen shows what would happen; enter imports.
	if strings.Contains(m.View(), "enter imports") {
		press(t, m, "enter")
	}
	status, isErr = m.Status()
	return status, isErr, before, count(), m.View()
}

func TestImportASpreadsheetFromThePane(t *testing.T) {
	path := filepath.Join(t.TempDir(), "retest.csv")
	csv := "\ufeffTitre;Impact;Complexité;Estimation;Décision\r\n" +
		"Le bouton Valider ne répond pas;4;faible;2;maintenant\r\n" +
		"Export PDF illisible;2;élevée;60;plus tard\r\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	status, isErr, before, after, view := importThroughPane(t, path)
	if isErr || !strings.Contains(status, "imported 2 change requests") {
		t.Fatalf("status %q (error %v)", status, isErr)
	}
	if after != before+2 {
		t.Fatalf("stored %d change requests, want %d", after, before+2)
	}
	if !strings.Contains(view, "Le bouton Valider") {
		t.Fatalf("the imported request is not in the table:\n%s", view)
	}
}

func TestARefusedSpreadsheetChangesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.csv")
	csv := "Title,Impact\nFine row,3\nOut of range,9\n,3\n"
	if err := os.WriteFile(path, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	status, isErr, before, after, _ := importThroughPane(t, path)
	if !isErr || !strings.Contains(status, "nothing was imported") || !strings.Contains(status, "bad.csv:3") {
		t.Fatalf("status %q (error %v), want the refusal naming bad.csv:3", status, isErr)
	}
	if !strings.Contains(status, "--dry-run") {
		t.Fatalf("status %q does not say how to see every problem", status)
	}
	if after != before {
		t.Fatalf("a refused file changed the project: %d → %d change requests", before, after)
	}
}
