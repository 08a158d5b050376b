package model

import (
	"errors"
	"strings"
	"time"
)

// Doc is a markdown document of a project, optionally tied to a phase.
type Doc struct {
	ID      uint64    `json:"id"`
	Title   string    `json:"title"`
	PhaseID uint64    `json:"phase_id,omitempty"`
	Body    string    `json:"body"`
	Rev     int       `json:"rev"`
	Updated time.Time `json:"updated"`
}

// Validate reports the first problem with a doc's fields.
func (d Doc) Validate() error {
	if strings.TrimSpace(d.Title) == "" {
		return errors.New("doc title is empty: give the doc a title")
	}
	return nil
}

// NewDoc returns a first revision: a title and a heading to start from.
func NewDoc(title string, phaseID uint64, at time.Time) Doc {
	title = strings.TrimSpace(SanitizeLine(title))
	return Doc{Title: title, PhaseID: phaseID, Body: "# " + title + "\n\n", Rev: 1, Updated: at}
}

// Revised returns the doc with a new body as its next revision; the body
// is sanitised, and Windows line ends become plain newlines.
func (d Doc) Revised(body string, at time.Time) Doc {
	d.Body = Sanitize(strings.ReplaceAll(body, "\r\n", "\n"))
	d.Rev++
	d.Updated = at
	return d
}
