// Package ingest turns a library folder into a published snapshot: it reads every
// file (reusing what an earlier ingest read from unchanged files), builds the catalog,
// indexes what changed and switches the served snapshot atomically.
package ingest

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/snapshot"
)

// Options configure one ingest.
type Options struct {
	Library  string
	Index    string
	Workers  int // extraction workers; default one per CPU
	Extract  extract.Options
	Progress Progress // nil for none
	Log      *slog.Logger
	// Force re-reads every file even when unchanged.
	Force bool
	// RefusePrivate withholds from the public any text with personal information (身份证号,
	// 手机号) instead of only reporting it; staff still see it.
	RefusePrivate bool
	// Now dates records seen for the first time; tests fix it.
	Now func() time.Time
}

// PrivacyFinding is personal information found in a public document.
type PrivacyFinding struct {
	Path    string `json:"path"`
	Record  int    `json:"record_line,omitempty"` // JSONL line
	Kind    string `json:"kind"`
	Line    int    `json:"line"` // line in the text
	Masked  string `json:"masked"`
	Context string `json:"context"`
	Refused bool   `json:"withheld"`
}

// FileError is a library file that could not be read, or had records that could not.
type FileError struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
	Detail string `json:"detail"`
	Count  int    `json:"count,omitempty"` // bad records in a bulk file
}

// Report is what an ingest did.
type Report struct {
	Snapshot     string           `json:"snapshot"`
	Unchanged    bool             `json:"unchanged"` // nothing changed: no new snapshot
	Files        int              `json:"files"`
	FilesRead    int              `json:"files_read"`
	FilesReused  int              `json:"files_reused"`
	FilesRemoved int              `json:"files_removed"`
	Versions     int              `json:"versions"`
	Works        int              `json:"works"`
	Relations    int              `json:"relations"`
	Resolved     int              `json:"relations_resolved"`
	Indexed      int              `json:"indexed"`
	Deleted      int              `json:"deleted"`
	TextBytes    int64            `json:"text_bytes"`
	Extractors   map[string]int   `json:"extractors"`
	Skipped      []string         `json:"skipped,omitempty"` // files of a type no reader takes, not read
	Errors       []FileError      `json:"errors"`
	Privacy      []PrivacyFinding `json:"privacy"`
	Duration     time.Duration    `json:"duration_ns"`
}

// Progress is told how far the ingest has got.
type Progress interface {
	Stage(name string, total int)
	Add(n int)
	Done()
}

// Run ingests the library into the index folder.
func Run(ctx context.Context, opt Options) (*Report, error) {
	start := time.Now()
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.NumCPU()
	}
	root := snapshot.Root(opt.Index)
	unlock, err := root.Lock()
	if err != nil {
		return nil, err
	}
	defer unlock()

	prev, prevName, err := loadPrevious(root, opt.Log)
	if err != nil {
		return nil, err
	}
	entries, skipped, err := library.ScanAll(opt.Library, extract.Supported)
	if err != nil {
		return nil, err
	}
	rep := &Report{Files: len(entries), Extractors: map[string]int{}, Skipped: skipped}
	removeStaleSpools(opt.Index)
	sp, err := newSpool(opt.Index)
	if err != nil {
		return nil, err
	}
	defer sp.Close()
	// The previous snapshot's index is copied and updated: when it cannot be opened, every
	// file is read again and every version indexed into a new one, so no version the
	// catalog lists is left out of the index (unsearchable, and unseen by the document
	// table) because its file did not change.
	brokenIndex := false
	if prev != nil {
		if x, err := search.OpenReadOnly(filepath.Join(root.Path(prevName), snapshot.IndexDir)); err != nil {
			opt.Log.Warn("the previous snapshot's index is unreadable: reading every file and indexing every version again", "snapshot", prevName, "err", err)
			brokenIndex, opt.Force = true, true
		} else {
			_ = x.Close()
		}
	}
	if prev != nil && prev.Reader != ReaderVersion && !opt.Force {
		// The records were read by older rules (a repeal sentence they missed, a date they
		// misread): unchanged files are read again, not reused.
		opt.Log.Info("metadata rules changed since the last ingest: reading every file again", "was", prev.Reader, "now", ReaderVersion)
		opt.Force = true
	}
	results, err := readAll(ctx, opt, entries, prev, sp)
	if err != nil {
		return nil, err
	}
	if err := sp.Err(); err != nil {
		return nil, err
	}

	files := map[string]snapshot.FileState{}
	var records []*catalog.Record
	for _, fr := range results {
		files[fr.entry.Path] = fr.state
		if fr.err != nil {
			rep.Errors = append(rep.Errors, *fr.err)
		}
		if fr.state.Extractor != "" && fr.err == nil || len(fr.reads)+len(fr.kept) > 0 {
			rep.Extractors[fr.state.Extractor]++
		}
		if len(fr.reads) > 0 {
			rep.FilesRead++
		} else if len(fr.kept) > 0 {
			rep.FilesReused++
		}
		records = append(records, fr.kept...)
		for _, r := range fr.reads {
			records = append(records, r.record)
			rep.TextBytes += int64(r.bytes)
		}
	}
	if prev != nil {
		for p := range prev.Files {
			if _, ok := files[p]; !ok {
				rep.FilesRemoved++
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	records, dups := dropDuplicateIDs(records)
	rep.Errors = append(rep.Errors, dups...)
	for _, r := range records {
		sp.Bind(r.Version.ID, r.Key) // the texts read in this run, of the records kept
	}

	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	stampFirstSeen(records, prev, now().UTC())

	stage(opt.Progress, "关联与效力", 0)
	for _, r := range records {
		for _, f := range r.Privacy {
			rep.Privacy = append(rep.Privacy, PrivacyFinding{Path: r.Version.Source.Path, Record: r.Version.Source.Line, Kind: f.Kind,
				Line: f.Line, Masked: f.Masked, Context: f.Context, Refused: r.Version.Disclosure == model.Restricted})
		}
	}
	cat := catalog.Build(records)
	rep.Versions, rep.Works = len(cat.Versions), len(cat.Works)
	rep.Relations = len(cat.Relations)
	for _, r := range cat.Relations {
		if r.TargetWork != "" {
			rep.Resolved++
		}
	}
	docs := search.FromCatalog(cat, records)
	// An index written under another mapping or analysis (search.IndexVersion) is not
	// added to: bleve would analyse new texts the way it was created with. Every version
	// is indexed into a new one, its text taken from the previous index when unchanged.
	rebuild := prev != nil && (prev.Index != search.IndexVersion || brokenIndex)
	if rebuild && !brokenIndex {
		opt.Log.Info("the index's analysis changed since the last ingest: indexing every version again", "was", prev.Index, "now", search.IndexVersion)
	}
	fingerprints := map[string]string{}
	var changed []*search.Doc
	for _, d := range docs {
		fp := d.Fingerprint()
		fingerprints[d.VersionID] = fp
		if prev == nil || rebuild || prev.Fingerprints[d.VersionID] != fp {
			changed = append(changed, d)
		}
	}
	var deletes []string
	if prev != nil && !rebuild {
		for id := range prev.Fingerprints {
			if _, ok := fingerprints[id]; !ok {
				deletes = append(deletes, id)
			}
		}
		sort.Strings(deletes)
	}
	sort.Slice(rep.Errors, func(i, j int) bool { return rep.Errors[i].Path < rep.Errors[j].Path })
	manifest := &snapshot.Manifest{
		Reader: ReaderVersion, Index: search.IndexVersion, BuiltAt: time.Now().UTC(), Library: opt.Library, Files: files, Records: records, Fingerprints: fingerprints,
		Summary: snapshot.Summary{Files: rep.Files, Versions: rep.Versions, Works: rep.Works, Relations: rep.Relations, Errors: len(rep.Errors)},
	}
	// A forced ingest always publishes: it read every file again because what is read
	// from them may have changed (a label, a relation, a kind), and the search
	// fingerprints compared here cover only what the index holds.
	if !opt.Force && prev != nil && prev.Reader == ReaderVersion && !rebuild && len(changed) == 0 && len(deletes) == 0 && sameFiles(prev.Files, files) {
		rep.Unchanged, rep.Snapshot = true, prevName
		rep.Duration = time.Since(start)
		done(opt.Progress)
		return rep, nil
	}
	name, err := publish(ctx, opt, root, prevName, manifest, changed, deletes, sp, rebuild)
	if err != nil {
		return nil, err
	}
	rep.Snapshot, rep.Indexed, rep.Deleted = name, len(changed), len(deletes)
	rep.Duration = time.Since(start)
	done(opt.Progress)
	return rep, nil
}

// dropDuplicateIDs keeps the first record of each version id (in library order: by file,
// then by line) and reports the others: an id given twice in the library's own
// metadata would otherwise let the later record silently replace the earlier one.
func dropDuplicateIDs(records []*catalog.Record) ([]*catalog.Record, []FileError) {
	first := make(map[string]string, len(records))
	out := records[:0]
	var errs []FileError
	for _, r := range records {
		id := r.Version.ID
		if at, ok := first[id]; ok {
			errs = append(errs, FileError{Path: r.Version.Source.Path, Reason: "duplicate id",
				Detail: fmt.Sprintf("%s: id %q is already used by %s; this record was skipped", where(r), id, at)})
			continue
		}
		first[id] = where(r)
		out = append(out, r)
	}
	return out, errs
}

// where names a record's place in the library: its file, and its line in a bulk file.
func where(r *catalog.Record) string {
	if r.Version.Source.Line > 0 {
		return fmt.Sprintf("%s line %d", r.Version.Source.Path, r.Version.Source.Line)
	}
	return r.Version.Source.Path
}

// loadPrevious opens the current snapshot's manifest. A snapshot that cannot be read is
// logged and ingested from scratch; the broken one is left for inspection until pruned.
func loadPrevious(root snapshot.Root, log *slog.Logger) (*snapshot.Manifest, string, error) {
	name, err := root.Current()
	if errors.Is(err, snapshot.ErrNone) {
		return nil, "", nil
	}
	if err != nil {
		log.Warn("current snapshot unusable, rebuilding", "err", err)
		return nil, "", nil
	}
	m, err := snapshot.LoadManifest(root.Path(name))
	if err != nil {
		log.Warn("current snapshot unusable, rebuilding", "snapshot", name, "err", err)
		return nil, "", nil
	}
	return m, name, nil
}

func sameFiles(a, b map[string]snapshot.FileState) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w.Hash != v.Hash {
			return false
		}
	}
	return true
}

// ReaderVersion numbers the rules that turn a file into a record (internal/meta,
// internal/extract, buildRecord). Raise it with any change to what they read from an
// unchanged file, so the next ingest reads every file again instead of reusing records
// the older rules made.
const ReaderVersion = 14

// readAll reads every library file that changed since the previous snapshot.
func readAll(ctx context.Context, opt Options, entries []library.Entry, prev *snapshot.Manifest, sp *spool) ([]fileResult, error) {
	prevRecords := map[string]*catalog.Record{}
	if prev != nil && !opt.Force {
		for _, r := range prev.Records {
			prevRecords[r.Key] = r
		}
	}
	stage(opt.Progress, "校验文件", len(entries))
	type hashed struct{ state, file string }
	hashes := parallel(ctx, entries, opt.Workers, func(_ context.Context, e library.Entry) hashed {
		st, f, err := hashFile(e)
		if err != nil {
			return hashed{state: "error:" + err.Error()}
		}
		return hashed{st, f}
	}, func() { add(opt.Progress, 1) })
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	results := make([]fileResult, len(entries))
	var docIdx []int
	for i, e := range entries {
		h := hashes[i].state
		if strings.HasPrefix(h, "error:") {
			results[i] = fileResult{entry: e, err: &FileError{Path: e.Path, Reason: "unreadable", Detail: strings.TrimPrefix(h, "error:")}}
			continue
		}
		if prev != nil && !opt.Force {
			if st, ok := prev.Files[e.Path]; ok && st.Hash == h {
				results[i] = reuse(e, st, prevRecords)
				continue
			}
		}
		if e.Kind == library.Bulk {
			stage(opt.Progress, "读取 "+filepath.Base(e.Path), 0)
			results[i] = readBulk(ctx, e, h, hashes[i].file, prevRecords, opt, sp, func() { add(opt.Progress, 1) })
			continue
		}
		docIdx = append(docIdx, i)
	}
	stage(opt.Progress, "提取正文", len(docIdx))
	read := parallel(ctx, docIdx, opt.Workers, func(ctx context.Context, i int) fileResult {
		return readDocument(ctx, entries[i], hashes[i].state, hashes[i].file, opt, sp)
	}, func() { add(opt.Progress, 1) })
	var byKey map[string]*catalog.Record
	for k, i := range docIdx {
		results[i] = read[k]
		if prev == nil {
			continue
		}
		if st, ok := prev.Files[entries[i].Path]; ok {
			if byKey == nil {
				byKey = make(map[string]*catalog.Record, len(prev.Records))
				for _, r := range prev.Records {
					byKey[r.Key] = r
				}
			}
			keepEarlier(&results[i], st, byKey)
		}
	}
	return results, ctx.Err()
}

// keepEarlier keeps the versions a document file held before it was replaced: a
// version's text is never overwritten. When the file's new text is a new version (it
// bears another publish date), the earlier versions stay, under keys of their own
// (path@version id) that the file's state lists, so later ingests keep them while the
// file is in the library; their texts stay in the index they were written to. A new
// text with the same publish date is a correction of the same version and replaces
// it. A file that can no longer be read keeps nothing: its metadata may have been
// changed to withhold it (a sidecar saying 不公开 that fails to parse must not leave the
// public version up).
func keepEarlier(fr *fileResult, was snapshot.FileState, prev map[string]*catalog.Record) {
	if len(fr.reads) == 0 {
		return
	}
	dates, hashes := map[model.Date]bool{}, map[string]bool{}
	for _, r := range fr.reads {
		dates[r.record.Version.PublishDate] = true
		hashes[r.record.TextHash] = true
	}
	for _, k := range was.Keys {
		pr, ok := prev[k]
		if !ok || hashes[pr.TextHash] || dates[pr.Version.PublishDate] || pr.Version.PublishDate == 0 {
			continue
		}
		r := *pr
		if !strings.Contains(r.Key, "@") {
			r.Key = fr.entry.Path + "@" + pr.Version.ID
		}
		fr.kept = append(fr.kept, &r)
		fr.state.Keys = append(fr.state.Keys, r.Key)
	}
}

// reuse keeps an unchanged file's records, and its error if it had one.
func reuse(e library.Entry, st snapshot.FileState, prev map[string]*catalog.Record) fileResult {
	fr := fileResult{entry: e, state: st}
	for _, k := range st.Keys {
		if r, ok := prev[k]; ok {
			fr.kept = append(fr.kept, r)
		}
	}
	if st.Error != "" {
		fr.err = &FileError{Path: e.Path, Reason: st.Reason, Detail: st.Error}
	}
	return fr
}

// publish writes a new snapshot: the previous index copied (segments hard-linked), the
// changes applied, the manifest saved, and only then CURRENT switched.
// publish writes and publishes a snapshot: the previous snapshot's index with the
// changed versions indexed and the deleted ones removed, or with fresh, a new index of
// the changed versions (then every version), texts read before from the previous one.
func publish(ctx context.Context, opt Options, root snapshot.Root, prevName string, m *snapshot.Manifest,
	changed []*search.Doc, deletes []string, sp *spool, fresh bool) (name string, err error) {
	created, err := root.Create()
	if err != nil {
		return "", err
	}
	name = created
	defer func() {
		if err != nil {
			// Not name: the error returns set it to "".
			if derr := root.Discard(created); derr != nil {
				opt.Log.Warn("remove unpublished snapshot", "snapshot", created, "err", derr)
			}
		}
	}()
	dir := filepath.Join(root.Path(name), snapshot.IndexDir)
	var prevIdx *search.Index
	if prevName != "" {
		if prevIdx, err = search.OpenReadOnly(filepath.Join(root.Path(prevName), snapshot.IndexDir)); err != nil {
			opt.Log.Warn("previous index unreadable, building afresh", "err", err)
			prevIdx = nil
		}
	}
	// Texts read in this run are in the spool; the others come from the previous index.
	load := func(d *search.Doc) error {
		t, ok, err := sp.Get(d.VersionID)
		if err != nil {
			return err
		}
		if !ok {
			if prevIdx == nil {
				return fmt.Errorf("text of %s is neither read nor indexed; run with -force", d.VersionID)
			}
			if t, err = prevIdx.Text(d.VersionID); err != nil {
				return fmt.Errorf("text of %s: %w (run with -force)", d.VersionID, err)
			}
		}
		d.Text = t
		return nil
	}
	// Texts of unchanged versions that need indexing again come from the previous index,
	// which must be read before it is copied: fetch them first, into the spool.
	if prevIdx != nil {
		for _, d := range changed {
			if _, ok, _ := sp.Get(d.VersionID); !ok {
				if err = load(d); err != nil {
					return "", err
				}
				if err = sp.Put("index:"+d.VersionID, d.Text); err != nil {
					return "", err
				}
				sp.Bind(d.VersionID, "index:"+d.VersionID)
				d.Text = ""
			}
		}
	}
	var idx *search.Index
	if prevIdx != nil {
		if err = prevIdx.Close(); err != nil {
			return "", err
		}
	}
	if prevIdx != nil && !fresh {
		if err = snapshot.CopyTree(filepath.Join(root.Path(prevName), snapshot.IndexDir), dir); err != nil {
			return "", err
		}
		idx, err = search.Open(dir)
	} else {
		deletes = nil
		idx, err = search.Create(dir)
	}
	if err != nil {
		return "", err
	}
	stage(opt.Progress, "建立索引", len(changed))
	if err = idx.Apply(ctx, changed, load, deletes, func(n int) { add(opt.Progress, n) }); err != nil {
		idx.Close()
		return "", err
	}
	// Fewer segments make every search cheaper (each term is opened once per segment).
	stage(opt.Progress, "合并索引段", 0)
	start := time.Now()
	before, after, err := idx.Compact(ctx, len(changed)+len(deletes))
	if err != nil {
		idx.Close()
		return "", fmt.Errorf("compact the index: %w", err)
	}
	opt.Log.Info("index segments merged", "before", before, "after", after, "took", time.Since(start).Round(time.Millisecond))
	if err = idx.Close(); err != nil {
		return "", err
	}
	if err = snapshot.SaveManifest(root.Path(name), m); err != nil {
		return "", err
	}
	if err = snapshot.SaveCursorKey(root.Path(name), search.NewCursorKey()); err != nil {
		return "", err
	}
	if err = ctx.Err(); err != nil {
		return "", err
	}
	if err = root.Publish(name); err != nil {
		return "", err
	}
	if err := root.Prune(2); err != nil {
		opt.Log.Warn("prune old snapshots", "err", err)
	}
	return name, nil
}

func stage(p Progress, name string, total int) {
	if p != nil {
		p.Stage(name, total)
	}
}

func add(p Progress, n int) {
	if p != nil {
		p.Add(n)
	}
}

func done(p Progress) {
	if p != nil {
		p.Done()
	}
}

// formatOf names a file's format by its extension.
func formatOf(p string) string {
	return strings.TrimPrefix(strings.ToLower(filepath.Ext(p)), ".")
}

var _ = os.Stat
