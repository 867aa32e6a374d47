package benchgen

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/docnum"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func TestChineseNumber(t *testing.T) {
	for _, c := range []struct {
		n    int
		want string
	}{{1, "一"}, {10, "十"}, {11, "十一"}, {20, "二十"}, {99, "九十九"}, {100, "一百"}, {101, "一百零一"},
		{110, "一百一十"}, {111, "一百一十一"}, {1000, "一千"}, {1005, "一千零五"}, {1010, "一千零一十"},
		{2030, "二千零三十"}, {9999, "九千九百九十九"}} {
		if got := chineseNumber(c.n); got != c.want {
			t.Errorf("chineseNumber(%d) = %s, want %s", c.n, got, c.want)
		}
	}
}

func TestPermutationIsBijective(t *testing.T) {
	for _, size := range []uint64{1, 2, 7, 1000, 4097} {
		p := newPermutation(size, 5, 9)
		seen := make([]bool, size)
		for i := uint64(0); i < size; i++ {
			x := p.at(i)
			if x >= size || seen[x] {
				t.Fatalf("size %d: at(%d) = %d repeats or is out of range", size, i, x)
			}
			seen[x] = true
		}
	}
}

func TestShapedNumberVariantsNormalise(t *testing.T) {
	r := newRNG(1)
	variants := map[string]bool{}
	for i := 0; i < 3000; i++ {
		serial := r.between(1, 300)
		w, variant := shapedNumber(r, "浙政办发", 2019, serial, true)
		want := "浙政办发〔2019〕" + itoa(serial) + "号"
		if got := docnum.Normalize(w); got != want {
			t.Fatalf("%q normalises to %q, want %q", w, got, want)
		}
		if variant {
			variants[w] = true
		}
	}
	if len(variants) < 100 {
		t.Errorf("only %d distinct written variants in 3000 numbers", len(variants))
	}
}

// Every issuing body has its own doc-number prefix, so generated numbers never collide.
func TestNumberPrefixesAreDistinct(t *testing.T) {
	owner := map[string]string{}
	claim := func(prefix, body string) {
		if docnum.Normalize(prefix+"〔2020〕3号") == "" {
			t.Errorf("%s: prefix %q does not make a doc number", body, prefix)
		}
		if o, ok := owner[prefix]; ok && o != body {
			t.Errorf("prefix %q used by %s and %s", prefix, o, body)
		}
		owner[prefix] = body
	}
	for ri := range regions {
		r := &regions[ri]
		for _, gui := range []bool{false, true} {
			claim(numberPrefix(r, organGov, nil, gui), govName(r, false))
			claim(numberPrefix(r, organOffice, nil, gui), govName(r, true))
			for di := range depts {
				claim(numberPrefix(r, organDept, &depts[di], gui), depts[di].name(r))
			}
		}
	}
	claim("法释", "最高人民法院")
}

func TestSubjectOf(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"北京市实施《中华人民共和国职业教育法》办法", "职业教育"},
		{"中华人民共和国食品安全法实施条例", "食品安全"},
		{"北京市养犬管理规定", "养犬"},
		{"社会保险经办条例", "社会保险经办"},
		{"最高人民法院关于人民法院执行工作若干问题的规定（试行）", ""},
		{"全国人民代表大会常务委员会关于修改《中华人民共和国档案法》的决定", ""},
		{"中华人民共和国宪法修正案（2018年）", ""},
		{"中华人民共和国水法", "水法"},
	} {
		if got := subjectOf(c.title); got != c.want {
			t.Errorf("subjectOf(%s) = %q, want %q", c.title, got, c.want)
		}
	}
}

func TestMarkdownUnits(t *testing.T) {
	text := "# 某某条例\n\n1999年 通过\n\n<!-- INFO END -->\n\n## 第一章 总 则\n\n第一条 为了规范管理，制定本条例。\n\n" +
		"第二条 下列单位应当遵守：\n\n（一）机关；\n\n（二）企业。\n\n## 第二章 附 则\n\n第三条　本条例自2000年1月1日起施行。"
	got := markdownUnits(text)
	want := []unit{{"总则", true}, {"为了规范管理，制定本条例。", false}, {"下列单位应当遵守：\n（一）机关；\n（二）企业。", false},
		{"附则", true}, {"本条例自2000年1月1日起施行。", false}}
	if len(got) != len(want) {
		t.Fatalf("got %d units %+v, want %d", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("unit %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	// The effective-date article is dropped from the pool: it would date generated texts.
	if usableBody(got[4].text) || !usableBody(got[2].text) {
		t.Errorf("usableBody: effective clause kept or article dropped")
	}
}

// The golden file pins the exact bytes of a small generation, so a change that alters
// the output for the same seed (or a toolchain that would) is seen.
func TestGoldenOutput(t *testing.T) {
	out, _ := generate(t, sample(t), Options{N: 12, Seed: 1, AvgTextBytes: 800})
	path := filepath.Join("testdata", "sample_seed1_n12.golden.jsonl")
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("output differs from %s; run with -update if the change is intended", path)
	}
}

func itoa(n int) string {
	return string(appendInt(nil, n))
}

func appendInt(b []byte, n int) []byte {
	if n >= 10 {
		b = appendInt(b, n/10)
	}
	return append(b, byte('0'+n%10))
}

// Titles are region × body × subject × form. Two patterns where one form ends with the
// other (监督管理办法, 管理办法) give the same title for subjects that differ by the extra
// word (计量+监督管理办法, 计量监督+管理办法) unless subjects never end with that word.
func TestTitlePatternsStayDistinct(t *testing.T) {
	trailing := map[string]bool{}
	for _, w := range subjectTrailers {
		trailing[w] = true
	}
	// Patterns that share what precedes {S}: each level's titles with the same body, the
	// national levels' titles and the issued documents' names (cited, and interpreted as
	// 关于《…》的解读).
	groups := map[string][]string{}
	for _, spec := range levelSpecs {
		for _, tp := range spec.templates {
			head := tp.title[:strings.Index(tp.title, "{S}")]
			key := string(spec.level) + head + string(rune('0'+tp.organ))
			if !spec.regional {
				key = "national" + head
			}
			groups[key] = append(groups[key], tp.title[strings.Index(tp.title, "{S}")+3:])
			if tp.inner != "" {
				groups["inner"] = append(groups["inner"], tp.inner[strings.Index(tp.inner, "{S}")+3:])
			}
		}
	}
	for key, suffixes := range groups {
		for _, a := range suffixes {
			for _, b := range suffixes {
				if len(b) > len(a) && strings.HasSuffix(b, a) {
					if w := strings.TrimSuffix(b, a); !trailing[w] {
						t.Errorf("%s: forms %q and %q differ by %q, which subjects may end with", key, a, b, w)
					}
				}
			}
		}
	}
	for _, s := range []string{"计量监督管理", "文明行为促进", "化妆品卫生监督", "农业专项资金"} {
		if got := subjectOf(s + "办法"); strings.HasSuffix(got, "监督") || strings.HasSuffix(got, "促进") || strings.HasSuffix(got, "资金") {
			t.Errorf("subjectOf(%s办法) = %s, ends with a word the templates add", s, got)
		}
	}
}
