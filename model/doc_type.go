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
