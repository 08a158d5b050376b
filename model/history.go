package model

import (
	"encoding/json"
	"time"
)

// HistoryEntry records one change: what, before/after, when, by whom.
// Before and After hold the stored JSON of the record as it is (empty when
// the record did not exist), so undo is an ordinary write of Before.
type HistoryEntry struct {
	ID     uint64    `json:"id"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Kind   string    `json:"kind"`
	Key    []byte    `json:"key"`
	Action string    `json:"action"`
	// Summary is a one-line human description ("CR-12 decision: later → now").
	Summary string          `json:"summary"`
	Before  json.RawMessage `json:"before,omitempty"`
	After   json.RawMessage `json:"after,omitempty"`
	// Through, when set, makes the entry stand for records Key to Through
	// of Kind (8-byte IDs), all created (or, for an undo, removed) at once:
	// an import of many change requests is one entry and one undo step.
	// Such an entry holds no Before or After.
	Through uint64 `json:"through,omitempty"`
	// Undoes is the ID of the entry this one reverted, if any.
	Undoes uint64 `json:"undoes,omitempty"`
}
