package model

import (
	"fmt"
	"strings"
)

// reportChecklists lists each audit checklist attached to the project with
// its progress and, for one under way, the sections still open, so a
// steering committee sees what is left without the whole list.
func reportChecklists(b *strings.Builder, d ProjectData) {
	if len(d.Checklists) == 0 {
		return
	}
	b.WriteString("\n## Checklists\n\n")
	for _, c := range d.Checklists {
		done, total := c.Progress()
		fmt.Fprintf(b, "- **%s**: %d of %d done", SanitizeLine(c.Name), done, total)
		if open := openSections(c); done > 0 && len(open) > 0 {
			fmt.Fprintf(b, "; open: %s", strings.Join(open, ", "))
		}
		b.WriteString("\n")
	}
}

// openSections names, in order, the sections with an unchecked item.
func openSections(c Checklist) []string {
	var open []string
	seen := map[string]bool{}
	for _, it := range c.Items {
		name := SanitizeLine(it.Section)
		if it.Done || name == "" || seen[name] {
			continue
		}
		seen[name] = true
		open = append(open, name)
	}
	return open
}
