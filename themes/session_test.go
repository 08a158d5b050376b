package themes

import (
	"bytes"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

func TestSessionStylesComeFromTheClientsTerminal(t *testing.T) {
	cases := []struct {
		name    string
		env     []string
		profile termenv.Profile
		dark    bool
		marks   bool
	}{
		{"256 colours, dark", []string{"TERM=xterm-256color"}, termenv.ANSI256, true, false},
		{"true colour", []string{"TERM=xterm-256color", "COLORTERM=truecolor"}, termenv.TrueColor, true, false},
		{"light background", []string{"TERM=xterm-256color", "COLORFGBG=0;15"}, termenv.ANSI256, false, false},
		{"dumb terminal", []string{"TERM=dumb"}, termenv.Ascii, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var conn bytes.Buffer
			r := SessionRenderer(&conn, c.env)
			st := ForRenderer(r, Default())
			out := st.ErrorText.Render("refused")
			if conn.Len() != 0 {
				t.Fatalf("the renderer wrote %q to the connection: a terminal query", conn.String())
			}
			if r.ColorProfile() != c.profile || st.Dark != c.dark || st.Marks != c.marks {
				t.Fatalf("profile %v dark %v marks %v, want %v %v %v", r.ColorProfile(), st.Dark, st.Marks, c.profile, c.dark, c.marks)
			}
			coloured := strings.Contains(out, "\x1b[")
			if coloured != (c.profile != termenv.Ascii) {
				t.Fatalf("rendered %q with profile %v", out, c.profile)
			}
		})
	}
}

func TestTwoSessionsDrawEachInTheirOwnColours(t *testing.T) {
	var a, b bytes.Buffer
	light := ForRenderer(SessionRenderer(&a, []string{"TERM=xterm-256color", "COLORTERM=truecolor", "COLORFGBG=0;15"}), Default())
	dark := ForRenderer(SessionRenderer(&b, []string{"TERM=xterm-256color", "COLORTERM=truecolor"}), Default())
	if light.Text.Render("x") == dark.Text.Render("x") {
		t.Fatal("a light and a dark session drew the same colours")
	}
}

func TestNoColorInTheSessionsEnvironmentMeansMono(t *testing.T) {
	t.Setenv("NO_COLOR", "")
	p, err := ByNameEnv("default", []string{"NO_COLOR=1"})
	if err != nil || !p.Mono {
		t.Fatalf("NO_COLOR in the session: %q, %v", p.Name, err)
	}
	if p, _ := ByNameEnv("default", nil); p.Mono {
		t.Fatal("mono without NO_COLOR")
	}
	if _, err := ByNameEnv("sparkly", nil); err == nil {
		t.Fatal("an unknown theme was accepted")
	}
}
