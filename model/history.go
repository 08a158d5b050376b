package model

import "time"

// HistoryEntry records one change: what, before/after, when, by whom.
// Before and After hold the stored JSON of the record (empty when the record
// did not exist), so undo is an ordinary write of Before.
type HistoryEntry struct {
	ID     uint64    `json:"id"`
	At     time.Time `json:"at"`
	By     string    `json:"by"`
	Kind   string    `json:"kind"`
	Key    []byte    `json:"key"`
	Action string    `json:"action"`
	// Summary is a one-line human description ("CR-12 decision: later → now").
	Summary string `json:"summary"`
	Before  []byte `json:"before,omitempty"`
	After   []byte `json:"after,omitempty"`
	// Undoes is the ID of the entry this one reverted, if any.
	Undoes uint64 `json:"undoes,omitempty"`
}
