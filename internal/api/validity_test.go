package api

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/service"
)

func validityHandler(t *testing.T) *Handler {
	t.Helper()
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	text := "关于印发某县养犬管理办法的通知\n某政发〔2021〕5号\n第一条 为规范养犬，制定本办法。\n本办法自2021年1月1日起施行。\n"
	if err := os.WriteFile(filepath.Join(lib, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	svc := service.New(idx, nil)
	if _, err := svc.Reload(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(svc.Close)
	gate, _ := access.NewGate("", "")
	return &Handler{Svc: svc, Gate: gate, Log: nil}
}

// POST /api/validity takes a JSON body (SPEC "HTTP API"): a body declared as another
// structured type (XML, multipart) is refused with 415 and the error object, and a body
// that is not exactly one JSON object is a 400, never half-read and answered as if it
// were fine. JSON sent the way `curl -d` sends it (labelled as a form) or as plain text
// is read.
func TestValidityPostBody(t *testing.T) {
	h := validityHandler(t)
	body := `{"items":["某政发〔2021〕5号"],"asof":"2022-01-01"}`
	for _, tt := range []struct {
		ctype, body string
		status      int
		code        string
	}{
		{"application/json", body, 200, ""},
		{"application/json; charset=utf-8", body, 200, ""},
		{"application/merge-patch+json", body, 200, ""},
		{"", body, 200, ""}, // no type said: read as JSON
		{"text/plain; charset=utf-8", body, 200, ""},
		{"application/x-www-form-urlencoded", body, 200, ""}, // curl -d without -H
		{"application/x-www-form-urlencoded", "items=a", 400, "invalid_parameter"},
		{"text/html", body, 415, "unsupported_media_type"},
		{"application/xml", "<items/>", 415, "unsupported_media_type"},
		{"multipart/form-data; boundary=x", body, 415, "unsupported_media_type"},
		{"application/json", body + ` {"items":["x"]}`, 400, "invalid_parameter"},
		{"application/json", body + ` garbage`, 400, "invalid_parameter"},
		{"application/json", body + "\n", 200, ""},
	} {
		req := httptest.NewRequest(http.MethodPost, "/api/validity", strings.NewReader(tt.body))
		if tt.ctype != "" {
			req.Header.Set("Content-Type", tt.ctype)
		}
		rec := httptest.NewRecorder()
		h.Validity(rec, req)
		if rec.Code != tt.status {
			t.Errorf("%q %q: %d %s, want %d", tt.ctype, tt.body, rec.Code, rec.Body, tt.status)
			continue
		}
		var got struct {
			Results []map[string]any `json:"results"`
			Error   struct{ Code, Message string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("%q: %v", tt.ctype, err)
		}
		if tt.code != "" && (got.Error.Code != tt.code || got.Error.Message == "") {
			t.Errorf("%q %q: error %+v, want code %s", tt.ctype, tt.body, got.Error, tt.code)
		}
		if tt.status == 200 && (len(got.Results) != 1 || got.Results[0]["matched_by"] != "doc_number") {
			t.Errorf("%q: results %v", tt.ctype, got.Results)
		}
	}
}

// A body with fields besides items and asof is read, and a body that is not the
// object POST /api/validity reads is told so in Chinese, without the decoder's Go
// wording (struct names, Go types).
func TestValidityPostBodyMessages(t *testing.T) {
	h := validityHandler(t)
	for _, tt := range []struct {
		body   string
		status int
		says   string
	}{
		{`{"items":["某政发〔2021〕5号"],"extra":1}`, 200, ""},
		{`{"items":["某政发〔2021〕5号"],"asof":"2022-01-01","client":{"id":"x"}}`, 200, ""},
		{`{"items":"某政发〔2021〕5号"}`, 400, "items 应为字符串数组"},
		{`{"items":[1,2]}`, 400, "items 应为字符串数组"},
		{`{"items":["某政发〔2021〕5号"],"asof":20220101}`, 400, "asof 应为 YYYY-MM-DD"},
		{`["某政发〔2021〕5号"]`, 400, "请求体应为 JSON 对象"},
		{`{"items":["某政发〔2021〕5号"]`, 400, "请求体不是完整的 JSON"},
		{`{"items":[某政发]}`, 400, "请求体不是有效的 JSON"},
		{``, 400, "请求体为空"},
		{`{"items":["某政发〔2021〕5号"]} {}`, 400, "之后还有内容"},
	} {
		req := httptest.NewRequest(http.MethodPost, "/api/validity", strings.NewReader(tt.body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.Validity(rec, req)
		if rec.Code != tt.status {
			t.Errorf("%s: %d %s, want %d", tt.body, rec.Code, rec.Body, tt.status)
			continue
		}
		var got struct {
			Results []map[string]any `json:"results"`
			Error   struct{ Code, Message string }
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
			t.Fatalf("%s: %v", tt.body, err)
		}
		if tt.status == 200 {
			if len(got.Results) != 1 || got.Results[0]["matched_by"] != "doc_number" {
				t.Errorf("%s: results %v", tt.body, got.Results)
			}
			continue
		}
		m := got.Error.Message
		if got.Error.Code != "invalid_parameter" || !strings.Contains(m, tt.says) ||
			!strings.Contains(m, `请求体应为 JSON 对象：{"items":["…"],"asof":"YYYY-MM-DD"}`) {
			t.Errorf("%s: error %+v, want a message saying %q and the expected shape", tt.body, got.Error, tt.says)
		}
		for _, goWords := range []string{"json:", "Go ", "struct", "validityRequest", "unmarshal", "[]string", "invalid character"} {
			if strings.Contains(m, goWords) {
				t.Errorf("%s: message %q shows decoder internals (%q)", tt.body, m, goWords)
			}
		}
	}
}
