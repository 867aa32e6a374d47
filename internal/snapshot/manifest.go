package snapshot

import (
	"bufio"
	"compress/gzip"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unique"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/slab"
)

// manifestVersion changes whenever Manifest's meaning changes; an older snapshot is
// then rebuilt from the library rather than misread.
const manifestVersion = 2

const manifestFile = "manifest.gob.gz"

// IndexDir is the full-text index folder inside a snapshot.
const IndexDir = "fulltext"

// Manifest is what a snapshot knows besides its full-text index: every record read
// from the library, what each library file produced, and what was indexed for each
// version.
type Manifest struct {
	Version int
	// Reader is the version of the rules that read metadata from texts (ingest.ReaderVersion)
	// the records were read with: an ingest by newer rules reads every file again.
	Reader int
	// Index is the version of the index's mapping and analysis (search.IndexVersion) the
	// snapshot's index was written with; 0 before it was numbered. An ingest under
	// another version indexes every version afresh.
	Index        int
	BuiltAt      time.Time
	Library      string
	Files        map[string]FileState // by library path
	Records      []*catalog.Record
	Fingerprints map[string]string // version id → fingerprint of its indexed document
	Summary      Summary
	// NRecords is how many records follow the manifest in its file, one gob value
	// each, so neither writing nor reading holds the whole encoding in memory.
	NRecords int
}

// FileState is one library file as last ingested.
type FileState struct {
	Hash      string // sha256 of the file and its sidecar
	Size      int64
	Keys      []string // the records it produced
	Extractor string
	Error     string // why it could not be read, if it could not
	Reason    string
}

// Summary is the headline of the ingest that built the snapshot.
type Summary struct {
	Files, Versions, Works, Relations, Errors int
}

// SaveManifest writes the manifest into a snapshot folder.
func SaveManifest(dir string, m *Manifest) error {
	m.Version = manifestVersion
	f, err := os.Create(filepath.Join(dir, manifestFile))
	if err != nil {
		return err
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestSpeed)
	bw := bufio.NewWriterSize(zw, 1<<20)
	head := *m
	head.Records, head.NRecords = nil, len(m.Records)
	enc := gob.NewEncoder(bw)
	if err := enc.Encode(&head); err != nil {
		f.Close()
		return err
	}
	for _, r := range m.Records {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// LoadManifest reads a snapshot's manifest.
func LoadManifest(dir string) (*Manifest, error) {
	f, err := os.Open(filepath.Join(dir, manifestFile))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<20))
	if err != nil {
		return nil, fmt.Errorf("manifest %s: %w", dir, err)
	}
	var m Manifest
	dec := gob.NewDecoder(zr)
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("manifest %s: %w", dir, err)
	}
	if m.Version != manifestVersion {
		return nil, fmt.Errorf("manifest %s: format %d, want %d (re-ingest to rebuild)", dir, m.Version, manifestVersion)
	}
	m.Records = make([]*catalog.Record, 0, m.NRecords)
	var p packer
	for range m.NRecords {
		r := new(catalog.Record)
		if err := dec.Decode(r); err != nil {
			return nil, fmt.Errorf("manifest %s: record %d of %d: %w", dir, len(m.Records)+1, m.NRecords, err)
		}
		internRecord(r)
		p.record(r)
		m.Records = append(m.Records, r)
	}
	for _, f := range m.Files {
		p.strs.All(f.Keys)
	}
	return &m, nil
}

// internRecord shares one copy of the strings that repeat across records (a bulk
// file's path and hash, levels, authorities, topics, origins) instead of the copy gob
// decodes for each: at 100k versions that is fewer objects for the collector to mark
// and a smaller live heap.
func internRecord(r *catalog.Record) {
	in := func(s *string) { *s = unique.Make(*s).Value() }
	v := &r.Version
	for _, s := range []*string{&v.Source.Path, &v.Source.Format, &v.Source.SHA256, &v.Source.Extractor,
		(*string)(&v.Level), (*string)(&v.Kind), (*string)(&v.Disclosure), &v.SourceStatus,
		&v.EffectiveEvidence.Origin, &v.ExpiryEvidence.Origin} {
		in(s)
	}
	for i := range v.Authorities {
		in(&v.Authorities[i])
	}
	for i := range v.Topics {
		in(&v.Topics[i])
	}
	for i := range v.Warnings {
		in(&v.Warnings[i])
	}
	for i := range v.Relations {
		rel := &v.Relations[i]
		in((*string)(&rel.Type))
		in(&rel.Origin)
		in(&rel.FromWork)
		in(&rel.FromVersion)
	}
}

// packer moves what gob decoded for each record into shared allocations: the strings
// that are not worth interning (ids, titles, evidence sentences) into shared blocks, the
// relations into shared chunks, and equal lists of authorities or topics into one copy.
// Gob decodes each into an object of its own — about twelve per version, more than a
// million at 100k versions — and the collector marks every one of them in each cycle
// while the catalog lives (BenchmarkOpenSnapshot's ms-gc).
type packer struct {
	strs      slab.Strings
	relations slab.Slab[model.Relation]
	arrays    slab.Slab[string]
	lists     map[string][]string
}

func (p *packer) record(r *catalog.Record) {
	v := &r.Version
	v.Relations = p.relations.Slice(v.Relations)
	v.Authorities = p.list(v.Authorities)
	v.Topics = p.list(v.Topics)
	for _, s := range []*string{&v.ID, &v.WorkID, &v.WorkKey, &v.Label, &v.Title, &v.DocNumber,
		&v.Registration, &v.IndexNumber, &v.EffectiveEvidence.Value, &v.ExpiryEvidence.Value, &v.OriginalEffectiveEvidence, &v.Interprets,
		&v.Source.Record} {
		p.strs.In(s)
	}
	for i := range v.Relations {
		rel := &v.Relations[i]
		p.strs.In(&rel.Target)
		p.strs.In(&rel.TargetWork)
		p.strs.In(&rel.Evidence)
		rel.Articles = p.stringList(rel.Articles)
	}
	v.Articles = p.stringList(v.Articles)
	v.Warnings = p.arrays.Slice(v.Warnings)
	r.AliasIDs = p.stringList(r.AliasIDs)
}

// stringList moves a list of strings and its array into shared blocks.
func (p *packer) stringList(ss []string) []string {
	ss = p.arrays.Slice(ss)
	p.strs.All(ss)
	return ss
}

// list returns one shared copy of every distinct list of (interned) values.
func (p *packer) list(vs []string) []string {
	if len(vs) == 0 {
		return vs
	}
	if p.lists == nil {
		p.lists = map[string][]string{}
	}
	k := strings.Join(vs, "\x00")
	if l, ok := p.lists[k]; ok {
		return l
	}
	l := vs[:len(vs):len(vs)]
	p.lists[k] = l
	return l
}

const cursorKeyFile = "cursor.key"

// SaveCursorKey stores the key that seals a snapshot's search-after cursors, readable
// by this user only: every replica serving the snapshot reads the same key, so a
// cursor from one is good at another.
func SaveCursorKey(dir string, key []byte) error {
	return os.WriteFile(filepath.Join(dir, cursorKeyFile), key, 0o600)
}

// LoadCursorKey reads a snapshot's cursor key; nil when the snapshot has none (built
// before snapshots carried one).
func LoadCursorKey(dir string) ([]byte, error) {
	k, err := os.ReadFile(filepath.Join(dir, cursorKeyFile))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	return k, err
}
