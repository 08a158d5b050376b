package model

import (
	"strings"
	"testing"
	"time"
)

func TestToggleChecklistItem(t *testing.T) {
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	orig := Checklist{ID: 1, Name: "Audit", Items: []CheckItem{
		{Section: "Users", Text: "Roles reviewed"},
		{Section: "Users", Text: "Old accounts removed", Done: true, ByID: 3, At: at.AddDate(0, 0, -2)},
	}}
	checked, err := ToggleChecklistItem(orig, 0, 7, at)
	if err != nil {
		t.Fatal(err)
	}
	if it := checked.Items[0]; !it.Done || it.ByID != 7 || !it.At.Equal(at) {
		t.Errorf("checked = %+v", it)
	}
	if orig.Items[0].Done {
		t.Error("toggling changed the loaded checklist in place")
	}
	unchecked, err := ToggleChecklistItem(orig, 1, 7, at)
	if err != nil {
		t.Fatal(err)
	}
	if it := unchecked.Items[1]; it.Done || it.ByID != 0 || !it.At.IsZero() || it.Text != "Old accounts removed" {
		t.Errorf("unchecked = %+v", it)
	}
	for _, i := range []int{-1, 2} {
		if _, err := ToggleChecklistItem(orig, i, 7, at); err == nil || !strings.Contains(err.Error(), "reload the project") {
			t.Errorf("item %d: err = %v", i, err)
		}
	}
}

func TestCheckAttachRefusesTheSameChecklistTwice(t *testing.T) {
	tpl := ChecklistTemplates()[1]
	if err := CheckAttach([]Checklist{{Name: ChecklistTemplates()[0].Name}}, tpl); err != nil {
		t.Fatalf("another checklist refused: %v", err)
	}
	err := CheckAttach([]Checklist{{Name: "  data CLEAN-UP "}}, tpl)
	if err == nil || !strings.Contains(err.Error(), tpl.Name) {
		t.Fatalf("second %q = %v; want refused, naming it", tpl.Name, err)
	}
}
