package model

// The words other tools and people use for each value, mapped onto
// mopdeck's. Keys are written as people write them and folded once (see
// FoldWord), so "Won't Do", "won t do" and "WONT DO"… all meet the same
// entry. The README's "Importing from Jira, Excel and other tools" shows
// these tables; keep them in step.

// vocab folds the keys of a table written by hand.
func vocab[T any](words map[string]T) map[string]T {
	out := make(map[string]T, len(words))
	for w, v := range words {
		k := FoldWord(w)
		if _, dup := out[k]; dup {
			panic("model: vocabulary word twice: " + w)
		}
		out[k] = v
	}
	return out
}

// statusWords: mopdeck's own names first, then French, then the workflows
// of Jira, Azure DevOps, GitHub, ServiceNow and GLPI, and a few other
// languages' common words. A tool's step maps to where the request stands
// in mopdeck's workflow: work waiting for a decision is new, accepted and
// planned work is triaged, work being done is in progress, work done and
// waiting for a check is ready for retest, checked work is verified.
var statusWords = vocab(map[string]CRStatus{
	// mopdeck and French
	"new": StatusNew, "nouveau": StatusNew, "nouvelle": StatusNew,
	"triaged": StatusTriaged, "trié": StatusTriaged, "triée": StatusTriaged,
	"in progress": StatusInProgress, "en cours": StatusInProgress,
	"ready for retest": StatusReadyForRetest, "à retester": StatusReadyForRetest,
	"prêt pour retest": StatusReadyForRetest, "prêt à retester": StatusReadyForRetest,
	"verified": StatusVerified, "vérifié": StatusVerified, "vérifiée": StatusVerified,
	"rejected": StatusRejected, "rejeté": StatusRejected, "rejetée": StatusRejected,
	"refusé": StatusRejected, "refusée": StatusRejected,
	"deferred": StatusDeferred, "reporté": StatusDeferred, "reportée": StatusDeferred,
	"différé": StatusDeferred, "différée": StatusDeferred,

	// waiting for a decision
	"to do": StatusNew, "todo": StatusNew, "open": StatusNew, "opened": StatusNew, "backlog": StatusNew,
	"reopened": StatusNew, "submitted": StatusNew, "proposed": StatusNew, "assess": StatusNew,
	"à faire": StatusNew, "ouvert": StatusNew, "ouverte": StatusNew, "rouvert": StatusNew, "a fazer": StatusNew,
	"tarefas pendentes": StatusNew, "itens pendentes": StatusNew, "aberto": StatusNew, "novo": StatusNew,
	"offen": StatusNew, "neu": StatusNew, "nuevo": StatusNew, "abierto": StatusNew, "por hacer": StatusNew,
	"en attente de qualification": StatusNew,

	// accepted, planned
	"selected for development": StatusTriaged, "ready for development": StatusTriaged, "ready": StatusTriaged,
	"approved": StatusTriaged, "committed": StatusTriaged, "authorize": StatusTriaged, "scheduled": StatusTriaged,
	"accepted": StatusTriaged, "planned": StatusTriaged, "qualifié": StatusTriaged, "validé pour dev": StatusTriaged,
	"planifié": StatusTriaged, "accepté": StatusTriaged, "approuvé": StatusTriaged, "aprovado": StatusTriaged,

	// being done
	"doing": StatusInProgress, "active": StatusInProgress, "implement": StatusInProgress,
	"in development": StatusInProgress, "development": StatusInProgress, "work in progress": StatusInProgress,
	"wip": StatusInProgress, "blocked": StatusInProgress, "en cours attribué": StatusInProgress,
	"en cours planifié": StatusInProgress, "en développement": StatusInProgress, "em andamento": StatusInProgress,
	"em progresso": StatusInProgress, "in arbeit": StatusInProgress, "en progreso": StatusInProgress,
	"bloqué": StatusInProgress, "working on it": StatusInProgress, "stuck": StatusInProgress, // Monday's

	// done, waiting for a check
	"resolved": StatusReadyForRetest, "review": StatusReadyForRetest, "in review": StatusReadyForRetest,
	"code review": StatusReadyForRetest, "in test": StatusReadyForRetest, "in testing": StatusReadyForRetest,
	"testing": StatusReadyForRetest, "qa": StatusReadyForRetest, "in qa": StatusReadyForRetest,
	"ready for qa": StatusReadyForRetest, "ready for test": StatusReadyForRetest, "ready for testing": StatusReadyForRetest,
	"ready for review": StatusReadyForRetest, "to be tested": StatusReadyForRetest, "fixed": StatusReadyForRetest,
	"résolu": StatusReadyForRetest, "corrigé": StatusReadyForRetest, "à tester": StatusReadyForRetest,
	"à valider": StatusReadyForRetest, "en test": StatusReadyForRetest, "en recette": StatusReadyForRetest,
	"livré": StatusReadyForRetest, "resolvido": StatusReadyForRetest, "em revisão": StatusReadyForRetest,
	"em teste": StatusReadyForRetest, "gelöst": StatusReadyForRetest,

	// checked, finished
	"done": StatusVerified, "closed": StatusVerified, "complete": StatusVerified, "completed": StatusVerified,
	"finished": StatusVerified, "validated": StatusVerified, "clos": StatusVerified, "close": StatusVerified,
	"fermé": StatusVerified, "fermée": StatusVerified, "terminé": StatusVerified, "terminée": StatusVerified,
	"fait": StatusVerified, "validé": StatusVerified, "validée": StatusVerified, "concluído": StatusVerified,
	"itens concluídos": StatusVerified, "fechado": StatusVerified, "erledigt": StatusVerified,
	"geschlossen": StatusVerified, "fertig": StatusVerified, "cerrado": StatusVerified, "hecho": StatusVerified,

	// not to be done
	"won't do": StatusRejected, "won't fix": StatusRejected, "wontfix": StatusRejected, "cancelled": StatusRejected,
	"canceled": StatusRejected, "declined": StatusRejected, "removed": StatusRejected, "duplicate": StatusRejected,
	"not planned": StatusRejected, "annulé": StatusRejected, "annulée": StatusRejected, "abandonné": StatusRejected,
	"cancelado": StatusRejected, "rejeitado": StatusRejected, "abgelehnt": StatusRejected,

	// put aside
	"on hold": StatusDeferred, "postponed": StatusDeferred, "en attente": StatusDeferred, "suspendu": StatusDeferred,
	"later": StatusDeferred, "icebox": StatusDeferred, "pending": StatusDeferred, "em espera": StatusDeferred,
	"zurückgestellt": StatusDeferred,
})

// statusCategoryWords are Jira's three status categories (English and
// Portuguese), read when a status is not in statusWords.
var statusCategoryWords = vocab(map[string]CRStatus{
	"to do": StatusNew, "new": StatusNew, "itens pendentes": StatusNew, "a fazer": StatusNew, "à faire": StatusNew,
	"in progress": StatusInProgress, "em andamento": StatusInProgress, "en cours": StatusInProgress,
	"done": StatusVerified, "itens concluídos": StatusVerified, "concluído": StatusVerified, "terminé": StatusVerified,
})

var decisionWords = vocab(map[string]Decision{
	"undecided": DecisionUndecided, "à décider": DecisionUndecided, "non décidé": DecisionUndecided, "tbd": DecisionUndecided,
	"now": DecisionNow, "maintenant": DecisionNow, "go": DecisionNow, "accepted": DecisionNow, "approved": DecisionNow,
	"accepté": DecisionNow, "approuvé": DecisionNow, "validé": DecisionNow, "before go-live": DecisionNow,
	"avant mise en production": DecisionNow, "agora": DecisionNow, "jetzt": DecisionNow,
	"later": DecisionLater, "plus tard": DecisionLater, "backlog": DecisionLater, "deferred": DecisionLater,
	"postponed": DecisionLater, "after go-live": DecisionLater, "après mise en production": DecisionLater,
	"reporté": DecisionLater, "v2": DecisionLater, "depois": DecisionLater, "später": DecisionLater,
	"reject": DecisionRejected, "rejected": DecisionRejected, "rejeté": DecisionRejected, "rejetée": DecisionRejected,
	"rejet": DecisionRejected, "refusé": DecisionRejected, "refusée": DecisionRejected, "won't do": DecisionRejected,
	"won't fix": DecisionRejected, "no go": DecisionRejected, "declined": DecisionRejected, "rejeitado": DecisionRejected,
	"abgelehnt": DecisionRejected,
})

var complexityWords = vocab(map[string]Complexity{
	"l": ComplexityLow, "low": ComplexityLow, "faible": ComplexityLow, "bas": ComplexityLow, "basse": ComplexityLow,
	"simple": ComplexityLow, "easy": ComplexityLow, "facile": ComplexityLow, "small": ComplexityLow, "s": ComplexityLow,
	"xs": ComplexityLow, "baixa": ComplexityLow, "niedrig": ComplexityLow,
	"m": ComplexityMedium, "med": ComplexityMedium, "medium": ComplexityMedium, "moyen": ComplexityMedium,
	"moyenne": ComplexityMedium, "moderate": ComplexityMedium, "média": ComplexityMedium, "mittel": ComplexityMedium,
	"h": ComplexityHigh, "high": ComplexityHigh, "élevé": ComplexityHigh, "élevée": ComplexityHigh,
	"haut": ComplexityHigh, "haute": ComplexityHigh, "fort": ComplexityHigh, "forte": ComplexityHigh,
	"complex": ComplexityHigh, "complexe": ComplexityHigh, "hard": ComplexityHigh, "difficile": ComplexityHigh,
	"large": ComplexityHigh, "xl": ComplexityHigh, "alta": ComplexityHigh, "hoch": ComplexityHigh,
})

// levelWords rate a priority or an impact on mopdeck's scale, 5 the most:
// Jira's Highest…Lowest and Blocker…Trivial, GLPI's Très haute…Très basse
// (and Majeure above them), P1…P5, and the common words.
var levelWords = vocab(map[string]int{
	"highest": 5, "blocker": 5, "critical": 5, "critique": 5, "urgent": 5, "urgente": 5, "très haute": 5,
	"très haut": 5, "majeure": 5, "bloquant": 5, "bloquante": 5, "p0": 5, "p1": 5, "muito alta": 5,
	"altíssima": 5, "mais alta": 5, "crítica": 5, "kritisch": 5, "sehr hoch": 5,
	"high": 4, "major": 4, "haute": 4, "haut": 4, "élevée": 4, "élevé": 4, "important": 4, "importante": 4,
	"majeur": 4, "p2": 4, "alta": 4, "hoch": 4,
	"medium": 3, "moyenne": 3, "moyen": 3, "normal": 3, "normale": 3, "moderate": 3, "p3": 3, "média": 3,
	"mittel": 3,
	"low":    2, "minor": 2, "basse": 2, "bas": 2, "faible": 2, "mineur": 2, "mineure": 2, "p4": 2, "baixa": 2,
	"niedrig": 2,
	"lowest":  1, "trivial": 1, "très basse": 1, "très bas": 1, "très faible": 1, "planning": 1, "p5": 1,
	"muito baixa": 1, "mais baixa": 1, "sehr niedrig": 1,
})

var areaWords = vocab(map[string]Area{
	"data fields": AreaDataFields, "champs de données": AreaDataFields, "champs": AreaDataFields,
	"données": AreaDataFields, "data": AreaDataFields, "fields": AreaDataFields,
	"workflow": AreaWorkflow, "flux de travail": AreaWorkflow, "flux": AreaWorkflow, "process": AreaWorkflow,
	"processus": AreaWorkflow,
	"security":  AreaSecurity, "sécurité": AreaSecurity, "access": AreaSecurity, "accès": AreaSecurity,
	"permissions": AreaSecurity, "droits": AreaSecurity,
	"reporting": AreaReporting, "rapports": AreaReporting, "reports": AreaReporting, "dashboards": AreaReporting,
	"tableaux de bord": AreaReporting,
	"integration":      AreaIntegration, "intégrations": AreaIntegration, "interfaces": AreaIntegration, "api": AreaIntegration,
	"other": AreaOther, "autre": AreaOther, "autres": AreaOther, "divers": AreaOther,
})
