package docs

import (
	"sync/atomic"
	"testing"

	"mopdeck/ui/components"
)

// Moving to another doc abandons the render of the one before: its
// context is cancelled, and a command that had not started yet skips the
// work; asking again for the doc on screen keeps its render.
func TestMovingOnAbandonsThePreviousRender(t *testing.T) {
	p := &Pane{want: &atomic.Value{}}
	a, b := renderKey{id: 1, width: 60, style: "notty"}, renderKey{id: 2, width: 60, style: "notty"}
	p.wantKey(a)
	first := p.want.Load().(*wanted)
	p.wantKey(a)
	if first.ctx.Err() != nil || p.want.Load().(*wanted) != first {
		t.Fatal("asking again for the doc on screen cancelled its render")
	}
	cmdA := renderCmd(components.NewMarkdown(), p.want, a, "# A")
	p.wantKey(b)
	if first.ctx.Err() == nil {
		t.Fatal("the render of the doc left is still wanted")
	}
	if msg := cmdA().(renderedMsg); !msg.skipped || msg.r != nil {
		t.Errorf("the abandoned render ran: %+v", msg)
	}
	if msg := renderCmd(components.NewMarkdown(), p.want, b, "# B")().(renderedMsg); msg.skipped || msg.r == nil {
		t.Errorf("the wanted render did not run: %+v", msg)
	}
	p.wantKey(renderKey{})
	if p.want.Load().(*wanted).key != (renderKey{}) {
		t.Error("nothing shown, yet a doc is still wanted")
	}
}
