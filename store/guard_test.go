package store

import (
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"mopdeck/model"
)

func TestPanicInAnEditIsABugNotDamage(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	sum := fileSum(t, s.Path())
	_, err := s.UpdateChange(pid, 1, "Léa", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Impact = 5
		panic("the edit lost its footing")
	})
	if !errors.Is(err, ErrInternal) || errors.Is(err, ErrDamaged) {
		t.Fatalf("err = %v, want ErrInternal and not ErrDamaged", err)
	}
	msg := err.Error()
	for _, w := range []string{"internal error in mopdeck: the edit lost its footing", "TestPanicInAnEditIsABugNotDamage",
		"this is a bug, please report it — your data was not changed"} {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q lacks %q", msg, w)
		}
	}
	if strings.Contains(msg, "restore from a backup") || strings.Contains(msg, "\n") {
		t.Errorf("message %q", msg)
	}
	if fileSum(t, s.Path()) != sum {
		t.Error("the file changed")
	}
	// The store goes on: the next write works and is recorded.
	c, err := s.UpdateChange(pid, 1, "Léa", func(c model.ChangeRequest) (model.ChangeRequest, error) {
		c.Impact = 5
		return c, nil
	})
	if err != nil || c.Impact != 5 {
		t.Fatalf("write after the panic: %+v %v", c, err)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check: %q %v", problems, err)
	}
}

func TestRuntimeErrorsInTransactionsAreBugs(t *testing.T) {
	s := openT(t, tempPath(t))
	pid := createT(t, s, sample()).Project.ID
	var none []int
	var nilMap *model.ProjectData
	for name, fn := range map[string]func() error{
		"index in a view": func() error {
			return s.view(func(*bolt.Tx) error { _ = none[len(none)+1]; return nil })
		},
		"nil dereference in an update": func() error {
			_, err := s.UpdateProject(pid, "Léa", func(p model.Project) (model.Project, error) {
				p.Name = nilMap.Project.Name
				return p, nil
			})
			return err
		},
		"error value in an update": func() error {
			return s.update(func(*bolt.Tx) error { panic(damagedErr("x", "not really")) })
		},
	} {
		err := fn()
		if !errors.Is(err, ErrInternal) || errors.Is(err, ErrDamaged) {
			t.Errorf("%s: err = %v, want ErrInternal only", name, err)
		}
	}
}
