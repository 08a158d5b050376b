package model

import (
	"errors"
	"strings"
)

// Teams people usually belong to in a marketing-operations project.
var Teams = []string{"marketing", "creative", "campaign", "IT", "executive sponsor", "agency", "operations", "sales", "legal"}

// Person is someone who takes part in a project.
type Person struct {
	ID     uint64 `json:"id"`
	Name   string `json:"name"`
	Team   string `json:"team,omitempty"`
	Handle string `json:"handle,omitempty"`
}

// Validate reports the first problem with a person's fields.
func (p Person) Validate() error {
	if strings.TrimSpace(p.Name) == "" {
		return errors.New("person name is empty: type a name")
	}
	return CheckNameLength("person", p.Name)
}
