package library

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// A sidecar or a JSON Lines file saved as GBK/GB18030 (Notepad's "ANSI" on a Chinese
// Windows) is read as Chinese, the way text files are, instead of giving the
// document a title and authority of mojibake.
func TestGBKMetadata(t *testing.T) {
	gbk := func(s string) []byte {
		b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, name := range []string{"a.txt.meta.yaml", "a.txt.meta.json"} {
		body := "title: 某县关于养犬管理的通知\nauthority: [某县人民政府]\npublish_date: 2020-02-02\n"
		if strings.HasSuffix(name, ".json") {
			body = `{"title":"某县关于养犬管理的通知","authority":["某县人民政府"],"publish_date":"2020-02-02"}`
		}
		f, err := ParseSidecar(name, gbk(body))
		if err != nil || f.Title != "某县关于养犬管理的通知" || len(f.Authority) != 1 || f.Authority[0] != "某县人民政府" {
			t.Errorf("%s in GBK: %+v, %v", name, f, err)
		}
	}
	in := string(gbk(`{"id":"g1","title":"某县关于养犬管理的通知","text":"第一条 为规范养犬，制定本办法。"}`)) + "\n" +
		`{"id":"u1","title":"某县物业管理办法","text":"第一条 物业。"}` + "\n"
	var titles []string
	err := EachLine(strings.NewReader(in), func(line int, raw []byte, f *Fields, err error) error {
		if err != nil {
			t.Errorf("line %d: %v", line, err)
			return nil
		}
		titles = append(titles, f.Title)
		return nil
	})
	if err != nil || strings.Join(titles, ",") != "某县关于养犬管理的通知,某县物业管理办法" {
		t.Errorf("titles %q, err %v", titles, err)
	}
}

// A UTF-8 line with one damaged byte is not taken for GBK: its Chinese stays.
func TestDamagedUTF8StaysUTF8(t *testing.T) {
	line := []byte(`{"id":"d1","title":"某县物业管理办法","text":"第一条 物业` + "\xff" + `管理。"}`)
	if got := string(utf8Text(line)); !strings.Contains(got, "某县物业管理办法") {
		t.Errorf("damaged UTF-8 decoded as %q", got)
	}
}
