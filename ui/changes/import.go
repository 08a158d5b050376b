package changes

import (
	"os"
	"path/filepath"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
)

// openImport asks for a spreadsheet's path, then shows what importing it
// would do (see import_preview.go): the same reader, plan and
// all-or-nothing rule as `mopdeck import changes`.
func (p *Pane) openImport() tea.Cmd {
	if refused := p.ctx.RefuseOnServer("read files", "import the file on the server with mopdeck import changes FILE"); refused != nil {
		return refused
	}
	return p.prompt.Open("import CSV/XLSX/JSON file", "", p.previewFile)
}

// expandHome lets people type ~/Downloads/tests.csv as in a shell.
func expandHome(path string) string {
	rest, ok := strings.CutPrefix(path, "~/")
	if !ok {
		return path
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return path
	}
	return filepath.Join(home, rest)
}
