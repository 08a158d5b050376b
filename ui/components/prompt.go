package components

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"mopdeck/model"
	"mopdeck/themes"
)

// Prompt asks for one line of text in the pane's bottom line: enter
// submits (sanitised), esc cancels. While open, the pane captures keys.
type Prompt struct {
	input  textinput.Model
	label  string
	open   bool
	submit func(string) tea.Cmd
	// change, when set, follows the text as it is typed; from is the text
	// the prompt opened with, handed back to change on esc so that what
	// followed the typing returns to where it was.
	change func(string) tea.Cmd
	from   string
}

// Open shows the prompt with a label and a starting value.
func (p *Prompt) Open(label, value string, submit func(string) tea.Cmd) tea.Cmd {
	p.input = textinput.New()
	p.input.Prompt = ""
	p.input.CharLimit = 4096
	// A steady cursor: a blinking one reschedules a command forever and
	// redraws the window twice a second for nothing.
	p.input.Cursor.SetMode(cursor.CursorStatic)
	p.input.SetValue(value)
	p.input.CursorEnd()
	p.label, p.submit, p.open = label, submit, true
	p.change, p.from = nil, value
	return p.input.Focus()
}

// OnChange makes the open prompt call change with the sanitised text after
// every key that changes it, and with the text it opened with on esc.
func (p *Prompt) OnChange(change func(string) tea.Cmd) { p.change = change }

// Active tells whether the prompt is open.
func (p *Prompt) Active() bool { return p.open }

// Close hides the prompt without submitting.
func (p *Prompt) Close() { p.open = false }

// Update handles a message while the prompt is open.
func (p *Prompt) Update(msg tea.Msg) tea.Cmd {
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.Type {
		case tea.KeyEnter:
			p.open = false
			return p.submit(model.SanitizeLine(p.input.Value()))
		case tea.KeyEsc:
			p.open = false
			if p.change != nil && p.input.Value() != p.from {
				return p.change(model.SanitizeLine(p.from))
			}
			return nil
		}
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.change != nil && p.input.Value() != before {
		return tea.Batch(cmd, p.change(model.SanitizeLine(p.input.Value())))
	}
	return cmd
}

// View draws "label: value" on one line of width w.
func (p *Prompt) View(st *themes.Styles, w int) string {
	p.input.Width = max(w-len(p.label)-3, 1)
	return Fit(st.StatusKey.Render(p.label+": ")+p.input.View(), w)
}

// Confirm asks a yes/no question: y runs the action, anything else cancels.
type Confirm struct {
	question string
	open     bool
	yes      func() tea.Cmd
}

// Open asks the question.
func (c *Confirm) Open(question string, yes func() tea.Cmd) {
	c.question, c.yes, c.open = question, yes, true
}

// Active tells whether the question is waiting for an answer.
func (c *Confirm) Active() bool { return c.open }

// Update takes the answer.
func (c *Confirm) Update(msg tea.Msg) tea.Cmd {
	k, ok := msg.(tea.KeyMsg)
	if !ok {
		return nil
	}
	c.open = false
	if k.String() == "y" || k.String() == "Y" {
		return c.yes()
	}
	return nil
}

// View draws the question on one line of width w.
func (c *Confirm) View(st *themes.Styles, w int) string {
	return Fit(st.WarningText.Render(model.SanitizeLine(c.question)+" (y/n)"), w)
}
