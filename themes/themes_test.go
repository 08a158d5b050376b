package themes

import "testing"

func TestByName(t *testing.T) {
	cases := []struct {
		name, noColor, want string
		wantErr             bool
	}{
		{"", "", "default", false},
		{"default", "", "default", false},
		{"MONO", "", "mono", false},
		{"default", "1", "mono", false},
		{"sparkly", "", "", true},
	}
	for _, c := range cases {
		t.Run(c.name+"/"+c.noColor, func(t *testing.T) {
			t.Setenv("NO_COLOR", c.noColor)
			p, err := ByName(c.name)
			if (err != nil) != c.wantErr {
				t.Fatalf("err = %v", err)
			}
			if p.Name != c.want {
				t.Fatalf("palette = %q, want %q", p.Name, c.want)
			}
		})
	}
}

func TestMonoStylesStillShowTheSelection(t *testing.T) {
	s := NewStyles(Mono(), true)
	if !s.Selected.GetReverse() || !s.TabActive.GetReverse() {
		t.Fatal("mono theme must mark the selection and the active tab in reverse video")
	}
	if s.GlamourStyle() != "notty" {
		t.Fatalf("mono markdown style = %q, want notty", s.GlamourStyle())
	}
	if NewStyles(Default(), false).GlamourStyle() != "light" || NewStyles(Default(), true).GlamourStyle() != "dark" {
		t.Fatal("default theme must pick Glamour's light or dark style explicitly")
	}
}
