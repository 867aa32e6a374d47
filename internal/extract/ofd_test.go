package extract

import (
	"bytes"
	"context"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/testcorpus"
)

func TestParseDeltas(t *testing.T) {
	tests := []struct {
		in   string
		want []float64
	}{
		{"5.57 2.77", []float64{5.57, 2.77}},
		{"g 3 1.5", []float64{1.5, 1.5, 1.5}},
		{"2.1167 g 2 2.1166 4", []float64{2.1167, 2.1166, 2.1166, 4}},
		{"g x 1 3", []float64{3}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := parseDeltas(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseDeltas(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestOFDLines(t *testing.T) {
	g := func(r rune, x, y float64) ofdGlyph { return ofdGlyph{r: r, x: x, y: y, advance: 5, size: 5} }
	glyphs := []ofdGlyph{
		// Second line first, and a slightly lower glyph that still belongs to line one.
		g('丙', 30, 20), g('丁', 35, 20),
		g('甲', 40, 10), g('乙', 45, 10.8),
		g('戊', 90, 10),                                 // far to the right: a separate column
		g('戊', 90.5, 10),                               // drawn twice for fake bold
		g('己', 30, 30),                                 // after a line that stopped short of the right edge
		g('庚', 30, 80),                                 // after a wide vertical gap
		g('—', 50, 90), g('1', 55, 90), g('—', 60, 90), // page number
	}
	got := ofdLines(glyphs)
	want := []string{"甲乙 戊", "丙丁", "", "己", "", "庚"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ofdLines = %q, want %q", got, want)
	}
}

// A form cell holds one TextCode that the producer breaks into lines itself, stepping
// back to the cell's left edge with a negative DeltaX; the cell is centred, and the
// cell to its left puts its value on the baseline of the second line. The text comes
// back whole, the number across the break included, and the other cell apart.
func TestOFDTextWrappedByItsProducer(t *testing.T) {
	content := `<Page><Content><Layer>` +
		`<TextObject Boundary="100 15 60 8" Size="4"><TextCode X="0" Y="4" DeltaX="g 3 2">5309</TextCode></TextObject>` +
		`<TextObject Boundary="200 10 60 20" Size="4"><TextCode X="0" Y="5" DeltaX="g 4 4 g 4 2 -22 g 4 2 g 3 4" DeltaY="g 8 0 4">地上面积367949.86㎡，地下</TextCode></TextObject>` +
		`<TextObject Boundary="200 40 60 8" Size="4"><TextCode X="0" Y="4" DeltaX="g 3 4">自然资源局</TextCode></TextObject>` +
		`</Layer></Content></Page>`
	page, err := parseOFDContent([]byte(content))
	if err != nil {
		t.Fatal(err)
	}
	got := ofdLines(page.glyphs)
	want := []string{"地上面积367949.86㎡，地下", "", "5309", "", "自然资源局"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ofdLines = %q, want %q", got, want)
	}
}

// The land-use form testImageOverridePage.ofd fills its cells with wrapped TextCodes.
func TestOFDFormCells(t *testing.T) {
	res, err := File(context.Background(), testcorpus.File(t, "testImageOverridePage.ofd"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := strings.Split(res.Text, "\n\n")
	for _, want := range []string{
		"临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复（临翔发改复[2018]172号）",
		"临沧市临翔区凤翔街道圈掌社区南京凹，临翔区棚户区改造安置房二期西侧",
		"总规模0.7871公顷，其中农用地0公顷（耕地0公顷，基本农田0公顷），建设用地0.7871公顷，未利用地0公顷，围填海0公顷",
		"总建筑面积516192.36㎡，地上建筑面积367949.86㎡，地下总建筑面积148242.5㎡",
	} {
		if !slices.Contains(paragraphs, want) {
			t.Errorf("no paragraph %q in\n%s", want, res.Text)
		}
	}
}

// TestOFDRedHeader reads the red-header specimen 路卫发〔2011〕76号.
func TestOFDRedHeader(t *testing.T) {
	res, err := File(context.Background(), filepath.Join("testdata", "ofd", "n.ofd"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	paragraphs := strings.Split(res.Text, "\n\n")
	want := []string{"测试符路桥区卫生局文件", "路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复", "区中医院："}
	if len(paragraphs) < len(want) || !reflect.DeepEqual(paragraphs[:len(want)], want) {
		t.Errorf("first paragraphs = %q, want %q", paragraphs[:min(len(paragraphs), 4)], want)
	}
	for _, s := range []string{"（浙人才〔1993〕73号）文件精神，经研究，同意张阿三同志辞职。", "2011年3月10日"} {
		if !strings.Contains(res.Text, s) {
			t.Errorf("missing %q", s)
		}
	}
	if strings.Contains(res.Text, "— 1 —") || strings.Contains(res.Text, "—1—") {
		t.Error("page number kept")
	}
	if res.Pages != 2 {
		t.Errorf("pages = %d", res.Pages)
	}
}

// TestOFDCorpus reads every OFD file of the shared corpus; each must give Chinese text.
func TestOFDCorpus(t *testing.T) {
	dir := filepath.Join(testcorpus.Require(t), "corpus", "files")
	files, _ := filepath.Glob(filepath.Join(dir, "*.ofd"))
	if len(files) == 0 {
		t.Skip("no OFD files in the corpus")
	}
	expect := map[string]string{
		"n.ofd":                     "关于同意张阿三同志辞职的批复",
		"testPathFillOpacity.ofd":   "关于加快南货场铁路涵洞下穿建设的函",
		"testImageOverridePage.ofd": "临翔发改复[2018]172号",
		"signout.ofd":               "府办专督〔2020〕24",
		"testImageNotFound.ofd":     "矿产资源勘查许可证",
		"pattern类型.ofd":             "信息系统密码应用测评要求",
	}
	for _, f := range files {
		res, err := File(context.Background(), f, Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		first, _, _ := strings.Cut(res.Text, "\n")
		t.Logf("%s: %d pages, %d chars, first line %q", filepath.Base(f), res.Pages, utf8.RuneCountInString(res.Text), first)
		if want := expect[filepath.Base(f)]; want != "" && !strings.Contains(res.Text, want) {
			t.Errorf("%s: missing %q", filepath.Base(f), want)
		}
	}
}

// FuzzOFD feeds whole packages, and bare page contents wrapped in a valid package.
func FuzzOFD(f *testing.F) {
	addFormatSeeds(f, "ofd/built.ofd", "ofd/n.ofd", "ofd/truncated.ofd")
	f.Add([]byte(`<Page><Template TemplateID="1"/><Content><Layer><TextObject Boundary="0 0 10 10" CTM="1 0 0 1 0 0" Size="3"><TextCode X="0" Y="3" DeltaX="g 2 3">条文</TextCode></TextObject></Layer></Content></Page>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.HasPrefix(data, []byte("PK")) {
			data = buildZip(t,
				"OFD.xml", `<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>`,
				"Doc_0/Document.xml", `<Document><CommonData><TemplatePage ID="1" BaseLoc="Pages/Page_0/Content.xml"/></CommonData><Pages><Page ID="2" BaseLoc="Pages/Page_0/Content.xml"/><Page ID="3" BaseLoc="Pages/Page_0"/></Pages></Document>`,
				"Doc_0/Pages/Page_0/Content.xml", string(data))
		}
		fuzzFormatReader(t, readOFD, "f.ofd", data)
	})
}
