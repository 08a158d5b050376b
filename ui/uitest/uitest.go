// Package uitest holds what the UI tests share: a fresh store holding one
// project, and a context on it with the clock pinned. Only tests import it.
package uitest

import (
	"path/filepath"
	"testing"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/themes"
	"mopdeck/ui/common"
)

// Now is the pinned clock of every UI test.
var Now = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// Project opens a new database in t's temporary directory, stores d in it
// and returns a context on that store (default theme, dark, clock pinned
// to Now, login "tester") with the project's ID. The store closes when the
// test ends.
func Project(t testing.TB, d model.ProjectData) (*common.Context, uint64) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "mopdeck.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	s.Now = func() time.Time { return Now }
	d, err = s.CreateProject(d, "test")
	if err != nil {
		t.Fatal(err)
	}
	ctx := &common.Context{
		Store:  s,
		Styles: themes.NewStyles(themes.Default(), true),
		Now:    func() time.Time { return Now },
		User:   "tester",
	}
	return ctx, d.Project.ID
}

// Sample is Project with the sample project, changed by edit first when
// edit is not nil.
func Sample(t testing.TB, edit func(d *model.ProjectData)) (*common.Context, uint64) {
	t.Helper()
	d := model.SampleProject(Now)
	if edit != nil {
		edit(&d)
	}
	return Project(t, d)
}
