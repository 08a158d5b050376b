package model

// dmpTemplate is the groundwork of a marketing DMP project: a sponsor with
// real duties, a day-to-day referent and committees, IT from day one, the
// marketing actions defined before the data, the data sourced for them,
// then the consent and data-quality diagnoses.
//
// RACI rows read Sponsor, Project lead, Marketing, Creative, Campaign, IT.
func dmpTemplate() Template {
	return Template{
		Key:  "dmp",
		Name: "Marketing DMP project",
		Summary: "Prepare and run a marketing data platform project: a committed sponsor, a day-to-day referent, IT from the start, " +
			"marketing actions defined first, the data sourced for them, and a consent and data-quality diagnosis of every touchpoint.",
		Span: "3–6 months",
		Phases: []TemplatePhase{
			tplPhase(TemplatePhase{
				Name: "Sponsorship",
				Goal: "Name a sponsor who really runs the project from above: signs deliverables, approves payments, negotiates milestones and settles conflicts.\n\n" +
					"- A DMP project mixes technical, business and legal experts; the sponsor holds them together.",
				Duration: "1 week",
				Days:     5,
				Checklist: []string{
					"Sponsor chose the project lead",
					"Sponsor set the project objectives",
					"Sponsor presented the project to the stakeholders",
					"Sponsor agreed to resolve the risks the lead cannot",
					"Sponsor approves each move to the next phase and every major change",
					"Sponsor helps secure scarce resources when needed",
					"Progress and performance reporting to the sponsor scheduled",
				},
				Participants: []string{"executive sponsor", "marketing", "IT"},
			}, "ARCICC",
				tplDeliverable{"Project charter", "ARCICC"},
				tplDeliverable{"Stakeholder presentation", "ARCIII"},
			),
			tplPhase(TemplatePhase{
				Name: "Steering",
				Goal: "Name one internal referent who follows the project every day, and set the committees.\n\n" +
					"- The referent circulates information, keeps the schedule and makes sure the right people attend key steps.\n" +
					"- Project committees for regular follow-up, steering committees for indicators and priorities, strategic committees with management for consolidated results.",
				Duration: "1 week",
				Days:     5,
				Checklist: []string{
					"Day-to-day referent named and known to every team",
					"Project committee set up: regular follow-up with the project lead",
					"Steering committee set up: indicators and priorities, with the managers involved",
					"Strategic committee set up: consolidated results, with management",
					"Calendar of committees shared",
				},
				Participants: []string{"marketing", "executive sponsor", "IT", "agency"},
			}, "IARCCC",
				tplDeliverable{"Day-to-day referent named", "ARC-CI"},
				tplDeliverable{"Committee calendar", "IARCCC"},
			),
			tplPhase(TemplatePhase{
				Name: "IT involvement",
				Goal: "Bring IT in from the first day, so that a missing data source shows up now rather than a month into the work.\n\n" +
					"- Example: birthday e-mails are useless if birth dates were never collected.",
				Duration: "1 week",
				Days:     5,
				Checklist: []string{
					"Named IT contact attends the kick-off",
					"IT confirmed which customer data is collected and stored today",
					"Integration constraints listed",
					"Gaps between planned actions and available data flagged",
				},
				Participants: []string{"IT", "marketing", "campaign"},
			}, "IRCICA",
				tplDeliverable{"IT kick-off", "IACICR"},
				tplDeliverable{"Data availability check", "-CR-CA"},
			),
			tplPhase(TemplatePhase{
				Name: "Marketing actions",
				Goal: "Know what you want: define the needs and the concrete marketing actions that serve them before touching data.\n\n" +
					"- A welcome e-mail sent automatically when someone opens an account serves customer relationship.\n" +
					"- Revenue tracked by customer segment serves finer acquisition and retention choices.",
				Duration: "2–3 weeks",
				Days:     14,
				Checklist: []string{
					"Each marketing action states the need it serves",
					"Each action has an indicator of success",
					"Actions ranked by value and effort",
				},
				Participants: []string{"marketing", "campaign", "executive sponsor"},
			}, "CRARCI",
				tplDeliverable{"Marketing use cases", "IRACRC"},
			),
			tplPhase(TemplatePhase{
				Name: "Data sourcing",
				Goal: "For each action, define the criteria it relies on and source the data behind them.\n\n" +
					"- Re-engaging inactive customers needs a definition of inactive, for instance no open in the last five e-mail campaigns, and the open data to apply it.",
				Duration: "2–4 weeks",
				Days:     21,
				Checklist: []string{
					"Every action has its criteria written down",
					"Every criterion mapped to fields",
					"Every field mapped to a source system and an owner",
					"Refresh frequency agreed for each source",
				},
				Participants: []string{"marketing", "campaign", "IT"},
			}, "IRA-CR",
				tplDeliverable{"Data sourcing matrix", "IAC-CR"},
				tplDeliverable{"Segment criteria", "-CR-AC"},
			),
			tplPhase(TemplatePhase{
				Name: "Consent and compliance",
				Goal: "Diagnose every touchpoint with customers and prospects and check it complies with data-protection rules (CNIL, GDPR).\n\n" +
					"- It is the law, and it is respect for customers: nobody should get a newsletter they never agreed to.",
				Duration: "2–3 weeks",
				Days:     14,
				Checklist: []string{
					"Every touchpoint with customers and prospects listed",
					"Consent collected and stored at each touchpoint",
					"Proof of consent retrievable",
					"Opt-out honoured on every channel",
					"Findings checked against CNIL guidance",
					"Remediation plan agreed with owners and dates",
				},
				Participants: []string{"marketing", "campaign", "IT", "legal"},
			}, "IAC-CR",
				tplDeliverable{"Touchpoint inventory", "-CRCAR"},
				tplDeliverable{"Compliance diagnosis", "IRA-CC"},
				tplDeliverable{"Remediation plan", "IRC-CA"},
			),
			tplPhase(TemplatePhase{
				Name: "Data quality",
				Goal: "Measure the quality of the data and clean it before any action relies on it.\n\n" +
					"- A campaign by text message fails if phone numbers break the technical format, or if a phone field holds a free-text note instead of a number.",
				Duration: "3–6 weeks",
				Days:     28,
				Checklist: []string{
					"Error rate measured for every key field",
					"Phone numbers checked against the expected format and country code",
					"Free text found in structured fields cleaned out",
					"Duplicates merged",
					"Clean-up rules documented and automated where possible",
					"Diagnosis rerun before the first campaign",
				},
				Participants: []string{"IT", "marketing", "campaign"},
			}, "ARCIRC",
				tplDeliverable{"Data quality diagnosis", "-CC-RA"},
				tplDeliverable{"Clean-up rules", "-CA-RR"},
				tplDeliverable{"Cleaned data loaded", "IIC-RA"},
			),
		},
		Docs: []TemplateDoc{
			{Title: "Project charter", Phase: "Sponsorship", Body: dmpCharterDoc},
			{Title: "Marketing use cases", Phase: "Marketing actions", Body: dmpUseCasesDoc},
			{Title: "Data sourcing matrix", Phase: "Data sourcing", Body: dmpSourcingDoc},
			{Title: "Compliance diagnosis", Phase: "Consent and compliance", Body: dmpComplianceDoc},
		},
		Checklists: []string{"data-cleanup"},
	}
}

const dmpCharterDoc = `# Project charter

## Sponsor
- Name:
- Signs deliverables, approves payments, negotiates milestones
- Settles conflicts the project lead cannot

## Project lead and referent
- Project lead:
- Day-to-day referent:

## Objectives
- 

## Scope
- In:
- Out:

## Committees
| committee | purpose | who | how often |
|---|---|---|---|
| project | follow-up | lead, referent, vendor | |
| steering | indicators and priorities | lead, managers | |
| strategic | consolidated results | lead, management | |

## Milestones and approvals
- 
`

const dmpUseCasesDoc = `# Marketing use cases

Start from the need, then the action that serves it.

| need | action | indicator | priority |
|---|---|---|---|
| better customer relationship | welcome e-mail when an account is opened | | |
| finer acquisition and retention | revenue by customer segment | | |
| | | | |

## For each use case
- Trigger or schedule
- Audience
- Channel
- Data it needs (see the data sourcing matrix)
- Owner

## Parked ideas
- 
`

const dmpSourcingDoc = `# Data sourcing matrix

| use case | criterion | field | source system | owner | refresh |
|---|---|---|---|---|---|
| re-engage inactive customers | no open in the last 5 campaigns | open history | e-mail platform | | |
| | | | | | |

## Missing data
- Fields we need but do not collect today
- Who can start collecting them, and from when

## Quality concerns
- Fields known to hold wrong or free-text values (see the data quality phase)

## Notes from IT
- Collection we can start now:
- Collection that needs a project of its own:
`

const dmpComplianceDoc = `# Compliance diagnosis

## Touchpoints
| touchpoint | data collected | consent asked | proof kept | opt-out works |
|---|---|---|---|---|
| website forms | | | | |
| e-commerce account | | | | |
| newsletter sign-up | | | | |
| shops | | | | |
| customer service | | | | |

## Findings
- 

## Remediation
| issue | owner | due |
|---|---|---|
| | | |

## References
- CNIL guidance checked on:
`
