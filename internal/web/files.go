package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/article"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/pathvar"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/service"
)

// File is GET /files/{work_id}/{version_id}: the version's original file from the
// library folder (?alt=N for the same version in another file). A bulk record's
// text is offered as a .txt file instead of the whole JSON Lines file.
func (h *Handler) File(w http.ResponseWriter, r *http.Request) {
	if !h.textParams(w, r, r.URL.Query()) {
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	// The service decides visibility: a restricted version is "not found" for the public.
	vv, err := st.Version(pathvar.Get(r, "work_id"), pathvar.Get(r, "version_id"), h.svc.Today(), h.viewer(r))
	if err != nil {
		h.fail(w, r, err)
		return
	}
	src := vv.Source
	if s := r.URL.Query().Get("alt"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > len(vv.Alternates) {
			h.fail(w, r, problem.NotFoundf("该版本没有第 %s 个原文件", s))
			return
		}
		src = vv.Alternates[n-1]
	}
	name := downloadName(src, vv.VersionInfo)
	ids := []string{vv.VersionID, vv.WorkID}
	if src.Format == "jsonl" {
		setDownloadHeaders(w, name, ids, "text/plain; charset=utf-8")
		http.ServeContent(w, r, "", time.Time{}, strings.NewReader(bulkText(vv)))
		return
	}
	lib := h.library
	if lib == "" {
		lib = st.Library
	}
	f, info, err := openInLibrary(lib, src)
	if err != nil {
		h.log.Warn("original file unavailable", "path", src.Path, "err", err)
		h.fail(w, r, problem.NotFoundf("原文件已不在文件库中，请查看网页正文"))
		return
	}
	defer f.Close()
	ctype := contentType(src.Format)
	if base, ok := textTypes[src.Format]; ok {
		if ctype, err = textType(base, f, info.Size(), src.Extractor); err != nil {
			h.fail(w, r, err)
			return
		}
	}
	setDownloadHeaders(w, name, ids, ctype)
	http.ServeContent(w, r, "", info.ModTime(), f)
}

// bulkText is a bulk record's text as its page shows it: under its title, and with
// each article under its number when the numbers come from the record's metadata
// (Version.Articles: ansvar-flk keeps them apart from a text of bare paragraphs).
func bulkText(vv *service.VersionView) string {
	var b strings.Builder
	if !startsWithTitle(vv.Text, vv.Title) {
		b.WriteString(vv.Title + "\n\n")
	}
	// The page names the text's blocks with the headings only when there is one for
	// each block (article.Split); otherwise it shows the text as it is, and so does this.
	if len(vv.Articles) == 0 || article.CountBlocks(vv.Text) != len(vv.Articles) {
		b.WriteString(vv.Text)
		return b.String()
	}
	for i, a := range article.Split(vv.Text, vv.Articles) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.TrimRightFunc(a.Body, isSpace))
	}
	b.WriteString("\n")
	return b.String()
}

// startsWithTitle reports whether a text's first line is its title (a Markdown
// heading or the title with its 题注 counts).
func startsWithTitle(text, title string) bool {
	first, _, _ := strings.Cut(strings.TrimLeftFunc(text, isSpace), "\n")
	first = strings.TrimFunc(strings.TrimLeft(first, "#"), isSpace)
	return title == "" || strings.Contains(first, title)
}

// openInLibrary opens a library file by its recorded path. The path is resolved inside
// the library folder with os.Root, so neither "..", an absolute path nor a symbolic
// link can reach outside it; a file whose content changed since it was read is not
// this version's original any more.
func openInLibrary(lib string, src model.SourceFile) (*os.File, fs.FileInfo, error) {
	if lib == "" {
		return nil, nil, errors.New("no library folder")
	}
	rel := filepath.FromSlash(src.Path)
	if !filepath.IsLocal(rel) {
		return nil, nil, errors.New("path leaves the library")
	}
	root, err := os.OpenRoot(lib)
	if err != nil {
		return nil, nil, err
	}
	defer root.Close()
	f, err := root.Open(rel)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err == nil && !info.Mode().IsRegular() {
		err = errors.New("not a regular file")
	}
	if err == nil && src.SHA256 != "" {
		err = checkUnchanged(root, rel, f, src.SHA256)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, info, nil
}

// sidecarSuffixes are the metadata files that may sit beside a document.
var sidecarSuffixes = []string{".meta.yaml", ".meta.yml", ".meta.json"}

// checkUnchanged compares a file with the hash recorded when it was read, and rewinds
// it. The hash is the file's own; indexes built by earlier versions recorded the file
// and its sidecar hashed together (each followed by a zero byte) and keep that hash
// for files unchanged since, so that form is accepted too.
func checkUnchanged(root *os.Root, rel string, f *os.File, want string) error {
	own, both := sha256.New(), sha256.New()
	if _, err := io.Copy(io.MultiWriter(own, both), f); err != nil {
		return err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if hex.EncodeToString(own.Sum(nil)) == want {
		return nil
	}
	both.Write([]byte{0})
	for _, suffix := range sidecarSuffixes {
		sc, err := root.Open(rel + suffix)
		if err != nil {
			continue
		}
		_, err = io.Copy(both, sc)
		sc.Close()
		if err != nil {
			return err
		}
		both.Write([]byte{0})
		break
	}
	if hex.EncodeToString(both.Sum(nil)) == want {
		return nil
	}
	return errors.New("file changed since it was ingested")
}

func setDownloadHeaders(w http.ResponseWriter, name string, ids []string, ctype string) {
	hd := w.Header()
	hd.Set("Content-Type", ctype)
	hd.Set("Content-Disposition", contentDisposition(name, ids...))
	// An original is data, never a page of this site, whatever it contains.
	hd.Set("Content-Security-Policy", "sandbox; default-src 'none'")
	hd.Set("Cache-Control", "private, no-cache")
}

func contentType(format string) string {
	switch format {
	case "pdf":
		return "application/pdf"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "doc":
		return "application/msword"
	case "ofd":
		return "application/ofd"
	}
	return "application/octet-stream"
}

// textTypes are the media types of the originals that are text, sent with the
// charset their bytes are in (textType).
var textTypes = map[string]string{"txt": "text/plain", "md": "text/plain", "html": "text/html", "htm": "text/html"}

// maxSniff bounds how much of a text original is read to tell its charset; the
// ingester refuses longer texts anyway (extract.Options.MaxTextBytes).
const maxSniff = 64 << 20

// textType is the Content-Type of a text or HTML original, whose bytes are sent as
// they are, with the charset the ingester read them in: the Extractor it recorded
// ("text/gb18030", "html/gb18030" for GBK files, GB18030 being their superset;
// "text/utf-16le"). A file it read as UTF-8, or whose encoding it did not record,
// says charset=utf-8 only when its bytes are valid UTF-8, and no charset otherwise
// rather than a wrong one. f is rewound.
func textType(base string, f io.ReadSeeker, size int64, extractor string) (string, error) {
	_, enc, _ := strings.Cut(extractor, "/")
	if enc = strings.ToLower(enc); enc != "" && enc != "utf-8" {
		return base + "; charset=" + enc, nil
	}
	if size > maxSniff {
		return base, nil
	}
	data, err := io.ReadAll(io.LimitReader(f, maxSniff))
	if err != nil {
		return "", err
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	if utf8.Valid(data) {
		return base + "; charset=utf-8", nil
	}
	return base, nil
}

// downloadName is the name a download is saved under: the original file's name, or
// for a bulk record the title with .txt.
func downloadName(src model.SourceFile, vi service.VersionInfo) string {
	if src.Format == "jsonl" {
		title := strings.Map(func(r rune) rune {
			if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
				return '_'
			}
			return r
		}, vi.Title)
		if vi.Label != "" {
			title += "（" + vi.Label + "）"
		} else if vi.PublishDate != 0 {
			title += "（" + vi.PublishDate.String() + "）"
		}
		return title + ".txt"
	}
	return path.Base(src.Path)
}

// contentDisposition names an attachment: the real (Chinese) name encoded by
// RFC 5987, and an ASCII name for old clients. A name that is not ASCII is not cut
// down to the digits it holds (2024年第1号 → 20241): the fallback is the first of ids
// (the version or work id) that has letters or digits, with the name's extension.
func contentDisposition(name string, ids ...string) string {
	return `attachment; filename="` + asciiName(name, ids...) + `"; filename*=UTF-8''` + rfc5987(name)
}

func asciiName(name string, ids ...string) string {
	ext := path.Ext(name)
	base := strings.TrimSuffix(name, ext)
	ext = "." + asciiSafe(strings.TrimPrefix(ext, "."))
	if ext == "." {
		ext = ""
	}
	candidates := ids
	if isASCII(base) {
		candidates = append([]string{base}, ids...)
	}
	for _, c := range candidates {
		if s := asciiSafe(c); strings.IndexFunc(s, isAlnum) >= 0 {
			return s + ext
		}
	}
	return "document" + ext
}

// asciiSafe keeps the characters a quoted file name may hold everywhere; each run of
// others becomes one underscore (fx:work:1 → fx_work_1).
func asciiSafe(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range s {
		if isAlnum(r) || strings.ContainsRune("-_.()", r) {
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			b.WriteRune(r)
			gap = false
			continue
		}
		gap = true
	}
	return strings.Trim(b.String(), "._")
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// rfc5987 percent-encodes everything but RFC 5987's attr-char.
func rfc5987(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("!#$&+-.^_`|~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}
