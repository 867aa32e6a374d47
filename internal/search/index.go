package search

import (
	"context"
	"crypto/cipher"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	index "github.com/blevesearch/bleve_index_api"
)

// Index is an on-disk full-text index of versions.
type Index struct {
	b    bleve.Index
	dir  string
	errs chan error // background write errors (nil for read-only indexes)
	// Segmenter replaces the built-in query segmentation (used to measure alternatives).
	Segmenter Segmenter
	// Exhaustive scores every query through bleve's searchers, never the fast path of
	// flat.go nor the caches (tests compare the two).
	Exhaustive bool
	texts      *textCache
	matches    *lru[matchKey, *matchList]  // nil unless read-only
	browses    *lru[filter, *browseTotals] // nil unless read-only
	attrs      attributes
	tag        string // the snapshot's name, in search-after cursors (set by Attach)
	// cursorAEAD seals the cursors handed to clients (set by Attach).
	cursorAEAD cipher.AEAD
}

// Create makes a new, empty index in dir (which must not exist yet).
func Create(dir string) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, err
	}
	b, err := bleve.NewUsing(dir, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, writeConfig())
	if err != nil {
		return nil, fmt.Errorf("create index %s: %w", dir, err)
	}
	x := &Index{b: b}
	x.watchErrors(dir)
	return x, nil
}

// writeConfig lets a batch return once it is searchable instead of once it is on disk;
// Apply waits for the last batch to be persisted, which covers the earlier ones. bleve
// retries a failed persist forever (a full disk would hang the ingest): its
// asynchronous errors are passed to the Index writing at that path, which gives up.
//
// A fresh map each time: bleve writes into the config it is given (its "path"), and a
// shared map would point the next index opened at the previous one's folder.
func writeConfig() map[string]any {
	c := map[string]any{"unsafe_batch": true, "asyncErrorCallbackName": asyncCallback}
	if backgroundMerges != nil {
		c["scorchMergePlanOptions"] = backgroundMerges
	}
	return c
}

// backgroundMerges replaces bleve's merge policy while an index is written (tests use
// it to keep the segments Compact is to merge).
var backgroundMerges map[string]any

const asyncCallback = "guifan"

var (
	asyncMu   sync.Mutex
	asyncErrs = map[string]chan error{} // index path → the writer's error channel
)

func init() {
	scorch.RegistryAsyncErrorCallbacks[asyncCallback] = func(err error, path string) {
		// bleve reports the path of its store folder inside the index folder.
		asyncMu.Lock()
		ch := asyncErrs[path]
		if ch == nil {
			ch = asyncErrs[filepath.Dir(path)]
		}
		asyncMu.Unlock()
		if ch != nil {
			select {
			case ch <- err:
			default:
			}
		}
	}
}

// watchErrors routes bleve's background errors for dir to this index.
func (x *Index) watchErrors(dir string) {
	x.errs = make(chan error, 1)
	x.dir = dir
	asyncMu.Lock()
	asyncErrs[dir] = x.errs
	asyncMu.Unlock()
}

// Open opens an existing index for writing; only one process may do so at a time.
func Open(dir string) (*Index, error) { return open(dir, false) }

// OpenReadOnly opens an existing index for searching. Any number of processes may
// hold it open read-only (a server and an ingest reading texts from it).
func OpenReadOnly(dir string) (*Index, error) { return open(dir, true) }

func open(dir string, readOnly bool) (*Index, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("open index: %w", err)
	}
	cfg := map[string]any{"read_only": readOnly, "bolt_timeout": "30s"}
	if !readOnly {
		for k, v := range writeConfig() {
			cfg[k] = v
		}
	}
	b, err := bleve.OpenUsing(dir, cfg)
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	x := &Index{b: b}
	if readOnly {
		x.texts = newTextCache(TextCacheBytes)
		n, err := b.DocCount()
		if err != nil {
			b.Close()
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		x.matches = matchCacheFor(n)
		if MatchCacheBytes != 0 {
			x.browses = newLRU[filter](browseCacheBytes, browseCacheBytes/8, (*browseTotals).bytes)
		}
	} else {
		x.watchErrors(dir)
	}
	return x, nil
}

// Close flushes and closes the index.
func (x *Index) Close() error {
	if x.errs != nil {
		asyncMu.Lock()
		delete(asyncErrs, x.dir)
		asyncMu.Unlock()
	}
	return x.b.Close()
}

// Count is the number of versions indexed.
func (x *Index) Count() (uint64, error) { return x.b.DocCount() }

// Batches are cut at whichever limit comes first: larger batches make fewer segments
// to merge, but hold more text in memory.
const (
	BatchDocs  = 1000
	BatchBytes = 4 << 20
)

// Apply indexes docs and deletes the versions named in deletes, and returns once
// everything is persisted on disk. Batches are built on every CPU at once: bleve
// turns each batch into a segment on the calling goroutine.
// load, when not nil, fills a document's text just before it is indexed.
func (x *Index) Apply(ctx context.Context, docs []*Doc, load func(*Doc) error, deletes []string, progress func(n int)) error {
	if len(docs)+len(deletes) == 0 {
		return nil
	}
	x.attrs.set(docs, deletes)
	work := make(chan *bleve.Batch)
	errs := make(chan error, runtime.NumCPU())
	var wg sync.WaitGroup
	for w := 0; w < runtime.NumCPU(); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b := range work {
				n := b.Size()
				if err := x.b.Batch(b); err != nil {
					select {
					case errs <- err:
					default:
					}
					continue
				}
				if progress != nil {
					progress(n)
				}
			}
		}()
	}
	// Batches are built as the workers take them, so only a few are in memory at once;
	// a document's text is dropped once its batch holds it.
	var err error
	b, size := x.b.NewBatch(), 0
	for _, id := range deletes {
		b.Delete(id)
	}
	for _, d := range docs {
		if err = ctx.Err(); err != nil {
			break
		}
		if load != nil {
			if err = load(d); err != nil {
				break
			}
		}
		if err = b.Index(d.VersionID, d.fields()); err != nil {
			err = fmt.Errorf("index %s: %w", d.VersionID, err)
			break
		}
		size += len(d.Text)
		d.Text = ""
		if b.Size() >= BatchDocs || size >= BatchBytes {
			select {
			case e := <-x.errs:
				err = fmt.Errorf("writing the index: %w", e)
			default:
			}
			if err != nil {
				break
			}
			work <- b
			b, size = x.b.NewBatch(), 0
		}
	}
	if err == nil && b.Size() > 0 {
		work <- b
	}
	close(work)
	wg.Wait()
	if err != nil {
		return err
	}
	select {
	case err := <-errs:
		return err
	default:
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	return x.persisted(ctx)
}

// persisted returns once everything written so far is on disk: segments persist in the
// order they were introduced, so once a marker batch is on disk, so is all before it.
func (x *Index) persisted(ctx context.Context) error {
	persisted := make(chan error, 1)
	marker := x.b.NewBatch()
	marker.SetInternal([]byte("guifan:applied"), []byte(time.Now().UTC().Format(time.RFC3339Nano)))
	marker.SetPersistedCallback(func(err error) { persisted <- err })
	if err := x.b.Batch(marker); err != nil {
		return err
	}
	select {
	case err := <-persisted:
		return err
	case err := <-x.errs:
		return fmt.Errorf("writing the index: %w", err)
	case <-ctx.Done():
		return ctx.Err()
	}
}

// compactPlan is the merge policy of Compact for an index of n documents after an
// ingest that wrote added of them: bleve's tiers (each ten times the size of the one
// below, from 2,000 documents up), at most one segment per tier where bleve's
// background merging allows ten, and only segments under a quarter of the index (merged
// into segments of at most half of it). A search opens every term it needs once per
// segment: a fresh ingest of 100k versions leaves about twenty segments, which this
// merges into three or four.
//
// After a smaller ingest only segments of the size of what it wrote are merged: those
// under four times added, or under a twentieth of the index (at least 5,000 documents),
// whichever is larger. Adding 900 versions to 100k of corpus-sized texts merged 23,000
// documents' segments (680 MB, 24 s) under the whole-index tiers; small segments now
// merge with each other until they reach that size, so the index keeps a segment per
// twentieth of it at most beside the large ones.
func compactPlan(n, added uint64) mergeplan.MergePlanOptions {
	o := mergeplan.DefaultMergePlanOptions
	o.MaxSegmentsPerTier = 1
	limit := max(n/2, 10_000)
	if small := max(8*added, n/10, 10_000); small < limit {
		limit = small
	}
	o.MaxSegmentSize = int64(min(limit, mergeplan.MaxSegmentSizeLimit))
	return o
}

// compactAbove is the number of segments an index may keep without merging: a small
// library's index is one or two segments, and merging them again after every change
// (a second or so on a few hundred documents) would gain nothing a search notices.
const compactAbove = 3

// Compact merges the index's small segments (compactPlan) once it has more than
// compactAbove of them, and returns once the result is on disk; added is the number of
// documents the ingest before it wrote or deleted. It stops at the first round that
// merges nothing.
func (x *Index) Compact(ctx context.Context, added int) (before, after int, err error) {
	s, before, err := x.segments()
	if err != nil || s == nil || before <= compactAbove {
		return before, before, err
	}
	n, err := x.b.DocCount()
	if err != nil {
		return before, before, err
	}
	after = before
	for after > 1 {
		o := compactPlan(n, uint64(max(added, 0)))
		if err = s.ForceMerge(ctx, &o); err != nil {
			return before, after, err
		}
		if err = ctx.Err(); err != nil {
			return before, after, err
		}
		_, now, err := x.segments()
		if err != nil {
			return before, after, err
		}
		if now >= after {
			break
		}
		after = now
	}
	select {
	case e := <-x.errs:
		return before, after, fmt.Errorf("writing the index: %w", e)
	default:
	}
	return before, after, x.persisted(ctx)
}

// segments is the number of segments the index holds now, and its scorch engine (nil
// for other index types).
func (x *Index) segments() (*scorch.Scorch, int, error) {
	adv, err := x.b.Advanced()
	if err != nil {
		return nil, 0, err
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, 0, nil
	}
	r, err := s.Reader()
	if err != nil {
		return nil, 0, err
	}
	defer r.Close()
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, 0, nil
	}
	return s, len(snap.Segments()), nil
}

// Attach gives a read-only index the attributes of the documents it holds (rebuilt
// from the catalog they were indexed from, see AttributesFrom) and the name of its
// snapshot, and builds its document table, so the first search does not pay for it.
//
// cursorKey seals the search-after cursors it hands out: the snapshot's own key, which
// every replica serving it reads, or nil for a key of this process only.
func (x *Index) Attach(docs []*Doc, snapshot string, cursorKey []byte) error {
	x.attrs.set(docs, nil)
	x.tag = snapshot
	if cursorKey == nil {
		cursorKey = NewCursorKey()
	}
	if x.cursorAEAD = cursorAEAD(cursorKey); x.cursorAEAD == nil {
		return fmt.Errorf("snapshot %s: cursor key of %d bytes, want 32", snapshot, len(cursorKey))
	}
	adv, err := x.b.Advanced()
	if err != nil {
		return err
	}
	r, err := adv.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	_, err = x.tableFor(r)
	return err
}

// ErrNoText is returned for a version the index does not hold.
var ErrNoText = errors.New("no text stored for this version")

// TextCacheBytes bounds the texts a read-only index keeps decompressed.
const TextCacheBytes = 64 << 20

// Text is the stored text of a version.
func (x *Index) Text(versionID string) (string, error) {
	if x.texts != nil {
		if t, ok := x.texts.get(versionID); ok {
			return t, nil
		}
	}
	t, err := x.readText(versionID)
	if err == nil && x.texts != nil {
		x.texts.put(versionID, t)
	}
	return t, err
}

func (x *Index) readText(versionID string) (string, error) {
	d, err := x.b.Document(versionID)
	if err != nil {
		return "", err
	}
	if d == nil {
		return "", ErrNoText
	}
	text, found := "", false
	d.VisitFields(func(f index.Field) {
		if f.Name() == fText {
			text, found = string(f.Value()), true
		}
	})
	if !found {
		return "", ErrNoText
	}
	return text, nil
}
