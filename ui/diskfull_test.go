//go:build unix

package ui_test

import (
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui"
	"mopdeck/ui/uitest"
)

// When the disk refuses a save, the status line says so in words and the
// edit is not reported as saved. The disk is made full for real, without
// root: a helper process lowers its own file-size limit (RLIMIT_FSIZE) so
// the kernel refuses every new page of the database.

const uiFullEnv = "MOPDECK_TEST_UI_FULL_DISK"

// TestHelperSaveOnFullDisk is not a test: TestSaveOnFullDisk runs it in a
// process of its own.
func TestHelperSaveOnFullDisk(t *testing.T) {
	if os.Getenv(uiFullEnv) == "" {
		t.Skip("helper process for TestSaveOnFullDisk")
	}
	ctx, pid := uitest.Sample(t, nil)
	m, s := ui.New(ctx, pid), ctx.Store
	settle(t, m, m.Init())
	resize(t, m, 120, 30)
	cr := model.ChangeRequest{Title: "Rename the budget owner field", Description: strings.Repeat("details ", 2000)}
	// save queues the write on the app's writer; each call is one write.
	save := func() tea.Cmd {
		return ctx.Save("saved the new change request", func(s *store.Store) error {
			_, err := s.SaveChange(pid, cr, "test")
			return err
		})
	}

	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("cannot read the file-size limit: %v", err)
	}
	full := old
	full.Cur = 8 << 10 // the two meta pages fit, no data page does
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &full); err != nil {
		t.Skipf("cannot lower the file-size limit: %v", err)
	}
	settle(t, m, save())
	msg, isErr := m.Status()
	if !isErr {
		t.Fatalf("status = %q, not an error: the refused save was reported as saved", msg)
	}
	if !strings.HasPrefix(msg, "cannot save to ") || !strings.HasSuffix(msg, "(the change was not saved)") {
		t.Errorf("status = %q, want the store's one-line message", msg)
	}
	v := m.View()
	if !strings.Contains(v, "✗ cannot save to") || strings.Contains(v, "saved the new change request") {
		t.Errorf("the status line does not show the refusal:\n%s", v)
	}
	d, err := s.LoadProject(pid)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range d.Changes {
		if c.Title == cr.Title {
			t.Fatal("the refused change request is in the file")
		}
	}

	// Room again: the same save goes through and says so.
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Fatal(err)
	}
	settle(t, m, save())
	if msg, isErr := m.Status(); isErr || msg != "saved the new change request" {
		t.Fatalf("after freeing room: status = %q (error %v)", msg, isErr)
	}
}

func TestSaveOnFullDisk(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveOnFullDisk$", "-test.v")
	cmd.Env = append(os.Environ(), uiFullEnv+"=1")
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "--- SKIP") {
		t.Skipf("the helper could not lower its file-size limit:\n%s", out)
	}
	if err != nil || !strings.Contains(string(out), "--- PASS: TestHelperSaveOnFullDisk") {
		t.Fatalf("helper: %v\n%s", err, out)
	}
}
