package extract

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Built DOCX fixtures: a regulation whose chapter, article and item numbers come
// only from numbering.xml, as Word users produce them with 自动编号.

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
	`xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
	`xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ` +
	`xmlns:v="urn:schemas-microsoft-com:vml" ` +
	`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// buildZip builds a zip from name/content pairs in order.
func buildZip(t testing.TB, parts ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(parts[i+1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func numPara(numID, ilvl int, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="%d"/></w:numPr></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, ilvl, numID, text)
}

func stylePara(style, text string) string {
	return fmt.Sprintf(`<w:p><w:pPr><w:pStyle w:val="%s"/></w:pPr><w:r><w:t>%s</w:t></w:r></w:p>`, style, text)
}

func plainPara(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

func lvl(ilvl, start int, format, text, extra string) string {
	return fmt.Sprintf(`<w:lvl w:ilvl="%d"><w:start w:val="%d"/><w:numFmt w:val="%s"/>%s<w:lvlText w:val="%s"/></w:lvl>`, ilvl, start, format, extra, text)
}

const numberingXML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering ` + wordNS + `>
<w:abstractNum w:abstractNumId="10">
` // levels appended by numberedDOCX

func numberedDOCX(t testing.TB) []byte {
	numbering := numberingXML +
		lvl(0, 1, "chineseCounting", "第%1章", `<w:suff w:val="space"/>`) +
		lvl(1, 1, "chineseCounting", "第%2条", `<w:lvlRestart w:val="0"/>`) +
		lvl(2, 1, "chineseCountingThousand", "（%3）", `<w:suff w:val="nothing"/>`) +
		`</w:abstractNum>
<w:abstractNum w:abstractNumId="20">` +
		lvl(0, 1, "decimal", "%1.", "") + lvl(1, 1, "upperLetter", "%2)", "") + lvl(2, 1, "lowerRoman", "%1.%2.%3", `<w:isLgl/>`) +
		`</w:abstractNum>
<w:abstractNum w:abstractNumId="30">` + lvl(0, 1, "ideographTraditional", "%1、", "") + `</w:abstractNum>
<w:abstractNum w:abstractNumId="40">` + lvl(0, 1, "chineseCountingThousand", "%1、", `<w:pStyle w:val="Heading1"/>`) + `</w:abstractNum>
<w:abstractNum w:abstractNumId="50">` + lvl(0, 1, "bullet", "\uf0b7", "") + `</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="30"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="100"/></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="40"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="50"/></w:num>
<w:num w:numId="8"><w:abstractNumId w:val="20"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/><w:suff w:val="nothing"/></w:lvl></w:lvlOverride></w:num>
</w:numbering>`

	styles := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ` + wordNS + `>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="6"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ArticleBase"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Article"><w:basedOn w:val="ArticleBase"/></w:style>
</w:styles>`

	var body strings.Builder
	body.WriteString(`<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>某某市行政规范性文件管理办法</w:t></w:r></w:p>`)
	body.WriteString(numPara(1, 0, "总则"))
	body.WriteString(numPara(1, 1, "为了规范行政规范性文件管理，根据有关规定，制定本办法。"))
	body.WriteString(numPara(1, 1, "本办法所称行政规范性文件，包括："))
	body.WriteString(numPara(1, 2, "涉及公民、法人权利义务的文件；"))
	body.WriteString(numPara(1, 2, "在一定期限内反复适用的文件。"))
	body.WriteString(numPara(1, 0, "制定程序"))
	body.WriteString(stylePara("Article", "起草单位应当开展调查研究。"))
	// A hyperlink field: only its result belongs to the text.
	body.WriteString(`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>` +
		`<w:r><w:t>文件应当在</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
		`<w:r><w:instrText xml:space="preserve"> HYPERLINK "http://www.example.gov.cn" </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>政府门户网站</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>公开，自</w:t></w:r>` +
		`<w:del w:id="1" w:author="x"><w:r><w:delText>印发</w:delText></w:r></w:del>` +
		`<w:ins w:id="2" w:author="x"><w:r><w:t>２０２４年１月１日</w:t></w:r></w:ins>` +
		`<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏文字</w:t></w:r><w:r><w:t>起施行。</w:t></w:r></w:p>`)
	for i := 0; i < 8; i++ {
		body.WriteString(numPara(1, 1, fmt.Sprintf("第%d个自动编号条文。", i+5)))
	}
	body.WriteString(numPara(5, 1, "另一编号实例从一百起重新编号。"))
	body.WriteString(stylePara("Heading1", "附则"))
	body.WriteString(numPara(2, 0, "第一项"))
	body.WriteString(numPara(2, 1, "子项甲"))
	body.WriteString(numPara(2, 1, "子项乙"))
	body.WriteString(numPara(2, 2, "法定编号"))
	body.WriteString(numPara(2, 0, "第二项"))
	body.WriteString(numPara(2, 1, "子项重新编号"))
	body.WriteString(numPara(3, 0, "新实例从五开始"))
	body.WriteString(numPara(4, 0, "天干编号"))
	body.WriteString(numPara(4, 0, "天干编号第二项"))
	body.WriteString(numPara(7, 0, "项目符号不输出符号"))
	body.WriteString(numPara(8, 0, "圈码覆盖级别"))
	body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Article"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>样式编号被取消的段落。</w:t></w:r></w:p>`)
	body.WriteString(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>文件名称</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>文号</w:t></w:r></w:p></w:tc></w:tr>` +
		`<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>关于加强管理的通知</w:t></w:r></w:p><w:p><w:r><w:t>（已修改）</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>某政发〔2024〕1号</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`)
	// A text box written twice, as Word does: a DrawingML choice and a VML fallback.
	body.WriteString(`<w:p><w:r><w:t>正文结束。</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>` +
		plainPara("（此件公开发布）") + `</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>` +
		plainPara("（此件公开发布）") + `</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	body.WriteString(plainPara("某某市人民政府办公室　　2024年1月1日"))
	body.WriteString(`<w:sectPr><w:headerReference w:type="default" r:id="rId9"/></w:sectPr>`)

	document := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ` + wordNS + `><w:body>` + body.String() + `</w:body></w:document>`
	return buildZip(t,
		"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>`+
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/word/styles.xml"/>`+
			`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`,
		"word/document.xml", document,
		"word/numbering.xml", numbering,
		"word/styles.xml", styles,
		"word/header1.xml", `<?xml version="1.0"?><w:hdr `+wordNS+`>`+plainPara("页眉：某某市人民政府")+`</w:hdr>`,
		"docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>某某市行政规范性文件管理办法</dc:title></cp:coreProperties>`,
	)
}

// docxBomb holds a document.xml that inflates to 8 MiB from a few kilobytes.
func docxBomb(t testing.TB) []byte {
	huge := `<w:document ` + wordNS + `><w:body><w:p><w:r><w:t>` + strings.Repeat("条", 8<<20/3) + `</w:t></w:r></w:p></w:body></w:document>`
	return buildZip(t, "word/document.xml", huge)
}

func writeDOCXFixtures(t *testing.T) {
	numbered := numberedDOCX(t)
	writeFormatFixture(t, filepath.Join("testdata", "docx", "numbered.docx"), numbered)
	writeFormatFixture(t, filepath.Join("testdata", "docx", "truncated.docx"), numbered[:len(numbered)/2])
	writeFormatFixture(t, filepath.Join("testdata", "docx", "bomb.docx"), docxBomb(t))
}
