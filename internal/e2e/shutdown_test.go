package e2e

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/guifan/guifan/internal/server"
)

// Shutting down lets the requests already being answered finish.
func TestGracefulShutdownFinishesInFlightRequests(t *testing.T) {
	need(t)
	// The criminal law has many long versions: comparing two takes tens of milliseconds.
	var r searchResp
	get(t, searchPath("q", "中华人民共和国刑法", "size", "1"), &r, true)
	if len(r.Hits) == 0 || r.Hits[0].Title != "中华人民共和国刑法" {
		t.Fatalf("the criminal law is not found: %+v", r.Hits)
	}
	srv, err := server.New(server.Config{Addr: "127.0.0.1:0", Index: indexDir, NoIngest: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Run(ctx) }()
	u := "http://" + srv.Addr()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}
	// Open the connection first, so the slow request is read as soon as it is sent.
	for i := 0; ; i++ {
		resp, err := client.Get(u + "/readyz")
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 {
				break
			}
		}
		if i > 100 {
			t.Fatal("second server never became ready")
		}
		time.Sleep(20 * time.Millisecond)
	}
	type result struct {
		status int
		n      int64
		took   time.Duration
		err    error
	}
	res := make(chan result, 1)
	start := time.Now()
	go func() {
		resp, err := client.Get(u + "/api/works/" + url.PathEscape(r.Hits[0].WorkID) + "/diff")
		if err != nil {
			res <- result{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 {
			t.Logf("body: %s", b)
		}
		res <- result{resp.StatusCode, int64(len(b)), time.Since(start), err}
	}()
	time.Sleep(15 * time.Millisecond)
	cancel() // SIGTERM: stop accepting, finish what is in flight
	got := <-res
	if err := <-done; err != nil {
		t.Errorf("server run: %v", err)
	}
	if got.err != nil || got.status != 200 || got.n == 0 {
		t.Fatalf("in-flight request during shutdown: status %d, %d bytes, %v", got.status, got.n, got.err)
	}
	t.Logf("a %d-byte comparison that took %s finished while the server shut down", got.n, got.took.Round(time.Millisecond))
	if _, err := http.Get(u + "/readyz"); err == nil {
		t.Error("the server still accepts connections after shutting down")
	}
}
