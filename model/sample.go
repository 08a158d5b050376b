package model

import (
	"slices"
	"time"
)

// SampleProject is a realistic MRM roll-out in the middle of its Test phase,
// for demos, screenshots and first-run exploration. It started 60 days
// before now (UTC midnight): Discovery and Design are signed off, Build
// waits for its sign-off, Test runs (started early by a recorded override),
// and fifteen change requests fill every quadrant of the impact/effort
// matrix plus the triage queue. The same now gives the same project.
func SampleProject(now time.Time) ProjectData {
	start := tplDate(now.UTC()).AddDate(0, 0, -60)
	t, _ := TemplateByKey("mrm")
	d := NewProject(t, "Acme MRM roll-out", start)
	s := sampleBuilder{d: &d, start: start}

	d.Project.Description = sampleDescription

	// People: the placeholders become real people, and three more join.
	const (
		claire  = 1 // Sponsor
		hugo    = 2 // Project lead
		camille = 3 // Marketing
		lea     = 4 // Creative
		thomas  = 5 // Campaign
		nicolas = 6 // IT
		sarah   = 7 // tester, marketing
		emma    = 8 // tester, creative
		julien  = 9 // agency consultant
	)
	names := map[string]Person{
		RoleSponsor:   {Name: "Claire Martin", Team: "executive sponsor", Handle: "claire.martin@acme.example"},
		RoleLead:      {Name: "Hugo Bernard", Team: "operations", Handle: "hugo.bernard@acme.example"},
		RoleMarketing: {Name: "Camille Dubois", Team: "marketing", Handle: "camille.dubois@acme.example"},
		RoleCreative:  {Name: "Léa Petit", Team: "creative", Handle: "lea.petit@acme.example"},
		RoleCampaign:  {Name: "Thomas Moreau", Team: "campaign", Handle: "thomas.moreau@acme.example"},
		RoleIT:        {Name: "Nicolas Laurent", Team: "IT", Handle: "nicolas.laurent@acme.example"},
	}
	for i := range d.People {
		if p, ok := names[d.People[i].Name]; ok {
			p.ID = d.People[i].ID
			d.People[i] = p
		}
	}
	d.People = append(d.People,
		Person{ID: sarah, Name: "Sarah Lefebvre", Team: "marketing", Handle: "sarah.lefebvre@acme.example"},
		Person{ID: emma, Name: "Emma Girard", Team: "creative", Handle: "emma.girard@acme.example"},
		Person{ID: julien, Name: "Julien Roux", Team: "agency", Handle: "julien.roux@northlight.example"},
	)
	s.assign(julien, Responsible, "Configured development environment", "Design review sessions", "Training manuals", "Production deployment")
	s.assign(julien, Consulted, "Design document", "Design workbooks", "Test cases", "Change request log")
	s.assign(sarah, Responsible, "Test cases", "Change request log")
	s.assign(sarah, Consulted, "Training sessions delivered")
	s.assign(sarah, Informed, "Test sign-off", "Train sign-off")
	s.assign(emma, Responsible, "Test cases", "Change request log")
	s.assign(emma, Consulted, "Training manuals")
	s.assign(emma, Informed, "Test sign-off")

	// Discovery: two days of sessions, signed off at once.
	disc := s.phase("Discovery")
	disc.ActualStart, disc.ActualEnd = s.day(0), s.day(1)
	disc.Status = PhaseSignedOff
	s.finish(disc, hugo, s.at(1, 17, 0))
	disc.Gate = Gate{SignedOff: true, ByID: claire, At: s.at(2, 10, 30),
		Note: "Discovery document and requirements sheet reviewed with the team leads. 38 requirements logged, 6 parked for later."}

	// Design: planned three weeks, took two days more.
	design := s.phase("Design")
	design.ActualStart, design.ActualEnd = s.day(2), s.day(24)
	design.Status = PhaseSignedOff
	s.finish(design, hugo, s.at(24, 16, 0))
	design.Gate = Gate{SignedOff: true, ByID: claire, At: s.at(25, 9, 15),
		Note: "Design document v5 and the three workbooks approved. Print workflow to be revisited during build."}

	// Build: work done, one design review still open, so the gate waits.
	build := s.phase("Build")
	build.ActualStart, build.ActualEnd = s.day(25), s.day(53)
	build.Status = PhaseAwaitingSignOff
	build.Deliverables[0].Done = true
	for i := range build.Checklist {
		if i != 2 { // the design review item stays open
			s.check(&build.Checklist[i], hugo, s.at(50+i, 15, 0))
		}
	}

	// Test: started before the Build gate, with the override on record.
	test := s.phase("Test")
	test.ActualStart = s.day(52)
	test.Status = PhaseInProgress
	test.Gate.Override = &Override{ByID: hugo, At: s.at(52, 8, 30),
		Reason: "Testers are booked this fortnight; the last design review (print approval workflow) closes in parallel."}
	test.Deliverables[0].Done = true
	s.check(&test.Checklist[0], hugo, s.at(52, 11, 0))
	s.check(&test.Checklist[1], sarah, s.at(53, 9, 0))

	testID, buildID := test.ID, build.ID
	for i, c := range sampleChanges {
		cr := c.cr
		cr.ID = uint64(i + 1)
		cr.CreatedAt = s.at(c.day, c.hour, c.min)
		cr.RaisedIn = buildID
		if c.day >= 52 {
			cr.RaisedIn = testID
		}
		d.Changes = append(d.Changes, cr)
	}

	// Docs: the starters, filled in as a real team would have by now.
	for i := range d.Docs {
		if f, ok := sampleDocs[d.Docs[i].Title]; ok {
			d.Docs[i].Body = f.body
			d.Docs[i].Rev = f.rev
			d.Docs[i].Updated = s.at(f.day, f.hour, 0)
		}
	}

	// A data clean-up runs alongside, before campaign data is loaded.
	if ct, ok := checklistTemplateByKey("data-cleanup"); ok {
		cl := Checklist{ID: uint64(len(d.Checklists) + 1), Name: ct.Name, Items: slices.Clone(ct.Items)}
		for i := 0; i < 5 && i < len(cl.Items); i++ {
			s.check(&cl.Items[i], nicolas, s.at(30+2*i, 14, 0))
		}
		d.Checklists = append(d.Checklists, cl)
	}

	return d
}

// sampleBuilder holds the helpers SampleProject uses to fill the project.
type sampleBuilder struct {
	d     *ProjectData
	start time.Time
}

// day is the project's nth day at midnight UTC.
func (s sampleBuilder) day(n int) time.Time { return s.start.AddDate(0, 0, n) }

// at is a moment of the project's nth day.
func (s sampleBuilder) at(n, hour, min int) time.Time {
	return s.day(n).Add(time.Duration(hour)*time.Hour + time.Duration(min)*time.Minute)
}

// phase returns the phase named name; the MRM template always has it.
func (s sampleBuilder) phase(name string) *Phase {
	for i := range s.d.Phases {
		if s.d.Phases[i].Name == name {
			return &s.d.Phases[i]
		}
	}
	panic("model: sample project has no phase " + name)
}

// finish marks every deliverable and exit-checklist item of a phase done.
func (s sampleBuilder) finish(p *Phase, by uint64, at time.Time) {
	for i := range p.Deliverables {
		p.Deliverables[i].Done = true
	}
	for i := range p.Checklist {
		s.check(&p.Checklist[i], by, at)
	}
}

func (s sampleBuilder) check(it *CheckItem, by uint64, at time.Time) {
	it.Done, it.ByID, it.At = true, by, at
}

// assign gives a person a letter on the named activities.
func (s sampleBuilder) assign(person uint64, role Role, activities ...string) {
	for _, name := range activities {
		for _, a := range s.d.Activities {
			if a.Name == name {
				s.d.Cells = append(s.d.Cells, Assignment{ActivityID: a.ID, PersonID: person, Role: role})
			}
		}
	}
}

const sampleDescription = `Acme replaces its spreadsheets and e-mail approvals with one marketing
resource management platform for the **brand**, **creative** and **campaign**
teams (about 120 users).

- Go-live planned right after training; agency partner: Northlight.
- Scope: plans and budgets, project workflows, print and digital approvals.
- Out of scope for now: finance integration (see the "later" backlog).`

// sampleChange is a change request with its creation moment as a project day.
type sampleChange struct {
	day, hour, min int
	cr             ChangeRequest
}

// sampleChanges are listed oldest first; the first four came from the Build
// design reviews, the rest from testers. The last four wait for triage.
var sampleChanges = []sampleChange{
	{40, 10, 5, ChangeRequest{
		Title:       "Add 'Budget owner' field to campaign form",
		Description: "Finance asks who owns each budget line. Add a required person field under the budget block.",
		RaisedBy:    "Thomas Moreau", Area: AreaDataFields,
		Impact: 4, Complexity: ComplexityLow, EstimateHrs: 3,
		Decision: DecisionNow, Status: StatusVerified, Assignee: "Julien Roux",
	}},
	{42, 14, 40, ChangeRequest{
		Title:       "Export every workflow as a Visio diagram",
		Description: "Would help the process owners document their flows, but nobody uses Visio outside one team.",
		RaisedBy:    "Camille Dubois", Area: AreaReporting,
		Impact: 2, Complexity: ComplexityHigh, EstimateHrs: 70,
		Decision: DecisionLater, Status: StatusDeferred,
	}},
	{45, 11, 20, ChangeRequest{
		Title:       "Custom colour theme per business unit",
		Description: "Each brand would like its own colours in the application header.",
		RaisedBy:    "Léa Petit", Area: AreaOther,
		Impact: 1, Complexity: ComplexityHigh, EstimateHrs: 50,
		Decision: DecisionRejected, Status: StatusRejected,
	}},
	{48, 16, 10, ChangeRequest{
		Title:       "Sync approved budgets to the finance system",
		Description: "Push approved budget lines to finance every night so that purchase orders can be raised without re-keying.",
		RaisedBy:    "Nicolas Laurent", Area: AreaIntegration,
		Impact: 4, Complexity: ComplexityHigh, EstimateHrs: 80,
		Decision: DecisionLater, Status: StatusDeferred,
	}},
	{52, 14, 25, ChangeRequest{
		Title:       "Approval workflow skips legal review for print",
		Description: "Print jobs go straight from brand approval to the printer. Legal must review every printed claim.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaWorkflow,
		Impact: 5, Complexity: ComplexityMedium, EstimateHrs: 12,
		Decision: DecisionNow, Status: StatusInProgress, Assignee: "Julien Roux",
	}},
	{53, 9, 50, ChangeRequest{
		Title:       "Agency users can see other brands' projects",
		Description: "An agency login opened a project of a brand it does not work for. Restrict agency roles to their own brands.",
		RaisedBy:    "Emma Girard", Area: AreaSecurity,
		Impact: 5, Complexity: ComplexityHigh, EstimateHrs: 32,
		Decision: DecisionNow, Status: StatusInProgress, Assignee: "Nicolas Laurent",
	}},
	{53, 15, 5, ChangeRequest{
		Title:       "Show cost centre on the project summary tab",
		Description: "Team leads need the cost centre without opening the budget tab.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaReporting,
		Impact: 3, Complexity: ComplexityLow, EstimateHrs: 4,
		Decision: DecisionNow, Status: StatusReadyForRetest, Assignee: "Julien Roux",
	}},
	{54, 10, 0, ChangeRequest{
		Title:       "Rename the 'Offer' tab to 'Offers and codes'",
		Description: "Testers looked for promotion codes under the wrong tab.",
		RaisedBy:    "Emma Girard", Area: AreaOther,
		Impact: 1, Complexity: ComplexityLow, EstimateHrs: 1,
		Decision: DecisionNow, Status: StatusTriaged, Assignee: "Julien Roux",
	}},
	{55, 11, 30, ChangeRequest{
		Title:       "Open the campaign calendar in week view by default",
		Description: "Most people switch from month to week view every time they open the calendar.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaOther,
		Impact: 2, Complexity: ComplexityLow, EstimateHrs: 2,
		Decision: DecisionLater, Status: StatusDeferred,
	}},
	{55, 16, 45, ChangeRequest{
		Title:       "Allow parallel proof rounds in the print workflow",
		Description: "Brand and legal review proofs one after the other; running both at once would save two days per job.",
		RaisedBy:    "Emma Girard", Area: AreaWorkflow,
		Impact: 3, Complexity: ComplexityMedium, EstimateHrs: 60,
		Decision: DecisionLater, Status: StatusDeferred,
	}},
	{56, 9, 15, ChangeRequest{
		Title:       "Add help text to the 'Channel' drop-down",
		Description: "Testers hesitate between 'Digital' and 'Online display'. One line of help under the field would settle it.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaDataFields,
		Impact: 2, Complexity: ComplexityLow, EstimateHrs: 2,
		Decision: DecisionNow, Status: StatusInProgress, Assignee: "Julien Roux",
	}},
	{57, 14, 0, ChangeRequest{
		Title:       "Reviewers cannot attach PDF proofs over 20 MB",
		Description: "Upload fails without a message for large print proofs.",
		RaisedBy:    "Emma Girard", Area: AreaIntegration,
	}},
	{58, 10, 20, ChangeRequest{
		Title:       "Generate the campaign code automatically",
		Description: "Campaign codes are typed by hand and often clash. Build them from brand, year and a counter.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaDataFields,
	}},
	{58, 15, 35, ChangeRequest{
		Title:       "Overdue-approval reminder goes to the wrong manager",
		Description: "The reminder for an overdue approval went to the requester's manager, not the approver's.",
		RaisedBy:    "Emma Girard", Area: AreaWorkflow,
	}},
	{59, 9, 40, ChangeRequest{
		Title:       "Add a 'Region' filter to the spend report",
		Description: "Country managers want to see only their region's spend.",
		RaisedBy:    "Sarah Lefebvre", Area: AreaReporting,
	}},
}

// sampleDoc is a filled-in starter doc.
type sampleDoc struct {
	body      string
	rev       int
	day, hour int
}

var sampleDocs = map[string]sampleDoc{
	"Discovery document": {rev: 2, day: 3, hour: 11, body: `# Discovery document

## Context
Acme runs about 400 campaigns a year across three brands. Plans live in
spreadsheets, approvals in e-mail threads, and nobody can say on a given
day which jobs wait for whom.

## Organisation
- Brand marketing: three brand teams, one director each
- Creative studio: 9 designers and 2 copywriters, shared by the brands
- Campaign operations: 6 people, run e-mail and paid media
- IT: one application owner for marketing tools

## Current process
- Annual plan agreed in November, split into quarterly plans
- Briefs sent by e-mail to the studio; proofs go back and forth as PDFs
- Print jobs approved by the brand director, sometimes by legal
- Budgets tracked in a shared workbook, reconciled with finance monthly

## What works
- Quarterly planning meeting: everyone attends, decisions are clear

## What hurts
- No single view of work in progress
- Approval delays: a print job waits 4 days on average
- Budget figures differ between marketing and finance

## People in the sessions
| team | name |
|---|---|
| executive sponsor | Claire Martin |
| marketing | Camille Dubois |
| creative | Léa Petit |
| campaign | Thomas Moreau |
| IT | Nicolas Laurent |
`},
	"Requirements sheet": {rev: 4, day: 20, hour: 15, body: `# Requirements sheet

| # | requirement | asked by | team | priority |
|---|---|---|---|---|
| 1 | One calendar of all campaigns across brands | Camille Dubois | marketing | must |
| 2 | Brief form with budget, audience and deadline | Thomas Moreau | campaign | must |
| 3 | Proof review with comments on the PDF | Léa Petit | creative | must |
| 4 | Legal review step for print and claims | Claire Martin | executive sponsor | must |
| 5 | Budget per campaign, committed vs spent | Camille Dubois | marketing | must |
| 6 | Workload view per designer | Léa Petit | creative | should |
| 7 | Single sign-on with company accounts | Nicolas Laurent | IT | must |
| 8 | Agency access limited to their brands | Nicolas Laurent | IT | must |
| 9 | Spend report by brand and quarter | Claire Martin | executive sponsor | should |
| 10 | Nightly export of budgets to finance | Nicolas Laurent | IT | could |

## Parked for later
- Integration with the finance system (see requirement 10)
- Custom branding per business unit
`},
	"Design document": {rev: 5, day: 24, hour: 14, body: `# Design document

## Data fields
- Campaign: name, brand, code, audience, channel, start, end, budget
- Budget line: amount, cost centre, status (planned, committed, spent)
- Brief: objective, key message, mandatory elements, deadline

## Workflow
- Three project templates: digital campaign, print job, event
- Print job: brief → studio → brand review → legal review → print
- Digital campaign: brief → build → brand review → launch
- Tasks late by more than two days alert the project owner

## Security
| role | sees | edits | approves |
|---|---|---|---|
| brand manager | own brand | own projects | brand review |
| studio | all briefs | proofs | – |
| legal | print and claims | comments | legal review |
| agency | own brands only | assigned tasks | – |

## Reports
- Weekly: work in progress per team, late approvals
- Quarterly: spend by brand

## Decisions
- Single sign-on through the company directory (IT)
- Print workflow to be reviewed again when the proofing feature lands
`},
	"Test plan": {rev: 3, day: 58, hour: 17, body: `# Test plan

## Scope
- The three project templates end to end
- Budget entry and the spend report
- Roles: brand manager, studio, legal, agency

## Testers
- Sarah Lefebvre (marketing), Emma Girard (creative), team leads for each brand

## Test cases
| # | scenario | tester | result |
|---|---|---|---|
| 1 | Create a digital campaign from the brief form | Sarah Lefebvre | passed |
| 2 | Print job through brand and legal review | Emma Girard | failed: CR-5 |
| 3 | Agency user opens another brand's project | Emma Girard | failed: CR-6 |
| 4 | Commit and spend a budget line | Sarah Lefebvre | passed |
| 5 | Overdue approval reminder | Emma Girard | failed: CR-14 |

## Logging changes
- One change request per issue, logged the day it is found
- Hugo rates complexity and estimate with Julien, then decides now or later

## Exit criteria
- Every scenario passed
- No change decided "now" left unverified
- Sign-off by Claire Martin
`},
	"Training manual": {rev: 1, day: 56, hour: 10, body: `# Training manual (draft)

## Who this manual is for
Brand managers and campaign owners at Acme.

## Getting started
- Log in with your company account (single sign-on)
- Your home page lists your projects and the tasks waiting for you

## Creating a campaign
1. Choose the template: digital campaign, print job or event
2. Fill in the brief form; budget owner and deadline are required
3. Submit: the studio is told at once

## Reviewing proofs
- Open the proof, comment directly on the PDF
- Approve or send back with your comments

## Budgets
- Enter planned amounts per line; mark them committed when ordered

## Getting help
- Ask your team's trainer first, then Hugo Bernard
- Found something that should change? Tell your trainer: it goes to the change log
`},
}
