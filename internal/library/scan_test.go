package library

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

func write(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestScan(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/通知.txt", "正文")
	write(t, dir, "a/通知.txt.meta.yaml", "title: 关于印发的通知\n")
	write(t, dir, "b/laws.jsonl", "{}")
	write(t, dir, ".git/x.txt", "hidden")
	write(t, dir, "README.md", "about")
	write(t, dir, "c/picture.png", "png")
	write(t, dir, "a/~$通知.txt", "Word's lock file")
	entries, err := Scan(dir, func(n string) bool { return strings.HasSuffix(n, ".txt") || strings.HasSuffix(n, ".md") })
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		s := e.Path
		if e.Sidecar != "" {
			s += "+meta"
		}
		if e.Kind == Bulk {
			s += "(bulk)"
		}
		got = append(got, s)
	}
	want := "a/通知.txt+meta b/laws.jsonl(bulk)"
	if strings.Join(got, " ") != want {
		t.Errorf("Scan = %v, want %s", got, want)
	}
}

func TestParseSidecar(t *testing.T) {
	tests := []struct {
		name, content string
		check         func(*Fields) bool
		wantErr       string
	}{
		{"x.meta.yaml", "title: 测试办法\nauthority: [甲厅, 乙厅]\npublish_date: 2022-06-20\nexpiry_date: \"2027-06-30\"\nrelations:\n  - {type: repeals, target: 某发〔2015〕3号, date: 2022-07-01}\n",
			func(f *Fields) bool {
				return f.Title == "测试办法" && len(f.Authority) == 2 && f.PublishDate == 20220620 && f.ExpiryDate == 20270630 &&
					len(f.Relations) == 1 && f.ModelRelations()[0].Type == model.Repeals && f.Relations[0].Date == 20220701
			}, ""},
		{"x.meta.json", `{"authority":"甲厅、乙厅","disclosure":"依申请公开"}`, func(f *Fields) bool {
			return len(f.Authority) == 2 && f.Disclosure == "restricted"
		}, ""},
		{"x.meta.yaml", "disclosure: 不公开\n", func(f *Fields) bool { return f.Disclosure == "restricted" && len(f.Unknown) == 0 }, ""},
		{"x.meta.yaml", "efective_date: 2021-01-01\nexpiry_data: 2025-12-31\ntitle: 某办法\n", func(f *Fields) bool {
			return f.Title == "某办法" && strings.Join(f.Unknown, ",") == "efective_date,expiry_data"
		}, ""},
		{"x.meta.yaml", "disclosure: 机密\n", nil, "unknown disclosure"},
		{"x.meta.yaml", "level: 法规\n", nil, "unknown level"},
		{"x.meta.yaml", "publish_date: 2022-13-40\n", nil, "no such day"},
		{"x.meta.yaml", "relations:\n  - {type: abolish, target: x}\n", nil, "unknown type"},
		{"x.meta.yaml", "title: [unclosed\n", nil, "x.meta.yaml"},
	}
	for _, tt := range tests {
		f, err := ParseSidecar(tt.name, []byte(tt.content))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: err = %v, want %q", tt.content, err, tt.wantErr)
			}
			continue
		}
		if err != nil || !tt.check(f) {
			t.Errorf("%q: got %+v, %v", tt.content, f, err)
		}
	}
}

func TestEachLine(t *testing.T) {
	in := `{"id":"a","title":"甲法","text":"第一条","publish_date":"2020-01-01"}

not json
{"id":"b","title":"乙法","text":"x","publish_date":"2020-02-30"}
{"id":"c","title":"丙法","text":"x","authority":["全国人民代表大会"],"version_of":"w1"}
`
	var ok, bad []int
	err := EachLine(strings.NewReader(in), func(line int, raw []byte, f *Fields, err error) error {
		if err != nil {
			bad = append(bad, line)
		} else {
			ok = append(ok, line)
		}
		return nil
	})
	if err != nil || len(ok) != 2 || ok[0] != 1 || ok[1] != 5 || len(bad) != 2 || bad[0] != 3 || bad[1] != 4 {
		t.Errorf("ok=%v bad=%v err=%v", ok, bad, err)
	}
}

func FuzzParseSidecar(f *testing.F) {
	f.Add("title: 测试办法\nauthority: [甲, 乙]\npublish_date: 2022-06-20\nrelations:\n  - {type: repeals, target: x}\n")
	f.Add(`{"title":"x","expiry_date":"2020-01-01","effective_date":"2021-01-01"}`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"a.meta.yaml", "a.meta.json"} {
			fields, err := ParseSidecar(name, []byte(s))
			if err == nil && fields.Validate() != nil {
				t.Fatalf("accepted sidecar fails validation: %q", s)
			}
		}
	})
}

func FuzzEachLine(f *testing.F) {
	f.Add(`{"id":"a","title":"甲法","text":"第一条","publish_date":"2020-01-01"}` + "\n" + "not json\n")
	f.Fuzz(func(t *testing.T, s string) {
		_ = EachLine(strings.NewReader(s), func(line int, raw []byte, f *Fields, err error) error {
			if line < 1 {
				t.Fatalf("line %d", line)
			}
			return nil
		})
	})
}

// A record longer than MaxLine is reported and skipped; the lines after it are read,
// the last one too when no newline ends it.
func TestEachLineSkipsOversizedRecord(t *testing.T) {
	defer func(n int) { MaxLine = n }(MaxLine)
	MaxLine = 200
	in := `{"id":"a","title":"甲法","text":"第一条"}` + "\r\n" +
		`{"id":"b","title":"乙法","text":"` + strings.Repeat("条", 3000) + `"}` + "\n" +
		`{"id":"c","title":"丙法","text":"第一条"}`
	var ok []string
	var bad []int
	err := EachLine(strings.NewReader(in), func(line int, raw []byte, f *Fields, err error) error {
		if err != nil {
			bad = append(bad, line)
			if !strings.Contains(err.Error(), "skipped") {
				t.Errorf("line %d: %v", line, err)
			}
		} else {
			ok = append(ok, f.ID)
		}
		return nil
	})
	if err != nil || strings.Join(ok, ",") != "a,c" || len(bad) != 1 || bad[0] != 2 {
		t.Errorf("ok=%v bad=%v err=%v", ok, bad, err)
	}
}
