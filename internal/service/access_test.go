package service

import (
	"context"
	"encoding/base64"
	"reflect"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
)

// What the public must not learn of restricted documents, through relations and the
// validity check: a reference to one reads like a reference outside the library, a
// restricted title does not hide a public document matched more loosely, and a rename
// stated only in a restricted document does not make the old name find anything.
func TestRestrictedDocumentsLeaveNoTrace(t *testing.T) {
	idx := buildJSONL(t, `{"id":"pub","title":"青石县人民政府关于调整农村道路养护补助的通知","doc_number":"青石政发〔2022〕7号","publish_date":"2022-03-01","text":"第一条 青石民发〔2020〕11号、青石民发〔2015〕3号同时废止。"}
{"id":"sec","title":"青石县民政局关于道路养护补助的内部规程","doc_number":"青石民发〔2020〕11号","publish_date":"2020-05-01","disclosure":"restricted","text":"第一条 内部规程。"}
{"id":"flood-pub","title":"青石县人民政府办公室关于做好2025年防汛工作的通知（青石政办发〔2025〕8号）","publish_date":"2025-04-01","text":"第一条 做好防汛工作。"}
{"id":"flood-sec","title":"青石县人民政府办公室关于做好2025年防汛工作的通知","publish_date":"2025-04-02","disclosure":"restricted","text":"第一条 内部分工。"}
{"id":"allow","title":"青石县老年人补贴办法","publish_date":"2023-01-01","text":"第一条 为保障老年人生活，制定本办法。"}
{"id":"rename","title":"青石县人民政府关于修改《青石县高龄津贴办法》的决定","publish_date":"2024-01-01","disclosure":"restricted","text":"一、修改《青石县高龄津贴办法》\n\n1.将名称修改为：\n\n“青石县老年人补贴办法”。\n"}
`)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	const d = model.Date(20261127)
	public, staff := Viewer{}, Viewer{Staff: true}

	ids := st.Catalog.ByNumber("青石政发〔2022〕7号")
	if len(ids) != 1 {
		t.Fatalf("public notice: %v", ids)
	}
	for _, who := range []Viewer{public, staff} {
		w, err := st.Work(ids[0], d, who)
		if err != nil {
			t.Fatal(err)
		}
		byTarget := map[string]RelationView{}
		for _, r := range w.Relations {
			if r.Direction == "outgoing" && r.Type == "repeals" {
				byTarget[r.Target] = r
			}
		}
		sec, ok := byTarget["青石民发〔2020〕11号"]
		if !ok {
			t.Errorf("staff=%v: the repeal of the restricted notice is not listed: %+v", who.Staff, w.Relations)
		} else if linked := sec.WorkID != ""; linked != who.Staff || !who.Staff && sec.Title != "" {
			t.Errorf("staff=%v: restricted target shown as %+v", who.Staff, sec)
		}
		if _, ok := byTarget["青石民发〔2015〕3号"]; !ok {
			t.Errorf("staff=%v: the repeal of a notice outside the library is not listed", who.Staff)
		}
	}

	rs, err := st.Validity([]string{"青石县人民政府办公室关于做好2025年防汛工作的通知", "青石县高龄津贴办法"}, d, public)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].MatchedBy == nil || rs[0].Title == nil || *rs[0].Title != "青石县人民政府办公室关于做好2025年防汛工作的通知（青石政办发〔2025〕8号）" {
		t.Errorf("the public document is not found behind a restricted title: %+v", rs[0])
	}
	if rs[1].MatchedBy != nil {
		t.Errorf("a rename stated only in a restricted decision finds the document: %+v", rs[1])
	}
}

// A page's cursor from one replica opens at another serving the same snapshot (the
// key is the snapshot's), and carries no score or document number in clear.
func TestCursorWorksAcrossReplicas(t *testing.T) {
	idx := buildJSONL(t, `{"id":"a","title":"某市养犬管理条例","publish_date":"2019-01-01","text":"第一条 为了规范养犬行为，制定本条例。"}
{"id":"b","title":"某市养犬登记办法","publish_date":"2020-01-01","text":"第一条 养犬应当登记。"}
{"id":"c","title":"某市犬只收容规定","publish_date":"2021-01-01","text":"第一条 收容养犬人遗弃的犬只。"}
`)
	a, closeA, err := Open(idx) // two replicas of one snapshot
	if err != nil {
		t.Fatal(err)
	}
	defer closeA()
	b, closeB, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer closeB()
	first, err := a.Search(context.Background(), search.Query{Text: "养犬", AsOf: 20261127, Size: 1}, Viewer{})
	if err != nil || first.Next == "" {
		t.Fatalf("first page: %+v, %v", first, err)
	}
	raw, _ := base64.RawURLEncoding.DecodeString(first.Next)
	if strings.Contains(string(raw), a.Name) {
		t.Errorf("cursor in clear: %q", raw)
	}
	after, err := search.ParseCursor(first.Next)
	if err != nil {
		t.Fatal(err)
	}
	second, err := b.Search(context.Background(), search.Query{Text: "养犬", AsOf: 20261127, Size: 1, After: after}, Viewer{})
	if err != nil || len(second.Hits) != 1 || second.Hits[0].VersionID == first.Hits[0].VersionID {
		t.Errorf("second page at the other replica: %+v, %v", second, err)
	}
}

// A restricted document that a public one repeals reads to the public like a document
// outside the library: checking it answers 已废止 from the public notice (本库未收录),
// and a public work resting on it (依据) carries the same warning, as they would if the
// library did not hold it. Answering "not found" instead, or leaving the warning out,
// would tell the public that the library holds a restricted document of that name.
func TestRestrictedTargetReadsLikeOneOutsideTheLibrary(t *testing.T) {
	const (
		secret = `{"id":"sec","title":"青石县防汛物资内部调拨规程","doc_number":"青石内发〔2019〕7012号","publish_date":"2019-03-01","disclosure":"restricted","text":"第一条 内部规程。"}` + "\n"
		public = `{"id":"rep","title":"青石县人民政府关于废止部分文件的决定","doc_number":"青石政发〔2023〕2号","publish_date":"2023-06-01","relations":[{"type":"repeals","target":"青石内发〔2019〕7012号","date":"2023-06-01"}],"text":"第一条 废止部分文件。"}
{"id":"base","title":"青石县防汛物资储备办法","doc_number":"青石政办发〔2020〕5号","publish_date":"2020-05-01","relations":[{"type":"basis","target":"青石内发〔2019〕7012号"}],"text":"第一条 为做好防汛物资储备，制定本办法。"}
`
	)
	const d = model.Date(20261127)
	answers := func(records string) (check []ValidityResult, note string) {
		st, done, err := Open(buildJSONL(t, records))
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		if check, err = st.Validity([]string{"青石内发〔2019〕7012号", "青石县防汛物资内部调拨规程"}, d, Viewer{}); err != nil {
			t.Fatal(err)
		}
		w, err := st.Work(st.Catalog.ByNumber("青石政办发〔2020〕5号")[0], d, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		return check, w.StatusReason
	}
	outsideCheck, outsideNote := answers(public)
	if outsideCheck[0].Status == nil || *outsideCheck[0].Status != "已废止" || !strings.Contains(outsideNote, "本库未收录") {
		t.Fatalf("without the restricted document: %+v, %q", outsideCheck, outsideNote)
	}
	check, note := answers(secret + public)
	for i := range check {
		if !reflect.DeepEqual(check[i], outsideCheck[i]) {
			t.Errorf("checking %s: %+v, like one outside the library: %+v", check[i].Input, check[i], outsideCheck[i])
		}
	}
	if note != outsideNote {
		t.Errorf("the public work resting on the restricted one reads %q, like one resting on a document outside the library: %q", note, outsideNote)
	}
}

// A JSON Lines record's source shows the public neither its line in the bulk file nor
// the file's hash: both count or change with the restricted records the file holds
// (public records on lines 1 and 3 tell that line 2 is one the public may not see).
func TestBulkSourceTellsNothingOfRestrictedRecords(t *testing.T) {
	const (
		secret = `{"id":"sec","title":"青石县内部值班规程","publish_date":"2021-01-01","disclosure":"restricted","text":"第一条 内部值班。"}` + "\n"
		public = `{"id":"pub","title":"青石县值班管理办法","publish_date":"2022-01-01","text":"第一条 为规范值班，制定本办法。"}` + "\n"
	)
	source := func(records string, who Viewer) model.SourceFile {
		st, done, err := Open(buildJSONL(t, records))
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		v, err := st.Version(st.Catalog.Versions["pub"].WorkID, "pub", 20261127, who)
		if err != nil {
			t.Fatal(err)
		}
		return v.Source
	}
	alone, after := source(public, Viewer{}), source(secret+public, Viewer{})
	if alone != after {
		t.Errorf("the public sees the source %+v after a restricted record, %+v without it", after, alone)
	}
	if after.Path == "" || after.Record == "" {
		t.Errorf("the public source lost its file or record: %+v", after)
	}
	if s := source(secret+public, Viewer{Staff: true}); s.Line != 2 || s.SHA256 == "" {
		t.Errorf("staff see the source %+v, want line 2 and the file's hash", s)
	}
}

// A public notice naming a number (or title) that a restricted document shares with a
// public one names, for the public, the public document: the repeal takes effect and
// is listed on its page as it would be if the library did not hold the restricted
// document. Left unresolved as ambiguous, the public document would stay in force and
// tell the public that another document of that number exists.
func TestRestrictedNamesakeDoesNotUnlinkPublicReferences(t *testing.T) {
	const (
		secret = `{"id":"sec","title":"青石县应急物资内部管理规程","doc_number":"青石应急发〔2020〕3号","authority":"青石县机要保密局","publish_date":"2020-04-01","disclosure":"restricted","text":"第一条 内部规程。"}` + "\n"
		public = `{"id":"old","title":"青石县应急物资储备办法","doc_number":"青石应急发〔2020〕3号","authority":"青石县应急管理局","publish_date":"2020-03-01","text":"第一条 为做好应急物资储备，制定本办法。"}
{"id":"rep","title":"青石县人民政府关于废止部分文件的决定","doc_number":"青石政发〔2024〕1号","authority":"青石县人民政府","publish_date":"2024-01-10","relations":[{"type":"repeals","target":"青石应急发〔2020〕3号","date":"2024-01-10"}],"text":"第一条 废止部分文件。"}
`
	)
	view := func(records string) (status string, relations []RelationView) {
		st, done, err := Open(buildJSONL(t, records))
		if err != nil {
			t.Fatal(err)
		}
		defer done()
		w, err := st.Work(st.Catalog.Versions["old"].WorkID, 20261127, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		return w.Status, w.Relations
	}
	wantStatus, wantRelations := view(public)
	if wantStatus != "已废止" || len(wantRelations) != 1 {
		t.Fatalf("without the restricted document: %s, %+v", wantStatus, wantRelations)
	}
	status, relations := view(secret + public)
	if status != wantStatus || !reflect.DeepEqual(relations, wantRelations) {
		t.Errorf("the public sees %s with relations %+v; without the restricted document %s with %+v", status, relations, wantStatus, wantRelations)
	}
}
