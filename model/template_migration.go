package model

// migrationTemplate is the move from one martech platform (typically an
// e-mail service provider) to another: inventory first, an ordered move,
// user acceptance testing with the old platform as fallback, and a first
// send only once the new platform is at parity.
//
// RACI rows read Sponsor, Project lead, Marketing, Creative, Campaign, IT.
func migrationTemplate() Template {
	return Template{
		Key:  "migration",
		Name: "Martech platform migration",
		Summary: "Move from one martech platform to another without breaking the business: inventory everything, " +
			"move in the right order, test with the old platform as fallback, and send only once at parity.",
		Span: "3–18 months",
		Phases: []TemplatePhase{
			tplPhase(TemplatePhase{
				Name: "Discovery and inventory",
				Goal: "Inventory every martech system before touching the new one. This is the step most often skipped and the one success depends on.\n\n" +
					"- Where the data lives, how it gets there, processes, APIs, fields, access and governance.\n" +
					"- Talk to everyone who touches the messaging process, from data and creative teams to the people who press send and the CMO.\n" +
					"- Write it all in a migration playbook: what matters, what moves and what stays behind.",
				Duration: "4–8 weeks",
				Days:     42,
				Checklist: []string{
					"Every martech system listed with its owner",
					"Where each data set lives and how it arrives there documented",
					"Processes documented end to end, across teams rather than silo by silo",
					"APIs and integrations listed",
					"Data fields listed with their use",
					"Access rights and governance rules reviewed",
					"Interviews held with data, creative, sending teams and the CMO",
					"Playbook says what moves to the new platform and what does not",
				},
				Participants: []string{"marketing", "creative", "campaign", "IT", "executive sponsor", "agency"},
			}, "ARCIIC",
				tplDeliverable{"System inventory", "-ACCCR"},
				tplDeliverable{"Data and field map", "-RCCCA"},
				tplDeliverable{"Process and API inventory", "-RCCAR"},
				tplDeliverable{"Access and governance review", "CRA-CC"},
				tplDeliverable{"Migration playbook", "ARCCCC"},
			),
			tplPhase(TemplatePhase{
				Name: "Move to the new platform",
				Goal: "Move systems, processes and creative content in the order the playbook sets. Precision matters more than speed.\n\n" +
					"- Integrations and scheduling first; campaigns and the IP warm-up plan come much later.\n" +
					"- Each business unit has its own goals: agree with them on the extra work the move brings.\n" +
					"- Do not expect the new vendor to do the work inside the old platform.",
				Duration: "2–9 months",
				Days:     90,
				Checklist: []string{
					"Business cases and move order taken from the playbook",
					"Work agreed with each business unit affected",
					"Integrations connected before any campaign is scheduled",
					"Data moved and reconciled with the old platform",
					"Triggers, templates and lists rebuilt, not copied blindly",
					"Old platform contract extended to cover the fallback period",
				},
				Participants: []string{"marketing", "campaign", "IT", "agency"},
			}, "ARCCCC",
				tplDeliverable{"Move order and business cases", "IARCCC"},
				tplDeliverable{"Integrations connected", "-AC-CR"},
				tplDeliverable{"Data migrated", "-RC-CA"},
				tplDeliverable{"Triggers, templates and lists rebuilt", "-CCRAI"},
				tplDeliverable{"Cut-over plan", "CAIIIR"},
			),
			tplPhase(TemplatePhase{
				Name: "User acceptance testing",
				Goal: "Prove that everything works on the new platform while the old one stays available as a fallback.\n\n" +
					"- A written plan shows what is tested and who approved it.\n" +
					"- Test every trigger, every variant of every template, every inbound API.",
				Duration: "3–6 weeks",
				Days:     35,
				Checklist: []string{
					"UAT plan lists what is tested and who approves it",
					"Every trigger tested",
					"Every template variant tested",
					"Every inbound API tested",
					"Old platform still running as fallback",
					"No change decided ‘now’ left unverified",
				},
				Participants:        []string{"marketing", "creative", "campaign", "IT"},
				BlocksOnOpenChanges: true,
			}, "ARCCCC",
				tplDeliverable{"UAT test plan", "-ACCRC"},
				tplDeliverable{"Trigger tests", "-CRIAR"},
				tplDeliverable{"Template tests", "-IRARI"},
				tplDeliverable{"Inbound API tests", "-C--RA"},
				tplDeliverable{"Old platform kept as fallback", "IR--CA"},
			),
			tplPhase(TemplatePhase{
				Name: "First send at parity",
				Goal: "Send the first real campaign when it is safe and makes sense, not because a calendar says so.\n\n" +
					"- Wait for parity: doing what the old platform did, faster, better or cheaper.\n" +
					"- Do not try every new feature at once; roll them out step by step with the vendor's help.\n" +
					"- Pressing send is the last step of the migration, not the first.",
				Duration: "2–4 weeks",
				Days:     21,
				Checklist: []string{
					"Parity with the old platform confirmed, feature by feature",
					"First campaign sent and monitored",
					"New features planned for a gradual roll-out",
					"Shut-down date of the old platform agreed",
				},
				Participants: []string{"marketing", "campaign", "IT", "executive sponsor"},
			}, "ARCICI",
				tplDeliverable{"Parity check", "-RACRC"},
				tplDeliverable{"First campaign sent", "ICRRAI"},
				tplDeliverable{"Old platform shut-down plan", "IR---A"},
			),
		},
		Docs: []TemplateDoc{
			{Title: "Migration playbook", Phase: "Discovery and inventory", Body: migrationPlaybookDoc},
			{Title: "UAT test plan", Phase: "User acceptance testing", Body: migrationUATDoc},
		},
		Checklists: []string{"data-cleanup"},
	}
}

const migrationPlaybookDoc = `# Migration playbook

## Systems
| system | owner | keep / move / retire | notes |
|---|---|---|---|
| | | | |

## Data
- Where each data set lives
- How it gets there: feeds, uploads, APIs, manual work
- Fields in use, fields nobody uses

## Processes
- Each process end to end, across teams
- Workarounds and manual steps we want to stop

## Integrations and APIs
- Inbound and outbound, with owner and frequency

## Access and governance
- Who can do what today; who should

## Move order
1. 
2. 
3. 

## Risks
- 
`

const migrationUATDoc = `# UAT test plan

## Fallback
- Old platform contract runs until:
- How to switch a send back to the old platform

## Triggers
| trigger | tester | passed | approved by |
|---|---|---|---|
| | | | |

## Templates
- Every variant: languages, brands, devices

## Inbound APIs
- Each API with a test payload and the expected result

## Sign-off
- What was tested, by whom, approved by whom
- Open issues and their decision (now / later)
`
