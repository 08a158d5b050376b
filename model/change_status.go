package model

// AdvanceStatus is the one-key step forward along the workflow's main line:
// new → triaged → in progress → ready for retest → verified; a deferred or
// rejected request comes back to triaged. ok is false for verified (the
// last step) and for an unknown status. Every step it returns is one that
// CanTransition allows.
func AdvanceStatus(from CRStatus) (to CRStatus, ok bool) {
	switch from {
	case StatusNew, StatusTriaged, StatusInProgress, StatusReadyForRetest:
		return from + 1, true
	case StatusRejected, StatusDeferred:
		return StatusTriaged, true
	}
	return from, false
}
