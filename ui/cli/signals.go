package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"mopdeck/model"
	"mopdeck/store/changesio"
)

// cleanupOnSignal makes Ctrl-C (SIGINT) or SIGTERM, until stop is called,
// remove the temporary files of reading file and end the process with
// 130 or 143, as a shell reports a process those signals ended. Without
// it the process would die at once and leave excelize's temporary files,
// which can weigh as much as the unzipped workbook, in the temporary
// folder.
func cleanupOnSignal(stderr io.Writer, file string) (stop func()) {
	return onSignal(stderr, file, changesio.RemoveTemporary, os.Exit)
}

// onSignal is cleanupOnSignal with the cleanup and the exit given, for
// tests.
func onSignal(stderr io.Writer, file string, cleanup func(), exit func(int)) (stop func()) {
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	done := make(chan struct{})
	ended := make(chan struct{})
	end := func(sig os.Signal) {
		cleanup()
		fmt.Fprintf(stderr, "mopdeck: stopped while reading %s: nothing was imported\n", model.SanitizeLine(file))
		exit(128 + int(sig.(syscall.Signal)))
	}
	go func() {
		defer close(ended)
		select {
		case sig := <-sigs:
			end(sig)
		case <-done:
			// A signal that came just before stop is still honoured.
			select {
			case sig := <-sigs:
				end(sig)
			default:
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
		<-ended
	}
}
