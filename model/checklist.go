package model

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Checklist is a reusable audit attached to a project (e.g. a Marketo
// instance mini-audit), grouped in sections.
type Checklist struct {
	ID    uint64      `json:"id"`
	Name  string      `json:"name"`
	Items []CheckItem `json:"items"`
}

// CheckItem is one line of a checklist or of a phase's exit checklist.
type CheckItem struct {
	Section string    `json:"section,omitempty"`
	Text    string    `json:"text"`
	Done    bool      `json:"done"`
	ByID    uint64    `json:"by_id,omitempty"`
	At      time.Time `json:"at"`
}

// Validate reports the first problem with a checklist's fields.
func (c Checklist) Validate() error {
	if strings.TrimSpace(c.Name) == "" {
		return errors.New("checklist name is empty: give it a name")
	}
	return nil
}

// Progress counts checked items.
func (c Checklist) Progress() (done, total int) {
	for _, it := range c.Items {
		if it.Done {
			done++
		}
	}
	return done, len(c.Items)
}

// Toggle checks the item as done by byID at at, or unchecks it (who and
// when cleared).
func (it *CheckItem) Toggle(byID uint64, at time.Time) {
	it.Done = !it.Done
	if it.Done {
		it.ByID, it.At = byID, at
	} else {
		it.ByID, it.At = 0, time.Time{}
	}
}

// ToggleChecklistItem returns c with item i toggled by byID at at; c itself
// is left as it was.
func ToggleChecklistItem(c Checklist, i int, byID uint64, at time.Time) (Checklist, error) {
	if i < 0 || i >= len(c.Items) {
		return c, fmt.Errorf("checklist %q has no item %d: reload the project", SanitizeLine(c.Name), i+1)
	}
	c.Items = slices.Clone(c.Items)
	c.Items[i].Toggle(byID, at)
	return c, nil
}
