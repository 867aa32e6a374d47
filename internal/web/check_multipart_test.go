package web_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
)

// The batch check reads a form posted as multipart/form-data (a form with
// enctype="multipart/form-data", or a script posting files-style fields) the same as
// an urlencoded one, instead of answering as if nothing had been asked.
func TestCheckPageMultipartForm(t *testing.T) {
	s := newSite(t)
	for _, path := range []string{"/check", "/check.csv"} {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("q", "某政规〔2019〕3号\n不存在的文件名称")
		_ = mw.WriteField("asof", "2026-03-01")
		_ = mw.Close()
		req, err := http.NewRequest(http.MethodPost, s.URL+path, &body)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", mw.FormDataContentType())
		r := s.do(t, req, false)
		if r.Status != http.StatusOK {
			t.Fatalf("%s: status %d: %.300s", path, r.Status, r.Body)
		}
		if path == "/check" {
			mustContain(t, r.Body, "核对结果（截至2026年3月1日）", "某市城乡居民生育保险办法", "未找到匹配的文件")
		} else if lines := strings.Split(strings.TrimSpace(r.Body), "\r\n"); len(lines) != 3 {
			t.Errorf("%s: %d lines, want a header and 2 results: %q", path, len(lines), r.Body)
		}
	}
}
