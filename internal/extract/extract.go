// Package extract reads the text out of the files governments publish: PDF, DOCX,
// legacy DOC, HTML, plain text and Markdown, and OFD. Every reader returns
// normalised text (full-width letters and digits folded, lines inside a sentence
// joined) and says which extractor produced it, so staff can see why a document
// was read as it was.
package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"
)

// Result is what a reader got out of one file.
type Result struct {
	Text      string   `json:"text"`
	Extractor string   `json:"extractor"` // e.g. "pdf/builtin", "pdf/pdftotext", "ocr/tesseract", "docx", "doc", "html", "text/gb18030"
	Pages     int      `json:"pages,omitempty"`
	Warnings  []string `json:"warnings,omitempty"`
	// Title is a title the format itself carries (HTML <title>, OFD/DOCX metadata), if any.
	Title string `json:"title,omitempty"`
	// Raw is the text as the file wrote it, when Text drops marks that tell where its
	// metadata lies (a LawRefBook Markdown file's "# 标题" and <!-- INFO END -->).
	Raw string `json:"-"`
}

// Reason classifies why a file could not be read; the ingest report groups errors by it.
type Reason string

const (
	ReasonUnsupported Reason = "unsupported format"
	ReasonCorrupt     Reason = "corrupt or truncated file"
	ReasonEncrypted   Reason = "encrypted"
	ReasonScanned     Reason = "scanned, no text layer (install tesseract-ocr-chi-sim to read it)"
	ReasonEmpty       Reason = "no text"
	ReasonTooLarge    Reason = "too large"
	ReasonTimeout     Reason = "timed out"
	ReasonPanic       Reason = "reader crashed"
)

// Error is a file that could not be read, with a reason users can act on.
type Error struct {
	Reason Reason
	Detail string
}

func (e *Error) Error() string {
	if e.Detail == "" {
		return string(e.Reason)
	}
	return string(e.Reason) + ": " + e.Detail
}

// Errorf builds an *Error.
func Errorf(reason Reason, format string, args ...any) error {
	return &Error{Reason: reason, Detail: fmt.Sprintf(format, args...)}
}

// ReasonOf returns the reason of err, or ReasonCorrupt for any other error.
func ReasonOf(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ReasonCorrupt
}

// Options bound the work done per file and switch the external helpers.
type Options struct {
	MaxFileBytes int64         // files larger than this are refused (default 200 MiB)
	MaxTextBytes int64         // decompressed XML/text larger than this is refused (zip bombs; default 64 MiB)
	Timeout      time.Duration // per file (default 2 minutes; OCR may take most of it)
	// NoExternal disables pdftotext and tesseract even when installed (tests of the built-in readers).
	NoExternal bool
}

func (o Options) withDefaults() Options {
	if o.MaxFileBytes <= 0 {
		o.MaxFileBytes = 200 << 20
	}
	if o.MaxTextBytes <= 0 {
		o.MaxTextBytes = 64 << 20
	}
	if o.Timeout <= 0 {
		o.Timeout = 2 * time.Minute
	}
	return o
}

// reader extracts text from the bytes of one file.
type reader func(ctx context.Context, name string, data []byte, opt Options) (*Result, error)

// readers maps a lower-case extension to its reader; each format's file registers itself.
var readers = map[string]reader{}

func register(ext string, r reader) { readers[ext] = r }

// Supported reports whether files with this name are documents the ingester reads.
func Supported(name string) bool {
	_, ok := readers[ext(name)]
	return ok
}

func ext(name string) string { return strings.ToLower(strings.TrimPrefix(filepath.Ext(name), ".")) }

// File reads the file at path.
func File(ctx context.Context, path string, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > opt.MaxFileBytes {
		return nil, Errorf(ReasonTooLarge, "%d bytes, limit %d", st.Size(), opt.MaxFileBytes)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Bytes(ctx, filepath.Base(path), data, opt)
}

// Bytes reads a file's content; name gives the format by its extension. A reader
// that panics or runs past the timeout is reported as an *Error, never crashes the caller.
func Bytes(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	r, ok := readers[ext(name)]
	if !ok {
		return nil, Errorf(ReasonUnsupported, "%q", filepath.Ext(name))
	}
	if int64(len(data)) > opt.MaxFileBytes {
		return nil, Errorf(ReasonTooLarge, "%d bytes, limit %d", len(data), opt.MaxFileBytes)
	}
	ctx, cancel := context.WithTimeout(ctx, opt.Timeout)
	defer cancel()
	type outcome struct {
		res *Result
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{nil, Errorf(ReasonPanic, "%v\n%s", p, firstLines(string(debug.Stack()), 12))}
			}
		}()
		res, err := r(ctx, name, data, opt)
		done <- outcome{res, err}
	}()
	select {
	case o := <-done:
		if o.err != nil {
			return nil, o.err
		}
		if strings.TrimSpace(o.res.Text) == "" {
			return nil, Errorf(ReasonEmpty, "%s read nothing", o.res.Extractor)
		}
		return o.res, nil
	case <-ctx.Done():
		// The reader goroutine is abandoned; readers check ctx between pages so it ends soon.
		return nil, Errorf(ReasonTimeout, "after %s", opt.Timeout)
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}
