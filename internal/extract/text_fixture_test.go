package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// Text and HTML fixtures in the encodings offices save: generated from the real
// seed notice and a LawRefBook record, and from the hand-made government page.

func encodeFixture(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// seedExcerpt is the seed notice's first n lines.
func seedExcerpt(t testing.TB, n int) string {
	b, err := os.ReadFile(testcorpus.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(b), "\n")
	return strings.Join(lines[:min(n, len(lines))], "")
}

// lawRefBookMarkdown returns the start of the first LawRefBook national record.
func lawRefBookMarkdown(t testing.TB) string {
	f, err := os.Open(testcorpus.Laws(t))
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 16<<20)
	for sc.Scan() {
		var rec struct {
			Collection string `json:"collection"`
			Text       string `json:"text"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) == nil && rec.Collection == "lawrefbook-national" {
			lines := strings.SplitAfter(rec.Text, "\n")
			return strings.Join(lines[:min(40, len(lines))], "")
		}
	}
	t.Skip("no LawRefBook record")
	return ""
}

func writeTextFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "text")
	seed := seedExcerpt(t, 1000)
	short := seedExcerpt(t, 24)
	writeFormatFixture(t, filepath.Join(dir, "seed_gb18030.txt"), encodeFixture(t, simplifiedchinese.GB18030, seed))
	writeFormatFixture(t, filepath.Join(dir, "seed_utf8_bom.txt"), append([]byte{0xEF, 0xBB, 0xBF}, short...))
	writeFormatFixture(t, filepath.Join(dir, "seed_utf16le_bom.txt"), encodeFixture(t, unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), short))
	writeFormatFixture(t, filepath.Join(dir, "seed_utf16be_bom.txt"), encodeFixture(t, unicode.UTF16(unicode.BigEndian, unicode.UseBOM), short))
	writeFormatFixture(t, filepath.Join(dir, "lawrefbook.md"), []byte(lawRefBookMarkdown(t)))
}

func writeHTMLFixtures(t *testing.T) {
	dir := filepath.Join("testdata", "html")
	page := string(readFormatFixture(t, filepath.Join("html", "gov_notice.html")))
	gbPage := strings.Replace(page, `<meta charset="utf-8">`, `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, 1)
	writeFormatFixture(t, filepath.Join(dir, "gov_notice_gb2312.html"), encodeFixture(t, simplifiedchinese.GB18030, gbPage))
	noMeta := strings.Replace(page, `<meta charset="utf-8">`, "", 1)
	writeFormatFixture(t, filepath.Join(dir, "nometa_gb18030.htm"), encodeFixture(t, simplifiedchinese.GB18030, noMeta))
	// Declares UTF-8, written in GBK: the bytes win.
	writeFormatFixture(t, filepath.Join(dir, "wrong_meta_gbk.html"), encodeFixture(t, simplifiedchinese.GBK, page))
	// A page whose text sits directly in a div with <br> breaks and no CMS class names.
	var b bytes.Buffer
	b.WriteString(`<html><head><meta charset="utf-8"><title>某某县人民政府办公室关于做好防汛工作的通知 - 某某县政府网</title></head><body>`)
	b.WriteString(`<table width="100%"><tr><td><a href="/">首页</a> | <a href="/a">机构</a> | <a href="/b">政务公开</a> | <a href="/c">办事服务</a> | <a href="/d">互动交流</a></td></tr></table>`)
	b.WriteString(`<table><tr><td width="200"><a href="/x1">通知公告</a><br><a href="/x2">政策解读</a><br><a href="/x3">人事信息</a></td><td>`)
	b.WriteString(`<div align="center"><b>某某县人民政府办公室关于做好防汛工作的通知</b></div><div>`)
	b.WriteString(strings.Join([]string{
		"各乡镇人民政府，县直各部门：",
		"　　当前已进入主汛期，为切实做好今年防汛工作，确保人民群众生命财产安全，经县政府同意，现将有关事项通知如下：",
		"　　一、提高思想认识。各地各部门要充分认识防汛工作的极端重要性，压实防汛责任。",
		"　　二、加强隐患排查。对水库、河道、地质灾害隐患点开展全面排查，\n建立台账，限期整改。",
		"　　三、严格值班值守。汛期实行24小时值班和领导带班制度，确保信息畅通。",
		"某某县人民政府办公室",
		"2024年6月1日",
	}, "<br>\n"))
	b.WriteString(`</div></td></tr></table><div id="foot">版权所有：某某县人民政府 技术支持：某某网络公司</div></body></html>`)
	writeFormatFixture(t, filepath.Join(dir, "plain_br.html"), b.Bytes())
}

// writeFormatFixtures regenerates every built fixture (run with -update).
func writeFormatFixtures(t *testing.T) {
	writeDOCXFixtures(t)
	writeDOCFixtures(t)
	writeOFDFixtures(t)
	writeHTMLFixtures(t)
	writeTextFixtures(t)
}
