package web_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
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
	ascii := strings.ReplaceAll(link[strings.LastIndex(link, "/")+1:], ":", "_") + ".pdf" // the version id
	if cd != `attachment; filename="`+ascii+`"; filename*=UTF-8''`+encoded {
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
	mustContain(t, r.Header.Get("Content-Disposition"), `filename="fx_shengyu-2019.txt"`, "filename*=UTF-8''", ".txt")
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

// Text and HTML originals are sent as the bytes they are, labelled with the charset
// the ingester read them in, so a browser shows them as the page does.
func TestTextOriginalsCarryTheirCharset(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	sidecar := func(id, title string) []byte {
		return []byte("version_id: fx:" + id + "\nwork_id: fx:work:" + id + "\ntitle: " + title +
			"\npublish_date: 2024-03-01\nlevel: 行政规范性文件\n")
	}
	body := "\n\n第一条 为了规范本市编码测试工作，制定本办法。\n\n第二条 本办法自2024年3月1日起施行。\n"
	files := map[string][]byte{
		"files/编码测试甲.txt":      gbk("某市编码测试甲办法" + body),
		"files/编码测试乙.md":       []byte("# 某市编码测试乙办法" + body),
		"files/编码测试丙.html":     gbk(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>某市编码测试丙办法</title></head><body><p>某市编码测试丙办法</p><p>第一条 为了规范本市编码测试工作，制定本办法。</p><p>第二条 本办法自2024年3月1日起施行。</p></body></html>`),
		"files/encoding-d.htm": []byte(`<html><head><meta charset="utf-8"><title>某市编码测试丁办法</title></head><body><p>某市编码测试丁办法</p><p>第一条 为了规范本市编码测试工作，制定本办法。</p></body></html>`),
	}
	files["files/编码测试甲.txt.meta.yaml"] = sidecar("enc-a", "某市编码测试甲办法")
	files["files/编码测试乙.md.meta.yaml"] = sidecar("enc-b", "某市编码测试乙办法")
	files["files/编码测试丙.html.meta.yaml"] = sidecar("enc-c", "某市编码测试丙办法")
	files["files/encoding-d.htm.meta.yaml"] = sidecar("enc-d", "某市编码测试丁办法")
	s := newSiteWith(t, files)
	for _, tc := range []struct{ id, file, ctype string }{
		{"enc-a", "files/编码测试甲.txt", "text/plain; charset=gb18030"},
		{"enc-b", "files/编码测试乙.md", "text/plain; charset=utf-8"},
		{"enc-c", "files/编码测试丙.html", "text/html; charset=gb18030"},
		{"enc-d", "files/encoding-d.htm", "text/html; charset=utf-8"},
	} {
		r := s.get(t, "/files/fx:work:"+tc.id+"/fx:"+tc.id)
		if r.Status != http.StatusOK {
			t.Errorf("%s: status %d", tc.file, r.Status)
			continue
		}
		if ct := r.Header.Get("Content-Type"); ct != tc.ctype {
			t.Errorf("%s: Content-Type %q, want %q", tc.file, ct, tc.ctype)
		}
		if r.Body != string(files[tc.file]) {
			t.Errorf("%s: the bytes sent are not the original's", tc.file)
		}
		if csp := r.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") {
			t.Errorf("%s: no sandbox CSP: %q", tc.file, csp)
		}
	}
}

// A record whose article numbers come from its metadata (ansvar-flk provisions) has a
// text of bare paragraphs: its TXT download reads as its page does, under its title
// and with each article's number.
func TestBulkTextDownloadHasTheArticleNumbers(t *testing.T) {
	rec := `{"id": "fx:flk-1", "version_of": "fx:work:flk", "title": "某市条文标注测试条例", "level": "地方性法规", ` +
		`"publish_date": "2020-01-01", "effective_date": "2020-03-01", "collection": "ansvar-flk", ` +
		`"provisions": [["1", null], ["2", null], ["2", null]], ` +
		`"text": "为了规范条文标注测试，制定本条例。\n\n本条例适用于本市。\n本市各区参照执行。\n\n之一　本条例自2020年3月1日起施行。\n"}` + "\n"
	s := newSiteWith(t, map[string][]byte{"laws/flk.jsonl": []byte(rec)})
	page := s.get(t, work("fx:work:flk"))
	mustContain(t, page.Body, `<h1>某市条文标注测试条例</h1>`, `id="第一条"`, `>第二条之一</a>`, "下载全文（TXT）")
	r := s.get(t, "/files/fx:work:flk/fx:flk-1")
	if r.Status != http.StatusOK {
		t.Fatalf("status %d", r.Status)
	}
	const want = "某市条文标注测试条例\n\n" +
		"第一条 为了规范条文标注测试，制定本条例。\n\n" +
		"第二条 本条例适用于本市。\n本市各区参照执行。\n\n" +
		"第二条之一　本条例自2020年3月1日起施行。\n"
	if r.Body != want {
		t.Errorf("TXT download:\n%s\nwant:\n%s", r.Body, want)
	}
	// A text that has its own title and numbers downloads as it is.
	r = s.get(t, "/files/fx:work:shengyu/fx:shengyu-2019")
	if !strings.HasPrefix(r.Body, "某市城乡居民生育保险办法\n\n第一章 总则\n\n第一条 ") || strings.Count(r.Body, "某市城乡居民生育保险办法") != 1 {
		t.Errorf("a text with its own title and numbers was changed: %.80q", r.Body)
	}
}
