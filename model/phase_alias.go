package model

// phaseAliases are the other names people give each phase of the built-in
// templates: a tester's sheet says "Recette" or "UAT" for Test, a Jira
// sprint board "Go-live" for Deploy. Keys are the templates' phase names.
var phaseAliases = map[string][]string{
	// mrm
	"Discovery":       {"cadrage", "découverte", "discovery phase", "analysis", "analyse"},
	"Design":          {"conception", "spécifications", "specification", "specifications"},
	"Build":           {"construction", "développement", "development", "dev", "réalisation", "realisation", "build phase"},
	"Test":            {"recette", "uat", "user acceptance testing", "tests", "testing", "qa", "homologation", "teste", "testes", "sit"},
	"Train":           {"formation", "formations", "training", "treinamento", "schulung"},
	"Deploy":          {"go-live", "go live", "golive", "mise en production", "mep", "deployment", "déploiement", "launch", "lancement", "cutover", "bascule"},
	"Post-production": {"hypercare", "post go-live", "post-go-live", "after go-live", "run", "maintenance", "post-prod", "post prod"},
	// migration
	"Discovery and inventory":  {"discovery", "inventory", "inventaire", "cadrage"},
	"Move to the new platform": {"migration", "build", "move", "construction"},
	"User acceptance testing":  {"uat", "recette", "test", "tests", "testing", "qa"},
	"First send at parity":     {"go-live", "go live", "first send", "cutover", "bascule", "mise en production"},
	// campaign
	"Implementation":         {"build", "mise en œuvre", "mise en oeuvre", "réalisation"},
	"Deployment and support": {"go-live", "go live", "deploy", "deployment", "déploiement", "mise en production", "launch"},
	"Results analysis":       {"results", "bilan", "analyse des résultats", "retrospective"},
}

// foldedAliases is phaseAliases keyed and valued by folded names.
var foldedAliases = func() map[string][]string {
	m := make(map[string][]string, len(phaseAliases))
	for name, as := range phaseAliases {
		f := make([]string, len(as))
		for i, a := range as {
			f[i] = FoldWord(a)
		}
		m[FoldWord(name)] = f
	}
	return m
}()

// PhaseLookup returns a function that finds a project's phase by a name
// as people write it: the phase's own name first (case, accents and
// punctuation aside), then an alias of a template phase ("Recette" for
// Test). An alias that two of the project's phases share finds neither.
func PhaseLookup(phases []Phase) func(name string) (uint64, bool) {
	exact := make(map[string]uint64, len(phases))
	for _, p := range phases {
		exact[FoldWord(p.Name)] = p.ID
	}
	alias := map[string]uint64{}
	shared := map[string]bool{}
	for _, p := range phases {
		for _, a := range foldedAliases[FoldWord(p.Name)] {
			if _, taken := exact[a]; taken {
				continue
			}
			if id, dup := alias[a]; dup && id != p.ID {
				shared[a] = true
			}
			alias[a] = p.ID
		}
	}
	return func(name string) (uint64, bool) {
		f := FoldWord(name)
		if id, ok := exact[f]; ok {
			return id, true
		}
		if shared[f] {
			return 0, false
		}
		id, ok := alias[f]
		return id, ok
	}
}
