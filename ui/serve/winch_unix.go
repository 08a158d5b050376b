//go:build unix

package serve

import (
	"os"
	"os/signal"
	"syscall"
)

// notifyResize sends on c when the terminal's window changes size.
func notifyResize(c chan os.Signal) { signal.Notify(c, syscall.SIGWINCH) }
