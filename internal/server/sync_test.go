package server

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/ingest"
)

// A server started on an existing index serves it at once and brings it up to date
// with the library in the background: a file added since the last ingest is found
// without running `guifan ingest`. A read replica (NoIngest) never ingests.
func TestSyncOnStartAddsNewFiles(t *testing.T) {
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	write := func(name, text string) {
		if err := os.MkdirAll(lib, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(lib, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "关于印发某县养犬管理办法的通知\n第一条 为规范养犬，制定本办法。\n本办法自2021年1月1日起施行。\n")
	if _, err := ingest.Run(context.Background(), ingest.Options{Library: lib, Index: idx}); err != nil {
		t.Fatal(err)
	}
	write("b.txt", "关于印发某县物业服务收费办法的通知\n第一条 为规范物业服务收费，制定本办法。\n本办法自2022年1月1日起施行。\n")

	total := func(base, q string) int {
		resp, err := http.Get(base + "/api/search?q=" + url.QueryEscape(q))
		if err != nil {
			return -1
		}
		defer resp.Body.Close()
		var r struct {
			Total int
			Match string
		}
		if resp.StatusCode != 200 || json.NewDecoder(resp.Body).Decode(&r) != nil {
			return -1
		}
		if r.Match != "exact" {
			return 0 // a looser match stands in for nothing here
		}
		return r.Total
	}
	start := func(sync, noIngest bool) (string, func()) {
		s, err := New(Config{Addr: "127.0.0.1:0", Library: lib, Index: idx, Reload: 100 * time.Millisecond, SyncOnStart: sync, NoIngest: noIngest})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Listen(); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { s.Run(ctx); close(done) }()
		return "http://" + s.Addr(), func() { cancel(); <-done }
	}

	base, stop := start(true, true) // a replica: serves, never ingests
	for deadline := time.Now().Add(10 * time.Second); total(base, "养犬") != 1 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond)
	if n := total(base, "物业服务收费"); n != 0 {
		t.Errorf("a read replica ingested the new file: %d hits", n)
	}
	stop()

	base, stop = start(true, false)
	defer stop()
	if n := total(base, "养犬"); n != 1 {
		t.Errorf("the existing snapshot is not served at once: %d hits", n)
	}
	deadline := time.Now().Add(30 * time.Second)
	for total(base, "物业服务收费") != 1 {
		if time.Now().After(deadline) {
			t.Fatal("the file added to the library was not indexed after start")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
