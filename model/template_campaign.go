package model

// campaignTemplate is the campaign management process: nine steps from
// objectives to results analysis, with the data sets each step needs.
// Every step has one accountable person and one approval: fewer approval
// layers keep decisions close to the work.
//
// RACI rows read Sponsor, Project lead, Marketing, Creative, Campaign, IT.
func campaignTemplate() Template {
	return Template{
		Key:  "campaign",
		Name: "Campaign management process",
		Summary: "Run a campaign through the nine steps of the marketing-operations process, from objectives to results " +
			"analysis, with the data sets each step needs and one clear owner per step.",
		Span: "2–3 months",
		Phases: []TemplatePhase{
			tplPhase(TemplatePhase{
				Name: "Objectives",
				Goal: "Set what the campaign must achieve and how success is measured.\n\n" +
					"- Every team member knows their part and how it serves the overall goal.",
				Duration: "2–3 days",
				Days:     3,
				Checklist: []string{
					"Objectives written with measurable KPIs",
					"Budget and time frame stated",
					"Each team member's part in the process named",
				},
				Participants: []string{"marketing", "campaign", "executive sponsor"},
			}, "ARCICI",
				tplDeliverable{"Campaign brief", "CRA-C-"},
			),
			tplPhase(TemplatePhase{
				Name:     "Research",
				Goal:     "Gather what is known about the market, customers and past results before choosing a direction.",
				Duration: "1–2 weeks",
				Days:     10,
				Checklist: []string{
					"Sales analysis figures gathered",
					"Results of similar past campaigns reviewed",
					"Market and competitor notes collected",
				},
				Participants: []string{"marketing", "sales", "IT"},
			}, "IRA-C-",
				tplDeliverable{"Sales analysis figures", "-CR--A"},
				tplDeliverable{"Research summary", "IARCC-"},
			),
			tplPhase(TemplatePhase{
				Name:     "Opportunities",
				Goal:     "Weigh the openings the research revealed and pick the ones worth pursuing.",
				Duration: "3–5 days",
				Days:     5,
				Checklist: []string{
					"Opportunities listed with expected value and effort",
					"Chosen opportunities agreed with sales",
				},
				Participants: []string{"marketing", "sales", "executive sponsor"},
			}, "ARCICI",
				tplDeliverable{"Opportunity assessment", "IRA-C-"},
			),
			tplPhase(TemplatePhase{
				Name:     "Targets",
				Goal:     "Choose the most suitable targets, using the lead scoring model and the list of sales-ready leads.",
				Duration: "3–5 days",
				Days:     5,
				Checklist: []string{
					"Lead scoring algorithm reviewed and still fits",
					"Sales-ready lead list extracted",
					"Segments named and sized",
				},
				Participants: []string{"marketing", "campaign", "sales", "IT"},
			}, "IRC-AI",
				tplDeliverable{"Lead scoring review", "-ACIRC"},
				tplDeliverable{"Sales-ready lead list", "-CC-AR"},
			),
			tplPhase(TemplatePhase{
				Name: "Strategy",
				Goal: "Develop the marketing strategy: message, channels, sequence, and how leads pass to sales.\n\n" +
					"- The sales process diagram and the service agreement between marketing and operations frame the hand-offs.",
				Duration: "1 week",
				Days:     7,
				Checklist: []string{
					"Channel plan and sequence agreed",
					"Sales process diagram up to date",
					"Service agreement between marketing and operations agreed",
					"Approval path limited to one approver per deliverable",
				},
				Participants: []string{"marketing", "campaign", "creative", "operations", "executive sponsor"},
			}, "ARCCCI",
				tplDeliverable{"Strategy and channel plan", "CRACC-"},
				tplDeliverable{"Sales process diagram", "-ARICC"},
				tplDeliverable{"Marketing–operations service agreement", "ACRICC"},
			),
			tplPhase(TemplatePhase{
				Name:     "Assets",
				Goal:     "Design and gather the specific assets the campaign needs: copy, visuals, landing pages and forms.",
				Duration: "2–3 weeks",
				Days:     14,
				Checklist: []string{
					"Creative brief shared with the creative team",
					"Assets approved in one round by their single approver",
					"Landing pages and forms tracked and tested",
				},
				Participants: []string{"creative", "campaign", "marketing", "IT"},
			}, "IRCACI",
				tplDeliverable{"Creative assets", "-ICRA-"},
				tplDeliverable{"Landing pages and forms", "--CRRA"},
			),
			tplPhase(TemplatePhase{
				Name:     "Implementation",
				Goal:     "Build the campaign in the marketing platform and test it end to end before launch.",
				Duration: "1 week",
				Days:     7,
				Checklist: []string{
					"Programs, lists and triggers built",
					"Test sends checked on every template variant",
					"Lead routing to sales tested",
				},
				Participants: []string{"campaign", "marketing", "IT"},
			}, "IRCIAC",
				tplDeliverable{"Campaign built and tested", "-ACCRC"},
			),
			tplPhase(TemplatePhase{
				Name:     "Deployment and support",
				Goal:     "Launch, watch the first results and fix issues quickly while the campaign runs.",
				Duration: "2–4 weeks",
				Days:     21,
				Checklist: []string{
					"Launch checked against the channel plan",
					"Issues logged and answered the same day",
					"Sales told when leads start to flow",
				},
				Participants: []string{"campaign", "marketing", "IT", "sales"},
			}, "IRC-RA",
				tplDeliverable{"Launch and support log", "IRI-AR"},
			),
			tplPhase(TemplatePhase{
				Name: "Results analysis",
				Goal: "Collect and analyse the results against the objectives, and feed what was learned into the next campaign.\n\n" +
					"- Question the status quo: what would we do differently?",
				Duration: "1–2 weeks",
				Days:     10,
				Checklist: []string{
					"Results collected for every KPI in the brief",
					"Results compared with the objectives",
					"Lessons learned written down",
					"Process changes proposed for the next campaign",
				},
				Participants: []string{"marketing", "campaign", "sales", "executive sponsor"},
			}, "ARCICI",
				tplDeliverable{"Results analysis", "IRACC-"},
				tplDeliverable{"Lessons learned", "-ARCCC"},
			),
		},
		Docs: []TemplateDoc{
			{Title: "Campaign brief", Phase: "Objectives", Body: campaignBriefDoc},
			{Title: "Lead lifecycle notes", Phase: "Targets", Body: campaignLeadLifecycleDoc},
			{Title: "Results analysis", Phase: "Results analysis", Body: campaignResultsDoc},
		},
		Checklists: []string{"marketo-audit"},
	}
}

const campaignBriefDoc = `# Campaign brief

## Objectives
- What must this campaign achieve?
- KPIs and targets:

## Audience
- Who we want to reach
- Segments and expected size

## Budget and timing
- Budget:
- Launch date:
- End date:

## Roles
| step | responsible | accountable (one person) |
|---|---|---|
| assets | | |
| build | | |
| launch | | |

## Data we need
- Sales analysis figures
- Lead scoring algorithm
- Sales-ready lead list
- Sales process diagram
- Service agreement between marketing and operations
`

const campaignLeadLifecycleDoc = `# Lead lifecycle notes

Describe how a person moves from first contact to signed contract.

## Stages
1. New prospect: first engagement with marketing
2. Engaged: interacts with content over time
3. Marketing qualified: passes the scoring threshold
4. Sales accepted
5. Sales qualified
6. Customer: contract signed

## For each stage
- What moves a lead in and out
- Which fields and scores change
- Who owns the lead
- Which programs or campaigns run

## Scoring
- Behaviour and profile points, threshold, decay

## Hand-off to sales
- Service level: how fast sales follows up

## Open questions
- 
`

const campaignResultsDoc = `# Results analysis

## Against the objectives
| KPI | target | result | comment |
|---|---|---|---|
| | | | |

## What worked
- 

## What did not
- 

## Data quality issues found
- 

## Changes for the next campaign
- Process:
- Targeting:
- Assets:

## Shared with
- 
`
