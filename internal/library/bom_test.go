package library

import (
	"strings"
	"testing"
)

// Files saved by Windows tools start with a UTF-8 byte-order mark: a JSON Lines file's
// first record and a .meta.json sidecar are read, not reported as bad JSON.
func TestByteOrderMark(t *testing.T) {
	in := "\uFEFF" + `{"id":"a","title":"甲法","text":"第一条","publish_date":"2020-01-01"}` + "\r\n" +
		`{"id":"b","title":"乙法","text":"第一条","publish_date":"2020-01-01"}` + "\r\n"
	var ids []string
	err := EachLine(strings.NewReader(in), func(line int, raw []byte, f *Fields, err error) error {
		if err != nil {
			t.Errorf("line %d: %v", line, err)
			return nil
		}
		ids = append(ids, f.ID)
		return nil
	})
	if err != nil || strings.Join(ids, ",") != "a,b" {
		t.Errorf("records %v, err %v; want a,b", ids, err)
	}
	for _, name := range []string{"x.txt.meta.json", "x.txt.meta.yaml"} {
		body := `{"title":"丙办法","publish_date":"2020-02-02"}`
		if strings.HasSuffix(name, ".yaml") {
			body = "title: 丙办法\npublish_date: 2020-02-02\n"
		}
		f, err := ParseSidecar(name, []byte("\uFEFF"+body))
		if err != nil || f.Title != "丙办法" || f.PublishDate.String() != "2020-02-02" {
			t.Errorf("%s with a BOM: %+v, %v", name, f, err)
		}
	}
}
