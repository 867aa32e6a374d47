package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOriginalFileDownload(t *testing.T) {
	s := newSite(t)
	want, err := os.ReadFile("testdata/library/files/养老服务试点通知.pdf")
	if err != nil {
		t.Fatal(err)
	}
	page := s.get(t, q("/search", "q", "养老服务补贴试点"))
	id := between(page.Body, `<h2 class="hit-title"><a href="/works/`, `"`)
	if id == "" {
		t.Fatalf("the PDF's document is not found by search")
	}
	doc := s.get(t, "/works/"+id)
	link := between(doc.Body, `<ul class="downloads"><li><a href="`, `"`)
	if !strings.HasPrefix(link, "/files/") {
		t.Fatalf("no download link on the document page, got %q", link)
	}
	mustContain(t, doc.Body, "下载原文（PDF）")

	r := s.get(t, link)
	if r.Status != http.StatusOK || r.Body != string(want) {
		t.Fatalf("download: status %d, %d bytes, want the %d bytes of the original", r.Status, len(r.Body), len(want))
	}
	if ct := r.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("content type %q", ct)
	}
	// The Chinese file name travels RFC 5987-encoded, with an ASCII fallback.
	cd := r.Header.Get("Content-Disposition")
	const encoded = "%E5%85%BB%E8%80%81%E6%9C%8D%E5%8A%A1%E8%AF%95%E7%82%B9%E9%80%9A%E7%9F%A5.pdf"
	if cd != `attachment; filename="document.pdf"; filename*=UTF-8''`+encoded {
		t.Errorf("Content-Disposition %q", cd)
	}
	if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
		t.Errorf("an original is served without a sandbox CSP: %q", csp)
	}

	// A file changed since it was read is not this version's original any more.
	path := filepath.Join(s.Library, "files", "养老服务试点通知.pdf")
	if err := os.WriteFile(path, append(want, "%tampered\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := s.get(t, link); r.Status != http.StatusNotFound {
		t.Errorf("changed file: status %d, want 404", r.Status)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if r := s.get(t, link); r.Status != http.StatusNotFound || !strings.Contains(r.Body, "原文件已不在文件库中") {
		t.Errorf("removed file: status %d", r.Status)
	}
}

func TestBulkRecordDownloadsAsText(t *testing.T) {
	s := newSite(t)
	r := s.get(t, "/files/fx:work:shengyu/fx:shengyu-2019")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	if ct := r.Header.Get("Content-Type"); ct != "text/plain; charset=utf-8" {
		t.Errorf("content type %q", ct)
	}
	mustContain(t, r.Body, "第四条 参保人员生育的", "每次定额补助二千元")
	mustNotContain(t, r.Body, `"version_of"`, "fx:jiuye") // the text, not the JSON Lines file
	mustContain(t, r.Header.Get("Content-Disposition"), "filename*=UTF-8''", ".txt")
	if r := s.get(t, "/files/fx:work:shengyu/fx:shengyu-2019?alt=3"); r.Status != http.StatusNotFound {
		t.Errorf("missing alternate: status %d", r.Status)
	}
}

func between(s, start, end string) string {
	i := strings.Index(s, start)
	if i < 0 {
		return ""
	}
	s = s[i+len(start):]
	j := strings.Index(s, end)
	if j < 0 {
		return ""
	}
	return s[:j]
}
