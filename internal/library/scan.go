package library

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Kind is what a library file is.
type Kind int

const (
	Document Kind = iota // a file whose text the ingester reads (PDF, DOCX, …)
	Bulk                 // a JSON Lines file: one version per line
)

// Entry is one input file of the library.
type Entry struct {
	Path    string // relative to the root, with forward slashes
	Abs     string
	Kind    Kind
	Size    int64
	Sidecar string // absolute path of <file>.meta.yaml / .meta.json, if any
	// Unread lists the other sidecars of the same file (a .meta.json beside the
	// .meta.yaml that is read): they are not merged, and the ingest warns of them.
	Unread []string
	// Err is why a folder could not be listed: it is reported as the entry's error and
	// the rest of the library is read.
	Err error
}

var sidecarSuffixes = []string{".meta.yaml", ".meta.yml", ".meta.json"}

// IsSidecar reports whether name is a metadata sidecar rather than a document.
func IsSidecar(name string) bool {
	lower := strings.ToLower(name)
	for _, s := range sidecarSuffixes {
		if strings.HasSuffix(lower, s) {
			return true
		}
	}
	return false
}

// Scan lists the library's documents and bulk files in a stable order. supported says
// which document names have a reader. Hidden files and folders, sidecars and README
// files are not documents.
func Scan(root string, supported func(name string) bool) ([]Entry, error) {
	entries, _, err := ScanAll(root, supported)
	return entries, err
}

// ScanAll is Scan, and also lists the files it passed over because no reader takes
// their type (a.markdown, 附件.xls, 照片.jpg), so the ingest can say so.
func ScanAll(root string, supported func(name string) bool) ([]Entry, []string, error) {
	st, err := os.Stat(root)
	if err != nil {
		return nil, nil, fmt.Errorf("library %s: %w", root, err)
	}
	if !st.IsDir() {
		return nil, nil, fmt.Errorf("library %s is not a folder", root)
	}
	var out []Entry
	var skipped []string
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			out = append(out, Entry{Path: filepath.ToSlash(rel), Abs: p, Kind: Document, Err: err})
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != root {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || IsSidecar(name) || strings.HasPrefix(strings.ToUpper(name), "README") {
			return nil
		}
		if strings.HasPrefix(name, "~$") {
			return nil // the lock file Word and WPS keep beside a document they have open
		}
		info, err := os.Stat(p) // follows a symlinked file; WalkDir does not enter symlinked folders
		if err != nil || !info.Mode().IsRegular() {
			return nil
		}
		kind := Document
		switch {
		case strings.EqualFold(filepath.Ext(name), ".jsonl"):
			kind = Bulk
		case !supported(name):
			rel, _ := filepath.Rel(root, p)
			skipped = append(skipped, filepath.ToSlash(rel))
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		e := Entry{Path: filepath.ToSlash(rel), Abs: p, Kind: kind, Size: info.Size()}
		if kind == Document {
			e.Sidecar, e.Unread = FindSidecar(p)
		}
		out = append(out, e)
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	sort.Strings(skipped)
	return out, skipped, err
}

// FindSidecar returns the sidecar of the document file p that is read (the first of
// .meta.yaml, .meta.yml, .meta.json that exists) and any others beside it.
func FindSidecar(p string) (string, []string) {
	var found []string
	for _, s := range sidecarSuffixes {
		if _, err := os.Stat(p + s); err == nil {
			found = append(found, p+s)
		}
	}
	if len(found) == 0 {
		return "", nil
	}
	return found[0], found[1:]
}

// ReadSidecar parses a .meta.yaml or .meta.json file.
func ReadSidecar(path string) (*Fields, []byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	f, err := ParseSidecar(path, data)
	return f, data, err
}

// ParseSidecar parses sidecar content; the name's suffix says YAML or JSON.
func ParseSidecar(name string, data []byte) (*Fields, error) {
	data = utf8Text(bytes.TrimPrefix(data, utf8BOM)) // as a Windows editor saves it
	js := data
	if !strings.HasSuffix(strings.ToLower(name), ".json") {
		var err error
		if js, err = yaml.YAMLToJSON(data); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(name), err)
		}
	}
	var f Fields
	if len(bytes.TrimSpace(js)) == 0 || string(bytes.TrimSpace(js)) == "null" {
		return &f, nil
	}
	if err := json.Unmarshal(js, &f); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	if err := f.Validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(name), err)
	}
	var keys map[string]json.RawMessage
	if json.Unmarshal(js, &keys) == nil {
		for k := range keys {
			if !fieldKeys[k] {
				f.Unknown = append(f.Unknown, k)
			}
		}
		sort.Strings(f.Unknown)
	}
	return &f, nil
}

// fieldKeys are the keys Fields reads.
var fieldKeys = func() map[string]bool {
	m := map[string]bool{}
	t := reflect.TypeFor[Fields]()
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ","); k != "" && k != "-" {
			m[k] = true
		}
	}
	return m
}()

// MaxLine bounds one JSONL record (the longest law in the national corpus is under 1 MiB).
var MaxLine = 64 << 20

// utf8BOM is the byte-order mark Windows tools write at the start of a UTF-8 file.
var utf8BOM = []byte("\uFEFF")

// bomless drops the byte-order mark that may start a file's first line.
func bomless(line int, b []byte) []byte {
	if line == 1 {
		return bytes.TrimPrefix(b, utf8BOM)
	}
	return b
}

// utf8Text returns b as UTF-8: b itself when it is valid UTF-8, else b read as
// GB18030 (GBK's superset: Notepad's "ANSI" on a Chinese Windows), the encoding
// Chinese offices save metadata in besides UTF-8.
func utf8Text(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	// UTF-8 with a damaged byte or two stays UTF-8: most of its non-ASCII is valid.
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		r, w := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			invalid++
		case w > 1:
			valid++
		}
		i += w
	}
	if valid >= invalid {
		return b
	}
	if out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b); err == nil && utf8.Valid(out) {
		return out
	}
	return b
}

// EachLine calls fn for every non-empty line of a JSON Lines stream, with its 1-based
// number. A line that does not parse is passed with its error; the stream goes on.
func EachLine(r io.Reader, fn func(line int, raw []byte, f *Fields, err error) error) error {
	br := bufio.NewReaderSize(r, 1<<20)
	var buf []byte
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong, eof := false, false
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > MaxLine {
					tooLong, buf = true, buf[:0] // read past the rest of it
				} else {
					buf = append(buf, chunk...)
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			if err == io.EOF {
				eof = true
			} else if err != nil {
				return fmt.Errorf("after line %d: %w", n-1, err)
			}
			break
		}
		if tooLong {
			// One oversized record is skipped and reported; the lines after it are read.
			err := fmt.Errorf("line %d: longer than %d MiB, skipped", n, MaxLine>>20)
			if cbErr := fn(n, nil, &Fields{}, err); cbErr != nil {
				return cbErr
			}
		} else if raw := bytes.TrimSpace(utf8Text(bomless(n, buf))); len(raw) > 0 {
			var f Fields
			err := json.Unmarshal(raw, &f)
			if err == nil {
				err = f.Validate()
			}
			if err == nil && strings.TrimSpace(f.Text) == "" && strings.TrimSpace(f.Title) == "" {
				err = fmt.Errorf("record has neither title nor text")
			}
			if err != nil {
				err = fmt.Errorf("line %d: %w", n, err)
			}
			if cbErr := fn(n, raw, &f, err); cbErr != nil {
				return cbErr
			}
		}
		if eof {
			return nil
		}
	}
}
