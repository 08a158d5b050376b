//go:build !unix

package serve

import (
	"errors"
	"net"
	"os"
)

// Elsewhere descriptors do not travel over a socket: no process answers
// for the file it holds, and a second mopdeck finds the file in use.

const handOver = false

var errNoHandOver = errors.New("this system cannot hand a terminal or a command to another mopdeck")

func sendRequest(*net.UnixConn, request, ...*os.File) error { return errNoHandOver }

func readRequest(*net.UnixConn) (request, []*os.File, []byte, error) {
	return request{}, nil, nil, errNoHandOver
}

func closeAll(files []*os.File) {
	for _, f := range files {
		f.Close()
	}
}
