// Package legacy reads history entries in the layout mopdeck wrote before
// history held raw JSON (database schema 1, project bundle version 1):
// an entry's before and after, and those of the dependent records a
// cascading delete or a batch carried inside its before, were base64
// strings of the stored bytes. The store's schema migration and the
// bundle reader both convert with it, so the two agree.
package legacy

import (
	"bytes"
	"encoding/json"
	"fmt"

	"mopdeck/model"
)

// Convert rewrites an entry read in the old layout into today's. Read
// into a model.HistoryEntry, an old Before or After is a JSON string (the
// base64 of the stored bytes) or null: it becomes the stored bytes
// themselves.
func Convert(e *model.HistoryEntry) error {
	var err error
	if e.Before, err = fromString(e.Before); err != nil {
		return fmt.Errorf("history entry %d, before: %w", e.ID, err)
	}
	if e.After, err = fromString(e.After); err != nil {
		return fmt.Errorf("history entry %d, after: %w", e.ID, err)
	}
	return nil
}

func fromString(v json.RawMessage) (json.RawMessage, error) {
	if len(v) == 0 || string(v) == "null" {
		return nil, nil
	}
	var b []byte
	if err := json.Unmarshal(v, &b); err != nil {
		return nil, fmt.Errorf("not a base64 string of the old layout")
	}
	return Value(b)
}

// oldItem and newItem are a dependent record inside a before, then and
// now: its stored bytes as base64, then as raw JSON (left out when the
// record did not exist).
type oldItem struct {
	Kind   string `json:"kind"`
	Key    []byte `json:"key"`
	Before []byte `json:"before"`
	After  []byte `json:"after,omitempty"`
}

type newItem struct {
	Kind   string          `json:"kind"`
	Key    []byte          `json:"key"`
	Before json.RawMessage `json:"before,omitempty"`
	After  json.RawMessage `json:"after,omitempty"`
}

// envelope is a stored record, {"v":1,"d":…}, with the cascade list a
// before may carry.
type envelope[T any] struct {
	V       int             `json:"v"`
	D       json.RawMessage `json:"d"`
	Cascade []T             `json:"cascade,omitempty"`
}

// Value converts one stored before or after (already decoded from
// base64). Bytes without a cascade are returned as they are: undo writes
// them back and compares them with what is stored, so they must not
// change by a byte. Empty stays empty.
func Value(b []byte) (json.RawMessage, error) {
	if len(b) == 0 {
		return nil, nil
	}
	if !json.Valid(b) {
		return nil, fmt.Errorf("the stored record is not JSON")
	}
	if !bytes.Contains(b, []byte(`"cascade"`)) {
		return json.RawMessage(b), nil
	}
	var old envelope[oldItem]
	if err := json.Unmarshal(b, &old); err != nil {
		return nil, fmt.Errorf("the stored record does not decode: %w", err)
	}
	if len(old.Cascade) == 0 {
		return json.RawMessage(b), nil
	}
	out := envelope[newItem]{V: old.V, D: old.D, Cascade: make([]newItem, len(old.Cascade))}
	for i, it := range old.Cascade {
		for _, v := range [][]byte{it.Before, it.After} {
			if len(v) > 0 && !json.Valid(v) {
				return nil, fmt.Errorf("dependent record %d (%s) is not JSON", i+1, it.Kind)
			}
		}
		out.Cascade[i] = newItem{Kind: it.Kind, Key: it.Key, Before: raw(it.Before), After: raw(it.After)}
	}
	return json.Marshal(out)
}

func raw(b []byte) json.RawMessage {
	if len(b) == 0 {
		return nil
	}
	return json.RawMessage(b)
}
