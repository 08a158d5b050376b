package cli

import (
	"fmt"
	"strings"
	"time"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/serve"
)

// CloseStore releases a store OpenStore returned: it closes it, unless it
// is the one this process holds for others (Env.Shared).
func (e *Env) CloseStore(s *store.Store) error {
	if s == nil || s == e.Shared {
		return nil
	}
	return s.Close()
}

// OpenStore opens the database named by --db, or the default one. When
// another mopdeck holds that file and answers on the socket beside it
// (serve, or the app), it returns a *HeldError instead: Run then hands
// the whole command to that mopdeck, which runs it on the file it holds.
// In that mopdeck, OpenStore returns the store it holds (Env.Shared).
// Release the store with CloseStore.
func (e *Env) OpenStore(readOnly bool) (*store.Store, error) {
	if e.Shared != nil {
		if e.DB != "" && serve.SocketPath(e.DB) != serve.SocketPath(e.Shared.Path()) {
			return nil, Userf("this mopdeck holds %s, not %s", e.Shared.Path(), e.DB)
		}
		return e.Shared, nil
	}
	path := e.DB
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	if serve.Held(path) {
		return nil, &HeldError{Path: path}
	}
	s, err := store.Open(path, store.Options{AppVersion: e.Version, ReadOnly: readOnly})
	if err == nil && s.SchemaBackup() != "" && e.Stderr != nil {
		fmt.Fprintf(e.Stderr, "mopdeck: upgraded %s to this version's format; the file as it was is kept as %s\n", path, s.SchemaBackup())
	}
	return s, err
}

// PickProject returns the project named by --project (case-insensitive),
// else the first open one. With create set, an empty database first gets
// the sample project, so that a newcomer sees every pane populated.
func (e *Env) PickProject(s *store.Store, create bool) (model.Project, error) {
	projects, err := s.Projects()
	if err != nil {
		return model.Project{}, err
	}
	if len(projects) == 0 && e.Project == "" {
		if !create {
			return model.Project{}, Userf("the database has no project yet: run mopdeck once, or mopdeck new")
		}
		d, err := s.CreateProject(model.SampleProject(time.Now()), "mopdeck")
		if err != nil {
			return model.Project{}, fmt.Errorf("cannot create the sample project: %w", err)
		}
		return d.Project, nil
	}
	if e.Project == "" {
		for _, p := range projects {
			if !p.Archived {
				return p, nil
			}
		}
		return projects[0], nil
	}
	for _, p := range projects {
		if strings.EqualFold(strings.TrimSpace(p.Name), strings.TrimSpace(e.Project)) {
			return p, nil
		}
	}
	names := make([]string, len(projects))
	for i, p := range projects {
		names[i] = fmt.Sprintf("%q", p.Name)
	}
	return model.Project{}, Userf("no project named %q: the database has %s", e.Project, strings.Join(names, ", "))
}

// InProject opens the database, picks the project the flags name and runs
// fn with both; the database is closed when fn returns.
func (e *Env) InProject(readOnly bool, fn func(s *store.Store, p model.Project) error) error {
	s, err := e.OpenStore(readOnly)
	if err != nil {
		return err
	}
	defer e.CloseStore(s)
	p, err := e.PickProject(s, false)
	if err != nil {
		return err
	}
	return fn(s, p)
}

// LoadPicked reads, read-only, the project the flags name: with its
// recent history, or all of it when fullHistory is set (a bundle).
func (e *Env) LoadPicked(fullHistory bool) (model.ProjectData, error) {
	var d model.ProjectData
	err := e.InProject(true, func(s *store.Store, p model.Project) (err error) {
		if fullHistory {
			d, err = s.LoadProjectFull(p.ID)
		} else {
			d, err = s.LoadProject(p.ID)
		}
		return err
	})
	return d, err
}
