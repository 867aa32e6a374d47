package service

import (
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/snapshot"
)

// Service serves the current snapshot of an index folder.
type Service struct {
	root   snapshot.Root
	log    *slog.Logger
	mu     sync.Mutex // serialises reloads
	cur    *State
	curMu  sync.RWMutex
	failed string // a published snapshot that would not open; not retried until another is published
	// Today is the default as-of date; tests fix it.
	Today func() model.Date
	// AfterLoad, when set, runs after a snapshot is swapped in.
	AfterLoad func()
}

// New makes a service on an index folder; call Reload to open the current snapshot.
func New(indexDir string, log *slog.Logger) *Service {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Service{root: snapshot.Root(indexDir), log: log, Today: model.Today}
}

// Root is the index folder.
func (s *Service) Root() snapshot.Root { return s.root }

// Reload opens the published snapshot if it is not the one being served. A snapshot
// that fails to open leaves the current one serving.
func (s *Service) Reload() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	name, err := s.root.Current()
	if err != nil {
		return false, err
	}
	s.curMu.RLock()
	same := s.cur != nil && (s.cur.Name == name || s.failed == name)
	s.curMu.RUnlock()
	if same {
		return false, nil
	}
	st, err := openState(s.root, name)
	if err != nil {
		s.curMu.RLock()
		serving := s.cur != nil
		s.curMu.RUnlock()
		s.curMu.Lock()
		s.failed = name
		s.curMu.Unlock()
		if serving {
			return false, fmt.Errorf("snapshot %s is unreadable, still serving the previous one: %w", name, err)
		}
		// Nothing is being served yet: fall back to the newest older snapshot that opens.
		var ferr error
		for _, older := range s.root.Older(name) {
			if st, ferr = openState(s.root, older); ferr == nil {
				s.log.Error("current snapshot unreadable; serving an older one", "current", name, "serving", older, "err", err)
				break
			}
		}
		if st == nil {
			return false, fmt.Errorf("snapshot %s is unreadable and no older snapshot opens: %w", name, err)
		}
	}
	st.today = func() model.Date { return s.Today() }
	s.curMu.Lock()
	old := s.cur
	s.cur = st
	s.curMu.Unlock()
	if old != nil {
		old.retire()
	}
	if s.AfterLoad != nil {
		s.AfterLoad()
	}
	s.log.Info("serving snapshot", "snapshot", name, "versions", st.Summary.Versions, "works", st.Summary.Works, "load", st.LoadTime.Round(time.Millisecond))
	return true, nil
}

// Ready reports whether a snapshot is being served.
func (s *Service) Ready() bool {
	s.curMu.RLock()
	defer s.curMu.RUnlock()
	return s.cur != nil
}

// Acquire returns the current state for the duration of one request; call release
// when done so a replaced snapshot can close.
func (s *Service) Acquire() (*State, func(), error) {
	s.curMu.RLock()
	st := s.cur
	if st != nil {
		st.acquire()
	}
	s.curMu.RUnlock()
	if st == nil {
		return nil, nil, problem.New(problem.Unavailable, "索引尚未就绪，请稍后再试")
	}
	return st, st.release, nil
}

// Open loads the current snapshot of an index folder for a program or test that reads
// one snapshot and no more (benchmarks, tools); done releases it.
func Open(indexDir string) (st *State, done func(), err error) {
	svc := New(indexDir, nil)
	if _, err := svc.Reload(); err != nil {
		svc.Close()
		return nil, nil, err
	}
	st, release, err := svc.Acquire()
	if err != nil {
		svc.Close()
		return nil, nil, err
	}
	return st, func() { release(); svc.Close() }, nil
}

// Watch reloads whenever a new snapshot is published, until stop is closed.
func (s *Service) Watch(stop <-chan struct{}, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			if _, err := s.Reload(); err != nil && !errors.Is(err, snapshot.ErrNone) {
				s.log.Error("reload snapshot", "err", err)
			}
		}
	}
}

// Close closes the served snapshot once no request uses it.
func (s *Service) Close() {
	s.curMu.Lock()
	old := s.cur
	s.cur = nil
	s.curMu.Unlock()
	if old != nil {
		old.retire()
	}
}
