package changesio

import (
	"fmt"
	"slices"
	"strings"
)

// field is a column mopdeck understands.
type field int

const (
	fieldNone field = iota
	// fieldKey is the source's key for the row: Jira's Issue key, a
	// ticket number, a reference. In mopdeck's own exports it is the ID
	// column (CR-12), and fieldSourceKey holds the source's key.
	fieldKey
	fieldTitle
	fieldDescription
	fieldRaisedBy
	fieldRaisedIn
	fieldCreated
	fieldArea
	fieldImpact
	fieldComplexity
	fieldEstimate
	fieldDecision
	fieldStatus
	fieldAssignee
	fieldSourceKey
	// fieldPriority becomes the impact when the file has no impact column.
	fieldPriority
	// fieldStatusCategory (Jira) stands for a status the vocabulary does
	// not know, or for a missing status column.
	fieldStatusCategory
	// fieldEstimateSeconds is an estimate in seconds (Jira).
	fieldEstimateSeconds
	// fieldLink is the row's web address: its source key where the file
	// has no key column (a GitHub project's export has only the URL).
	fieldLink
	// fieldDerived marks columns mopdeck writes but computes itself
	// (quadrant): read and skipped without a note.
	fieldDerived
	// fieldIgnored is a column the user mapped to nothing (--map 'X=ignore').
	fieldIgnored
	numFields
)

// fieldNames name the fields for --map and in messages.
var fieldNames = [numFields]string{
	fieldKey: "key", fieldTitle: "title", fieldDescription: "description", fieldRaisedBy: "raised by",
	fieldRaisedIn: "raised in", fieldCreated: "created", fieldArea: "area", fieldImpact: "impact",
	fieldComplexity: "complexity", fieldEstimate: "estimate", fieldDecision: "decision", fieldStatus: "status",
	fieldAssignee: "assignee", fieldSourceKey: "source key", fieldPriority: "priority",
	fieldStatusCategory: "status category", fieldEstimateSeconds: "estimate seconds", fieldLink: "link",
	fieldIgnored: "ignore",
}

func (f field) String() string {
	if f > fieldNone && f < numFields && fieldNames[f] != "" {
		return fieldNames[f]
	}
	return "?"
}

// parseField reads a field name as --map and --map-value take it.
func parseField(s string) (field, error) {
	switch fold(s) {
	case "phase":
		return fieldRaisedIn, nil
	case "hours", "estimate hours":
		return fieldEstimate, nil
	case "none", "skip":
		return fieldIgnored, nil
	}
	for f, n := range fieldNames {
		if n != "" && fold(n) == fold(s) {
			return field(f), nil
		}
	}
	var names []string
	for _, n := range fieldNames {
		if n != "" {
			names = append(names, n)
		}
	}
	return fieldNone, fmt.Errorf("unknown field %q: use one of %s", clip(s), strings.Join(names, ", "))
}

// exportHeaders are the column names mopdeck writes, in order, and the
// field each one holds. Exports use English; imports accept both languages.
var exportHeaders = []struct {
	name string
	f    field
}{
	{"ID", fieldKey},
	{"Title", fieldTitle},
	{"Description", fieldDescription},
	{"Raised by", fieldRaisedBy},
	{"Raised in", fieldRaisedIn},
	{"Created", fieldCreated},
	{"Area", fieldArea},
	{"Impact", fieldImpact},
	{"Complexity", fieldComplexity},
	{"Estimate (hours)", fieldEstimate},
	{"Decision", fieldDecision},
	{"Status", fieldStatus},
	{"Assignee", fieldAssignee},
	{"Source key", fieldSourceKey},
	{"Quadrant", fieldDerived},
}

// headerWords are the header names, as people and tools write them, of
// each field: English and French first, then the exports of Jira (also in
// Portuguese), Azure DevOps, GitHub, ServiceNow and GLPI, and scripts'
// camelCase. They are folded (see foldHeader) into headerNames.
var headerWords = map[field][]string{
	fieldKey: {"ID", "Ref", "Reference", "Référence", "CR", "CR ID", "Numéro", "No", "N°", "Issue key", "Key",
		"Issue number", "Number", "Ticket", "Ticket ID", "Work item ID", "Chave", "Chave da item", "Chave do item",
		"Clé", "Clé de ticket", "Nummer", "Schlüssel", "Task ID", "Card ID"},
	fieldSourceKey: {"Source key", "Clé source"},
	fieldTitle: {"Title", "Titre", "Summary", "Résumé", "Resumo", "Subject", "Sujet", "Objet", "Intitulé",
		"Short description", "Titel", "Título", "Issue title", "Zusammenfassung"},
	fieldDescription: {"Description", "Details", "Détail", "Body", "Descrição", "Beschreibung", "Descripción"},
	fieldRaisedBy: {"Raised by", "Demandeur", "Requested by", "Requester", "Reporter", "Auteur", "Author",
		"Demandé par", "Soulevé par", "Demandeur - Demandeur", "Relator", "Solicitante", "Opened by",
		"Created by", "Submitted by", "Melder", "Autor", "Entered by"},
	fieldRaisedIn: {"Raised in", "Phase", "Soulevé en", "Soulevé pendant", "Soulevé dans", "Fase"},
	fieldCreated: {"Created", "Created at", "Created on", "Created date", "Date", "Créé le", "Créée le",
		"Date de création", "Création", "Date raised", "Raised on", "Date d'ouverture", "Opened", "Opened at",
		"Criado", "Criado em", "Data de criação", "Erstellt", "Erstellt am", "Fecha de creación", "Submitted",
		"Entry date"},
	fieldArea:       {"Area", "Domaine", "Category", "Catégorie", "Categoria", "Kategorie", "Área"},
	fieldImpact:     {"Impact", "Impacto", "Auswirkung"},
	fieldPriority:   {"Priority", "Priorité", "Prioridade", "Priorität", "Prioridad", "Prio"},
	fieldComplexity: {"Complexity", "Complexité", "Effort", "Complexidade", "Size", "T-shirt size", "Taille"},
	fieldEstimate: {"Estimate", "Estimation", "Estimate (hours)", "Estimation (heures)", "Estimate h", "Estimation h",
		"Estimated hours", "Hours", "Heures", "Charge", "Charge (heures)", "Charge (h)", "Charge h", "Estimativa (horas)",
		"Original estimate (hours)"},
	fieldEstimateSeconds: {"Original estimate", "Σ Original estimate", "Estimativa original", "Estimation originale",
		"Ursprüngliche Schätzung"},
	fieldDecision:       {"Decision", "Décision", "Decisão", "Entscheidung"},
	fieldStatus:         {"Status", "Statut", "État", "State", "Estado", "Situação"},
	fieldStatusCategory: {"Status category", "Catégorie de statut", "Categoria de status", "Categoria do status", "Statuskategorie"},
	fieldAssignee: {"Assignee", "Assignees", "Person", "People", "Members", "Responsable", "Assigned to", "Assigné à", "Attribué à", "Owner",
		"Attribué à - Technicien", "Responsável", "Atribuído a", "Bearbeiter", "Zugewiesen an", "Asignado a"},
	fieldLink:    {"URL", "Link", "Issue URL", "Web URL", "HTML URL", "Permalink", "Lien"},
	fieldDerived: {"Quadrant", "Age"},
}

// stopgapWords name a field only in a file with no column of the field's
// own words. In Asana's, Trello's and Monday's exports "Name" is the
// task's title and "Notes" its description; beside a Title column "Name"
// is more likely a person's, and "Notes" a tester's remarks.
var stopgapWords = map[field][]string{
	fieldTitle:       {"Name", "Task name", "Card name", "Issue name", "Item name", "Nom", "Nom de la tâche", "Nome"},
	fieldDescription: {"Notes", "Card description", "Task description", "Remarques"},
}

// stopgapNames maps folded stopgap words to their fields.
var stopgapNames = foldWords(stopgapWords)

// headerNames maps folded header names to fields.
var headerNames = foldWords(headerWords)

func foldWords(words map[field][]string) map[string]field {
	m := map[string]field{}
	for f, ws := range words {
		for _, w := range ws {
			k := foldHeader(w)
			if prev, dup := m[k]; dup && prev != f {
				panic("changesio: header word for two fields: " + w)
			}
			m[k] = f
		}
	}
	return m
}

// stopgapOf tells whether a header no vocabulary knows is a stopgap word.
func stopgapOf(name string) (field, bool) {
	f, ok := stopgapNames[foldHeader(name)]
	return f, ok
}

// column is one column of the file as the header names it.
type column struct {
	f     field
	name  string // the header as written, for messages
	index int    // 0-based position, for cell names
}

// header is the result of reading a header row.
type header struct {
	cols    []column
	ignored []string // headers mopdeck does not know
	// unused are known columns left out, each with why: a priority beside
	// an impact column, Jira's status category beside a known status.
	unused []string
	// problems found in the header itself: a missing title, a column twice.
	problems []Problem
	// tool is the export the header looks like, "" when unknown.
	tool string
	has  [numFields]bool
	// aside tells, by column index, why a known column is left aside.
	aside map[int]string
}

// setAside leaves column i out, saying why in the notes and the preview.
func (h *header) setAside(i int, name, why string) {
	h.unused = append(h.unused, fmt.Sprintf("%q (%s)", name, why))
	if h.aside == nil {
		h.aside = map[int]string{}
	}
	h.aside[i] = why
	h.cols[i] = column{}
}

// fieldOf maps one header cell, the user's mapping first.
func fieldOf(name string, m *Mapping) field {
	k := foldHeader(name)
	if m != nil {
		if f, ok := m.columns[k]; ok {
			return f
		}
	}
	if f, ok := headerNames[k]; ok {
		return f
	}
	// Azure DevOps' reference names ("System.AssignedTo",
	// "Microsoft.VSTS.Common.Priority") are its display names in a
	// namespace. Not Scheduling's: its estimates are in hours where
	// Jira's "Original estimate" is in seconds.
	for _, ns := range []string{"System.", "Microsoft.VSTS.Common."} {
		if rest, ok := strings.CutPrefix(name, ns); ok && !strings.Contains(rest, ".") {
			return headerNames[foldHeader(rest)]
		}
	}
	return fieldNone
}

// hasTitle tells whether a row of cells would be a header with a title
// column: how the header row is found below a sheet's title lines.
func hasTitle(cells []string, m *Mapping) bool {
	for _, c := range cells {
		switch fieldOf(c, m) {
		case fieldTitle:
			return true
		case fieldNone:
			if f, ok := stopgapOf(c); ok && f == fieldTitle {
				return true
			}
		}
	}
	return false
}

// mapHeader maps a header row to fields. where is how problems name the
// row.
func mapHeader(cells []string, file string, line int, m *Mapping) header {
	var h header
	h.cols = make([]column, len(cells))
	first := map[field]string{}
	var stopgaps []column // see stopgapWords
	for i, raw := range cells {
		name := strings.TrimSpace(raw)
		f := fieldOf(name, m)
		switch f {
		case fieldNone:
			if sf, ok := stopgapOf(name); ok {
				stopgaps = append(stopgaps, column{f: sf, name: name, index: i})
			} else if name != "" {
				h.ignored = append(h.ignored, name)
			}
			continue
		case fieldIgnored:
			continue
		}
		if f != fieldDerived {
			if prev, dup := first[f]; dup {
				h.problems = append(h.problems, Problem{File: file, Line: line, Column: name,
					Message: fmt.Sprintf("this column means the same as %q: keep one of them, or map one elsewhere (--map '%s=ignore')", prev, name)})
				continue
			}
			first[f] = name
		}
		h.cols[i] = column{f: f, name: name, index: i}
		h.has[f] = true
	}
	for _, sg := range stopgaps {
		if h.has[sg.f] {
			h.setAside(sg.index, sg.name, fmt.Sprintf("%q gives the %s", first[sg.f], fieldNames[sg.f]))
			continue
		}
		h.cols[sg.index] = sg
		h.has[sg.f], first[sg.f] = true, sg.name
	}
	h.tool = toolOf(cells)
	h.settle()
	if !h.has[fieldTitle] {
		found := "no named column"
		if names := nonEmpty(cells); len(names) > 0 {
			found = "found " + strings.Join(names, ", ")
		}
		msg := fmt.Sprintf("no title column (%s): name the column that holds each request's title Title or Titre, or map it (--map 'Summary=title')", found)
		if raci := raciShape(cells); raci != "" {
			msg = fmt.Sprintf("this looks like a RACI matrix (%s), not a list of change requests: import it with mopdeck import raci %s", raci, file)
		}
		h.problems = append(h.problems, Problem{File: file, Line: line, Column: "title", Message: msg})
	}
	return h
}

// settle decides between columns that say the same thing: an impact
// column wins over a priority; a status column over Jira's status
// category, which then only stands in for statuses the vocabulary does
// not know; Jira's estimate is in seconds, any other in hours.
func (h *header) settle() {
	drop := func(f field, why string) {
		for i, c := range h.cols {
			if c.f == f {
				h.setAside(i, c.name, why)
			}
		}
		h.has[f] = false
	}
	if h.has[fieldImpact] && h.has[fieldPriority] {
		drop(fieldPriority, "the impact column rates the requests")
	}
	if h.has[fieldLink] && (h.has[fieldKey] || h.has[fieldSourceKey]) {
		drop(fieldLink, "the key column names the requests")
	}
	if h.has[fieldEstimate] && h.has[fieldEstimateSeconds] {
		drop(fieldEstimateSeconds, "the estimate column gives hours")
	}
	if h.has[fieldEstimateSeconds] && h.tool != "Jira" {
		for i := range h.cols { // outside Jira, an "original estimate" is in hours
			if h.cols[i].f == fieldEstimateSeconds {
				h.cols[i].f = fieldEstimate
			}
		}
		h.has[fieldEstimateSeconds], h.has[fieldEstimate] = false, true
	}
}

// toolOf recognises the export a header comes from, for notes and for
// the units of its columns.
func toolOf(cells []string) string {
	has := func(names ...string) bool {
		for _, c := range cells {
			if slices.Contains(names, foldHeader(c)) {
				return true
			}
		}
		return false
	}
	switch {
	case has("issue key", "chave da item", "chave do item", "status category", "categoria de status", "categoria do status"):
		return "Jira"
	case has("work item type"):
		return "Azure DevOps"
	case has("issue number") && has("body"):
		return "GitHub"
	case has("short description"):
		return "ServiceNow"
	case has("attribue a technicien", "demandeur demandeur"):
		return "GLPI"
	case has("quadrant") && has("source key"):
		return "mopdeck"
	}
	return ""
}

// raciShape tells why a header looks like a RACI matrix, "" when it does
// not: an activity column then people, or columns R, A, C and I.
func raciShape(cells []string) string {
	letters := 0
	for _, c := range cells {
		switch foldHeader(c) {
		case "r", "a", "c", "i", "responsible", "accountable", "consulted", "informed":
			letters++
		}
	}
	if letters >= 4 {
		return "columns R, A, C and I"
	}
	if len(cells) > 1 {
		switch foldHeader(cells[0]) {
		case "activity", "activities", "activite", "activites", "aktivitat", "aktivitaet", "atividade", "actividad",
			"tache", "taches", "task", "tasks", "raci", "deliverable", "livrable":
			return fmt.Sprintf("%q then a column per person", strings.TrimSpace(cells[0]))
		}
	}
	return ""
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, fmt.Sprintf("%q", clip(c)))
		}
		if len(out) == 8 {
			out = append(out, "…")
			break
		}
	}
	return out
}
