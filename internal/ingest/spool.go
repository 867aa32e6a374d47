package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// spool keeps the texts read in one ingest on disk until they are indexed, so memory
// holds metadata only, whatever the size of the library.
type spool struct {
	mu   sync.Mutex
	f    *os.File
	size int64
	at   map[string][2]int64 // record key → offset, length
	ids  map[string]string   // version id → the key of the record whose text it is
	err  error               // the first write error: the ingest cannot go on without its texts
}

// Err is the first error writing the spool.
func (s *spool) Err() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.err
}

// removeStaleSpools deletes the spools of ingests that were killed (a finished one
// removes its own); the caller holds the index lock, so none of them is in use.
func removeStaleSpools(dir string) {
	old, _ := filepath.Glob(filepath.Join(dir, "texts-*.spool"))
	for _, p := range old {
		os.Remove(p)
	}
}

func newSpool(dir string) (*spool, error) {
	f, err := os.CreateTemp(dir, "texts-*.spool")
	if err != nil {
		return nil, err
	}
	return &spool{f: f, at: map[string][2]int64{}, ids: map[string]string{}}, nil
}

// Put stores the text of a record, under its key; Bind makes it its version's text.
func (s *spool) Put(key, text string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if _, err := s.f.WriteAt([]byte(text), s.size); err != nil {
		s.err = fmt.Errorf("spool text: %w", err)
		return s.err
	}
	s.at[key] = [2]int64{s.size, int64(len(text))}
	s.size += int64(len(text))
	return nil
}

// Bind makes the text stored under key the text of version id. Records are read in
// parallel, so which of two records with one id is read last is chance; the ingest
// binds the one it keeps.
func (s *spool) Bind(id, key string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.at[key]; ok {
		s.ids[id] = key
	}
}

// Get returns a stored text and whether there was one.
func (s *spool) Get(id string) (string, bool, error) {
	s.mu.Lock()
	loc, ok := s.at[s.ids[id]]
	s.mu.Unlock()
	if !ok {
		return "", false, nil
	}
	b := make([]byte, loc[1])
	if _, err := s.f.ReadAt(b, loc[0]); err != nil {
		return "", true, fmt.Errorf("read spooled text: %w", err)
	}
	return string(b), true, nil
}

// Close removes the spool file.
func (s *spool) Close() {
	name := s.f.Name()
	s.f.Close()
	os.Remove(name)
}
