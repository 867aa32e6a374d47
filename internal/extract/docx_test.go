package extract

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

func TestFormatListNumber(t *testing.T) {
	tests := []struct {
		n      int
		format string
		want   string
	}{
		{1, "chineseCounting", "一"},
		{10, "chineseCounting", "十"},
		{11, "chineseCounting", "十一"},
		{20, "chineseCounting", "二十"},
		{99, "chineseCountingThousand", "九十九"},
		{100, "chineseCountingThousand", "一百"},
		{101, "chineseCountingThousand", "一百零一"},
		{110, "chineseCountingThousand", "一百一十"},
		{1010, "chineseCountingThousand", "一千零一十"},
		{10001, "chineseCountingThousand", "一万零一"},
		{3, "chineseLegalSimplified", "叁"},
		{12, "chineseLegalSimplified", "拾贰"},
		{1, "ideographTraditional", "甲"},
		{11, "ideographTraditional", "甲"},
		{2, "ideographZodiac", "丑"},
		{10, "ideographDigital", "一〇"},
		{3, "decimal", "3"},
		{7, "decimalZero", "07"},
		{3, "upperLetter", "C"},
		{28, "lowerLetter", "bb"},
		{14, "upperRoman", "XIV"},
		{4, "lowerRoman", "iv"},
		{1, "decimalEnclosedCircle", "①"},
		{21, "decimalEnclosedCircle", "21"},
		{2, "decimalEnclosedParen", "⑵"},
		{5, "bullet", ""},
		{5, "somethingNew", "5"},
	}
	for _, tt := range tests {
		if got := formatListNumber(tt.n, tt.format); got != tt.want {
			t.Errorf("formatListNumber(%d, %s) = %q, want %q", tt.n, tt.format, got, tt.want)
		}
	}
}

// TestDOCXNumbering checks automatic numbers in the built regulation: articles
// continue across chapters, items restart under each article, overrides restart.
func TestDOCXNumbering(t *testing.T) {
	res, err := File(context.Background(), filepath.Join("testdata", "docx", "numbered.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	lines := map[string]bool{}
	for _, l := range strings.Split(res.Text, "\n") {
		lines[l] = true
	}
	want := []string{
		"第一章　总则",
		"第一条　为了规范行政规范性文件管理，根据有关规定，制定本办法。",
		"（一）涉及公民、法人权利义务的文件；",
		"（二）在一定期限内反复适用的文件。",
		"第二章　制定程序",
		"第三条　起草单位应当开展调查研究。", // numbered through the style's basedOn chain
		"第十一条　第11个自动编号条文。",
		"第一百条　另一编号实例从一百起重新编号。",
		"一、附则", // heading style linked to a level by w:pStyle
		"B) 子项乙",
		"1.2.1 法定编号", // w:isLgl
		"A) 子项重新编号",
		"5. 新实例从五开始",
		"乙、天干编号第二项",
		"项目符号不输出符号",
		"①圈码覆盖级别",
		"样式编号被取消的段落。",
		"序号  文件名称  文号",
	}
	for _, w := range want {
		if !lines[w] {
			t.Errorf("missing line %q in:\n%s", w, res.Text)
		}
	}
	for _, absent := range []string{"页眉", "HYPERLINK", "隐藏文字", "印发起施行"} {
		if strings.Contains(res.Text, absent) {
			t.Errorf("text contains %q", absent)
		}
	}
	if n := strings.Count(res.Text, "（此件公开发布）"); n != 1 {
		t.Errorf("text box text appears %d times, want once (choice without fallback)", n)
	}
	if !strings.Contains(res.Text, "自2024年1月1日起施行") {
		t.Error("full-width digits not folded or inserted run lost")
	}
	if res.Title != "某某市行政规范性文件管理办法" {
		t.Errorf("title = %q", res.Title)
	}
}

// TestDOCX2026Headings reads the real 2026 中央一号文件 and checks its six part
// headings and first and last numbered items appear in order.
func TestDOCX2026Headings(t *testing.T) {
	res, err := File(context.Background(), filepath.Join("testdata", "docx", "2026年中央一号文件.docx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	headings := []string{
		"2026年中央一号文件",
		"一、提升农业综合生产能力和质量效益",
		"（一）稳定发展粮油生产。",
		"二、实施常态化精准帮扶",
		"三、积极促进农民稳定增收",
		"四、因地制宜推进宜居宜业和美乡村建设",
		"五、强化体制机制创新",
		"六、加强党对“三农”工作的全面领导",
		"（二十七）改进农村工作方式方法。",
	}
	pos := 0
	for _, h := range headings {
		i := strings.Index(res.Text[pos:], h)
		if i < 0 {
			t.Fatalf("heading %q not found after offset %d", h, pos)
		}
		pos += i + len(h)
	}
	if n := len([]rune(res.Text)); n < 7000 {
		t.Errorf("only %d characters", n)
	}
}

func TestDOCXTitleFallbackAndRels(t *testing.T) {
	// Main part found through _rels/.rels under a non-default name, no core.xml.
	doc := buildZip(t,
		"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>`,
		"word/document2.xml", `<w:document `+wordNS+`><w:body>`+plainPara("第一条　正文")+`</w:body></w:document>`)
	res, err := Bytes(context.Background(), "a.docx", doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Text != "第一条　正文" || res.Title != "" {
		t.Errorf("got text %q title %q", res.Text, res.Title)
	}
}

// FuzzDOCX feeds whole packages, and bare document.xml bodies wrapped in a valid
// package with the fixture's numbering so the XML walker is reached past zip CRCs.
func FuzzDOCX(f *testing.F) {
	addFormatSeeds(f, "docx/numbered.docx", "docx/truncated.docx", "docx/2026年中央一号文件.docx")
	f.Add([]byte(`<w:document><w:body><w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>条</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>`))
	numbering := numberedParts(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			data = buildZip(t, "word/document.xml", string(data), "word/numbering.xml", numbering)
		}
		fuzzFormatReader(t, readDOCX, "f.docx", data)
	})
}

// numberedParts returns the numbering part of the built regulation.
func numberedParts(f *testing.F) string {
	pkg, err := openZipPackage(readFormatFixture(f, "docx/numbered.docx"), Options{MaxTextBytes: 1 << 20})
	if err != nil {
		f.Fatal(err)
	}
	b, err := pkg.read("word/numbering.xml")
	if err != nil {
		f.Fatal(err)
	}
	return string(b)
}

func TestDOCXWarnings(t *testing.T) {
	tests := []struct {
		name, document, text, warning string
	}{
		{"damaged after text", `<w:document ` + wordNS + `><w:body>` + plainPara("第一条　保留的正文") + `<w:p><w:r><w:t>未完</w:bad>`,
			"第一条　保留的正文\n\n未完", "document.xml 已损坏"},
		{"numbering part missing", `<w:document ` + wordNS + `><w:body>` + numPara(3, 0, "没有编号定义") + `</w:body></w:document>`,
			"没有编号定义", "1个列表段落引用了 numbering.xml 未定义的编号，其项目编号缺失"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Bytes(context.Background(), "w.docx", buildZip(t, "word/document.xml", tt.document), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.text || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], tt.warning) {
				t.Errorf("text %q warnings %q", res.Text, res.Warnings)
			}
		})
	}
}
