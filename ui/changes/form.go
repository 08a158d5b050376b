package changes

import (
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"
	"github.com/charmbracelet/lipgloss"

	"mopdeck/model"
	"mopdeck/store"
	"mopdeck/ui/common"
	"mopdeck/ui/components"
)

// crForm adds or edits one request with every field. Values are checked
// as they are typed (the message shows under the field) and sanitised
// when the form is saved.
type crForm struct {
	form    *huh.Form
	editing bool
	orig    model.ChangeRequest
	v       formValues
	// start is what the fields held when the form opened: esc closes at
	// once while they still do, and asks before throwing typing away.
	start  formValues
	fields []huh.Field
	// back is the view the form returns to when it closes.
	back mode
	// saving is set while the write runs: the form stays on screen, so
	// that a refused save leaves every typed value in place.
	saving bool
	// names are the fields that suggest the project's people, with the
	// value each writes to; people are those people.
	names  map[huh.Field]*string
	people []model.Person
}

// formValues are what the fields write to.
type formValues struct {
	title, description, raisedBy, assignee string
	// sourceKey is the request's key in the tool it came from (JIRA-123).
	sourceKey        string
	impact, estimate string
	area             model.Area
	raisedIn         uint64
	complexity       model.Complexity
	decision         model.Decision
	status           model.CRStatus
}

func (p *Pane) openForm(c model.ChangeRequest, editing bool) tea.Cmd {
	f := p.newForm(c, editing)
	f.back = modeTable
	if p.mode == modeDetail {
		f.back = modeDetail
	}
	p.form = f
	p.mode = modeForm
	f.setWidth(p.width)
	return f.form.Init()
}

func (p *Pane) newForm(c model.ChangeRequest, editing bool) *crForm {
	f := &crForm{editing: editing, orig: c}
	v := &f.v
	// Stored text may hold control characters (an import, an older
	// version): the fields show it as the rest of the pane draws it.
	v.title, v.description = model.SanitizeLine(c.Title), model.Sanitize(c.Description)
	v.raisedBy, v.assignee = model.SanitizeLine(c.RaisedBy), model.SanitizeLine(c.Assignee)
	v.sourceKey = model.SanitizeLine(c.SourceKey)
	if c.Impact != 0 {
		v.impact = fmt.Sprint(c.Impact)
	}
	v.estimate = hours(c.EstimateHrs)
	v.area, v.raisedIn, v.complexity, v.decision, v.status = c.Area, c.RaisedIn, c.Complexity, c.Decision, c.Status
	f.start = *v

	var people []string
	for _, ps := range p.data.People {
		people = append(people, model.SanitizeLine(ps.Name))
	}
	input := func(title string, value *string, limit int) *huh.Input {
		return huh.NewInput().Title(fmt.Sprintf("%-11s", title)).Inline(true).CharLimit(limit).Value(value)
	}
	f.people = p.data.People
	raisedBy := input("Raised by", &v.raisedBy, 100).Suggestions(people)
	assignee := input("Assignee", &v.assignee, 100).Suggestions(people)
	f.names = map[huh.Field]*string{raisedBy: &v.raisedBy, assignee: &v.assignee}
	f.fields = []huh.Field{
		input("Title", &v.title, 200).Validate(func(s string) error {
			if strings.TrimSpace(model.SanitizeLine(s)) == "" {
				return errors.New("title is empty: describe the change in a few words")
			}
			return nil
		}),
		huh.NewText().Title("Description (markdown · ctrl+j new line)").Lines(3).CharLimit(8000).ExternalEditor(false).Value(&v.description),
		huh.NewSelect[model.Area]().Title("Area").Inline(true).Options(areaOptions()...).Value(&v.area),
		raisedBy,
		huh.NewSelect[uint64]().Title("Raised in").Inline(true).Options(p.phaseOptions()...).Value(&v.raisedIn),
		input("Source key", &v.sourceKey, 100).Placeholder("its key in the tool it came from (JIRA-123)"),
		input("Impact 1-5", &v.impact, 3).Validate(func(s string) error {
			_, err := model.ParseImpact(s)
			return err
		}),
		huh.NewSelect[model.Complexity]().Title("Complexity").Inline(true).Options(
			huh.NewOption("not rated", model.ComplexityUnrated), huh.NewOption("low", model.ComplexityLow),
			huh.NewOption("medium", model.ComplexityMedium), huh.NewOption("high", model.ComplexityHigh),
		).Value(&v.complexity),
		input("Estimate h", &v.estimate, 12).Placeholder("hours").Validate(func(s string) error {
			_, err := model.ParseEstimate(s)
			return err
		}),
		huh.NewSelect[model.Decision]().Title("Decision").Inline(true).Options(
			huh.NewOption("undecided", model.DecisionUndecided), huh.NewOption("now (before go-live)", model.DecisionNow),
			huh.NewOption("later (backlog)", model.DecisionLater), huh.NewOption("reject", model.DecisionRejected),
		).Value(&v.decision),
		huh.NewSelect[model.CRStatus]().Title("Status").Inline(true).Options(statusOptions(c.Status)...).Value(&v.status),
		assignee,
	}
	keys := huh.NewDefaultKeyMap()
	keys.Select.Filter.SetEnabled(false) // "/" and esc keep their pane meaning
	keys.Text.Editor.SetEnabled(false)
	// The rest of a suggested name shows as if typed; → at the end of the
	// text takes it, as in shells, and ctrl+e as huh has it.
	keys.Input.AcceptSuggestion = key.NewBinding(key.WithKeys("ctrl+e", "right"))
	f.form = huh.NewForm(huh.NewGroup(f.fields...)).
		WithTheme(p.formTheme()).
		WithKeyMap(keys).
		WithShowHelp(false).
		WithShowErrors(false)
	return f
}

func areaOptions() []huh.Option[model.Area] {
	opts := []huh.Option[model.Area]{huh.NewOption("none", model.Area(""))}
	for _, a := range model.Areas {
		opts = append(opts, huh.NewOption(string(a), a))
	}
	return opts
}

func (p *Pane) phaseOptions() []huh.Option[uint64] {
	opts := []huh.Option[uint64]{huh.NewOption("none", uint64(0))}
	for _, ph := range model.PhasesInOrder(p.data.Phases) {
		opts = append(opts, huh.NewOption(model.SanitizeLine(ph.Name), ph.ID))
	}
	return opts
}

// statusOptions offers the current status and the ones the workflow
// allows from it, so the form cannot make an illegal jump.
func statusOptions(cur model.CRStatus) []huh.Option[model.CRStatus] {
	opts := []huh.Option[model.CRStatus]{huh.NewOption(cur.String(), cur)}
	for _, s := range model.NextStatuses(cur) {
		opts = append(opts, huh.NewOption(s.String(), s))
	}
	return opts
}

// formTheme dresses huh in the app's styles.
func (p *Pane) formTheme() *huh.Theme {
	st := p.ctx.Styles
	t := huh.ThemeBase()
	t.Focused.Base = t.Focused.Base.BorderForeground(st.Palette.Accent)
	t.Focused.Title = st.StatusKey
	t.Focused.TextInput.Placeholder = st.Faint
	t.Focused.TextInput.Prompt = st.Faint
	t.Focused.SelectSelector = st.StatusKey.SetString("> ")
	t.Focused.NextIndicator = st.StatusKey.MarginLeft(1).SetString("→")
	t.Focused.PrevIndicator = st.StatusKey.MarginRight(1).SetString("←")
	t.Focused.ErrorMessage = st.ErrorText
	t.Blurred = t.Focused
	t.Blurred.Base = t.Blurred.Base.BorderStyle(lipgloss.HiddenBorder())
	t.Blurred.Title = st.Text
	t.Blurred.NextIndicator = st.Text
	t.Blurred.PrevIndicator = st.Text
	return t
}

func (f *crForm) setWidth(w int) {
	f.form.WithWidth(max(w-2, 20))
}

// updateForm passes a message to the form; esc cancels, and a completed
// form is checked once more and saved. The form closes only once the save
// went through: a refused one leaves it open with its values and the
// reason in the status line.
func (p *Pane) updateForm(msg tea.Msg) tea.Cmd {
	f := p.form
	if f.saving {
		return nil // the save reports in a moment; a second one must not start
	}
	if k, ok := msg.(tea.KeyMsg); ok && k.Type == tea.KeyEsc {
		if f.v == f.start {
			p.closeForm()
			return common.Note("not saved")
		}
		what := "the new request"
		if f.editing {
			what = "the changes to " + f.orig.Ref()
		}
		p.confirm.Open("Discard "+what+"?", func() tea.Cmd {
			if p.form != f {
				return nil // closed meanwhile
			}
			p.closeForm()
			return common.Note("not saved")
		})
		return nil
	}
	m, cmd := f.form.Update(msg)
	if hf, ok := m.(*huh.Form); ok {
		f.form = hf
	}
	switch f.form.State {
	case huh.StateCompleted:
		return p.submitForm(f)
	case huh.StateAborted:
		p.closeForm()
		return nil
	}
	return cmd
}

func (p *Pane) closeForm() {
	p.mode = modeTable
	if p.form != nil {
		p.mode = p.form.back
	}
	p.form = nil
}

// reopen lets a completed form take keys again, on the field it ended on.
func (f *crForm) reopen() {
	f.saving = false
	f.form.State = huh.StateNormal
}

// formSavedMsg reports the form's save: done or refused.
type formSavedMsg struct {
	form *crForm
	ok   bool
	// selectID is the request the form added, for the cursor.
	selectID uint64
}

// formSaved closes the form once its save went through, or reopens it.
func (p *Pane) formSaved(msg formSavedMsg) {
	if p.form != msg.form || p.mode != modeForm {
		return // closed or replaced meanwhile
	}
	if msg.ok {
		p.closeForm()
		if msg.selectID != 0 {
			p.refreshTable(msg.selectID)
		}
		return
	}
	msg.form.reopen()
}

// submitForm builds the request from the fields and saves it. An edit
// writes only the fields the form changed, onto the stored request.
func (p *Pane) submitForm(f *crForm) tea.Cmd {
	next, err := f.result()
	if err != nil {
		f.reopen()
		return common.Error(fmt.Errorf("not saved: %w", err))
	}
	if f.editing && next == f.orig {
		p.closeForm()
		return common.Note("no change to " + f.orig.Ref())
	}
	save := p.saveNew(next)
	if f.editing {
		save = p.update(f.orig.ID, mergeEdit(f.orig, next, f.decisionStatus()), fixedNote("saved "+f.orig.Ref()), nil)
	}
	f.saving = true
	return p.ctx.Write(func(s *store.Store) (common.Result, error) {
		res, err := save(s)
		if err != nil {
			return common.Result{Then: formSavedMsg{form: f}}, fmt.Errorf("not saved: %w", err)
		}
		done := formSavedMsg{form: f, ok: true}
		if sel, ok := res.Then.(selectMsg); ok {
			done.selectID = sel.id
		}
		res.Then = done
		return res, nil
	})
}

// result reads the fields, sanitised, into a request and validates it.
func (f *crForm) result() (model.ChangeRequest, error) {
	v := f.v
	c := f.orig
	c.Title = strings.TrimSpace(model.SanitizeLine(v.title))
	c.Description = strings.TrimSpace(model.Sanitize(v.description))
	c.RaisedBy = f.personName(v.raisedBy, f.start.raisedBy)
	c.Assignee = f.personName(v.assignee, f.start.assignee)
	c.SourceKey = strings.TrimSpace(model.SanitizeLine(v.sourceKey))
	c.Area, c.RaisedIn, c.Complexity = v.area, v.raisedIn, v.complexity
	var err error
	if c.Impact, err = model.ParseImpact(v.impact); err != nil {
		return f.orig, err
	}
	if c.EstimateHrs, err = model.ParseEstimate(v.estimate); err != nil {
		return f.orig, err
	}
	if c, err = f.decisionStatus().Apply(c); err != nil {
		return f.orig, err
	}
	return c, c.Validate()
}

// decisionStatus is what the form changed of the decision and the status,
// for the model's rule to apply (on the form's copy, then on the stored
// request).
func (f *crForm) decisionStatus() model.DecisionStatusEdit {
	return model.DecisionStatusEdit{
		Decision: f.v.decision, SetDecision: f.v.decision != f.orig.Decision,
		Status: f.v.status, SetStatus: f.v.status != f.orig.Status,
	}
}

// mergeEdit applies the fields an edit changed onto the stored request,
// the decision and status through the model's rule (ds): a new decision
// moves the stored status as triage would, a status picked by hand brings
// its decision, and both together must agree.
func mergeEdit(orig, next model.ChangeRequest, ds model.DecisionStatusEdit) func(model.ChangeRequest) (model.ChangeRequest, error) {
	return func(s model.ChangeRequest) (model.ChangeRequest, error) {
		if next.Title != orig.Title {
			s.Title = next.Title
		}
		if next.Description != orig.Description {
			s.Description = next.Description
		}
		if next.RaisedBy != orig.RaisedBy {
			s.RaisedBy = next.RaisedBy
		}
		if next.RaisedIn != orig.RaisedIn {
			s.RaisedIn = next.RaisedIn
		}
		if next.Area != orig.Area {
			s.Area = next.Area
		}
		if next.Impact != orig.Impact {
			s.Impact = next.Impact
		}
		if next.Complexity != orig.Complexity {
			s.Complexity = next.Complexity
		}
		if next.EstimateHrs != orig.EstimateHrs {
			s.EstimateHrs = next.EstimateHrs
		}
		if next.Assignee != orig.Assignee {
			s.Assignee = next.Assignee
		}
		if next.SourceKey != orig.SourceKey {
			s.SourceKey = next.SourceKey
		}
		return ds.Apply(s)
	}
}

// formView draws the fields one under the other, each with its message
// under it, scrolled to keep the focused field in view.
func (p *Pane) formView() string {
	st := p.ctx.Styles
	f := p.form
	w, h := p.width, p.height
	head := "New change request"
	if f.editing {
		head = "Edit " + f.orig.Ref()
	}
	// The help bar has tab and shift+tab; this says what it cuts at 80
	// columns: how the form saves.
	hint := "  enter on the last field saves · ←/→ choose · esc cancels"
	if typed, ok := f.suggesting(); ok {
		hint = fmt.Sprintf("  → or ctrl+e takes the suggested name · tab keeps %q", typed)
	}
	top := []string{components.Fit(st.Title.Render(head)+st.Faint.Render(hint), w)}
	if p.confirm.Active() {
		top[0] = p.confirm.View(st, w)
	}
	focused := f.form.GetFocusedField()
	var body []string
	focusFrom, focusTo := 0, 0
	for _, fl := range f.fields {
		if fl == focused {
			focusFrom = len(body)
		}
		body = append(body, strings.Split(fl.View(), "\n")...)
		if err := fl.Error(); err != nil {
			body = append(body, st.ErrorText.Render("  ✗ "+model.SanitizeLine(err.Error())))
		}
		if fl == focused {
			focusTo = len(body)
		}
	}
	room := max(h-len(top), 1)
	from := 0
	if focusTo > room {
		from = min(focusTo-room, focusFrom)
	}
	body = body[from:min(from+room, len(body))]
	return components.Box(strings.Join(append(top, body...), "\n"), w, h)
}
