// Package bundle reads and writes a whole project as one versioned JSON
// document: phases, change requests, people, RACI, docs, checklists and
// history. Teams carry it to an offline planning session and back.
package bundle

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"mopdeck/model"
	"mopdeck/store/atomicfile"
	"mopdeck/store/legacy"
)

// Format names the document; Version is the layout this mopdeck writes
// and the newest it reads. Add a reader for the old layout before raising
// Version. Version 3 writes a RACI cell's letters as a string ("AR");
// version 2 wrote one letter as a number, which still reads; version 2
// holds history before/after as raw JSON, version 1 had base64 strings
// and is converted as it is read.
const (
	Format  = "mopdeck-project"
	Version = 3
)

// maxSize bounds a bundle read into memory. Decoding takes a few times
// the file's size, so a larger file would hold gigabytes.
const maxSize = 256 << 20

// ErrNewer: the bundle was written by a newer mopdeck.
var ErrNewer = errors.New("written by a newer mopdeck")

// ErrNotBundle: the file is not a mopdeck project bundle.
var ErrNotBundle = errors.New("not a mopdeck project bundle")

// Bundle is the document.
type Bundle struct {
	Format  string `json:"format"`
	Version int    `json:"version"`
	// App is the version of mopdeck that wrote it.
	App        string            `json:"app,omitempty"`
	ExportedAt time.Time         `json:"exported_at"`
	Data       model.ProjectData `json:"data"`
}

// Write writes a project as a bundle.
func Write(w io.Writer, d model.ProjectData, app string, now time.Time) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(Bundle{Format: Format, Version: Version, App: app, ExportedAt: now.UTC(), Data: d})
}

// Perm is a new bundle file's mode: private, since a bundle holds a whole
// project.
const Perm = 0o600

// WriteFile writes a bundle by the rule of atomicfile.Write.
func WriteFile(path string, d model.ProjectData, app string, now time.Time) error {
	return atomicfile.Write(path, Perm, func(w io.Writer) error {
		return Write(w, d, app, now)
	})
}

// head is read first, so a newer layout is refused before its data is
// decoded with this version's types.
type head struct {
	Format  string  `json:"format"`
	Version int     `json:"version"`
	Data    present `json:"data"`
}

// present records that a JSON value is there and not null, without
// keeping a copy of it (a json.RawMessage would copy the whole project).
type present bool

func (p *present) UnmarshalJSON(b []byte) error {
	*p = len(b) > 0 && string(b) != "null"
	return nil
}

// Read reads a bundle. name is the file name used in messages. Text is
// sanitised as it enters, the project's ID cleared (the store gives it a
// new one). Records and history keep the bundle's numbers, which
// cross-reference: they are not trusted, and store.RestoreProject numbers
// them afresh.
func Read(r io.Reader, name string) (Bundle, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxSize+1))
	if err != nil {
		return Bundle{}, fmt.Errorf("cannot read %s: %w", name, err)
	}
	if len(data) > maxSize {
		return Bundle{}, tooBig(name)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var h head
	if err := json.Unmarshal(data, &h); err != nil {
		return Bundle{}, fmt.Errorf("%s is %w (%s): export one with mopdeck export project", name, ErrNotBundle, jsonWhy(data, err))
	}
	switch {
	case h.Format == "mopdeck-changes":
		return Bundle{}, fmt.Errorf("%s holds change requests, %w: import it with mopdeck import changes %s", name, ErrNotBundle, name)
	case h.Format != Format:
		return Bundle{}, fmt.Errorf("%s is %w (no \"format\": %q field): export one with mopdeck export project", name, ErrNotBundle, Format)
	case h.Version > Version:
		return Bundle{}, fmt.Errorf("%s was %w (bundle version %d > %d): upgrade mopdeck to import it; nothing was changed", name, ErrNewer, h.Version, Version)
	case h.Version < 1:
		return Bundle{}, fmt.Errorf("%s is %w (version %d): export it again with mopdeck export project", name, ErrNotBundle, h.Version)
	case !bool(h.Data):
		return Bundle{}, fmt.Errorf("%s is %w (it has no data): export it again with mopdeck export project", name, ErrNotBundle)
	}
	var b Bundle
	if err := json.Unmarshal(data, &b); err != nil {
		return Bundle{}, fmt.Errorf("%s is %w (%s): export it again with mopdeck export project", name, ErrNotBundle, jsonWhy(data, err))
	}
	if h.Version == 1 {
		if err := fromV1(&b.Data); err != nil {
			return Bundle{}, fmt.Errorf("%s is %w (%v): export it again with mopdeck export project", name, ErrNotBundle, err)
		}
	}
	b.Data.Project.ID = 0
	sanitize(&b.Data)
	return b, nil
}

// ReadFile reads a bundle file.
func ReadFile(path string) (Bundle, error) {
	f, err := os.Open(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return Bundle{}, fmt.Errorf("cannot open %s: %w; check the path", path, err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil {
		switch {
		case fi.IsDir():
			return Bundle{}, fmt.Errorf("%s is a folder: give the path of a bundle written by mopdeck export project", path)
		case fi.Size() > maxSize:
			return Bundle{}, tooBig(filepath.Base(path))
		}
	}
	return Read(f, filepath.Base(path))
}

func tooBig(name string) error {
	return fmt.Errorf("%s is over %d MiB, larger than any project bundle mopdeck writes: check that it is one made by mopdeck export project", name, maxSize>>20)
}

// jsonWhy says where JSON stops reading, with a line number.
func jsonWhy(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("invalid JSON on line %d", bytes.Count(data[:min(int(se.Offset), len(data))], []byte{'\n'})+1)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("field %q holds a %s on line %d", te.Field, te.Value, bytes.Count(data[:min(int(te.Offset), len(data))], []byte{'\n'})+1)
	}
	return err.Error()
}

// fromV1 converts a version 1 bundle's history, read as it was.
func fromV1(d *model.ProjectData) error {
	for i := range d.History {
		if err := legacy.Convert(&d.History[i]); err != nil {
			return err
		}
	}
	return nil
}

// sanitize cleans every text field a person may see. Sanitising is
// idempotent, so a bundle mopdeck wrote comes back unchanged. History's
// Before and After stay as stored: they are records, sanitised when undo
// writes them back and read.
func sanitize(d *model.ProjectData) {
	line, text := model.SanitizeLine, model.Sanitize
	p := &d.Project
	p.Name, p.Template, p.Description = line(p.Name), line(p.Template), text(p.Description)
	for i := range d.Phases {
		ph := &d.Phases[i]
		ph.Name, ph.Goal, ph.Duration = line(ph.Name), text(ph.Goal), line(ph.Duration)
		ph.Gate.Note = text(ph.Gate.Note)
		if ph.Gate.Override != nil {
			o := *ph.Gate.Override
			o.Reason = text(o.Reason)
			ph.Gate.Override = &o
		}
		for j := range ph.Deliverables {
			ph.Deliverables[j].Name = line(ph.Deliverables[j].Name)
		}
		items(ph.Checklist)
		for j := range ph.Participants {
			ph.Participants[j] = line(ph.Participants[j])
		}
	}
	for i := range d.Changes {
		c := &d.Changes[i]
		c.Title, c.Description = line(c.Title), text(c.Description)
		c.RaisedBy, c.Assignee = line(c.RaisedBy), line(c.Assignee)
	}
	for i := range d.People {
		x := &d.People[i]
		x.Name, x.Team, x.Handle = line(x.Name), line(x.Team), line(x.Handle)
	}
	for i := range d.Activities {
		d.Activities[i].Name = line(d.Activities[i].Name)
	}
	for i := range d.Docs {
		d.Docs[i].Title, d.Docs[i].Body = line(d.Docs[i].Title), text(d.Docs[i].Body)
	}
	for i := range d.Checklists {
		d.Checklists[i].Name = line(d.Checklists[i].Name)
		items(d.Checklists[i].Items)
	}
	for i := range d.History {
		e := &d.History[i]
		e.By, e.Summary = line(e.By), line(e.Summary)
		// A null is no record, as an empty value is; kept as the four
		// bytes "null", undo would write them back as a record.
		if string(e.Before) == "null" {
			e.Before = nil
		}
		if string(e.After) == "null" {
			e.After = nil
		}
	}
}

func items(list []model.CheckItem) {
	for i := range list {
		list[i].Section, list[i].Text = model.SanitizeLine(list[i].Section), model.SanitizeLine(list[i].Text)
	}
}
