package common

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"mopdeck/model"
)

// Whatever the pieces a command writes in, a terminal gets exactly what
// sanitising the whole output at once gives: lines cut anywhere, runes
// cut in the middle, escape sequences, a line longer than the buffer.
func TestSanitizingWriterMatchesWholeText(t *testing.T) {
	text := strings.Repeat("CR-1,Wörk “flow” 👩‍💻 \x1b[31mred\x1b[0m\u202etxt.exe\r\n", 500) +
		strings.Repeat("é", maxPending) + "\x07end"
	want := model.Sanitize(text)
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 0))
		var got bytes.Buffer
		s := NewTerminalWriter(&got)
		for rest := []byte(text); len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(3000))
			if k, err := s.Write(rest[:n]); k != n || err != nil {
				t.Fatalf("Write = %d, %v", k, err)
			}
			rest = rest[n:]
			if len(s.pending) > maxPending+3000 {
				t.Fatalf("seed %d: %d bytes held back", seed, len(s.pending))
			}
		}
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Fatalf("seed %d: the streamed text differs from the text sanitised whole", seed)
		}
	}
}
