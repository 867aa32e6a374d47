package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/snapshot"
)

// read is one record read in this run; its text went to the spool.
type read struct {
	record *catalog.Record
	bytes  int
}

// fileResult is what one library file gave.
type fileResult struct {
	entry library.Entry
	state snapshot.FileState
	reads []read            // new records with their texts
	kept  []*catalog.Record // records reused from the previous snapshot
	err   *FileError
}

// hashFile hashes a file and its sidecar together, so a metadata change counts as a
// change; the file's own hash is returned too, for downloads to be checked against.
func hashFile(e library.Entry) (state, file string, err error) {
	if e.Err != nil {
		return "", "", e.Err
	}
	h := sha256.New()
	for i, p := range []string{e.Abs, e.Sidecar} {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return "", "", err
		}
		fh := sha256.New()
		_, err = io.Copy(io.MultiWriter(h, fh), f)
		f.Close()
		if err != nil {
			return "", "", err
		}
		if i == 0 {
			file = hex.EncodeToString(fh.Sum(nil))
		}
		h.Write([]byte{0})
	}
	for _, u := range e.Unread { // a sidecar that appears beside the one read changes the warnings
		h.Write([]byte(filepath.Base(u)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)), file, nil
}

// readDocument extracts one document file and builds its record.
func readDocument(ctx context.Context, e library.Entry, hash, fileHash string, opts Options, sp *spool) fileResult {
	opt := opts.Extract
	fr := fileResult{entry: e, state: snapshot.FileState{Hash: hash, Size: e.Size}}
	var fields *library.Fields
	if e.Sidecar != "" {
		f, _, err := library.ReadSidecar(e.Sidecar)
		if err != nil {
			fr.err = &FileError{Path: e.Path, Reason: "bad sidecar", Detail: err.Error()}
			fr.state.Error, fr.state.Reason = fr.err.Detail, fr.err.Reason
			return fr
		}
		fields = f
	}
	res, err := extract.File(ctx, e.Abs, opt)
	if err != nil {
		fr.err = &FileError{Path: e.Path, Reason: string(extract.ReasonOf(err)), Detail: err.Error()}
		fr.state.Error, fr.state.Reason = fr.err.Detail, fr.err.Reason
		return fr
	}
	fr.state.Extractor = res.Extractor
	r := buildRecord(sourceOf(e, fields, res, fileHash, opts.RefusePrivate))
	if err := sp.Put(r.Key, res.Text); err != nil {
		fr.err = &FileError{Path: e.Path, Reason: "spool", Detail: err.Error()}
		return fr
	}
	fr.state.Keys = []string{r.Key}
	fr.reads = []read{{record: r, bytes: len(res.Text)}}
	return fr
}

// ReadFile reads one document file as an ingest would — its sidecar, if any, merged
// over what the text says — without indexing it, for `guifan extract`. It returns the
// extraction, the record built from it, and the sidecar that was read ("" if none).
func ReadFile(ctx context.Context, path string, opt extract.Options) (*extract.Result, *catalog.Record, string, error) {
	e := library.Entry{Path: filepath.ToSlash(path), Abs: path, Kind: library.Document}
	e.Sidecar, e.Unread = library.FindSidecar(path)
	var fields *library.Fields
	if e.Sidecar != "" {
		f, _, err := library.ReadSidecar(e.Sidecar)
		if err != nil {
			return nil, nil, e.Sidecar, fmt.Errorf("bad sidecar: %w", err)
		}
		fields = f
	}
	res, err := extract.File(ctx, path, opt)
	if err != nil {
		return nil, nil, e.Sidecar, err
	}
	r := buildRecord(sourceOf(e, fields, res, "", false))
	return res, r, e.Sidecar, nil
}

// sourceOf is the input of buildRecord for a document file.
// fileHash is the SHA-256 of the file alone (model.SourceFile.SHA256), not the ingest
// state's hash of the file and its sidecar together.
func sourceOf(e library.Entry, fields *library.Fields, res *extract.Result, fileHash string, refusePrivate bool) source {
	warnings := res.Warnings
	for _, u := range e.Unread {
		warnings = append(warnings, "元数据文件"+filepath.Base(u)+"未读取：同一文件只读取一个元数据文件（"+filepath.Base(e.Sidecar)+"）")
	}
	return source{
		key: e.Path, fields: fields, text: res.Text, raw: res.Raw, formTitle: res.Title, fileStem: stem(e.Path), warnings: warnings,
		refusePrivate: refusePrivate,
		file:          model.SourceFile{Path: e.Path, Format: formatOf(e.Path), SHA256: fileHash, Extractor: res.Extractor},
	}
}

// parallel runs fn over items with one worker per CPU, preserving order in the results.
func parallel[T, R any](ctx context.Context, items []T, workers int, fn func(context.Context, T) R, done func()) []R {
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	out := make([]R, len(items))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = fn(ctx, items[i])
				if done != nil {
					done()
				}
			}
		}()
	}
	for i := range items {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}
