package raciio

import (
	"strings"
	"unicode"

	"mopdeck/model"
)

// Header words, folded (see fold): English, French, German, Portuguese
// and Spanish, as matrices found in the wild head their columns.

// activityWords head the column naming the rows. A header with any of
// these words is that column ("Activity / Deliverable", "Tâche").
var activityWords = words(
	"activity", "activities", "activite", "activites", "aktivitat", "aktivitaet", "aktivitaten", "aktivitaeten",
	"atividade", "atividades", "actividad", "actividades", "task", "tasks", "tache", "taches", "tarea", "tareas",
	"tarefa", "tarefas", "aufgabe", "aufgaben", "deliverable", "deliverables", "livrable", "livrables",
	"entregable", "entregables", "entregavel", "entregaveis", "process", "processus", "proceso", "processo",
	"prozess", "area", "areas", "domaine", "bereich", "workstream", "item", "items",
)

// phaseWords head a column naming each row's phase (whole header only).
var phaseWords = words("phase", "phases", "fase", "fases", "etapa", "etapas", "stage", "projektphase", "etape")

// ignoredWords head columns that name no person in a matrix with people
// across: numbers and remarks (whole header only).
var ignoredWords = words(
	"id", "no", "nr", "n", "num", "ref", "reference", "notes", "note", "comments", "comment", "remarks",
	"commentaire", "commentaires", "remarque", "remarques", "bemerkung", "bemerkungen", "kommentar",
	"kommentare", "observaciones", "observacoes", "notas", "comentarios", "description", "descripcion",
	"descricao", "beschreibung",
)

// letterWords head the columns of a matrix with letters across, the
// letter alone or spelled out ("R", "Responsible", "R (Responsable)").
var letterWords = map[model.Role]map[string]bool{
	model.Responsible: words("r", "responsible", "responsable", "responsables", "responsavel", "responsaveis",
		"verantwortlich", "durchfuhrung", "durchfuehrung", "realisateur"),
	model.Accountable: words("a", "accountable", "approbateur", "approbation", "aprobador", "aprovador",
		"rechenschaftspflichtig", "autorite", "autoridad", "autoridade"),
	model.Consulted: words("c", "consulted", "consulte", "consultes", "consultado", "consultados",
		"konsultiert", "befragt"),
	model.Informed: words("i", "informed", "informe", "informes", "informado", "informados", "informiert"),
}

func words(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[fold(w)] = true
	}
	return m
}

// fold reduces a header to plain lower-case words: accents dropped as
// names are matched (model.FoldName), every other mark a space.
// "Activity/Deliverable" folds to "activity deliverable", "N°" to "n",
// "R (Responsable)" to "r responsable".
func fold(s string) string {
	f := strings.FieldsFunc(model.FoldName(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	return strings.Join(f, " ")
}

// headerLetter tells which letter a header of a letters-across matrix
// stands for: every word of it must speak of the same letter.
func headerLetter(h string) (model.Role, bool) {
	ws := strings.Fields(fold(h))
	if len(ws) == 0 {
		return model.RoleNone, false
	}
	for _, l := range model.Roles {
		all := true
		for _, w := range ws {
			all = all && letterWords[l][w]
		}
		if all {
			return l, true
		}
	}
	return model.RoleNone, false
}

// isActivityHeader tells whether a header names the activity column.
func isActivityHeader(h string) bool {
	for _, w := range strings.Fields(fold(h)) {
		if activityWords[w] {
			return true
		}
	}
	return false
}
