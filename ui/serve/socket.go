package serve

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"os"
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
// file finds the same socket. Where that path is too long for a socket
// address (a database deep in a synced folder), the socket is in the
// user's private runtime folder instead, named by a digest of the
// database's path.
func SocketPath(db string) string {
	if abs, err := filepath.Abs(db); err == nil {
		db = abs
	}
	if real, err := filepath.EvalSymlinks(db); err == nil {
		db = real
	}
	if beside := db + ".sock"; fitsSocket(beside) {
		return beside
	}
	sum := sha256.Sum256([]byte(db))
	return filepath.Join(runtimeDir(), hex.EncodeToString(sum[:12])+".sock")
}

// maxSocketPath is the longest path a unix socket address holds on every
// system mopdeck shares a database on: sun_path is 104 bytes on macOS and
// the BSDs, 108 on Linux, its terminating zero included.
const maxSocketPath = 103

// fitsSocket tells whether a socket can be made at path: the owner first
// listens inside a temporary folder beside it (see listenPrivate), then
// moves the socket in place.
func fitsSocket(path string) bool {
	return len(path) <= maxSocketPath && len(filepath.Dir(path))+len("/.mopdeck-sock-0123456789/s") <= maxSocketPath
}

// runtimeDir is the folder for sockets that cannot stand beside their
// database: $XDG_RUNTIME_DIR/mopdeck, else one in the temporary folder
// named by the user. Only a folder of this user's, closed to others, is
// used (checkPrivateDir): another user could otherwise answer in it.
func runtimeDir() string {
	if d := os.Getenv("XDG_RUNTIME_DIR"); filepath.IsAbs(d) {
		return filepath.Join(d, "mopdeck")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("mopdeck-%d", os.Getuid()))
}

// inRuntimeDir tells whether a socket path is in the runtime folder
// rather than beside its database.
func inRuntimeDir(path string) bool { return filepath.Dir(path) == runtimeDir() }

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
