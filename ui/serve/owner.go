package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/charmbracelet/log"

	"mopdeck/store"
)

// One process owns a database file at a time (bbolt's lock). While it
// does — mopdeck serve, or the app — it answers on a unix socket beside
// the file: a mopdeck command run on the same host by the same user hands
// it its command line and its standard streams, and the owner runs the
// command in-process on the store it holds, so the command works instead
// of finding the file "in use", and its writes reach the open sessions
// as they commit.

// OwnerConfig is what an owner needs.
type OwnerConfig struct {
	Store *store.Store
	// Run runs a command line on the shared store.
	Run RunFunc
	// Apps opens the app for a mopdeck started on this host on the same
	// file (see app.go); without it such a mopdeck is told the file is
	// held.
	Apps bool
	// Theme is the app's theme unless the client asks for another.
	Theme string
	Log   *log.Logger
}

// Owner answers on a database's socket.
type Owner struct {
	cfg  OwnerConfig
	ln   *net.UnixListener
	path string
	// mu guards closed against wg.Add: no request starts once Close
	// waits for the running ones.
	mu     sync.Mutex
	closed bool
	wg     sync.WaitGroup
	// stop ends the apps run for clients when the owner closes.
	stop     context.Context
	stopApps context.CancelFunc
}

var errNoHandOverHere = errors.New("commands cannot run through another mopdeck on this system")

// Own listens on the socket beside the store's file. A socket left there
// by an owner that died is replaced: this process holds the file's lock,
// so nobody else answers on it.
func Own(cfg OwnerConfig) (*Owner, error) {
	if !handOver {
		return nil, errNoHandOverHere
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard)
	}
	path, err := filepath.Abs(SocketPath(cfg.Store.Path()))
	if err != nil {
		return nil, err
	}
	if inRuntimeDir(path) {
		dir := filepath.Dir(path)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, fmt.Errorf("cannot make %s for the database's socket: %w; commands on this host cannot reach it while it is held", dir, err)
		}
		if err := checkPrivateDir(dir); err != nil {
			return nil, fmt.Errorf("the database's path is too long for a socket beside it, and %v: commands on this host cannot reach it while it is held; move the file to a shorter path", err)
		}
	}
	if !fitsSocket(path) {
		return nil, fmt.Errorf("the socket's path %s is too long (%d bytes, %d at most): commands on this host cannot reach the database while it is held; move the file to a shorter path", path, len(path), maxSocketPath)
	}
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode().Type() != fs.ModeSocket {
			return nil, fmt.Errorf("%s exists and is not a socket: move it away, mopdeck listens there", path)
		}
		os.Remove(path)
	}
	ln, err := listenPrivate(path)
	if err != nil {
		return nil, fmt.Errorf("cannot listen on %s: %w", path, err)
	}
	o := &Owner{cfg: cfg, ln: ln, path: path}
	o.stop, o.stopApps = context.WithCancel(context.Background())
	go o.accept()
	return o, nil
}

// listenPrivate creates the socket with mode 0600 before anyone can
// reach it: in a private folder first, then renamed into place.
func listenPrivate(path string) (*net.UnixListener, error) {
	dir, err := os.MkdirTemp(filepath.Dir(path), ".mopdeck-sock-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	tmp := filepath.Join(dir, "s")
	ln, err := net.ListenUnix("unix", &net.UnixAddr{Name: tmp, Net: "unix"})
	if err != nil {
		return nil, err
	}
	ln.SetUnlinkOnClose(false) // the socket is renamed: Close removes it
	if err := os.Chmod(tmp, 0o600); err != nil {
		ln.Close()
		return nil, err
	}
	if err := os.Rename(tmp, path); err != nil {
		ln.Close()
		return nil, err
	}
	return ln, nil
}

// Path is the socket's path.
func (o *Owner) Path() string { return o.path }

// Close stops answering, removes the socket and waits (up to ten
// seconds) for the commands running to end, so the store can close.
func (o *Owner) Close() error {
	o.mu.Lock()
	o.closed = true
	o.mu.Unlock()
	err := o.ln.Close()
	o.stopApps()
	os.Remove(o.path)
	done := make(chan struct{})
	go func() {
		o.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
	}
	return err
}

func (o *Owner) accept() {
	for {
		c, err := o.ln.AcceptUnix()
		if err != nil {
			if !errors.Is(err, net.ErrClosed) {
				o.cfg.Log.Error("owner socket", "err", err)
			}
			return
		}
		o.mu.Lock()
		if o.closed {
			o.mu.Unlock()
			c.Close()
			return
		}
		o.wg.Add(1)
		o.mu.Unlock()
		go func() {
			defer o.wg.Done()
			defer c.Close()
			o.handle(c)
		}()
	}
}

func (o *Owner) handle(c *net.UnixConn) {
	if err := samePeer(c); err != nil {
		o.cfg.Log.Warn("owner socket: refused", "why", err.Error())
		return
	}
	req, files, rest, err := readRequest(c)
	if err != nil {
		if !errors.Is(err, io.EOF) {
			o.cfg.Log.Warn("owner socket: bad request", "err", err)
		}
		return
	}
	defer closeAll(files)
	var code int
	switch {
	case len(files) < 3:
		o.answer(c, reply{Code: 2, Err: "the request came without its standard streams"})
		return
	case req.App && (!o.cfg.Apps || req.Term == nil):
		o.answer(c, reply{Code: 1, Err: errNoApp.Error(), NoApp: true})
		return
	case req.App:
		resizes := make(chan resize, 1)
		go readResizes(io.MultiReader(bytes.NewReader(rest), c), resizes)
		o.cfg.Log.Info("app opened through the owner", "user", req.Term.User)
		code = o.runApp(*req.Term, files[0], files[1], resizes)
		o.cfg.Log.Info("app closed through the owner", "user", req.Term.User)
	default:
		o.cfg.Log.Info("command run through the owner", "args", fmt.Sprint(req.Args))
		code = o.cfg.Run(req.Args, files[1], files[2], o.cfg.Store)
	}
	o.answer(c, reply{Code: code})
}

func (o *Owner) answer(c *net.UnixConn, r reply) {
	json.NewEncoder(c).Encode(r)
}

// readResizes passes on the window sizes a client sends until it hangs
// up; the newest wins when the app has not taken the one before.
func readResizes(r io.Reader, out chan resize) {
	dec := json.NewDecoder(r)
	for {
		var z resize
		if err := dec.Decode(&z); err != nil {
			close(out)
			return
		}
		select {
		case <-out:
		default:
		}
		out <- z
	}
}
