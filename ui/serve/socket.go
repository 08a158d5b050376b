package serve

import (
	"encoding/json"
	"net"
	"path/filepath"
)

// The owner's socket speaks one request per connection: the client sends
// a JSON request together with its standard streams (SCM_RIGHTS), so the
// command writes straight to the client's terminal, pipe or file, as if
// the client had run it; the owner answers with the exit code. A client
// asking for the app also sends its window size whenever it changes.

// SocketPath is where the process that holds a database listens: beside
// the database, reachable by whoever can reach the file. The path is
// made absolute and links are followed, so that every way of naming the
// file finds the same socket.
func SocketPath(db string) string {
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	return db + ".sock"
}

// maxSocketPath is the longest path a unix socket address holds on Linux
// (sun_path is 108 bytes with its terminating zero).
const maxSocketPath = 107

// request is what a client asks of the owner.
type request struct {
	// App asks for the app on the client's terminal; else Args is a
	// command line.
	App  bool     `json:"app,omitempty"`
	Args []string `json:"args"`
	// Term describes the client's terminal for the app.
	Term *termInfo `json:"term,omitempty"`
}

// termInfo is what the owner needs to draw the app on a client's
// terminal without asking it anything.
type termInfo struct {
	Env    []string `json:"env"`
	Dark   bool     `json:"dark"`
	Width  int      `json:"width"`
	Height int      `json:"height"`
	Mouse  bool     `json:"mouse"`
	User   string   `json:"user"`
	// Theme and Project are the client's --theme and --project.
	Theme   string `json:"theme,omitempty"`
	Project string `json:"project,omitempty"`
}

// writeJSON sends one value on the connection.
func writeJSON(c *net.UnixConn, v any) error {
	return json.NewEncoder(c).Encode(v)
}

// resize is a window size the client sends while its app runs.
type resize struct {
	Width  int `json:"width"`
	Height int `json:"height"`
}

// reply ends a request.
type reply struct {
	Code int    `json:"code"`
	Err  string `json:"err,omitempty"`
	// NoApp: the owner does not open the app for others.
	NoApp bool `json:"no_app,omitempty"`
}
