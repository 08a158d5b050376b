package model

import (
	"fmt"
	"strings"
	"time"
)

// reportGates lists the gates already decided: who signed each one off,
// when and with what note, and the phases a lead started before the
// previous gate was signed (the override and its reason). A steering
// committee reads these as the project's formal record.
func reportGates(b *strings.Builder, phases []Phase, d ProjectData, l reportLayout) {
	var lines []string
	for _, p := range phases {
		if g := p.Gate; g.SignedOff {
			line := fmt.Sprintf("- %s: signed off%s", quoteName(p.Name), byOn(d, g.ByID, g.At, l))
			if note := SanitizeLine(strings.TrimSpace(g.Note)); note != "" {
				line += " — " + note
			}
			lines = append(lines, line)
		}
		if o := p.Gate.Override; o != nil {
			line := fmt.Sprintf("- %s: started before the previous gate%s", quoteName(p.Name), byOn(d, o.ByID, o.At, l))
			if reason := SanitizeLine(strings.TrimSpace(o.Reason)); reason != "" {
				line += " — " + reason
			}
			lines = append(lines, line)
		}
	}
	if len(lines) == 0 {
		return
	}
	b.WriteString("\n### Gates\n\n")
	for _, l := range lines {
		b.WriteString(l)
		b.WriteByte('\n')
	}
}

// byOn writes " by NAME on DATE", leaving out what was not recorded.
func byOn(d ProjectData, id uint64, at time.Time, l reportLayout) string {
	s := ""
	if id != 0 {
		s += " by " + personLabel(d, id)
	}
	if !at.IsZero() {
		s += " on " + l.date(at.Format(DateLayout))
	}
	return s
}
