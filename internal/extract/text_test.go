package extract

import (
	"context"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestDecodeText(t *testing.T) {
	const s = "抚县政公领发〔2022〕3号\r\n第一条　为了规范管理。"
	random := make([]byte, 4000)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = byte(0x80 + rng.IntN(0x80))
	}
	tests := []struct {
		name    string
		data    []byte
		enc     string
		want    string
		warning bool
	}{
		{"utf-8", []byte(s), "utf-8", s, false},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, s...), "utf-8", s, false},
		{"gb18030", encodeFixture(t, simplifiedchinese.GB18030, s), "gb18030", s, false},
		{"gbk", encodeFixture(t, simplifiedchinese.GBK, s), "gb18030", s, false},
		{"utf-16le bom", encodeFixture(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), s), "utf-16le", s, false},
		{"utf-16be bom", encodeFixture(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), s), "utf-16be", s, false},
		{"utf-16le no bom", encodeFixture(t, unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "1. Article\r\n2. Article\r\n"), "utf-16le", "1. Article", false},
		{"random high bytes", random, "utf-8", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, warning := decodeText(tt.data)
			if enc != tt.enc || !strings.Contains(text, tt.want) || (warning != "") != tt.warning {
				t.Errorf("enc %s warning %q text %.60q", enc, warning, text)
			}
		})
	}
}

// TestPlausibleGBSeed checks the GB18030 test accepts a whole real notice and
// rejects the same bytes read as something else.
func TestPlausibleGBSeed(t *testing.T) {
	seed, err := os.ReadFile(testcorpus.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	gb := encodeFixture(t, simplifiedchinese.GB18030, string(seed))
	if !plausibleGB(gb) {
		t.Error("GB18030 seed judged implausible")
	}
	if plausibleGB(seed) {
		t.Error("UTF-8 bytes of the seed judged plausible GB18030")
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# 中华人民共和国检察官法", "中华人民共和国检察官法"},
		{"## 第一章 总 则 ##", "第一章 总 则"},
		{"<!-- INFO END -->\n第一条", "\n第一条"},
		{"《关于修改<中华人民共和国检察官法>的决定》", "《关于修改<中华人民共和国检察官法>的决定》"},
		{"**第一条** 为了*规范*管理", "第一条 为了规范管理"},
		{"见[通知](http://x.gov.cn/a.html)和![图](a.png)", "见通知和图"},
		{"- 项目一\n* 项目二", "项目一\n项目二"},
		{"> 引文", "引文"},
		{"| a | b |\n|---|---|\n| 1 | 2 |", "a  b\n1  2"},
		{"```\n代码\n```", "代码"},
		{"2 * 3 * 4", "2 * 3 * 4"},
		{"换行<br/>标签", "换行标签"},
	}
	for _, tt := range tests {
		if got := stripMarkdown(tt.in); got != tt.want {
			t.Errorf("stripMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTextExtractorNames(t *testing.T) {
	for _, tt := range []struct{ file, extractor string }{
		{"text/seed_gb18030.txt", "text/gb18030"},
		{"text/seed_utf8_bom.txt", "text/utf-8"},
		{"text/lawrefbook.md", "text/utf-8"},
	} {
		res, err := Bytes(context.Background(), tt.file, readFormatFixture(t, tt.file), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if res.Extractor != tt.extractor {
			t.Errorf("%s: extractor %s, want %s", tt.file, res.Extractor, tt.extractor)
		}
		if strings.Contains(res.Text, "INFO END") || strings.HasPrefix(res.Text, "#") {
			t.Errorf("%s: markup left in text", tt.file)
		}
	}
}

func FuzzText(f *testing.F) {
	addFormatSeeds(f, "text/seed_utf16le_bom.txt", "text/syntax.md", "text/seed_utf8_bom.txt")
	f.Add([]byte("\xb9\xe6\xb7\xb6\xd0\xd4\xce\xc4\xbc\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFormatReader(t, readText, "f.txt", data)
		fuzzFormatReader(t, readText, "f.md", data)
	})
}
