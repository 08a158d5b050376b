//go:build !unix

package serve

import "os"

// notifyResize: no window-change signal here.
func notifyResize(chan os.Signal) {}
