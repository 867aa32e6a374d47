package web

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var staticFS embed.FS

// asset is one static file, kept in memory with its content hash.
type asset struct {
	body  []byte
	hash  string
	ctype string
}

// assets are the static files under /static/. Pages link them with their hash in the
// query, so browsers may keep them for a year and still see every change.
type assets struct {
	files map[string]*asset
}

func loadAssets() (*assets, error) {
	as := &assets{files: map[string]*asset{}}
	err := fs.WalkDir(staticFS, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := staticFS.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		ct := mime.TypeByExtension(path.Ext(p))
		if ct == "" {
			ct = "application/octet-stream"
		}
		as.files[strings.TrimPrefix(p, "static/")] = &asset{body: b, hash: hex.EncodeToString(sum[:6]), ctype: ct}
		return nil
	})
	return as, err
}

// url is the link to a static file, with its hash.
func (as *assets) url(name string) string {
	a, ok := as.files[name]
	if !ok {
		return "/static/" + name
	}
	return "/static/" + name + "?v=" + a.hash
}

// Static serves /static/….
func (h *Handler) Static(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/static/")
	a, ok := h.assets.files[name]
	if !ok {
		h.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", a.ctype)
	hd.Set("ETag", `"`+a.hash+`"`)
	if r.URL.Query().Get("v") == a.hash {
		hd.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hd.Set("Cache-Control", "public, max-age=300")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(a.body))
}
