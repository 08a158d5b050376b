package model

import "testing"

func TestOlderThanOrdersSnapshotsOfOneProject(t *testing.T) {
	snap := func(pid uint64, lastHistory ...uint64) *ProjectData {
		d := &ProjectData{Project: Project{ID: pid}}
		for _, id := range lastHistory {
			d.History = append(d.History, HistoryEntry{ID: id})
		}
		return d
	}
	cases := []struct {
		name     string
		d, other *ProjectData
		older    bool
	}{
		{"earlier history", snap(1, 4), snap(1, 4, 5), true},
		{"same history", snap(1, 4, 5), snap(1, 4, 5), false},
		{"later history", snap(1, 4, 5, 6), snap(1, 4, 5), false},
		{"no history yet", snap(1), snap(1, 1), true},
		{"another project", snap(2, 1), snap(1, 9), false},
		{"nothing shown yet", snap(1, 1), nil, false},
	}
	for _, c := range cases {
		if got := c.d.OlderThan(c.other); got != c.older {
			t.Errorf("%s: OlderThan = %v, want %v", c.name, got, c.older)
		}
	}
}
