package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/guifan/guifan/internal/api"
)

func init() {
	// Downloads and feeds are checked as text: their schema is a string.
	for _, ct := range []string{"application/atom+xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"} {
		openapi3filter.RegisterBodyDecoder(ct, openapi3filter.FileBodyDecoder)
	}
}

// asker is who sends a request: the public (no token), staff, or a client whose
// token is not the staff token.
type asker int

const (
	askPublic asker = iota
	askStaff
	askWrongToken
)

// Real responses of the running server, public and staff, successes and errors, match
// the OpenAPI document: status codes, content types, parameters and JSON bodies.
func TestResponsesMatchOpenAPI(t *testing.T) {
	need(t)
	doc, err := openapi3.NewLoader().LoadFromData(api.OpenAPIDocument())
	if err != nil {
		t.Fatal(err)
	}
	doc.Servers = openapi3.Servers{{URL: base}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	water := url.PathEscape("ansvar-flk:work:城市供水条例")
	var w struct {
		Versions []struct {
			VersionID string `json:"version_id"`
		} `json:"versions"`
	}
	get(t, "/api/works/"+water, &w, false)
	if len(w.Versions) < 2 {
		t.Fatalf("城市供水条例 has %d versions", len(w.Versions))
	}
	cases := []struct {
		method, path, body string
		who                asker
		status             int
	}{
		{"GET", "/healthz", "", askPublic, 200},
		{"HEAD", "/healthz", "", askPublic, 200},
		{"GET", "/readyz", "", askPublic, 200},
		{"GET", "/api/search?q=" + url.QueryEscape("公司法") + "&status=" + url.QueryEscape("现行有效") + "&size=5", "", askPublic, 200},
		{"GET", "/api/search?q=" + url.QueryEscape("养老") + "&sort=date&page=2", "", askStaff, 200},
		{"GET", "/api/search?size=1000", "", askPublic, 400},
		{"GET", "/api/works/" + water + "?asof=2026-05-01", "", askPublic, 200},
		{"GET", "/api/works/nope", "", askPublic, 404},
		{"GET", "/api/works/" + water + "/versions/" + url.PathEscape(w.Versions[0].VersionID), "", askPublic, 200},
		{"GET", "/api/works/" + water + "/diff", "", askPublic, 200},
		{"GET", "/api/validity?q=" + url.QueryEscape("公司法") + "&q=" + url.QueryEscape("不存在的文件"), "", askPublic, 200},
		{"POST", "/api/validity", `{"items":["国办发〔2022〕8号","城市供水条例"],"asof":"2026-06-01"}`, askPublic, 200},
		{"POST", "/api/validity", `{"items":"oops"}`, askPublic, 400},
		{"GET", "/api/cleanup", "", askPublic, 403},
		{"GET", "/api/cleanup?asof=2026-11-27", "", askStaff, 200},
		{"GET", "/api/cleanup.csv", "", askStaff, 200},
		{"GET", "/api/cleanup.xlsx?days=365", "", askStaff, 200},
		{"GET", "/api/changes?since=2026-05-01&until=2026-06-30", "", askPublic, 200},
		{"GET", "/api/changes?since=2026-01-01&kind=version_effective&limit=5", "", askStaff, 200},
		{"GET", "/api/changes", "", askPublic, 400},
		{"GET", "/feed.atom?since=2026-01-01", "", askPublic, 200},
		{"GET", "/api/catalog.csv?bom=true", "", askPublic, 200},
		{"GET", "/api/catalog.jsonl?asof=2026-01-01", "", askPublic, 200},
		{"GET", "/api/openapi.json", "", askPublic, 200},
		{"GET", "/metrics", "", askStaff, 200},
		{"GET", "/metrics", "", askPublic, 403},
		// A token that is not the staff token is refused, not answered as the public.
		{"GET", "/api/search?q=" + url.QueryEscape("公司法"), "", askWrongToken, 401},
		{"POST", "/api/validity", `{"items":["国办发〔2022〕8号"]}`, askWrongToken, 401},
		{"GET", "/metrics", "", askWrongToken, 401},
	}
	ctx := context.Background()
	for _, c := range cases {
		req, _ := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
		if c.body != "" {
			req.Header.Set("Content-Type", "application/json")
		}
		switch c.who {
		case askStaff:
			req.Header.Set("Authorization", "Bearer "+staffToken)
		case askWrongToken:
			req.Header.Set("Authorization", "bearer not-"+staffToken)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		name := c.method + " " + c.path
		if resp.StatusCode != c.status {
			t.Errorf("%s: status %d, want %d: %.200s", name, resp.StatusCode, c.status, body)
			continue
		}
		vreq, _ := http.NewRequest(c.method, base+c.path, strings.NewReader(c.body))
		vreq.Header = req.Header
		route, params, err := router.FindRoute(vreq)
		if err != nil {
			t.Errorf("%s: not in the OpenAPI document: %v", name, err)
			continue
		}
		in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		if c.status < 400 {
			if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
				t.Errorf("%s: request does not match the document: %v", name, err)
			}
		}
		jsonl := strings.HasPrefix(resp.Header.Get("Content-Type"), "application/jsonl")
		out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
			Options: &openapi3filter.Options{IncludeResponseStatus: true, ExcludeResponseBody: jsonl || c.method == "HEAD"}}
		out.SetBodyBytes(body)
		if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
			t.Errorf("%s: response does not match the document: %v", name, err)
		}
		if jsonl {
			validateLines(t, doc, body)
		}
	}
	// A wrong method gets the error object too.
	req, _ := http.NewRequest("DELETE", base+"/api/changes", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var e map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil || resp.StatusCode != 405 {
		t.Fatalf("DELETE: %d %v", resp.StatusCode, err)
	}
	if err := doc.Components.Schemas["Error"].Value.VisitJSON(e); err != nil {
		t.Errorf("405 body: %v", err)
	}
}

// validateLines checks every JSON Lines record against its schema.
func validateLines(t *testing.T, doc *openapi3.T, body []byte) {
	t.Helper()
	schema := doc.Components.Schemas["OpendataRow"].Value
	sc := bufio.NewScanner(bytes.NewReader(body))
	sc.Buffer(nil, 1<<20)
	n := 0
	for sc.Scan() {
		var v any
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			t.Fatalf("line %d: %v", n+1, err)
		}
		if err := schema.VisitJSON(v); err != nil {
			t.Errorf("line %d does not match OpendataRow: %v", n+1, err)
			return
		}
		n++
	}
	if n == 0 {
		t.Error("no JSON Lines records")
	}
}
