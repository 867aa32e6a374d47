package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/privacy"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/snapshot"
)

func writeFile(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

const notice = `某县人民政府办公室文件
某政办发〔2021〕5号
关于印发某县就业补贴办法的通知
各乡镇人民政府：
现将《某县就业补贴办法》印发给你们，请认真执行。
某县人民政府办公室
2021年3月1日
第一条 为促进就业，制定本办法。
第二条 本办法自2021年4月1日起施行，有效期3年。
`

func lib(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "a/就业补贴办法.txt", notice)
	writeFile(t, l, "a/就业补贴办法.txt.meta.yaml", "title: 关于印发某县就业补贴办法的通知\npublish_date: 2021-03-01\neffective_date: 2021-04-01\nexpiry_date: 2024-03-31\n")
	writeFile(t, l, "b/laws.jsonl", `{"id":"law-1","title":"某市养老服务条例","publish_date":"2019-01-01","effective_date":"2019-03-01","level":"地方性法规","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"law-2","title":"某市养老服务条例","publish_date":"2022-06-01","effective_date":"2022-09-01","level":"地方性法规","text":"第一条 为了发展养老服务事业，制定本条例。"}
`)
	writeFile(t, l, "c/broken.pdf", "%PDF-1.7 this is not really a pdf")
	return l, idx
}

func run(t *testing.T, l, idx string) *Report {
	t.Helper()
	rep, err := Run(context.Background(), Options{Library: l, Index: idx})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func current(t *testing.T, idx string) (string, *snapshot.Manifest) {
	t.Helper()
	root := snapshot.Root(idx)
	name, err := root.Current()
	if err != nil {
		t.Fatal(err)
	}
	m, err := snapshot.LoadManifest(root.Path(name))
	if err != nil {
		t.Fatal(err)
	}
	return name, m
}

func TestIngestReportsAndSkipsBadFiles(t *testing.T) {
	l, idx := lib(t)
	rep := run(t, l, idx)
	if rep.Files != 3 || rep.Versions != 3 || rep.Works != 2 {
		t.Errorf("files %d versions %d works %d; want 3, 3, 2", rep.Files, rep.Versions, rep.Works)
	}
	if len(rep.Errors) != 1 || rep.Errors[0].Path != "c/broken.pdf" {
		t.Fatalf("errors = %+v, want the broken PDF only", rep.Errors)
	}
	var out strings.Builder
	rep.Print(&out)
	for _, want := range []string{"versions 3", "works 2", "c/broken.pdf"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("printed report lacks %q:\n%s", want, out.String())
		}
	}
}

func TestReingestIsIncremental(t *testing.T) {
	l, idx := lib(t)
	first := run(t, l, idx)
	name1, _ := current(t, idx)

	// Nothing changed: no new snapshot, nothing read.
	again := run(t, l, idx)
	if !again.Unchanged || again.FilesRead != 0 || again.Snapshot != name1 {
		t.Errorf("no-op re-ingest: %+v", again)
	}

	// A forced ingest reads every file and publishes what it read, even when the
	// indexed fields are the same: labels, relations and kinds are not among them.
	forced, err := Run(context.Background(), Options{Library: l, Index: idx, Force: true})
	if err != nil {
		t.Fatal(err)
	}
	if forced.Unchanged || forced.Snapshot == name1 || forced.FilesRead == 0 {
		t.Errorf("forced re-ingest: %+v", forced)
	}

	// One line of the bulk file changes: only that record is read and indexed again.
	writeFile(t, l, "b/laws.jsonl", `{"id":"law-1","title":"某市养老服务条例","publish_date":"2019-01-01","effective_date":"2019-03-01","level":"地方性法规","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"law-2","title":"某市养老服务条例","publish_date":"2022-06-01","effective_date":"2022-09-01","level":"地方性法规","text":"第一条 为了发展养老服务事业，促进老年人福祉，制定本条例。"}
`)
	changed := run(t, l, idx)
	if changed.Unchanged || changed.Indexed != 1 || changed.Versions != first.Versions {
		t.Errorf("changed line: indexed %d (want 1), versions %d (want %d)", changed.Indexed, changed.Versions, first.Versions)
	}
	current(t, idx)
	st, _ := searchText(t, idx, "law-2")
	if !strings.Contains(st, "促进老年人福祉") {
		t.Errorf("the changed text is not indexed: %q", st)
	}

	// A deleted file's records disappear.
	if err := os.Remove(filepath.Join(l, "a/就业补贴办法.txt")); err != nil {
		t.Fatal(err)
	}
	removed := run(t, l, idx)
	if removed.FilesRemoved != 1 || removed.Deleted != 1 || removed.Versions != 2 {
		t.Errorf("after delete: %+v", removed)
	}
	_, m := current(t, idx)
	for _, r := range m.Records {
		if strings.HasPrefix(r.Key, "a/") {
			t.Errorf("record of the deleted file remains: %s", r.Key)
		}
	}
}

// A snapshot whose records older metadata rules read is read again in full by the next
// ingest, and the new snapshot records the current rules, so the one after is a no-op.
func TestNewReaderRulesRereadUnchangedFiles(t *testing.T) {
	l, idx := lib(t)
	run(t, l, idx)
	name, m := current(t, idx)
	m.Reader = ReaderVersion - 1
	if err := snapshot.SaveManifest(snapshot.Root(idx).Path(name), m); err != nil {
		t.Fatal(err)
	}
	again := run(t, l, idx)
	if again.Unchanged || again.FilesRead != again.Files-1 || again.FilesReused != 0 { // the broken PDF is not read
		t.Errorf("after a rules change: %+v", again)
	}
	if _, m := current(t, idx); m.Reader != ReaderVersion {
		t.Errorf("new snapshot records rules %d, want %d", m.Reader, ReaderVersion)
	}
	if third := run(t, l, idx); !third.Unchanged || third.FilesRead != 0 {
		t.Errorf("third ingest: %+v", third)
	}
}

// A snapshot whose index was written under another mapping or analysis is indexed
// afresh by the next ingest: every version, its text taken from the previous index (no
// file is read again), into a new index; the new snapshot records the current version,
// so the ingest after it is a no-op.
func TestNewIndexVersionIndexesEveryVersion(t *testing.T) {
	l, idx := lib(t)
	first := run(t, l, idx)
	name, m := current(t, idx)
	m.Index = search.IndexVersion - 1
	if err := snapshot.SaveManifest(snapshot.Root(idx).Path(name), m); err != nil {
		t.Fatal(err)
	}
	again := run(t, l, idx)
	if again.Unchanged || again.Indexed != first.Versions || again.Deleted != 0 || again.FilesRead != 0 {
		t.Errorf("after an analysis change: indexed %d of %d versions, %d deleted, %d files read (%+v)", again.Indexed, first.Versions, again.Deleted, again.FilesRead, again)
	}
	if _, m := current(t, idx); m.Index != search.IndexVersion {
		t.Errorf("new snapshot records index version %d, want %d", m.Index, search.IndexVersion)
	}
	if text, err := searchText(t, idx, "law-2"); err != nil || !strings.Contains(text, "发展养老服务事业") {
		t.Errorf("text of law-2 after the rebuild: %q, %v", text, err)
	}
	if third := run(t, l, idx); !third.Unchanged {
		t.Errorf("third ingest: %+v", third)
	}
}

// When the previous snapshot's index cannot be opened, the next ingest reads every file
// and indexes every version: copying nothing and indexing only the changed versions
// left the others out of the index, listed in the catalog and never found.
func TestUnreadablePreviousIndexIsRebuilt(t *testing.T) {
	l, idx := lib(t)
	first := run(t, l, idx)
	name, _ := current(t, idx)
	dir := filepath.Join(snapshot.Root(idx).Path(name), snapshot.IndexDir)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "index_meta.json", "garbage")
	writeFile(t, l, "b/laws.jsonl", `{"id":"law-1","title":"某市养老服务条例","publish_date":"2019-01-01","effective_date":"2019-03-01","level":"地方性法规","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"law-2","title":"某市养老服务条例","publish_date":"2022-06-01","effective_date":"2022-09-01","level":"地方性法规","text":"第一条 为了发展养老服务事业，促进老年人福祉，制定本条例。"}
`)
	again := run(t, l, idx)
	if again.Indexed != first.Versions || again.Versions != first.Versions {
		t.Errorf("indexed %d of %d versions (%+v)", again.Indexed, again.Versions, again)
	}
	_, m := current(t, idx)
	for _, r := range m.Records {
		if text, err := searchText(t, idx, r.Version.ID); err != nil || text == "" {
			t.Errorf("%s is not in the index: %q, %v", r.Version.ID, text, err)
		}
	}
}

func searchText(t *testing.T, idx, versionID string) (string, error) {
	t.Helper()
	name, _ := current(t, idx)
	x, err := search.OpenReadOnly(filepath.Join(snapshot.Root(idx).Path(name), snapshot.IndexDir))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	return x.Text(versionID)
}

// An ingest that dies half-way leaves the published snapshot as it was.
func TestCancelledIngestKeepsPublishedSnapshot(t *testing.T) {
	l, idx := lib(t)
	run(t, l, idx)
	name1, m1 := current(t, idx)
	writeFile(t, l, "d/新文件.txt", notice)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Run(ctx, Options{Library: l, Index: idx, Force: true}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled ingest returned %v", err)
	}
	name2, m2 := current(t, idx)
	if name2 != name1 || len(m2.Records) != len(m1.Records) {
		t.Errorf("published snapshot changed by a failed ingest: %s → %s", name1, name2)
	}
	if _, err := searchText(t, idx, "law-1"); err != nil {
		t.Errorf("previous index unreadable after a failed ingest: %v", err)
	}
}

func TestSecondIngestIsLockedOut(t *testing.T) {
	_, idx := lib(t)
	unlock, err := snapshot.Root(idx).Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	l, _ := lib(t)
	if _, err := Run(context.Background(), Options{Library: l, Index: idx}); err == nil || !strings.Contains(err.Error(), "another ingest") {
		t.Errorf("concurrent ingest: %v", err)
	}
}

func TestPrivacyScreening(t *testing.T) {
	d17 := "11010519491231002"
	id := d17 + string(privacy.IDCheckChar(d17))
	text := "关于公布补贴名单的通知\n张某，身份证号" + id + "，联系电话138 0013 8000。\n"
	for _, refuse := range []bool{false, true} {
		dir := t.TempDir()
		l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
		writeFile(t, l, "名单.txt", text)
		rep, err := Run(context.Background(), Options{Library: l, Index: idx, RefusePrivate: refuse})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Privacy) != 2 {
			t.Fatalf("findings %+v, want the ID and the mobile number", rep.Privacy)
		}
		var out strings.Builder
		rep.Print(&out)
		if strings.Contains(out.String(), id) || strings.Contains(out.String(), "13800138000") {
			t.Errorf("report prints the number in clear:\n%s", out.String())
		}
		_, m := current(t, idx)
		restricted := m.Records[0].Version.Disclosure == model.Restricted
		if restricted != refuse || rep.Privacy[0].Refused != refuse {
			t.Errorf("refuse=%v: restricted=%v", refuse, restricted)
		}
	}
}

// A document file replaced by a later text keeps its earlier version: a version's text
// is never overwritten. A correction bearing the same date replaces the text; a file
// that can no longer be read, or is removed, takes them all.
func TestReplacedFileKeepsEarlierVersion(t *testing.T) {
	l, idx := lib(t)
	run(t, l, idx)
	versionsOf := func() map[string]string { // version id → key, for the notice's file
		_, m := current(t, idx)
		out := map[string]string{}
		for _, r := range m.Records {
			if strings.HasPrefix(r.Key, "a/") {
				out[r.Version.ID] = r.Key
			}
		}
		return out
	}
	before := versionsOf()
	if len(before) != 1 {
		t.Fatalf("versions before: %v", before)
	}
	var oldID string
	for id := range before {
		oldID = id
	}
	// The office replaces the file with the 2024 revision.
	revised := strings.NewReplacer("〔2021〕5号", "〔2024〕2号", "2021年3月1日", "2024年3月20日", "2021年4月1日", "2024年4月1日",
		"为促进就业", "为促进高质量充分就业").Replace(notice)
	writeFile(t, l, "a/就业补贴办法.txt", revised)
	writeFile(t, l, "a/就业补贴办法.txt.meta.yaml", "title: 关于印发某县就业补贴办法的通知\npublish_date: 2024-03-20\neffective_date: 2024-04-01\nexpiry_date: 2027-03-31\n")
	rep := run(t, l, idx)
	after := versionsOf()
	if len(after) != 2 || after[oldID] == "" || rep.Deleted != 0 || rep.Works != 2 {
		t.Fatalf("after the revision: versions %v, deleted %d, works %d; want the old one kept", after, rep.Deleted, rep.Works)
	}
	if text, err := searchText(t, idx, oldID); err != nil || !strings.Contains(text, "为促进就业") {
		t.Errorf("the earlier text: %q, %v", text, err)
	}
	// Unchanged: both stay.
	if again := run(t, l, idx); !again.Unchanged || len(versionsOf()) != 2 {
		t.Errorf("no-op re-ingest: %+v, versions %v", again, versionsOf())
	}
	// A correction of the 2024 text (same date) replaces that text only.
	writeFile(t, l, "a/就业补贴办法.txt", strings.Replace(revised, "制定本办法", "特制定本办法", 1))
	run(t, l, idx)
	if now := versionsOf(); len(now) != 2 || now[oldID] == "" {
		t.Errorf("after a correction: %v, want the 2021 version and the corrected 2024 one", now)
	}
	// Unreadable now (here its sidecar): nothing of it stays, since the change may have
	// been meant to withhold it.
	writeFile(t, l, "a/就业补贴办法.txt.meta.yaml", "disclosure: [not, a, word]\n")
	if bad := run(t, l, idx); len(versionsOf()) != 0 || len(bad.Errors) == 0 {
		t.Errorf("unreadable file: versions %v, errors %+v", versionsOf(), bad.Errors)
	}
	// Removed: every version of it goes.
	os.Remove(filepath.Join(l, "a/就业补贴办法.txt"))
	os.Remove(filepath.Join(l, "a/就业补贴办法.txt.meta.yaml"))
	run(t, l, idx)
	if now := versionsOf(); len(now) != 0 {
		t.Errorf("after removal: %v", now)
	}
}

// 有效期5年 counts from the effective date as finally decided: explicit metadata moves
// it; with no 施行 clause at all, it counts from publication.
func TestExpiryTermFollowsEffectiveDate(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "a.txt", "关于印发某县甲办法的通知\n第一条 为规范管理，制定本办法。\n第九条 本办法自2020年1月1日起施行，有效期5年。\n")
	writeFile(t, l, "a.txt.meta.yaml", "publish_date: 2019-12-01\neffective_date: 2021-01-01\n")
	writeFile(t, l, "b.txt", "关于印发某县乙办法的通知\n第一条 为规范管理，制定本办法。\n第九条 本办法有效期5年。\n")
	writeFile(t, l, "b.txt.meta.yaml", "publish_date: 2021-03-01\n")
	run(t, l, idx)
	_, m := current(t, idx)
	want := map[string]model.Date{"a.txt": 20251231, "b.txt": 20260228}
	for _, r := range m.Records {
		if w, ok := want[r.Key]; ok {
			if r.Version.ExpiryDate != w {
				t.Errorf("%s: expiry %s, want %s (effective %s)", r.Key, r.Version.ExpiryDate, w, r.Version.EffectiveDate)
			}
			delete(want, r.Key)
		}
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
}

// An annual plan's 有效期 is inferred from the year in its title only when neither
// metadata nor the text states one.
func TestAnnualPlanExpiryPrecedence(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	plan := "关于印发某县2022年政务公开工作要点的通知\n各乡镇人民政府：\n现将《某县2022年政务公开工作要点》印发给你们。\n"
	writeFile(t, l, "title.txt", plan)
	writeFile(t, l, "title.txt.meta.yaml", "publish_date: 2022-03-01\n")
	writeFile(t, l, "text.txt", plan+"本通知自印发之日起施行，有效期至2023年3月31日。\n")
	writeFile(t, l, "text.txt.meta.yaml", "publish_date: 2022-03-02\n")
	writeFile(t, l, "meta.txt", plan+"本通知自印发之日起施行，有效期至2023年3月31日。\n")
	writeFile(t, l, "meta.txt.meta.yaml", "publish_date: 2022-03-03\nexpiry_date: 2023-06-30\n")
	run(t, l, idx)
	_, m := current(t, idx)
	want := map[string]struct {
		expiry model.Date
		origin string
	}{"title.txt": {20221231, "title"}, "text.txt": {20230331, "text"}, "meta.txt": {20230630, "metadata"}}
	for _, r := range m.Records {
		w, ok := want[r.Key]
		if !ok {
			continue
		}
		if v := r.Version; v.ExpiryDate != w.expiry || v.ExpiryEvidence.Origin != w.origin {
			t.Errorf("%s: expiry %s from %q, want %s from %q", r.Key, v.ExpiryDate, v.ExpiryEvidence.Origin, w.expiry, w.origin)
		}
		delete(want, r.Key)
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
}

// An id given twice is reported; the first record keeps it and nothing is overwritten.
func TestDuplicateIDReported(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "laws.jsonl", `{"id":"rec-a1","version_of":"work-a","title":"某省失业保险条例","publish_date":"2010-01-01","text":"第一条 为了保障失业人员基本生活，制定本条例。"}
{"id":"rec-a2","version_of":"work-a","title":"某省失业保险条例","publish_date":"2020-06-01","effective_date":"2020-07-01","text":"第一条 为了保障失业人员基本生活，促进再就业，制定本条例。"}
{"id":"rec-a1","version_of":"work-b","title":"某省工伤保险条例","publish_date":"2021-01-01","text":"第一条 工伤。"}
`)
	rep := run(t, l, idx)
	if len(rep.Errors) != 1 || rep.Errors[0].Reason != "duplicate id" || !strings.Contains(rep.Errors[0].Detail, "line 3") || !strings.Contains(rep.Errors[0].Detail, "line 1") {
		t.Fatalf("errors %+v, want the duplicate on line 3 reported", rep.Errors)
	}
	if rep.Versions != 2 {
		t.Errorf("versions %d, want 2", rep.Versions)
	}
	if text, err := searchText(t, idx, "rec-a1"); err != nil || !strings.Contains(text, "保障失业人员基本生活，制定本条例") {
		t.Errorf("rec-a1: %q, %v — the first record's text", text, err)
	}
}

// The spool of a killed ingest is removed by the next one.
func TestStaleSpoolRemoved(t *testing.T) {
	l, idx := lib(t)
	run(t, l, idx)
	stale := filepath.Join(idx, "texts-12345.spool")
	writeFile(t, idx, "texts-12345.spool", strings.Repeat("条", 1000))
	run(t, l, idx)
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("stale spool still there: %v", err)
	}
	if left, _ := filepath.Glob(filepath.Join(idx, "texts-*.spool")); len(left) != 0 {
		t.Errorf("spools left: %v", left)
	}
}

// Files no reader takes are not documents, but the summary names them.
func TestUnsupportedFilesNamed(t *testing.T) {
	l, idx := lib(t)
	writeFile(t, l, "d/附件1.xls", "not a document type guifan reads")
	writeFile(t, l, "d/说明.markdown", "# 说明")
	rep := run(t, l, idx)
	if rep.Files != 3 || strings.Join(rep.Skipped, ",") != "d/说明.markdown,d/附件1.xls" {
		t.Errorf("files %d, skipped %v", rep.Files, rep.Skipped)
	}
	var out strings.Builder
	rep.Print(&out)
	if !strings.Contains(out.String(), "not read, no reader for their type (2): d/说明.markdown, d/附件1.xls") {
		t.Errorf("printed report:\n%s", out.String())
	}
}

// Warnings from the sidecar (an unknown field, a second sidecar that is not read) and
// from the privacy screen reach the version beside the text's own.
func TestSidecarAndPrivacyWarningsKept(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	d17 := "11010519491231002"
	writeFile(t, l, "a.txt", "关于公布某县补贴名单的通知\n张某，身份证号"+d17+string(privacy.IDCheckChar(d17))+"。\n本通知自印发之日起施行。\n")
	writeFile(t, l, "a.txt.meta.yaml", "publish_date: 2021-03-01\nefective_date: 2021-04-01\n")
	writeFile(t, l, "a.txt.meta.json", `{"title":"另一个标题"}`)
	if _, err := Run(context.Background(), Options{Library: l, Index: idx, RefusePrivate: true}); err != nil {
		t.Fatal(err)
	}
	_, m := current(t, idx)
	if len(m.Records) != 1 {
		t.Fatalf("%d records", len(m.Records))
	}
	v := m.Records[0].Version
	got := strings.Join(v.Warnings, "\n")
	for _, want := range []string{"“efective_date”无法识别", "a.txt.meta.json未读取", "暂不公开"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if v.Title == "另一个标题" {
		t.Errorf("the unread .meta.json was merged")
	}
}

// A version's source sha256 is the hash of the file itself, as served for download,
// not the ingest state's hash of the file and its sidecar together.
func TestSourceHashIsTheFileOwn(t *testing.T) {
	l, idx := lib(t)
	run(t, l, idx)
	_, m := current(t, idx)
	b, err := os.ReadFile(filepath.Join(l, "a/就业补贴办法.txt"))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	want := hex.EncodeToString(sum[:])
	found := false
	for _, r := range m.Records {
		if r.Version.Source.Path != "a/就业补贴办法.txt" {
			continue
		}
		found = true
		if r.Version.Source.SHA256 != want {
			t.Errorf("source sha256 = %s, want %s (the file's own)", r.Version.Source.SHA256, want)
		}
		if st := m.Files["a/就业补贴办法.txt"]; st.Hash == want {
			t.Errorf("the file state hash %s no longer covers the sidecar", st.Hash)
		}
	}
	if !found {
		t.Fatal("no record of the file with a sidecar")
	}
}

// A document given the work it explains (`interprets`) is an interpretation even when
// neither metadata nor its title says 解读; an explicit kind still wins.
func TestInterpretsMakesAnInterpretation(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "laws.jsonl", `{"id":"law-1","title":"某市养老服务条例","publish_date":"2019-01-01","level":"地方性法规","text":"第一条 为了发展养老服务，制定本条例。"}
{"id":"jd-1","title":"养老服务条例要点说明","publish_date":"2019-01-05","interprets":"某市养老服务条例","text":"一、明确服务对象。"}
{"id":"jd-2","title":"养老服务条例实施细则","publish_date":"2019-02-01","kind":"规范性文件","interprets":"某市养老服务条例","text":"第一条 为了实施条例，制定本细则。"}
`)
	writeFile(t, l, "说明.txt", "养老服务补贴申领说明\n\n一、申领对象为年满八十周岁的老年人。\n")
	writeFile(t, l, "说明.txt.meta.yaml", "interprets: 某市养老服务条例\n")
	run(t, l, idx)
	_, m := current(t, idx)
	want := map[string]model.Kind{"jd-1": model.KindInterpretation, "jd-2": model.KindNormative, "law-1": model.KindNormative,
		"说明.txt": model.KindInterpretation}
	for _, r := range m.Records {
		id := r.Version.ID
		if r.Version.Source.Path == "说明.txt" {
			id = "说明.txt"
		}
		if w, ok := want[id]; ok {
			if got := r.Version.Kind; got != w {
				t.Errorf("%s: kind %q, want %q", id, got, w)
			}
			delete(want, id)
		}
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
}

// A version's label comes from the last dated line of its text's history only when
// that line is the version the metadata dates: a LawRefBook header that stops at the
// 2017 revision of a text published 2019-04-23 does not name it 2017年修订.
func TestLabelFromStaleHeaderDropped(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	header := `# 建设工程质量管理条例\n\n2000年1月30日 中华人民共和国国务院令第279号发布\n\n2017年10月7日 《国务院关于修改部分行政法规的决定》第一次修订\n\n<!-- INFO END -->\n\n第一条 为了加强对建设工程质量的管理，制定本条例。`
	writeFile(t, l, "laws.jsonl", `{"id":"stale","title":"建设工程质量管理条例","publish_date":"2019-04-23","level":"行政法规","text":"`+header+`"}
{"id":"current","title":"建设工程质量管理条例","publish_date":"2017-10-07","level":"行政法规","text":"`+header+`\n第二条 凡在中华人民共和国境内从事建设工程的新建、扩建、改建等有关活动，必须遵守本条例。"}
`)
	run(t, l, idx)
	_, m := current(t, idx)
	want := map[string]string{"stale": "", "current": "2017年修订"}
	for _, r := range m.Records {
		if w, ok := want[r.Version.ID]; ok {
			if r.Version.Label != w {
				t.Errorf("%s: label %q, want %q", r.Version.ID, r.Version.Label, w)
			}
			delete(want, r.Version.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
}

// A revised text keeps the original's 施行 clause. The version is dated by its
// publication, and the reason says why the stated date was not taken.
func TestOriginalsEffectiveClauseNamedInTheReason(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "laws.jsonl", `{"id":"rev","title":"某某条例","publish_date":"2013-01-30","level":"行政法规","text":"第一条 为了保护权利，制定本条例。\n第二条 本条例自2002年9月15日起施行。"}
{"id":"none","title":"某某办法","publish_date":"2013-01-30","level":"行政法规","text":"第一条 为了保护权利，制定本办法。"}
`)
	run(t, l, idx)
	_, m := current(t, idx)
	want := map[string]string{
		"rev":  "正文“第二条 本条例自2002年9月15日起施行。”早于本版本发布日期，为原版本的施行日期；本版本按发布日期2013年1月30日计",
		"none": "未载明施行日期，按发布日期2013年1月30日计",
	}
	for _, r := range m.Records {
		if w, ok := want[r.Version.ID]; ok {
			if r.Version.EffectiveDate != 20130130 || r.Version.EffectiveEvidence.Value != w {
				t.Errorf("%s: effective %s %q, want 2013-01-30 %q", r.Version.ID, r.Version.EffectiveDate, r.Version.EffectiveEvidence.Value, w)
			}
			delete(want, r.Version.ID)
		}
	}
	if len(want) > 0 {
		t.Errorf("records missing: %v", want)
	}
}

// A text printed again later keeps the term its 施行 clause starts: 本办法自2023年7月1日起
// 施行，有效期5年 ends 2028-06-30 whenever it was re-published.
func TestTermCountsFromTheStatedDate(t *testing.T) {
	dir := t.TempDir()
	l, idx := filepath.Join(dir, "library"), filepath.Join(dir, "index")
	writeFile(t, l, "a.txt", "关于印发某县招生管理办法的通知\n第一条 为规范招生，制定本办法。\n第九条 本办法自2023年7月1日起施行，有效期5年。\n")
	writeFile(t, l, "a.txt.meta.yaml", "publish_date: 2025-07-20\n")
	run(t, l, idx)
	_, m := current(t, idx)
	for _, r := range m.Records {
		if r.Key == "a.txt" && r.Version.ExpiryDate != 20280630 {
			t.Errorf("expiry %s, want 2028-06-30 (effective %s)", r.Version.ExpiryDate, r.Version.EffectiveDate)
		}
	}
}
