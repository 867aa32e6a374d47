package extract

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// Built OFD fixture: a two-page notice written without the ofd: prefix, with the
// red header in a template page, text objects out of reading order, a CTM-scaled
// object, DeltaX in its "g" shorthand and a page number to drop.

// ofdText writes one TextObject: x, y is the Boundary origin, baseline 4 mm below,
// characters 5 mm apart.
func ofdText(id, x, y float64, text string) string {
	n := len([]rune(text))
	deltas := strings.TrimSpace(strings.Repeat("5 ", max(n-1, 0)))
	return fmt.Sprintf(`<TextObject ID="%g" Boundary="%g %g 160 6" Font="1" Size="5"><TextCode X="0" Y="4" DeltaX="%s">%s</TextCode></TextObject>`,
		id, x, y, deltas, text)
}

func builtOFD(t testing.TB) []byte {
	const ns = `xmlns="http://www.ofdspec.org/2016"`
	root := `<?xml version="1.0" encoding="UTF-8"?><OFD ` + ns + ` Version="1.1" DocType="OFD"><DocBody><DocInfo><Title>某某县人民政府关于公布规范性文件清理结果的通知</Title></DocInfo><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>`
	document := `<?xml version="1.0" encoding="UTF-8"?><Document ` + ns + `><CommonData><PageArea><PhysicalBox>0 0 210 297</PhysicalBox></PageArea>` +
		`<TemplatePage ID="5" BaseLoc="Tpls/Tpl_0/Content.xml"/></CommonData>` +
		`<Pages><Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/><Page ID="2" BaseLoc="/Doc_0/Pages/Page_1"/></Pages></Document>`
	template := `<?xml version="1.0" encoding="UTF-8"?><Page ` + ns + `><Content><Layer ID="6">` +
		// Red header: 10 mm characters drawn at 1 mm and scaled by the CTM.
		`<TextObject ID="7" Boundary="40 20 130 12" CTM="10 0 0 10 0 0" Font="1" Size="1"><TextCode X="0" Y="1" DeltaX="g 8 1">某某县人民政府文件</TextCode></TextObject>` +
		`</Layer></Content></Page>`
	var page0 strings.Builder
	page0.WriteString(`<?xml version="1.0" encoding="UTF-8"?><Page ` + ns + `><Template TemplateID="5" ZOrder="Background"/><Content><Layer ID="10">`)
	page0.WriteString(ofdText(11, 80, 45, "某政发〔2024〕3号"))
	page0.WriteString(ofdText(12, 45, 60, "某某县人民政府关于公布规范性文件"))
	page0.WriteString(ofdText(13, 75, 67, "清理结果的通知"))
	page0.WriteString(ofdText(14, 30, 80, "各乡镇人民政府，县政府各部门："))
	// The paragraph's second line comes first in the file; position decides the order.
	page0.WriteString(ofdText(16, 30, 97, "现将本县行政规范性文件清理结果公布如下，继续有效"))
	page0.WriteString(ofdText(15, 40, 89, "根据《某某省行政规范性文件管理办法》的规定，"))
	// Two TextCodes in one object: the second continues where the first ended.
	page0.WriteString(`<TextObject ID="17" Boundary="30 105 160 6" Font="1" Size="5"><TextCode X="0" Y="4" DeltaX="5 5 5 5 5 5 5 5 5 5">的文件共计三十二件，</TextCode><TextCode DeltaX="5 5 5 5 5">废止十一件。</TextCode></TextObject>`)
	page0.WriteString(ofdText(18, 40, 113, "一、继续有效的文件"))
	page0.WriteString(ofdText(19, 95, 280, "— 1 —"))
	page0.WriteString(`</Layer></Content></Page>`)
	page1 := `<?xml version="1.0" encoding="UTF-8"?><Page ` + ns + `><Content><Layer ID="20">` +
		ofdText(21, 40, 30, "二、废止的文件自公布之日起停止执行，各单位不得再") +
		ofdText(25, 30, 38, "作为行政管理的依据。") +
		ofdText(22, 120, 60, "某某县人民政府") +
		ofdText(23, 118, 68, "2024年3月1日") +
		ofdText(24, 40, 80, "（此件公开发布）") +
		`</Layer></Content></Page>`
	return buildZip(t,
		"OFD.xml", root,
		"Doc_0/Document.xml", document,
		"Doc_0/Tpls/Tpl_0/Content.xml", template,
		"Doc_0/Pages/Page_0/Content.xml", page0.String(),
		"Doc_0/Pages/Page_1/Content.xml", page1,
	)
}

func ofdBomb(t testing.TB) []byte {
	big := `<Page><Content><Layer>` + strings.Repeat(`<TextObject Boundary="0 0 1 1" Size="1"><TextCode X="0" Y="0">条条条条</TextCode></TextObject>`, 100000) + `</Layer></Content></Page>`
	return buildZip(t,
		"OFD.xml", `<OFD><DocBody><DocRoot>Doc_0/Document.xml</DocRoot></DocBody></OFD>`,
		"Doc_0/Document.xml", `<Document><Pages><Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/></Pages></Document>`,
		"Doc_0/Pages/Page_0/Content.xml", big)
}

func writeOFDFixtures(t *testing.T) {
	built := builtOFD(t)
	writeFormatFixture(t, filepath.Join("testdata", "ofd", "built.ofd"), built)
	writeFormatFixture(t, filepath.Join("testdata", "ofd", "truncated.ofd"), built[:len(built)*2/3])
	writeFormatFixture(t, filepath.Join("testdata", "ofd", "bomb.ofd"), ofdBomb(t))
}
