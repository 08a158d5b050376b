package docs

import (
	"errors"
	"fmt"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textarea"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// In a team session the app runs no program on the server, so a doc's
// text is edited in the app itself: a text area over the doc view, saved
// with ctrl+s onto the stored doc as its next revision, by the rule the
// external editor's save follows (a revision saved meanwhile is never
// overwritten). The text stays on screen until the save went through.

// maxInlineBytes bounds what the text area takes: it redraws all its text
// on every key, and a doc past this is edited on the server.
const maxInlineBytes = 64 << 10

type inlineEditor struct {
	pid    uint64
	doc    model.Doc // as it was when the edit began
	area   textarea.Model
	saving bool
}

// inlineDoneMsg ends a save the text area asked for: closed when it went
// through, kept open (the text with it) when it did not.
type inlineDoneMsg struct {
	docID uint64
	saved bool
}

var inlineKeys = struct{ save, close key.Binding }{
	save:  key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save a new revision")),
	close: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "close (asks first when changed)")),
}

// editInline opens the text area on a doc.
func (p *Pane) editInline(doc model.Doc) tea.Cmd {
	if n := len(doc.Body); n > maxInlineBytes {
		return common.Error(fmt.Errorf("%q is too long to edit in the app over SSH (%d KB, the limit is %d KB): edit it on the server with mopdeck, then 4 and e",
			model.SanitizeLine(doc.Title), n>>10, maxInlineBytes>>10))
	}
	area := textarea.New()
	area.ShowLineNumbers = false
	area.Prompt = ""
	area.CharLimit = 0 // the doc's length is checked above, and on save
	area.MaxHeight = 0 // no limit on lines: a limit would cut the doc
	area.SetWidth(max(p.viewW, 10))
	area.SetHeight(max(p.height-2, 1))
	// A steady cursor: a blinking one redraws the session's screen twice
	// a second for nothing.
	area.Cursor.SetMode(cursor.CursorStatic)
	area.SetValue(doc.Body)
	area.CursorStart()
	for area.Line() > 0 {
		area.CursorUp()
	}
	p.inline = &inlineEditor{pid: p.data.Project.ID, doc: doc, area: area}
	return p.inline.area.Focus()
}

// inlineKey handles a key while the text area is open.
func (p *Pane) inlineKey(msg tea.KeyMsg) tea.Cmd {
	ed := p.inline
	switch {
	case key.Matches(msg, inlineKeys.save):
		if ed.saving {
			return nil
		}
		return p.saveInline()
	case key.Matches(msg, inlineKeys.close):
		if ed.area.Value() == ed.doc.Body {
			p.inline = nil
			return nil
		}
		p.confirm.Open("discard your changes to "+model.QuoteValue(model.SanitizeLine(ed.doc.Title))+"?", func() tea.Cmd {
			p.inline = nil
			return common.Note("changes discarded")
		})
		return nil
	}
	var cmd tea.Cmd
	ed.area, cmd = ed.area.Update(msg)
	return cmd
}

// saveInline saves the text area's text on the app's writer.
func (p *Pane) saveInline() tea.Cmd {
	ed := p.inline
	body := ed.area.Value()
	if len(body) > maxInlineBytes {
		return common.Error(fmt.Errorf("the text is too long to save from the app (%d KB, the limit is %d KB): shorten it", len(body)>>10, maxInlineBytes>>10))
	}
	ed.saving = true
	by, now, pid, doc := p.ctx.Actor(p.data), p.ctx.Now(), ed.pid, ed.doc
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		res, err := saveBody(s, by, pid, doc, body, now)
		var meanwhile errEditedMeanwhile
		if errors.As(err, &meanwhile) {
			err = fmt.Errorf("cannot save %q: %v; your text stays here: copy what you need, esc, then e on the new revision", model.SanitizeLine(doc.Title), meanwhile)
		}
		res.Then = inlineDoneMsg{docID: doc.ID, saved: err == nil}
		return res, err
	})
}

// inlineDone closes the text area after its save went through, or lets
// it be edited again after one that did not.
func (p *Pane) inlineDone(msg inlineDoneMsg) {
	if p.inline == nil || p.inline.doc.ID != msg.docID {
		return
	}
	if msg.saved {
		p.inline = nil
		return
	}
	p.inline.saving = false
}

// inlineView draws the text area where the doc is shown.
func (p *Pane) inlineView() string {
	st := p.ctx.Styles
	ed := p.inline
	head := st.Title.Render("Editing "+model.SanitizeLine(ed.doc.Title)) + st.Faint.Render(" · ctrl+s saves · esc closes")
	if ed.saving {
		head += st.Faint.Render(" · saving…")
	}
	return components.Fit(head, p.viewW) + "\n" + ed.area.View()
}
