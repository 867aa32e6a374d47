// Package server runs guifan's HTTP service: it wires the service, the JSON API and
// the web pages to one router, builds the index on first start, follows newly
// published snapshots, and shuts down in order.
package server

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"github.com/guifan/guifan/internal/access"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/metrics"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/service"
	"github.com/guifan/guifan/internal/snapshot"
)

// Config is what the server needs to know.
type Config struct {
	Addr     string
	Library  string
	Index    string
	Gate     *access.Gate
	Reload   time.Duration // how often to look for a newly published snapshot
	NoIngest bool          // never build the index (a read replica)
	// SyncOnStart brings an existing index up to date with the library in the
	// background when the server starts (changed files only; every file after an
	// upgrade of the metadata rules), while the existing snapshot is served.
	SyncOnStart bool
	Ingest      ingest.Options
	Log         *slog.Logger
	// Today overrides the default as-of date (tests).
	Today func() time.Time
	// AfterLoad runs after each snapshot is loaded and swapped in (memory tuning).
	AfterLoad func()
}

// Server is a running guifan service.
type Server struct {
	cfg      Config
	svc      *service.Service
	log      *slog.Logger
	http     *http.Server
	listener net.Listener

	ingestMu     sync.Mutex
	ingestCancel context.CancelFunc
	ingestDone   chan struct{}
	lastIngest   *ingest.Report
	ingestErr    error
	metrics      *metrics.Metrics
	router       *mux.Router // the routes, for the OpenAPI check
}

// maxHeaderBytes bounds a request's line and headers. A search URL carries its query:
// 10,000 Chinese characters percent-encoded are some 90 KB, and such a request must
// reach the handlers, which answer it with the API's JSON error or an error page
// rather than net/http's bare 431.
const maxHeaderBytes = 1 << 20

// New prepares a server; Run starts it.
func New(cfg Config) (*Server, error) {
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Gate == nil {
		cfg.Gate, _ = access.NewGate("", "")
	}
	if cfg.Reload <= 0 {
		cfg.Reload = 2 * time.Second
	}
	s := &Server{cfg: cfg, log: cfg.Log, svc: service.New(cfg.Index, cfg.Log)}
	s.svc.AfterLoad = cfg.AfterLoad
	s.metrics = metrics.New(s.svc, !cfg.Gate.Enabled())
	if cfg.Today != nil {
		s.svc.Today = func() model.Date { return model.DateOf(cfg.Today()) }
	}
	h, err := s.routes()
	if err != nil {
		return nil, err
	}
	s.http = &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(cfg.Log.Handler(), slog.LevelWarn),
	}
	return s, nil
}

// Service is the service behind the server (tests use it).
func (s *Server) Service() *service.Service { return s.svc }

// Listen binds the address; Addr then reports it (useful with port 0).
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Addr)
	if err != nil {
		return err
	}
	s.listener = ln
	return nil
}

// Addr is the bound address.
func (s *Server) Addr() string {
	if s.listener == nil {
		return ""
	}
	return s.listener.Addr().String()
}

// Run serves until ctx is cancelled, then shuts down: HTTP first (in-flight requests
// finish), then any running ingest, then the index.
func (s *Server) Run(ctx context.Context) error {
	if s.listener == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	if _, err := s.svc.Reload(); err != nil {
		if !errors.Is(err, snapshot.ErrNone) {
			s.log.Error("cannot open the index; serving nothing until a good snapshot is published", "err", err)
		}
		if !s.cfg.NoIngest {
			s.startIngest()
		}
	} else if s.cfg.SyncOnStart && !s.cfg.NoIngest && s.cfg.Library != "" {
		s.startIngest()
	}
	stopWatch := make(chan struct{})
	watchDone := make(chan struct{})
	go func() {
		defer close(watchDone)
		s.svc.Watch(stopWatch, s.cfg.Reload)
	}()
	serveErr := make(chan error, 1)
	go func() { serveErr <- s.http.Serve(s.listener) }()
	s.log.Info("listening", "addr", s.Addr())

	var err error
	select {
	case <-ctx.Done():
	case err = <-serveErr:
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if e := s.http.Shutdown(shutdownCtx); e != nil {
		s.log.Warn("http shutdown", "err", e)
	}
	close(stopWatch)
	<-watchDone
	s.stopIngest()
	s.svc.Close()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// startIngest builds the index in the background; the service becomes ready when it
// is published.
func (s *Server) startIngest() {
	s.ingestMu.Lock()
	defer s.ingestMu.Unlock()
	if s.ingestDone != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.ingestCancel, s.ingestDone = cancel, make(chan struct{})
	opt := s.cfg.Ingest
	opt.Library, opt.Index, opt.Log = s.cfg.Library, s.cfg.Index, s.log
	go func() {
		defer close(s.ingestDone)
		s.log.Info("bringing the index up to date with the library", "library", opt.Library)
		rep, err := ingest.Run(ctx, opt)
		s.ingestMu.Lock()
		s.lastIngest, s.ingestErr = rep, err
		s.ingestMu.Unlock()
		s.metrics.ObserveIngest(ingestResult(rep, err))
		if errors.Is(err, snapshot.ErrLocked) {
			// Another process (guifan ingest) is bringing the index up to date; its
			// snapshot is picked up when it is published.
			s.log.Info("not syncing: another ingest is running", "err", err)
			return
		}
		if err != nil {
			s.log.Error("ingest failed", "err", err)
			return
		}
		s.log.Info("ingest finished", "versions", rep.Versions, "works", rep.Works, "errors", len(rep.Errors), "unchanged", rep.Unchanged, "duration", rep.Duration.Round(time.Millisecond))
		if rep.Unchanged {
			return
		}
		if _, err := s.svc.Reload(); err != nil {
			s.log.Error("open new snapshot", "err", err)
		}
	}()
}

func (s *Server) stopIngest() {
	s.ingestMu.Lock()
	cancel, done := s.ingestCancel, s.ingestDone
	s.ingestMu.Unlock()
	if cancel != nil {
		cancel()
		<-done
	}
}
