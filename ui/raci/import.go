package raci

import (
	"errors"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/store/raciio"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// The import screen: after I and a path, the file is read (raciio) and
// matched to the project as stored (model.PlanRACIImport) in a command,
// and the screen lists what importing it would do, as `mopdeck import
// raci --dry-run` prints it: the people and activities to create, the
// cells to set, and the rule warnings the matrix would then have; or, for
// a file refused, every problem with its row and column. R switches
// between adding to the matrix and replacing it (--replace). enter writes
// the sheet shown through the app's one writer with the store's import,
// which matches it again inside the transaction, so what is written fits
// the project as it is then: one history entry, one u. esc writes nothing.

// importer is the import screen's state.
type importer struct {
	preview components.Preview
	// seq numbers the requests, never reset: a result of an older
	// request, or of a screen closed since, is dropped.
	seq  int
	pid  uint64
	path string
	// sheet is the file as read when it can be imported, nil otherwise.
	sheet *model.RACISheet
}

func (im *importer) active() bool { return im.preview.Active() }

func (im *importer) close() {
	im.preview.Close()
	im.sheet = nil
}

// importReadMsg carries a file read and planned to the screen.
type importReadMsg struct {
	seq   int
	sheet *model.RACISheet // nil when the file is refused
	lines []components.PreviewLine
	// problems counts why the file is refused; err is a file that could
	// not be opened at all.
	problems int
	file     string
	err      error
}

// importToggle is R on the screen, as --replace on the command line.
var importToggle = &components.PreviewToggle{Key: "R", Help: "replace the matrix"}

// previewLimit bounds each list the screen names: a file of thousands of
// rows is summed up, not listed.
const previewLimit = 500

// openImport asks for the file's path.
func (p *Pane) openImport() tea.Cmd {
	if refused := p.ctx.RefuseOnServer("read files", "import the matrix on the server with mopdeck import raci FILE"); refused != nil {
		return refused
	}
	return p.prompt.Open("import a RACI matrix, CSV/XLSX file", "", p.previewImport)
}

// previewImport opens the screen on a path and reads it.
func (p *Pane) previewImport(path string) tea.Cmd {
	path = strings.TrimSpace(path)
	if path == "" {
		return nil
	}
	im := &p.imp
	im.pid, im.path, im.sheet = p.data.Project.ID, path, nil
	im.preview.Open("Import "+path, "import", importToggle)
	return p.readImport()
}

// readImport reads and plans the file in a command, never in Update.
func (p *Pane) readImport() tea.Cmd {
	im := &p.imp
	im.seq++
	im.sheet = nil
	s, seq, path, pid, replace := p.ctx.Store, im.seq, components.ExpandHome(im.path), im.pid, im.preview.On()
	return func() tea.Msg { return planImport(s, seq, path, pid, replace) }
}

// planImport reads the file and matches it to the project as stored.
func planImport(s *store.Store, seq int, path string, pid uint64, replace bool) importReadMsg {
	msg := importReadMsg{seq: seq}
	res, err := raciio.ReadFile(path)
	if err != nil {
		msg.err = err
		return msg
	}
	msg.file = model.SanitizeLine(res.Sheet.File)
	lines := []components.PreviewLine{{Text: msg.file + ": " + res.ReadAs(), Tone: components.ToneFaint}}
	for _, n := range res.Notes {
		lines = append(lines, components.PreviewLine{Text: "note: " + n, Tone: components.ToneFaint})
	}
	problems := res.Problems
	var d model.ProjectData
	var plan model.RACIPlan
	if len(problems) == 0 {
		if d, err = s.LoadProject(pid); err != nil {
			msg.err = err
			return msg
		}
		plan, problems = model.PlanRACIImport(d, res.Sheet, replace)
	}
	if len(problems) > 0 {
		msg.problems = len(problems)
		msg.lines = append(lines, problemLines(msg.file, problems)...)
		return msg
	}
	lines = append(lines, planLines(d, plan, plan.Count(d))...)
	msg.lines = append(lines, ruleLines(plan.Preview(d))...)
	msg.sheet = &res.Sheet
	return msg
}

// importRead shows a read file, unless the screen moved on meanwhile.
func (p *Pane) importRead(msg importReadMsg) tea.Cmd {
	im := &p.imp
	if !im.active() || msg.seq != im.seq {
		return nil
	}
	if msg.err != nil {
		im.close()
		return common.Error(msg.err)
	}
	im.sheet = msg.sheet
	im.preview.Show(msg.lines, msg.sheet != nil)
	if msg.sheet == nil {
		return common.Error(fmt.Errorf("%s was refused (%s listed): nothing can be imported; fix the file and press I again",
			msg.file, howMany(msg.problems, "problem", "problems")))
	}
	return nil
}

// importKey handles a key on the screen.
func (p *Pane) importKey(msg tea.KeyMsg) tea.Cmd {
	switch p.imp.preview.Update(msg) {
	case components.PreviewCancel:
		p.imp.close()
		return common.Note("not imported: nothing was written")
	case components.PreviewToggled:
		return p.readImport()
	case components.PreviewAccept:
		return p.importNow()
	}
	return nil
}

// importNow writes the sheet shown and closes the screen; the note says
// what was written, or the error why nothing was.
func (p *Pane) importNow() tea.Cmd {
	im := &p.imp
	if im.sheet == nil {
		return nil
	}
	// Into the project the screen was opened on (a switch closes it).
	sheet, replace, pid, by := *im.sheet, im.preview.On(), im.pid, p.ctx.Actor(p.data)
	file := model.SanitizeLine(sheet.File)
	im.close()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		imp, err := s.ImportRACI(pid, sheet, replace, by)
		var se *store.SheetError
		switch {
		case errors.As(err, &se):
			// The preview matched; the project changed before enter.
			return common.Result{}, fmt.Errorf("%s no longer fits the project as it is now, %w; press I to see why", file, err)
		case err != nil:
			return common.Result{}, err
		}
		return common.Result{Note: importedNote(file, imp)}, nil
	})
}

// importedNote says what an import wrote, and how to take it back.
func importedNote(file string, imp store.RACIImported) string {
	if !imp.Written() {
		return file + " holds the matrix as it is: nothing to change"
	}
	var parts []string
	if n := len(imp.Plan.NewPeople); n > 0 {
		parts = append(parts, howMany(n, "person", "people"))
	}
	if n := len(imp.Plan.NewActivities); n > 0 {
		parts = append(parts, howMany(n, "activity", "activities"))
	}
	s := "imported " + file + ": "
	if len(parts) > 0 {
		s += "created " + strings.Join(parts, " and ") + ", "
	}
	s += fmt.Sprintf("set %s", howMany(imp.Created+imp.Changed, "cell", "cells"))
	if imp.Cleared > 0 {
		s += fmt.Sprintf(", cleared %d", imp.Cleared)
	}
	return s + " (u undoes the whole import)"
}

func howMany(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

func pline(tone components.Tone, format string, a ...any) components.PreviewLine {
	return components.PreviewLine{Text: fmt.Sprintf(format, a...), Tone: tone}
}

// moreLines closes a list cut at previewLimit.
func moreLines(lines []components.PreviewLine, n int, what string) []components.PreviewLine {
	if n > previewLimit {
		lines = append(lines, pline(components.ToneFaint, "  … and %d more %s", n-previewLimit, what))
	}
	return lines
}

// problemLines lists why a file is refused, each with its row and column.
func problemLines(file string, problems []model.SheetProblem) []components.PreviewLine {
	out := []components.PreviewLine{pline(components.ToneError, "%s cannot be imported as it is (%s); nothing will be written:",
		file, howMany(len(problems), "problem", "problems"))}
	problems = model.GroupSheetProblems(problems)
	for i, pr := range problems {
		if i == previewLimit {
			break
		}
		pr.File = "" // named once, above
		out = append(out, pline(components.ToneError, "  %s", strings.TrimPrefix(pr.String(), ": ")))
	}
	return moreLines(out, len(problems), "problems")
}

// planLines says what the import creates and sets.
func planLines(d model.ProjectData, plan model.RACIPlan, n model.RACICounts) []components.PreviewLine {
	var out []components.PreviewLine
	if k := len(plan.NewPeople); k > 0 {
		out = append(out, pline(components.ToneHeading, "would create %s:", howMany(k, "person", "people")))
		for i, pe := range plan.NewPeople {
			if i == previewLimit {
				break
			}
			out = append(out, pline(components.ToneText, "  %s", pe.Name))
		}
		out = moreLines(out, k, "people")
	}
	if k := len(plan.NewActivities); k > 0 {
		out = append(out, pline(components.ToneHeading, "would create %s:", howMany(k, "activity", "activities")))
		for i, a := range plan.NewActivities {
			if i == previewLimit {
				break
			}
			where := "no phase"
			if name := d.PhaseName(a.PhaseID); name != "" {
				where = "under " + name
			}
			out = append(out, pline(components.ToneText, "  %q (%s)", model.SanitizeLine(a.Name), model.SanitizeLine(where)))
		}
		out = moreLines(out, k, "activities")
	}
	out = append(out, pline(components.ToneHeading, "would set %s: %d added, %d replaced, %d already so",
		howMany(n.Created+n.Changed, "cell", "cells"), n.Created, n.Changed, n.Unchanged))
	if plan.Replace {
		out = append(out, pline(components.ToneWarning, "would clear %s the file leaves empty (R: add to the matrix instead)",
			howMany(n.Cleared, "cell", "cells")))
	} else {
		out = append(out, pline(components.ToneFaint, "the cells the file leaves empty keep their letters (R: replace the whole matrix)"))
	}
	out = append(out, pline(components.ToneFaint, "matched %s and %s of the project",
		howMany(plan.MatchedPeople, "person", "people"), howMany(plan.MatchedActivities, "activity", "activities")))
	for _, note := range plan.Notes {
		out = append(out, pline(components.ToneFaint, "note: %s", note))
	}
	return out
}

// ruleLines lists what breaks the rules once the file is in: a list to
// act on, not a refusal.
func ruleLines(after model.ProjectData) []components.PreviewLine {
	rows, over := model.ReviewRACI(after)
	if len(rows)+len(over) == 0 {
		return []components.PreviewLine{pline(components.ToneText, "after the import every row has one A and at least one R")}
	}
	out := []components.PreviewLine{pline(components.ToneHeading, "after the import, %s to look at (not refused):",
		howMany(len(rows)+len(over), "warning", "warnings"))}
	for i, r := range rows {
		if i == previewLimit {
			break
		}
		where := ""
		if name := after.PhaseName(r.Activity.PhaseID); name != "" {
			where = " (" + model.SanitizeLine(name) + ")"
		}
		out = append(out, pline(components.ToneWarning, "  %q%s: %s", model.SanitizeLine(r.Activity.Name), where, r.Text()))
	}
	out = moreLines(out, len(rows), "rows")
	for _, o := range over {
		out = append(out, pline(components.ToneWarning, "  %s holds %d A's: more than anyone can answer for",
			model.SanitizeLine(after.PersonName(o.PersonID)), o.Accountables))
	}
	return out
}
