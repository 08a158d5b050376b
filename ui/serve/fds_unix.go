//go:build unix

package serve

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"syscall"
)

// On unix systems the standard streams travel as descriptors
// (SCM_RIGHTS) with the request.

const handOver = true

// sendRequest writes the request with the files' descriptors.
func sendRequest(c *net.UnixConn, req request, files ...*os.File) error {
	b, err := json.Marshal(req)
	if err != nil {
		return err
	}
	if len(b) > maxRequest {
		return fmt.Errorf("the command line is too long to hand over (%d bytes, %d at most)", len(b), maxRequest)
	}
	fds := make([]int, len(files))
	for i, f := range files {
		fds[i] = int(f.Fd())
	}
	n, oobn, err := c.WriteMsgUnix(b, syscall.UnixRights(fds...), nil)
	if err == nil && (n != len(b) || oobn == 0) {
		err = errors.New("short write")
	}
	return err
}

// maxRequest bounds a request, read in one message.
const maxRequest = 64 << 10

// readRequest reads a request and the files that came with it; rest is
// what the client sent after it (window sizes) in the same read.
func readRequest(c *net.UnixConn) (req request, files []*os.File, rest []byte, err error) {
	buf := make([]byte, maxRequest)
	oob := make([]byte, syscall.CmsgSpace(4*8))
	n, oobn, _, _, err := c.ReadMsgUnix(buf, oob)
	if err != nil {
		return req, nil, nil, err
	}
	msgs, err := syscall.ParseSocketControlMessage(oob[:oobn])
	if err != nil {
		return req, nil, nil, err
	}
	for _, m := range msgs {
		fds, err := syscall.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			files = append(files, os.NewFile(uintptr(fd), fmt.Sprintf("client fd %d", fd)))
		}
	}
	dec := json.NewDecoder(bytes.NewReader(buf[:n]))
	if err := dec.Decode(&req); err != nil {
		closeAll(files)
		return req, nil, nil, fmt.Errorf("unreadable request: %w", err)
	}
	return req, files, bytes.Clone(buf[dec.InputOffset():n]), nil
}

func closeAll(files []*os.File) {
	for _, f := range files {
		f.Close()
	}
}
