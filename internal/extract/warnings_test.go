package extract

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
)

// englishPhrase finds three English words in a row: a warning staff read is Chinese,
// with at most a format or tool name (UTF-8, pdftotext, numbering.xml) in Latin letters.
var englishPhrase = regexp.MustCompile(`[A-Za-z]+[ ,;:]+[A-Za-z]+[ ,;:]+[A-Za-z]+`)

// TestWarningsAreChinese reads files that draw each kind of reader warning and
// checks what staff are told.
func TestWarningsAreChinese(t *testing.T) {
	w := newPDFWriter()
	f := w.cidFont(alphabet)
	fonts := fmt.Sprintf("/F1 %d 0 R", f)
	onePageBlank := w.finish([]testPage{
		{content: textAt(72, 700, "第一条为了规范农机购置补贴工作"), fonts: fonts},
		{content: textAt(72, 700, "各级政府应当加强管理"), fonts: fonts},
		{content: "", fonts: fonts},
	})
	tests := []struct {
		name string
		file string
		data []byte
		want string
	}{
		{"a PDF page without a text layer", "blank.pdf", onePageBlank, "共3页，其中1页无文字层"},
		{"an HTML page named .doc", "misnamed.doc", readFormatFixture(t, "html/gov_notice.html"), "扩展名为 .doc 的文件实为 HTML 网页，已按网页读取"},
		{"a DOCX package named .doc", "misnamed.doc", readFormatFixture(t, "docx/numbered.docx"), "扩展名为 .doc 的文件实为 DOCX 文档，已按 DOCX 读取"},
		{"a legacy Word document named .docx", "old.docx", readFormatFixture(t, "doc/built.doc"), "扩展名为 .docx 的文件实为旧版 Word（.doc）文档，已按 .doc 读取"},
		{"a page declaring GB2312 written in UTF-8", "p.html", []byte(`<html><head><meta charset="gb2312"></head><body><p>规范性文件管理办法全文如下。</p></body></html>`),
			"网页声明的编码为 GB2312/GBK，实为 UTF-8，已按 UTF-8 读取"},
		{"a text file in no known encoding", "t.txt", []byte("规范性文件\xff\xfe\xfd\x80\x80管理办法"), "文件既不是有效的 UTF-8，也不是 GB18030 编码的中文，无法解码的字节已以替换字符代之"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Bytes(context.Background(), tt.file, tt.data, Options{NoExternal: true})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(res.Warnings, "\n"), tt.want) {
				t.Errorf("warnings %q, want %q", res.Warnings, tt.want)
			}
			for _, w := range res.Warnings {
				if m := englishPhrase.FindString(w); m != "" {
					t.Errorf("warning %q is in English (%q)", w, m)
				}
			}
		})
	}
}
