package extract

import (
	"fmt"
	"strings"
	"testing"
)

// glyphsOf lays s out one em per character from x at baseline y.
func glyphsOf(s string, x, y, size float64) []glyph {
	var out []glyph
	for _, r := range s {
		out = append(out, glyph{x0: x, x1: x + size, y: y, size: size, text: string(r)})
		x += size
	}
	return out
}

func lineTexts(lines []layoutLine) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.text)
	}
	return out
}

func TestLayoutPage(t *testing.T) {
	var gs []glyph
	// Table row: two cells 4 em apart, the right one drawn first and 1pt lower.
	gs = append(gs, glyphsOf("预算数", 300, 499, 10)...)
	gs = append(gs, glyphsOf("一般公共服务支出", 100, 500, 10)...)
	// A line above it with a word gap of half an em.
	gs = append(gs, glyphsOf("第一条", 100, 530, 10)...)
	gs = append(gs, glyphsOf("总则", 135, 530, 10)...)
	// Diagonal watermark.
	gs = append(gs, glyph{x0: 200, x1: 210, y: 400, size: 40, text: "政", rot: -1})
	lines, diagonal := layoutPage(gs)
	want := []string{"第一条 总则", "一般公共服务支出\t预算数"}
	if strings.Join(lineTexts(lines), "|") != strings.Join(want, "|") {
		t.Errorf("lines = %q, want %q", lineTexts(lines), want)
	}
	if len(lines) == 2 && (lines[0].tabular || !lines[1].tabular) {
		t.Errorf("tabular flags = %v %v", lines[0].tabular, lines[1].tabular)
	}
	if diagonal != 1 {
		t.Errorf("diagonal = %d, want 1", diagonal)
	}
}

func TestMarkParagraphs(t *testing.T) {
	var gs []glyph
	y := 700.0
	add := func(x float64, s string, size float64) {
		gs = append(gs, glyphsOf(s, x, y, size)...)
		y -= 20
	}
	add(150, "关于印发实施方案的通知", 16) // title: larger type
	add(100, "各市县农业农村局：", 10)
	add(120, "为规范实施农机购置与应用补贴政策，充分发挥", 10) // indented two characters
	add(100, "政策效益，推动农业机械化全程全面高质量发展", 10)
	add(100, "请遵照执行。", 10)
	lines, _ := layoutPage(gs)
	var got []string
	for _, l := range lines {
		got = append(got, fmt.Sprint(l.newPara))
	}
	want := "true true true false false"
	if strings.Join(got, " ") != want {
		t.Errorf("newPara = %v, want %s", got, want)
	}
}

func TestStripPageFurniture(t *testing.T) {
	page := func(n int, body ...string) []layoutLine {
		lines := []layoutLine{{text: "上海市普陀区财政局2024年度部门决算"}}
		for _, b := range body {
			lines = append(lines, layoutLine{text: b})
		}
		footers := []string{fmt.Sprintf("- %d -", n), fmt.Sprintf("—%d—", n), fmt.Sprintf("第%d页 共4页", n), fmt.Sprintf("%d/4", n)}
		return append(lines, layoutLine{text: footers[n-1]})
	}
	pages := [][]layoutLine{
		page(1, "一、主要职能", "负责本区财政收支"),
		page(2, "二、部门决算单位构成"),
		page(3, "三、收入支出决算总表", "1"), // a bare number above the footer is a page number too
		page(4, "四、其他说明"),
	}
	out, removed := stripPageFurniture(pages)
	var got []string
	for _, p := range out {
		got = append(got, strings.Join(lineTexts(p), "/"))
	}
	want := []string{"一、主要职能/负责本区财政收支", "二、部门决算单位构成", "三、收入支出决算总表", "四、其他说明"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("pages = %q, want %q", got, want)
	}
	if removed != 9 {
		t.Errorf("removed %d lines, want 9", removed)
	}
}

// Page lines as pdftotext and OCR give them: blank lines (their paragraph breaks) and a
// scanning app's stamp below the footer, the footer's dashes read as 一, a digit misread.
func TestStripPageNumbersAmongBlankLines(t *testing.T) {
	page := func(body, footer string) []layoutLine {
		return []layoutLine{{text: body}, {}, {text: footer}, {}, {text: "扫描全能王 创建"}}
	}
	pages := [][]layoutLine{
		page("共同维护农机产品全国统一大", "一2一"),
		page("市场。坚持以", "— 3 —"),
		page("农民群众满意为导向，研究制定", "- 4 -"),
		page("分类分档参数。对平原地区，支持其通", "·5·"),
		page("过检测。要公开公平公正择优选择检测机构并", "一在一"),
		{{text: "做好监管。"}},
	}
	out, _ := stripPageFurniture(pages)
	got := pagesText(out)
	want := "共同维护农机产品全国统一大市场。坚持以农民群众满意为导向，研究制定分类分档参数。对平原地区，支持其通过检测。要公开公平公正择优选择检测机构并做好监管。"
	if got != want {
		t.Errorf("text = %q\nwant   %q", got, want)
	}
	for _, s := range []string{"一2一", "—2—", "- 12 -", "·3·", "一 8 一", "一在一", "— 1在 —", "第3页"} {
		if !pageNumber.MatchString(s) {
			t.Errorf("%q not taken for a page number", s)
		}
	}
	for _, s := range []string{"一、总体要求", "一是加强领导", "—附件—", "一一", "2024一2026"} {
		if pageNumber.MatchString(s) {
			t.Errorf("%q taken for a page number", s)
		}
	}
}

func TestStripKeepsLinesRepeatedOnFewPages(t *testing.T) {
	// A table header repeated on two of six pages is content, not a running header.
	var pages [][]layoutLine
	for i := 0; i < 6; i++ {
		lines := []layoutLine{{text: fmt.Sprintf("第%d章 正文内容不同", i+1)}, {text: "正文"}}
		if i < 2 {
			lines = append([]layoutLine{{text: "项目 预算数 决算数"}}, lines...)
		}
		pages = append(pages, lines)
	}
	out, _ := stripPageFurniture(pages)
	if out[0][0].text != "项目 预算数 决算数" {
		t.Errorf("table header removed: %q", lineTexts(out[0]))
	}
}

func TestScannerMark(t *testing.T) {
	for _, s := range []string{"扫描全能王 创建", "由 扫描全能王 扫描创建", "CamScanner"} {
		if !scannerMark.MatchString(s) {
			t.Errorf("%q not recognised as a scanner stamp", s)
		}
	}
	if scannerMark.MatchString("扫描全能王创建的文件应当备案") {
		t.Error("a sentence mentioning the app was taken for its stamp")
	}
}

func TestGarbled(t *testing.T) {
	prose := strings.Repeat("为规范实施农机购置与应用补贴政策，充分发挥政策效益，推动农业机械化全程全面高质量发展。", 3)
	tests := []struct {
		name, text string
		garbled    bool
	}{
		{"prose", prose, false},
		{"budget table", "一、一般公共服务支出 21,601,733.00 二、科学技术支出 17,200,000.00 三、社会保障和就业支出", false},
		{"unmapped glyphs", strings.Repeat("\uFFFD", 30) + "农机", true},
		{"private use", strings.Repeat("\uE012\uE034", 20), true},
		{"CIDs read as Unicode", strings.Repeat("丂丄丅丆丏丒丗丟丠両丣並丩丮丯丱丳丵丷丼乀乁乂乄乆乊乑乕乗乚乛乢乣乤乥乧乨乪乫乬乭乮乯", 2), true},
		{"GBK read as Latin-1", "¹ØÓÚ¼ÓÁ¦ÍÆ½øÅ©»ú¹ºÖÃÓëÓ¦ÓÃ²¹ÌùµÄÒâ¼û", true},
		{"too short to judge", "\uFFFD\uFFFD", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if why := measureText(tt.text).garbled(); (why != "") != tt.garbled {
				t.Errorf("garbled = %q, want %v", why, tt.garbled)
			}
		})
	}
}

func TestJoinCJKSpaces(t *testing.T) {
	got := joinCJKSpaces("农 机 购 置 与 应 用 补 贴 2024 年 7 月 1 日 GB/T 33190")
	want := "农机购置与应用补贴2024年7月1日GB/T 33190"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseCMap(t *testing.T) {
	cm := parseCMap([]byte(`/CIDInit /ProcSet findresource begin
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0A1B> <D840DC00> endbfchar
2 beginbfrange <0010> <0012> <4E00> <0020> <0021> [<673A> <8D2D>] endbfrange
endcmap`))
	tests := []struct {
		code uint32
		want string
		ok   bool
	}{
		{0x0003, " ", true}, {0x0A1B, "\U00020000", true},
		{0x0010, "一", true}, {0x0012, "丂", true}, // U+4E00+2: the range runs on
		{0x0021, "购", true}, {0x0013, "", false},
	}
	for _, tt := range tests {
		got, ok := cm.lookup(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("lookup(%#x) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
	if n := codeLen(cm.spaces, "\x00\x10"); n != 2 {
		t.Errorf("codeLen = %d, want 2", n)
	}
}

func TestLexer(t *testing.T) {
	l := &psLexer{data: []byte(`/F#31 12 Tf (a\(b\)\101\
c) Tj <48 6> Tj [(x) -250 (y)] TJ BI /W 2 /H 1 ID ` + "\x00EI\xff" + ` EI 1.5.2 --3 Td << /A [1 2] /B (>>) >> BDC`)}
	var got []string
	for {
		v, op, ok := l.next()
		if !ok {
			break
		}
		switch {
		case op == "BI":
			l.skipInlineImage()
			got = append(got, "BI…EI")
		case op != "":
			got = append(got, op)
		case v.kind == opString:
			got = append(got, fmt.Sprintf("%q", v.str))
		case v.kind == opName:
			got = append(got, "/"+v.str)
		case v.kind == opArray:
			got = append(got, fmt.Sprintf("[%d]", len(v.arr)))
		case v.kind == opDict:
			got = append(got, "<<>>")
		default:
			got = append(got, fmt.Sprint(v.num))
		}
	}
	want := `/F1 12 Tf "a(b)Ac" Tj "H`
	want += "`" + `" Tj [3] TJ BI…EI 1.5 -3 Td <<>> BDC`
	if strings.Join(got, " ") != want {
		t.Errorf("tokens = %s\nwant     %s", strings.Join(got, " "), want)
	}
}
