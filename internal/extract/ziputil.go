package extract

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"path"
	"strings"
	"unicode"

	"github.com/guifan/guifan/internal/textnorm"
)

// maxZipEntries bounds the central directory: real DOCX and OFD packages hold tens
// of parts, while a crafted archive can list millions to exhaust memory.
const maxZipEntries = 10000

// zipPackage reads parts of a DOCX or OFD package while keeping the total
// decompressed size under a budget, so a zip bomb stops with ReasonTooLarge
// instead of filling memory.
type zipPackage struct {
	zr     *zip.Reader
	byName map[string]*zip.File // lower-case cleaned name → entry
	budget int64                // decompressed bytes still allowed
	limit  int64
}

func openZipPackage(data []byte, opt Options) (*zipPackage, error) {
	if len(data) < 4 || !bytes.HasPrefix(data, []byte("PK")) {
		return nil, Errorf(ReasonCorrupt, "not a zip package")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		if errors.Is(err, zip.ErrInsecurePath) {
			// Parts are looked up by name, never written to disk, so odd names are harmless.
			err = nil
		} else {
			return nil, Errorf(ReasonCorrupt, "zip: %v", err)
		}
	}
	if len(zr.File) > maxZipEntries {
		return nil, Errorf(ReasonTooLarge, "%d zip entries, limit %d", len(zr.File), maxZipEntries)
	}
	p := &zipPackage{zr: zr, byName: make(map[string]*zip.File, len(zr.File)), budget: opt.MaxTextBytes, limit: opt.MaxTextBytes}
	for _, f := range zr.File {
		key := zipKey(f.Name)
		if _, dup := p.byName[key]; !dup {
			p.byName[key] = f
		}
	}
	return p, nil
}

// zipKey makes part names comparable: producers disagree on leading slashes,
// backslashes and letter case (OFD.xml vs ofd.xml).
func zipKey(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	name = path.Clean("/" + name)
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

func (p *zipPackage) has(name string) bool {
	_, ok := p.byName[zipKey(name)]
	return ok
}

// read returns a part's bytes; a missing part is an error the caller may tolerate.
func (p *zipPackage) read(name string) ([]byte, error) {
	f, ok := p.byName[zipKey(name)]
	if !ok {
		return nil, Errorf(ReasonCorrupt, "missing part %s", name)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, Errorf(ReasonCorrupt, "%s: %v", name, err)
	}
	defer rc.Close()
	// The header's size may lie; count what actually comes out.
	b, err := io.ReadAll(io.LimitReader(rc, p.budget+1))
	if int64(len(b)) > p.budget {
		return nil, Errorf(ReasonTooLarge, "decompressed parts exceed %d bytes", p.limit)
	}
	p.budget -= int64(len(b))
	if err != nil {
		return nil, Errorf(ReasonCorrupt, "%s: %v", name, err)
	}
	return b, nil
}

// tidyExtracted applies the normalisation every reader's text goes through. Leading
// indentation (the 　　 before Chinese paragraphs, HTML source spaces) is dropped
// too, so that headings such as 第一条 start their lines in every format.
func tidyExtracted(s string) string {
	s = textnorm.Clean(textnorm.FoldWidth(s))
	if !strings.Contains(s, "\n ") && !strings.Contains(s, "\n\u3000") && !strings.HasPrefix(s, " ") && !strings.HasPrefix(s, "\u3000") && !strings.Contains(s, "\n\u00a0") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimLeftFunc(l, unicode.IsSpace)
	}
	return strings.Join(lines, "\n")
}
