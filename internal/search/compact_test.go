package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/validity"
)

// Compact merges the segments that many small writes leave behind, keeps every
// document, and what it merged is what the next open finds.
func TestCompactMergesSegments(t *testing.T) {
	// bleve would merge this test's small segments in the background: let them be.
	backgroundMerges = map[string]any{"MaxSegmentsPerTier": 100, "SegmentsPerMergeTask": 100, "FloorSegmentSize": 1}
	defer func() { backgroundMerges = nil }()
	dir := filepath.Join(t.TempDir(), "index")
	x, err := Create(dir)
	if err != nil {
		t.Fatal(err)
	}
	open := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	ctx := context.Background()
	var all []*Doc
	for i := range 12 { // each Apply adds at least one segment
		var docs []*Doc
		for j := range 3 {
			n := i*3 + j
			docs = append(docs, &Doc{VersionID: fmt.Sprintf("v%d", n), WorkID: fmt.Sprintf("w%d", n),
				Title: fmt.Sprintf("某县第%d号税收管理规定", n), Text: "第一条 为规范税收征收管理，制定本规定。" + string(rune('甲'+n)),
				Level: "规范性文件", Publish: model.Date(20200101 + n), Bounds: open})
		}
		all = append(all, docs...)
		if err := x.Apply(ctx, docs, nil, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	if _, n, _ := x.segments(); n < 12 {
		t.Fatalf("%d segments before compacting, want one per write", n)
	}
	q := Query{Text: "税收 规定", AsOf: 20261127, Size: 50}
	want, err := x.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	before, after, err := x.Compact(ctx, 36)
	if err != nil {
		t.Fatal(err)
	}
	if before < 12 || after != 1 {
		t.Fatalf("segments %d → %d, want several → 1", before, after)
	}
	if err := x.Close(); err != nil {
		t.Fatal(err)
	}
	y, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer y.Close()
	if err := y.Attach(all, "t", nil); err != nil {
		t.Fatal(err)
	}
	if n, _ := y.Count(); n != 36 {
		t.Fatalf("%d documents after compacting, want 36", n)
	}
	if _, now, err := y.segments(); err != nil || now != 1 {
		t.Fatalf("reopened with %d segments (%v), want 1", now, err)
	}
	got, err := y.Search(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if got.Total != want.Total || len(got.Hits) != len(want.Hits) || got.Total != 36 {
		t.Fatalf("total %d, before compacting %d", got.Total, want.Total)
	}
	// Scores change a little: bleve's BM25 takes a field's average length from the
	// number of terms in its dictionaries, which merging dedupes. Equal documents still
	// rank as they did.
	for i := range got.Hits {
		if g, w := got.Hits[i], want.Hits[i]; g.VersionID != w.VersionID {
			t.Errorf("hit %d: %s, before compacting %s", i, g.VersionID, w.VersionID)
		}
	}
}

type fakeSegment struct{ id, docs int64 }

func (s fakeSegment) Id() uint64          { return uint64(s.id) }
func (s fakeSegment) FullSize() int64     { return s.docs }
func (s fakeSegment) LiveSize() int64     { return s.docs }
func (s fakeSegment) HasVector() bool     { return false }
func (s fakeSegment) FileSize() int64     { return s.docs * 6000 }
func (s fakeSegment) LiveFileSize() int64 { return s.docs * 6000 }

// plan is what compactPlan merges in one round over segments of these sizes: the number
// of merge tasks and the sizes of the segments they merge.
func plan(t *testing.T, added int64, sizes ...int64) (tasks [][]int64) {
	t.Helper()
	var segs []mergeplan.Segment
	var n int64
	for i, d := range sizes {
		segs = append(segs, fakeSegment{int64(i), d})
		n += d
	}
	o := compactPlan(uint64(n), uint64(added))
	p, err := mergeplan.Plan(segs, &o)
	if err != nil {
		t.Fatal(err)
	}
	if p == nil {
		return nil
	}
	for _, task := range p.Tasks {
		var merged []int64
		for _, s := range task.Segments {
			merged = append(merged, s.LiveSize())
		}
		tasks = append(tasks, merged)
	}
	return tasks
}

// compactSizes runs Compact's rounds over segments of these sizes, as Compact does: until
// a round merges nothing.
func compactSizes(t *testing.T, added int64, sizes []int64) (after []int64, rewritten int64) {
	t.Helper()
	for {
		tasks := plan(t, added, sizes...)
		if len(tasks) == 0 {
			return sizes, rewritten
		}
		for _, task := range tasks {
			var sum int64
			for _, d := range task {
				i := slices.Index(sizes, d)
				sizes = slices.Delete(sizes, i, i+1)
				sum += d
			}
			sizes = append(sizes, sum)
			rewritten += sum
		}
	}
}

// The plan merges the many small segments of a fresh build, and after a small change
// merges small segments only: the large ones are not rewritten for a few documents.
func TestCompactPlanLeavesLargeSegments(t *testing.T) {
	// What the background merges leave after a fresh ingest of 100k versions.
	fresh := []int64{47000, 10000, 10000}
	for range 16 {
		fresh = append(fresh, 2000)
	}
	var touched []int64
	for _, task := range plan(t, 79000, fresh...) {
		touched = append(touched, task...)
	}
	if len(touched) < 10 {
		t.Fatalf("a fresh build's small segments are not merged: %v", touched)
	}
	if slices.Contains(touched, 47000) {
		t.Errorf("the largest segment is rewritten: %v", touched)
	}
	// A later ingest of twenty changes, after the first compaction.
	for _, task := range plan(t, 20, 47000, 35000, 18000, 20) {
		if slices.Contains(task, 47000) || slices.Contains(task, 35000) || slices.Contains(task, 18000) {
			t.Errorf("a small change rewrites large segments: %v", task)
		}
	}
	// 920 versions added to 100k of corpus-sized texts (the segments its fresh ingest
	// left, and four batches): only the new segments are merged.
	after, _ := compactSizes(t, 920, []int64{48029, 32627, 12764, 6580, 230, 230, 230, 230})
	slices.Sort(after)
	if want := []int64{920, 6580, 12764, 32627, 48029}; !slices.Equal(after, want) {
		t.Errorf("after adding 920 documents: %v, want %v", after, want)
	}
}

// A year of daily ingests of 900 versions into an index of 100k: every day's
// compaction rewrites a bounded amount, and the segments do not pile up.
func TestCompactPlanDailyIngests(t *testing.T) {
	sizes := []int64{48029, 32627, 12764, 6580}
	var worst, total int64
	for range 365 {
		sizes = append(sizes, 450, 450)
		if len(sizes) <= compactAbove {
			continue
		}
		var rewritten int64
		sizes, rewritten = compactSizes(t, 900, sizes)
		worst, total = max(worst, rewritten), total+rewritten
	}
	var n int64
	for _, d := range sizes {
		n += d
	}
	t.Logf("%d documents in %d segments %v; rewritten per day at most %d, in all %d", n, len(sizes), sizes, worst, total)
	if len(sizes) > 30 {
		t.Errorf("%d segments after a year", len(sizes))
	}
	if worst > n/4 {
		t.Errorf("a day's compaction rewrote %d documents of %d", worst, n)
	}
	for _, big := range []int64{48029, 32627} {
		if !slices.Contains(sizes, big) {
			t.Errorf("the %d-document segment was rewritten for daily changes", big)
		}
	}
}

// A small index (a county library: a segment or two) is not merged again after every
// change.
func TestCompactLeavesFewSegments(t *testing.T) {
	backgroundMerges = map[string]any{"MaxSegmentsPerTier": 100, "SegmentsPerMergeTask": 100, "FloorSegmentSize": 1}
	defer func() { backgroundMerges = nil }()
	x, err := Create(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	open := validity.Bounds{InForceFrom: model.DateMin, EndedFrom: model.DateMax, RepealedFrom: model.DateMax, RepFrom: model.DateMin, RepTo: model.DateMax}
	for i := range compactAbove {
		d := &Doc{VersionID: fmt.Sprintf("v%d", i), WorkID: fmt.Sprintf("w%d", i), Title: "某县规定", Text: "第一条", Bounds: open}
		if err := x.Apply(context.Background(), []*Doc{d}, nil, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	before, after, err := x.Compact(context.Background(), 1)
	if err != nil || before != compactAbove || after != compactAbove {
		t.Fatalf("%d segments → %d (%v), want %d left as they are", before, after, err, compactAbove)
	}
}
