// Command guifan serves and maintains a library of Chinese normative documents
// (规范性文件库). Everything it does lives in internal/; this only wires the process.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/guifan/guifan/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
