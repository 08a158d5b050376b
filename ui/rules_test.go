package ui_test

import (
	"strings"
	"testing"
)

// A built-in checklist the project already has is refused, by name, and
// nothing is stored twice.
func TestAttachingTheSameChecklistTwiceIsRefused(t *testing.T) {
	m, s := phStarted(t, 120, 40, nil)
	press(t, m, "c", "a")
	phType(t, m, "data-cleanup")
	press(t, m, "enter")
	if lists := clLists(t, s, m); len(lists) != 1 {
		t.Fatalf("%d checklists stored, want the sample's 1", len(lists))
	}
	if msg, _ := m.Status(); !strings.Contains(msg, `"Data clean-up" is attached already`) {
		t.Fatalf("status = %q; want the refusal naming the checklist", msg)
	}
}
