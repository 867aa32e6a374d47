// Package snapshot keeps the index folder's published states. Each ingest writes a
// complete new snapshot (records and full-text index) beside the current one and
// then switches the CURRENT pointer with an atomic rename, so a crash or kill in the
// middle of an ingest leaves the previous snapshot intact and servable, and readers
// (the server, replicas) pick up a new one by reopening.
package snapshot

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"time"
)

const (
	currentFile = "CURRENT"
	snapsDir    = "snapshots"
	lockFile    = "ingest.lock"
)

// ErrNone means no snapshot has been published yet.
var ErrNone = errors.New("no index has been built yet")

// ErrLocked is Lock's error when another process is ingesting into the same index.
var ErrLocked = errors.New("another ingest is running")

// Root is an index folder.
type Root string

// Current is the name of the published snapshot.
func (r Root) Current() (string, error) {
	b, err := os.ReadFile(filepath.Join(string(r), currentFile))
	if errors.Is(err, os.ErrNotExist) {
		return "", ErrNone
	}
	if err != nil {
		return "", err
	}
	name := strings.TrimSpace(string(b))
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return "", fmt.Errorf("index folder %s: CURRENT is corrupt (%q)", r, name)
	}
	if _, err := os.Stat(r.Path(name)); err != nil {
		return "", fmt.Errorf("index folder %s: CURRENT names %s, which is missing: %w", r, name, err)
	}
	return name, nil
}

// Path is the folder of a snapshot.
func (r Root) Path(name string) string { return filepath.Join(string(r), snapsDir, name) }

// Create makes a new, empty snapshot folder with a fresh name.
func (r Root) Create() (string, error) {
	var b [4]byte
	_, _ = rand.Read(b[:])
	name := time.Now().UTC().Format("20060102T150405.000") + "-" + hex.EncodeToString(b[:])
	if err := os.MkdirAll(r.Path(name), 0o755); err != nil {
		return "", err
	}
	return name, nil
}

// Publish makes name the current snapshot: written to a temporary file, synced, and
// renamed over CURRENT, so readers see either the old or the new name, never half.
func (r Root) Publish(name string) error {
	if err := syncTree(r.Path(name)); err != nil {
		return fmt.Errorf("sync snapshot: %w", err)
	}
	tmp := filepath.Join(string(r), currentFile+".tmp")
	f, err := os.Create(tmp)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(name + "\n"); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(string(r), currentFile)); err != nil {
		return err
	}
	return syncDir(string(r))
}

// Prune removes snapshots other than the current one and the keep-1 newest before it,
// and any unpublished leftovers of crashed ingests. Readers that still have an old
// snapshot open keep their open files (Linux keeps unlinked files readable).
func (r Root) Prune(keep int) error {
	cur, err := r.Current()
	if err != nil {
		return err
	}
	entries, err := os.ReadDir(filepath.Join(string(r), snapsDir))
	if err != nil {
		return err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names) // names start with their creation time
	kept := 0
	for i := len(names) - 1; i >= 0; i-- {
		n := names[i]
		switch {
		case n == cur:
			kept++
		case n < cur && kept < keep:
			kept++
		default:
			if err := os.RemoveAll(r.Path(n)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Older lists the snapshots created before name, newest first: the fallbacks when the
// current snapshot cannot be read.
func (r Root) Older(name string) []string {
	entries, err := os.ReadDir(filepath.Join(string(r), snapsDir))
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() && e.Name() < name {
			out = append(out, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(out)))
	return out
}

// Discard removes an unpublished snapshot after a failed ingest. It refuses the current
// snapshot and anything that is not a snapshot name.
func (r Root) Discard(name string) error {
	if name == "" || strings.ContainsAny(name, `/\`) || name == "." || name == ".." {
		return fmt.Errorf("refusing to discard snapshot %q", name)
	}
	if cur, err := r.Current(); err == nil && cur == name {
		return fmt.Errorf("refusing to discard the published snapshot %s", name)
	}
	return os.RemoveAll(r.Path(name))
}

// Lock takes the ingest lock so two ingests never write at once; it fails at once
// when another process holds it.
func (r Root) Lock() (unlock func(), err error) {
	if err := os.MkdirAll(string(r), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(string(r), lockFile), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, fmt.Errorf("%w on %s", ErrLocked, r)
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}

// CopyTree copies a snapshot's index folder into a new one. Immutable segment files
// (*.zap) are hard-linked, which makes the copy of a large index cheap; everything else
// is copied.
func CopyTree(src, dst string) error {
	return filepath.Walk(src, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if info.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".zap") {
			if err := os.Link(p, target); err == nil {
				return nil
			}
		}
		return copyFile(p, target, info.Mode())
	})
}

func copyFile(src, dst string, mode os.FileMode) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncTree(dir string) error {
	return filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() {
			return syncDir(p)
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return f.Sync()
	})
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
