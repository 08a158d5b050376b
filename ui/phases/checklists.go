package phases

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// clRowKind is what one line of the checklists view shows.
type clRowKind int

const (
	clHead    clRowKind = iota // a checklist's name and progress
	clSection                  // a section title inside a checklist
	clItem                     // one item, selectable
	clEmpty                    // a checklist without items, selectable so that it can be deleted
	clGap                      // the blank line between two checklists
)

// clRow is one line of the checklists view: which checklist (index in
// ProjectData.Checklists) and which item of it.
type clRow struct {
	kind clRowKind
	list int
	item int
}

// checklistView is the state of the checklists view: its rows, built once
// per load, and a cursor over the selectable ones.
type checklistView struct {
	on   bool
	rows []clRow
	// sel holds the row index of each selectable row, in order; the
	// cursor moves over sel.
	sel    []int
	cursor components.Cursor
	// off is the first row drawn.
	off int
}

// build lays the project's checklists out as rows, keeping the cursor on
// the same item of the same checklist when it is still there.
func (v *checklistView) build(d *model.ProjectData, keepID uint64, keepItem int) {
	v.rows, v.sel = v.rows[:0], v.sel[:0]
	pos := -1
	for li, c := range d.Checklists {
		if li > 0 {
			v.rows = append(v.rows, clRow{kind: clGap, list: li})
		}
		v.rows = append(v.rows, clRow{kind: clHead, list: li})
		if len(c.Items) == 0 {
			if c.ID == keepID {
				pos = len(v.sel)
			}
			v.sel = append(v.sel, len(v.rows))
			v.rows = append(v.rows, clRow{kind: clEmpty, list: li, item: -1})
			continue
		}
		section := ""
		for i, it := range c.Items {
			if i == 0 || it.Section != section {
				section = it.Section
				if strings.TrimSpace(section) != "" {
					v.rows = append(v.rows, clRow{kind: clSection, list: li, item: i})
				}
			}
			if c.ID == keepID && i == keepItem {
				pos = len(v.sel)
			}
			v.sel = append(v.sel, len(v.rows))
			v.rows = append(v.rows, clRow{kind: clItem, list: li, item: i})
		}
	}
	v.cursor.N = len(v.sel)
	if pos >= 0 {
		v.cursor.Pos = pos
	}
	v.cursor.Clamp()
}

// selectList puts the cursor on the first row of the checklist id, when
// it is there.
func (v *checklistView) selectList(d *model.ProjectData, id uint64) {
	for pos, r := range v.sel {
		if d.Checklists[v.rows[r].list].ID == id {
			v.cursor.Pos = pos
			return
		}
	}
}

// selected is the row under the cursor.
func (v *checklistView) selected() (clRow, bool) {
	if v.cursor.Pos < 0 || v.cursor.Pos >= len(v.sel) {
		return clRow{}, false
	}
	return v.rows[v.sel[v.cursor.Pos]], true
}

// scroll keeps the selected row in a window of h rows, with the section
// and checklist titles just above it when they fit.
func (v *checklistView) scroll(h int) {
	v.off = scrollFrom(v.rows, v.sel, v.cursor.Pos, v.off, h)
}

// scrollFrom is the first row to draw so that row sel[pos] shows in h
// rows, moving as little as possible from off.
func scrollFrom(rows []clRow, sel []int, pos, off, h int) int {
	h = max(h, 1)
	if pos >= 0 && pos < len(sel) {
		r := sel[pos]
		top := r
		for top > 0 && (rows[top-1].kind == clHead || rows[top-1].kind == clSection) && r-(top-1) < h {
			top--
		}
		off = min(off, top)
		if r >= off+h {
			off = r - h + 1
		}
	}
	return min(max(off, 0), max(len(rows)-h, 0))
}

// clBodyHeight is how many rows of checklists the view has room for:
// the pane less its top line.
func (p *Pane) clBodyHeight() int { return max(p.height-topLines, 1) }

// toggleChecklists opens or closes the checklists view.
func (p *Pane) toggleChecklists() {
	p.cl.on, p.timeline = !p.cl.on, false
	if p.cl.on {
		p.focus = focusPhases
		p.cl.scroll(p.clBodyHeight())
	}
}

// checklistKey handles a key while the checklists view is shown.
func (p *Pane) checklistKey(msg tea.KeyMsg) tea.Cmd {
	defer func() { p.cl.scroll(p.clBodyHeight()) }()
	if p.cl.cursor.HandleKey(p.keys.nav, msg) {
		return nil
	}
	switch {
	case key.Matches(msg, p.keys.back):
		p.cl.on = false
	case key.Matches(msg, p.keys.toggle):
		return p.toggleCheck()
	case key.Matches(msg, p.keys.attach):
		return p.attachChecklist()
	case key.Matches(msg, p.keys.detach):
		return p.removeChecklist()
	case key.Matches(msg, p.keys.undoChecklist):
		return p.undoChecklist()
	}
	return nil
}

// toggleCheck checks the item under the cursor as "me", or unchecks it.
// Either way it needs a "me": a check says who did it.
func (p *Pane) toggleCheck() tea.Cmd {
	row, ok := p.cl.selected()
	if !ok || row.kind != clItem {
		return nil
	}
	me := p.me()
	if me == 0 {
		return common.Error(errNoMe)
	}
	next, err := model.ToggleChecklistItem(p.data.Checklists[row.list], row.item, me, p.ctx.Now())
	if err != nil {
		return common.Error(err)
	}
	// The toggle is applied to the checklist as stored, inside the write:
	// two items ticked before the first one's event arrives both stay
	// ticked, and the note says what was stored.
	pid, by, id, item, now := p.data.Project.ID, p.actor(), next.ID, row.item, p.ctx.Now()
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		saved, err := s.UpdateChecklist(pid, id, by, func(c model.Checklist) (model.Checklist, error) {
			return model.ToggleChecklistItem(c, item, me, now)
		})
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{Note: checkNote(saved, item)}, nil
	})
}

// checkNote tells what a toggle stored: the item, checked or not, and the
// checklist's progress.
func checkNote(c model.Checklist, item int) string {
	if item < 0 || item >= len(c.Items) {
		return "checklist " + strconv.Quote(shorten(c.Name, 40)) + " saved"
	}
	it := c.Items[item]
	what := "checked"
	if !it.Done {
		what = "unchecked"
	}
	done, total := c.Progress()
	return fmt.Sprintf("%q %s (%d/%d)", shorten(it.Text, 40), what, done, total)
}

// attachChecklist offers the built-in checklists, numbered: a digit, or
// enter on one, stores a fresh copy of it. One the project already has
// is refused (see model.CheckAttach).
func (p *Pane) attachChecklist() tea.Cmd {
	tpls := model.ChecklistTemplates()
	items := make([]components.PickItem, len(tpls))
	for i, t := range tpls {
		items[i] = components.PickItem{Label: t.Name, Hint: fmt.Sprintf("%s · %d items", t.Key, len(t.Items))}
	}
	p.picker.Open("Attach which built-in checklist?", items, 0, func(i int) tea.Cmd {
		return p.attach(tpls[i])
	}, components.Numbered())
	return nil
}

// attach stores a fresh copy of a built-in checklist and selects it.
func (p *Pane) attach(tpl model.ChecklistTemplate) tea.Cmd {
	c := model.Checklist{Name: tpl.Name, Items: slices.Clone(tpl.Items)}
	pid, by := p.data.Project.ID, p.actor()
	// The new checklist has no ID until it is stored: the write names it
	// in its follow-up, which comes after its event.
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		// Checked against what is stored, not what the pane shows: a
		// second attach may be queued before the first one's event.
		d, err := s.LoadProject(pid)
		if err != nil {
			return common.Result{}, err
		}
		if err := model.CheckAttach(d.Checklists, tpl); err != nil {
			return common.Result{}, err
		}
		saved, err := s.SaveChecklist(pid, c, by)
		if err != nil {
			return common.Result{}, err
		}
		return common.Result{
			Note: fmt.Sprintf("checklist %q attached (0/%d)", tpl.Name, len(c.Items)),
			Then: selectChecklistMsg{project: pid, checklist: saved.ID},
		}, nil
	})
}

// removeChecklist deletes the checklist under the cursor after a
// confirmation; undo brings it back with its checks.
func (p *Pane) removeChecklist() tea.Cmd {
	row, ok := p.cl.selected()
	if !ok {
		return nil
	}
	c := p.data.Checklists[row.list]
	done, total := c.Progress()
	name := model.SanitizeLine(c.Name)
	pid, by, id := p.data.Project.ID, p.actor(), c.ID
	p.ask(fmt.Sprintf("Delete checklist %q (%d/%d checked)? u undoes it", name, done, total), func() tea.Cmd {
		return p.ctx.Save(fmt.Sprintf("checklist %q deleted", name), func(s *store.Store) error {
			return s.DeleteChecklist(pid, id, by)
		})
	})
	return nil
}

// shorten sanitises s and cuts it to n cells with an ellipsis, for notes.
func shorten(s string, n int) string {
	return ansi.Truncate(model.SanitizeLine(s), n, "…")
}
