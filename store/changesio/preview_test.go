package changesio

import "testing"

// A header a file repeats is named once with its count, in the file's
// order; names are quoted and made safe to print.
func TestQuoteHeaders(t *testing.T) {
	got := QuoteHeaders([]string{"Watchers", "Issue id", "Watchers", "Sprint", "Watchers", "Sprint", "Bad\x1b[2J"})
	want := `"Watchers" ×3, "Issue id", "Sprint" ×2, "Bad␛[2J"`
	if got != want {
		t.Fatalf("QuoteHeaders = %s, want %s", got, want)
	}
}
