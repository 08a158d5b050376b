package cli

import (
	"strings"
	"testing"
)

// A tool's export with headers and words mopdeck does not know: refused
// with what to map; --map and --map-value read it; --profile saves them,
// and the next import from the same tool needs only --profile.
func TestImportChangesMapAndProfile(t *testing.T) {
	db := sampleDB(t)
	week1 := importInput(t, "week1.csv", "Thing,Ticket,State\nRotate the API key,SN-1,Selected for Tech Check\nOld job,SN-2,Done\n")
	week2 := importInput(t, "week2.csv", "Thing,Ticket,State\nRotate the API key,SN-1,Selected for Tech Check\nOld job,SN-2,Done\nNew one,SN-3,Selected for Tech Check\n")

	_, errOut, code := runCLI("--db", db, "import", "changes", week1)
	if code != ExitUser || !strings.Contains(errOut, `week1.csv:1: title: no title column (found "Thing", "Ticket", "State")`) || !strings.Contains(errOut, "--map") {
		t.Fatalf("unmapped: exit %d\n%s", code, errOut)
	}
	_, errOut, code = runCLI("--db", db, "import", "changes", week1, "--map", "Thing=title")
	if code != ExitUser || !strings.Contains(errOut, `week1.csv:2: State: "Selected for Tech Check" is not a status`) {
		t.Fatalf("unknown status: exit %d\n%s", code, errOut)
	}
	out, errOut, code := runCLI("--db", db, "import", "changes", week1, "--profile", "servicenow",
		"--map", "Thing=title", "--map-value", "status:Selected for Tech Check=triaged")
	if code != ExitOK || !strings.Contains(out, "imported 2 change requests from week1.csv") || !strings.Contains(out, "2 added, 0 updated, 0 unchanged") ||
		!strings.Contains(out, `saved the mapping as profile "servicenow"`) {
		t.Fatalf("mapped: exit %d\n%s\n%s", code, out, errOut)
	}
	// Next week: only the profile; the rows seen before are unchanged.
	out, errOut, code = runCLI("--db", db, "import", "changes", week2, "--profile", "servicenow", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "1 added, 0 updated, 2 unchanged") || !strings.Contains(out, `"Selected for Tech Check" → triaged`) ||
		!strings.Contains(out, "Thing → title") || !strings.Contains(out, "dry run: nothing was written") {
		t.Fatalf("profile dry run: exit %d\n%s\n%s", code, out, errOut)
	}
	out, _, code = runCLI("--db", db, "import", "changes", week2, "--profile", "servicenow")
	if code != ExitOK || !strings.Contains(out, "1 added, 0 updated, 2 unchanged") || strings.Contains(out, "saved the mapping") {
		t.Fatalf("profile: exit %d\n%s", code, out)
	}
	out, _, code = runCLI("--db", db, "import", "changes", week2, "--profile", "servicenow")
	if code != ExitOK || !strings.Contains(out, "nothing imported from week2.csv into") || !strings.Contains(out, "0 added, 0 updated, 3 unchanged") {
		t.Fatalf("again: exit %d\n%s", code, out)
	}
	for _, bad := range [][]string{{"--map", "Thing"}, {"--map-value", "status:x=gone"}, {"--date-order", "ymd"}, {"--header-row", "-1"}} {
		_, errOut, code := runCLI(append([]string{"--db", db, "import", "changes", week1}, bad...)...)
		if code != ExitUser || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
			t.Errorf("%q: exit %d, %q", bad, code, errOut)
		}
	}
}

func TestImportChangesDateOrderAndDuplicates(t *testing.T) {
	db := sampleDB(t)
	dates := importInput(t, "dates.csv", "Title,Created\nFirst,8/12/2025\nSecond,3/4/2025\n")
	_, errOut, code := runCLI("--db", db, "import", "changes", dates)
	if code != ExitUser || !strings.Contains(errOut, "--date-order dmy or --date-order mdy") {
		t.Fatalf("ambiguous: exit %d\n%s", code, errOut)
	}
	out, _, code := runCLI("--db", db, "import", "changes", dates, "--date-order", "mdy", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "dates: from 2025-03-04 to 2025-08-12") {
		t.Fatalf("mdy: exit %d\n%s", code, out)
	}
	if _, _, code := runCLI("--db", db, "import", "changes", dates, "--date-order", "dmy"); code != ExitOK {
		t.Fatalf("dmy: exit %d", code)
	}
	out, _, code = runCLI("--db", db, "import", "changes", dates, "--date-order", "dmy")
	if code != ExitOK || !strings.Contains(out, "0 added, 0 updated, 0 unchanged, 2 rows skipped as probable duplicates") {
		t.Fatalf("again without a key: exit %d\n%s", code, out)
	}
	out, _, code = runCLI("--db", db, "import", "changes", dates, "--date-order", "dmy", "--allow-duplicates")
	if code != ExitOK || !strings.Contains(out, "2 added") {
		t.Fatalf("--allow-duplicates: exit %d\n%s", code, out)
	}
}

// A RACI matrix given to import changes is named as one.
func TestImportChangesRecognisesARACIMatrix(t *testing.T) {
	db := sampleDB(t)
	raci := importInput(t, "raci.csv", "Activité;Léa Petit;Sam Roy;Agence\nCadrage;A;R;I\nRecette;A/R;C;\n")
	_, errOut, code := runCLI("--db", db, "import", "changes", raci)
	if code != ExitUser || !strings.Contains(errOut, "this looks like a RACI matrix") || !strings.Contains(errOut, "mopdeck import raci raci.csv") {
		t.Fatalf("exit %d\n%s", code, errOut)
	}
}
