package model

import "fmt"

// ChecklistTemplate is a reusable checklist that can be attached to any
// project (see Template.Checklists). Items carry a Section and a Text.
type ChecklistTemplate struct {
	Key   string
	Name  string
	Items []CheckItem
}

// ChecklistTemplates returns the built-in checklists: "marketo-audit",
// "data-cleanup" and "year-in-review". Each call builds fresh values.
func ChecklistTemplates() []ChecklistTemplate {
	return []ChecklistTemplate{
		{
			Key:  "marketo-audit",
			Name: "Marketo instance mini-audit",
			Items: tplItems(
				"Admin",
				"Accounts of people who left in recent months removed or reassigned",
				"Communication limits set as intended",
				"CRM sync errors reviewed and the recurring ones fixed",
			).and(
				"Channels",
				"Every channel tied to the right program type",
				"Duplicate or near-identical channels merged",
				"Channels no longer in use retired",
			).and(
				"Users",
				"Users with no login in the last 90 days deactivated or confirmed",
				"Users holding more than one role reviewed",
				"Users who could work with a lighter role downgraded",
			).and(
				"Naming and organisation",
				"Folder structure tidy and easy to navigate",
				"Old programs archived",
			).and(
				"Scoring programs",
				"Scoring programs use tokens",
				"Scoring programs follow a naming convention that makes sense",
				"Scoring fields are meaningful and documented",
			).and(
				"Operational programs",
				"Privacy and compliance programs in place",
				"Subscription or preference centre in place",
				"Bounce-handling campaigns running",
			).items(),
		},
		{
			Key:  "data-cleanup",
			Name: "Data clean-up",
			Items: tplItems(
				"Prepare",
				"Database backed up before any change",
				"Clean record defined: required fields and their formats",
				"Starting point measured: duplicates, empty key fields, invalid values",
			).and(
				"Clean",
				"Duplicate records merged",
				"Formats normalised: phone numbers with country code, countries, job titles",
				"Junk removed from structured fields: notes in phone fields, test records",
				"Missing key fields filled or flagged",
				"Hard bounces and long-inactive records suppressed",
				"CRM sync errors fixed",
			).and(
				"Keep it clean",
				"Recurring deduplication and normalisation automated",
				"List uploads validated before import",
				"Rules documented and the next clean-up scheduled",
			).items(),
		},
		{
			Key:  "year-in-review",
			Name: "Year in review",
			Items: tplItems(
				"Results",
				"Number of campaigns run this year",
				"Median open rate and click rate",
				"Biggest wins of the year",
			).and(
				"Lessons",
				"What we learned and will carry into next year",
				"What slowed the team down at peak load",
			).and(
				"Stack and partners",
				"Tools we could retire",
				"Tools that would make the team faster, such as integration platforms",
				"Agency partners booked ahead of the busy season",
			).and(
				"Next year",
				"Goals for next year drawn from this review",
				"Time reserved for new frameworks, processes and automation",
				"Summary shared with the rest of the company",
			).items(),
		},
	}
}

// checklistTemplateByKey finds a built-in checklist by key.
func checklistTemplateByKey(key string) (ChecklistTemplate, bool) {
	for _, c := range ChecklistTemplates() {
		if c.Key == key {
			return c, true
		}
	}
	return ChecklistTemplate{}, false
}

// tplItemList builds checklist items section by section.
type tplItemList []CheckItem

// tplItems starts a list with one section's items.
func tplItems(section string, texts ...string) tplItemList {
	return tplItemList(nil).and(section, texts...)
}

// and appends one section's items.
func (l tplItemList) and(section string, texts ...string) tplItemList {
	for _, t := range texts {
		l = append(l, CheckItem{Section: section, Text: t})
	}
	return l
}

func (l tplItemList) items() []CheckItem { return []CheckItem(l) }

// CheckAttach refuses a built-in checklist the project already has (by
// name, as people see it: two copies of one audit would split its ticks).
func CheckAttach(have []Checklist, tpl ChecklistTemplate) error {
	for _, c := range have {
		if FoldName(c.Name) == FoldName(tpl.Name) {
			return fmt.Errorf("checklist %q is attached already: open it from the list, or delete it first to start afresh", SanitizeLine(tpl.Name))
		}
	}
	return nil
}
