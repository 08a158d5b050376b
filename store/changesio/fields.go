package changesio

import (
	"fmt"
	"strings"
)

// field is a column mopdeck understands.
type field int

const (
	fieldNone field = iota
	fieldRef
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
	// fieldDerived marks columns mopdeck writes but computes itself
	// (quadrant, priority): read and skipped without a note.
	fieldDerived
)

// exportHeaders are the column names mopdeck writes, in order, and the
// field each one holds. Exports use English; imports accept both languages.
var exportHeaders = []struct {
	name string
	f    field
}{
	{"ID", fieldRef},
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
	{"Quadrant", fieldDerived},
}

// headerNames maps folded header names, English and French, to fields.
var headerNames = map[string]field{
	"id": fieldRef, "ref": fieldRef, "reference": fieldRef, "cr": fieldRef, "numero": fieldRef, "no": fieldRef,

	"title": fieldTitle, "titre": fieldTitle, "summary": fieldTitle, "resume": fieldTitle,
	"subject": fieldTitle, "sujet": fieldTitle, "objet": fieldTitle, "intitule": fieldTitle,

	"description": fieldDescription, "details": fieldDescription, "detail": fieldDescription,

	"raised by": fieldRaisedBy, "demandeur": fieldRaisedBy, "requested by": fieldRaisedBy,
	"requester": fieldRaisedBy, "reporter": fieldRaisedBy, "auteur": fieldRaisedBy, "author": fieldRaisedBy,
	"demande par": fieldRaisedBy, "souleve par": fieldRaisedBy,

	"raised in": fieldRaisedIn, "phase": fieldRaisedIn, "souleve en": fieldRaisedIn,
	"souleve pendant": fieldRaisedIn, "souleve dans": fieldRaisedIn,

	"created": fieldCreated, "created at": fieldCreated, "created on": fieldCreated, "date": fieldCreated,
	"cree le": fieldCreated, "creee le": fieldCreated, "date de creation": fieldCreated, "creation": fieldCreated,

	"area": fieldArea, "domaine": fieldArea, "category": fieldArea, "categorie": fieldArea,

	"impact": fieldImpact,

	"complexity": fieldComplexity, "complexite": fieldComplexity, "effort": fieldComplexity,

	"estimate": fieldEstimate, "estimation": fieldEstimate, "estimate hours": fieldEstimate,
	"estimation heures": fieldEstimate, "estimate h": fieldEstimate, "estimation h": fieldEstimate,
	"estimated hours": fieldEstimate, "hours": fieldEstimate, "heures": fieldEstimate,
	"charge": fieldEstimate, "charge heures": fieldEstimate, "charge h": fieldEstimate,

	"decision": fieldDecision,

	"status": fieldStatus, "statut": fieldStatus, "etat": fieldStatus, "state": fieldStatus,

	"assignee": fieldAssignee, "responsable": fieldAssignee, "assigned to": fieldAssignee,
	"assigne a": fieldAssignee, "attribue a": fieldAssignee, "owner": fieldAssignee,

	"quadrant": fieldDerived, "priority": fieldDerived, "priorite": fieldDerived, "age": fieldDerived,
}

// column is one column of the file as the header names it.
type column struct {
	f    field
	name string // the header as written, for messages
}

// header is the result of reading a header row.
type header struct {
	cols    []column
	ignored []string // headers mopdeck does not know
	// problems found in the header itself: a missing title, a column twice.
	problems []Problem
}

// mapHeader maps a header row to fields. line is where the row sits.
func mapHeader(cells []string, file string, line int) header {
	var h header
	h.cols = make([]column, len(cells))
	first := map[field]string{}
	for i, raw := range cells {
		name := strings.TrimSpace(raw)
		f := headerNames[fold(name)]
		if f == fieldNone {
			if name != "" {
				h.ignored = append(h.ignored, name)
			}
			continue
		}
		if f != fieldDerived {
			if prev, dup := first[f]; dup {
				h.problems = append(h.problems, Problem{File: file, Line: line, Column: name,
					Message: fmt.Sprintf("this column means the same as %q: keep one of them", prev)})
				continue
			}
			first[f] = name
		}
		h.cols[i] = column{f: f, name: name}
	}
	if _, ok := first[fieldTitle]; !ok {
		found := "no named column"
		if names := nonEmpty(cells); len(names) > 0 {
			found = "found " + strings.Join(names, ", ")
		}
		h.problems = append(h.problems, Problem{File: file, Line: line, Column: "title",
			Message: fmt.Sprintf("no title column (%s): name the column that holds each request's title Title or Titre", found)})
	}
	return h
}

func nonEmpty(cells []string) []string {
	var out []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			out = append(out, fmt.Sprintf("%q", c))
		}
		if len(out) == 8 {
			out = append(out, "…")
			break
		}
	}
	return out
}
