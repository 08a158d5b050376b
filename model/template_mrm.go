package model

// mrmTemplate is the MRM implementation (IBM Marketing Operations style):
// six phases closed by a formal sign-off, then post-production.
//
// RACI rows read Sponsor, Project lead, Marketing, Creative, Campaign, IT.
func mrmTemplate() Template {
	return Template{
		Key:  "mrm",
		Name: "MRM implementation",
		Summary: "Roll out a marketing resource management platform (IBM Marketing Operations style): " +
			"six phases from discovery to deployment, each closed by a formal sign-off, then post-production support.",
		Span: "3–6 months",
		Phases: []TemplatePhase{
			tplPhase(TemplatePhase{
				Name: "Discovery",
				Goal: "Learn how the organisation is structured, how marketing works today and what it needs from the platform.\n\n" +
					"- Short, intense sessions with every team that will use the tool.\n" +
					"- Ends with a discovery document and a requirements sheet for the client to review.",
				Duration: "1–2 days",
				Days:     2,
				Checklist: []string{
					"Marketing, creative, campaign, IT and executive sponsors attended the sessions",
					"Organisation hierarchy captured",
					"Current marketing process mapped, with its strengths and weak spots",
					"Discovery document delivered for review",
					"Requirements sheet delivered for review",
					"Review comments answered",
				},
				Participants: []string{"marketing", "creative", "campaign", "IT", "executive sponsor"},
			}, "ARCIII",
				tplDeliverable{"Discovery document", "IRACCC"},
				tplDeliverable{"Requirements sheet", "IARCCC"},
			),
			tplPhase(TemplatePhase{
				Name: "Design",
				Goal: "Decide with the day-to-day users how the application will look and behave.\n\n" +
					"- Data fields to capture, workflow calendars, security per user and team.\n" +
					"- The design is the first configuration plan; expect it to move during build.",
				Duration: "several weeks",
				Days:     21,
				Checklist: []string{
					"Data fields to be captured agreed",
					"Workflow calendars agreed: how they are designed, set up and used",
					"Security agreed for every user and team",
					"Design document approved",
					"Design workbooks approved",
				},
				Participants: []string{"marketing", "creative", "campaign"},
			}, "ARCCCI",
				tplDeliverable{"Design document", "IRACCC"},
				tplDeliverable{"Design workbooks", "-RCCAC"},
			),
			tplPhase(TemplatePhase{
				Name: "Build",
				Goal: "Configure the application in a development environment from the design document and workbooks.\n\n" +
					"- The development site must behave exactly as production will: it serves later for training, testing changes and enhancements.\n" +
					"- Hold a design review whenever a new feature lands, so both teams stay aligned.",
				Duration: "several weeks",
				Days:     28,
				Checklist: []string{
					"Development environment configured from the design",
					"Development environment behaves like production",
					"Design review held for each new feature",
					"Environment ready for training, change testing and enhancements",
				},
				Participants: []string{"IT", "marketing", "campaign", "agency"},
			}, "IACCCR",
				tplDeliverable{"Configured development environment", "IRI-IA"},
				tplDeliverable{"Design review sessions", "-RACC-"},
			),
			tplPhase(TemplatePhase{
				Name: "Test",
				Goal: "Let end users, usually team leads, try the tool hands-on and say what must change.\n\n" +
					"- Every requested change goes into the change request log.\n" +
					"- Each change is rated low, medium or high with an estimate, then decided: now or later.\n" +
					"- The gate stays shut until every change decided \"now\" is verified.",
				Duration: "2–3 weeks",
				Days:     21,
				Checklist: []string{
					"Generic test cases adapted to our own marketing processes",
					"Every tester logs requested changes in the change request log",
					"Every change rated low, medium or high with an estimate in hours",
					"Every change decided: now (before go-live) or later",
					"Changes decided ‘now’ made and retested",
					"All test scenarios completed",
					"Formal approval to move on given",
				},
				Participants:        []string{"marketing", "creative", "campaign", "IT"},
				BlocksOnOpenChanges: true,
			}, "ARCCCC",
				tplDeliverable{"Test cases", "-CRRAI"},
				tplDeliverable{"Change request log", "IARRRC"},
			),
			tplPhase(TemplatePhase{
				Name: "Train",
				Goal: "Train the users on the development site with manuals written for our processes.\n\n" +
					"- Either role-based groups of 15 to 20 users, or a small group of trainers who then train the rest.\n" +
					"- New users will ask for changes: triage them as must-have for go-live or nice-to-have.",
				Duration: "2–3 weeks",
				Days:     21,
				Checklist: []string{
					"Training manuals tailored to our processes, with screenshots of our configuration",
					"Training format chosen: role-based groups or train-the-trainer",
					"Hands-on sessions held on the development site",
					"Change requests from trainees triaged",
				},
				Participants: []string{"marketing", "creative", "campaign"},
			}, "IRACCI",
				tplDeliverable{"Training manuals", "-RACC-"},
				tplDeliverable{"Training sessions delivered", "IRRRAI"},
			),
			tplPhase(TemplatePhase{
				Name: "Deploy",
				Goal: "Move the configuration to production once everyone agrees it is ready.\n\n" +
					"- IT may need to move sensitive files or restart the system.\n" +
					"- Export the work files from development, import them into production, test, then set up security for every user.",
				Duration: "1–2 days",
				Days:     2,
				Checklist: []string{
					"Everyone agrees the application is ready for production",
					"IT available to move sensitive files and restart the system",
					"Work files exported from development and imported into production",
					"Every feature checked in production",
					"Security set up for every user",
				},
				Participants: []string{"IT", "marketing", "agency"},
			}, "ARIIIR",
				tplDeliverable{"Production deployment", "IRI-IA"},
				tplDeliverable{"User security in production", "-RI--A"},
			),
			tplPhase(TemplatePhase{
				Name: postProductionPhase,
				Goal: "Support the many new users across departments as they start working in the system.\n\n" +
					"- Keep the implementation team on call for questions the project team cannot answer.\n" +
					"- Work through the backlog of changes decided \"later\".",
				Duration: "ongoing",
				Days:     30,
				Checklist: []string{
					"Implementation team on call for escalated questions",
					"Questions and incidents logged",
					"Changes decided \"later\" moved to the post-deployment backlog",
					"Backlog reviewed and scheduled with the sponsor",
				},
				Participants: []string{"marketing", "creative", "campaign", "IT"},
			}, "ARIIII",
				tplDeliverable{"Support for new users", "-ACCCR"},
				tplDeliverable{"Post-deployment backlog", "IACCRC"},
			),
		},
		Docs: []TemplateDoc{
			{Title: "Discovery document", Phase: "Discovery", Body: mrmDiscoveryDoc},
			{Title: "Requirements sheet", Phase: "Discovery", Body: mrmRequirementsDoc},
			{Title: "Design document", Phase: "Design", Body: mrmDesignDoc},
			{Title: "Test plan", Phase: "Test", Body: mrmTestPlanDoc},
			{Title: "Training manual", Phase: "Train", Body: mrmTrainingDoc},
		},
	}
}

const mrmDiscoveryDoc = `# Discovery document

## Context
- Why are we putting in an MRM platform now?
- Which pain points should it remove first?

## Organisation
- Business units, teams and reporting lines
- Who approves what today

## Current marketing process
- From the annual marketing plan down to day-to-day operations
- Where work is tracked today (spreadsheets, e-mail, other tools)
- What works well and should be kept
- What is slow, duplicated or invisible

## People in the sessions
| team | name | role in the project |
|---|---|---|
| marketing | | |
| creative | | |
| campaign | | |
| IT | | |
| executive sponsor | | |

## Open questions
- 
`

const mrmRequirementsDoc = `# Requirements sheet

One line per requirement. Keep the wording of the person who asked.

| # | requirement | asked by | team | must / should / could | notes |
|---|---|---|---|---|---|
| 1 | | | | | |
| 2 | | | | | |
| 3 | | | | | |

## Themes to cover
- Plans, programs and projects
- Budgets and spend tracking
- Approvals and reviews
- Assets and proofs
- Calendars and workload
- Reports and dashboards
- Integrations with other tools

## Out of scope
- 
`

const mrmDesignDoc = `# Design document

This is the first configuration plan. It will change during build; record
each change and the reason.

## Data fields
- Which fields each form captures, with type and whether required
- Lists of values and who maintains them

## Workflow
- Calendars and task templates per project type
- How a workflow is designed, set up and used day to day
- Approval steps and who approves

## Security
- Roles per user and per team
- What each role may see, create, edit and approve

## Reports
- Dashboards each team opens every week

## Design workbooks
- List each workbook, its owner and approval date

## Decisions and open points
- 
`

const mrmTestPlanDoc = `# Test plan

## Scope
- Processes covered and the test cases adapted for each
- Who tests: team leads first

## Test cases
| # | scenario | tester | result | change request |
|---|---|---|---|---|
| 1 | | | | |
| 2 | | | | |

## Logging changes
- Every requested change goes into the change request log, one per line
- Each change gets a complexity (low, medium, high) and an estimate in hours
- The lead decides: now (before go-live) or later (backlog)

## Retest
- Changes decided "now" are retested by the person who raised them

## Exit criteria
- All scenarios completed
- No change decided "now" left unverified
- Formal sign-off recorded
`

const mrmTrainingDoc = `# Training manual

## Who this manual is for
- Role:
- What you will do in the application

## Getting started
- Logging in
- Finding your projects and tasks

## Everyday tasks
- Creating a project from a template
- Filling in the forms
- Submitting for approval
- Reviewing and approving

## Calendars and workload
- Reading the calendar
- Updating task status

## Getting help
- Who to ask first
- How to request a change

Add screenshots of our own configuration to every section.
`
