// Package service is what the API, the web pages and the command line ask questions
// of: it holds the published snapshot (catalog and full-text index), swaps in a new one
// when an ingest publishes it, and enforces who may see what.
package service

import (
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/snapshot"
)

// State is one opened snapshot. It stays open while any request uses it, even after
// a newer snapshot replaced it.
type State struct {
	Name     string
	BuiltAt  time.Time
	Library  string
	Summary  snapshot.Summary
	Catalog  *catalog.Catalog
	Index    *search.Index
	Files    map[string]snapshot.FileState
	LoadTime time.Duration

	today func() model.Date

	countsOnce sync.Once
	grams      [2]titleGrams // for suggestions (public, staff), built on first use
	counts     [2]Counts     // public, staff

	refs    atomic.Int64
	retired atomic.Bool
	once    sync.Once
}

// openState loads a snapshot: its manifest into a catalog, its index read-only.
func openState(root snapshot.Root, name string) (*State, error) {
	start := time.Now()
	dir := root.Path(name)
	m, err := snapshot.LoadManifest(dir)
	if err != nil {
		return nil, err
	}
	idx, err := search.OpenReadOnly(filepath.Join(dir, snapshot.IndexDir))
	if err != nil {
		return nil, fmt.Errorf("snapshot %s: %w", name, err)
	}
	key, err := snapshot.LoadCursorKey(dir)
	if err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("snapshot %s: %w", name, err)
	}
	cat := catalog.Build(m.Records)
	if err := idx.Attach(search.AttributesFrom(cat), name, key); err != nil {
		_ = idx.Close()
		return nil, fmt.Errorf("snapshot %s: %w", name, err)
	}
	st := &State{
		Name: name, BuiltAt: m.BuiltAt, Library: m.Library, Summary: m.Summary, Files: m.Files,
		Catalog: cat, Index: idx,
	}
	st.LoadTime = time.Since(start)
	return st, nil
}

func (s *State) acquire() { s.refs.Add(1) }

func (s *State) release() {
	if s.refs.Add(-1) == 0 && s.retired.Load() {
		s.close()
	}
}

// retire marks the state replaced; it closes when its last user lets go.
func (s *State) retire() {
	s.retired.Store(true)
	if s.refs.Load() == 0 {
		s.close()
	}
}

func (s *State) close() { s.once.Do(func() { _ = s.Index.Close() }) }
