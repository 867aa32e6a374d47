package extract

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func init() {
	register("html", readHTML)
	register("htm", readHTML)
}

// readHTML reads the main text of a web page, as government portals publish most
// notices: the article body with its metadata table (索引号, 发文字号 …), without
// the navigation, breadcrumbs, related links and footer around it.
func readHTML(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if int64(len(data)) > opt.MaxTextBytes {
		return nil, Errorf(ReasonTooLarge, "%d bytes of HTML, limit %d", len(data), opt.MaxTextBytes)
	}
	src, enc, warning := decodeHTML(data)
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return nil, Errorf(ReasonCorrupt, "html: %v", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	page := analyseHTML(doc)
	res := &Result{Extractor: "html", Title: tidyExtracted(page.title)}
	if enc != "utf-8" {
		res.Extractor = "html/" + enc
	}
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	res.Text = tidyExtracted(page.text())
	return res, nil
}

// decodeHTML picks the page's encoding: byte-order mark, then <meta charset> or
// http-equiv, then detection. A declaration that the bytes contradict (a page
// saying utf-8 while written in GBK, common on older portals) loses to the bytes.
func decodeHTML(data []byte) (text, enc, warning string) {
	e, label, certain := charset.DetermineEncoding(data, "")
	declared := certain || declaresCharset(data)
	if !declared {
		return decodeText(data)
	}
	label = normaliseCharset(label)
	switch label {
	case "utf-8":
		if utf8.Valid(data) {
			return string(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})), "utf-8", ""
		}
		if plausibleGB(data) {
			return textDecodeWith(simplifiedchinese.GB18030, data), "gb18030", "网页声明的编码为 UTF-8，实为 GB18030，已按 GB18030 读取"
		}
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8", "网页声明的编码为 UTF-8，但含无法解码的字节，已以替换字符代之"
	case "gb18030":
		if !plausibleGB(data) && utf8.Valid(data) && hasMultibyte(data) {
			return string(data), "utf-8", "网页声明的编码为 GB2312/GBK，实为 UTF-8，已按 UTF-8 读取"
		}
		// GB2312 and GBK labels get the GB18030 decoder: it is their superset, and
		// pages labelled gb2312 routinely use GBK characters.
		return textDecodeWith(simplifiedchinese.GB18030, data), "gb18030", ""
	}
	if e == nil || (label == "windows-1252" || label == "iso-8859-1") && !utf8.Valid(data) && plausibleGB(data) {
		// Template defaults left in Western charsets on pages written in Chinese.
		return decodeText(data)
	}
	return textDecodeWith(e, data), label, ""
}

var metaCharset = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=`)

func declaresCharset(data []byte) bool {
	return metaCharset.Match(data[:min(len(data), 4096)])
}

func normaliseCharset(label string) string {
	switch strings.ToLower(label) {
	case "gbk", "gb2312", "gb18030", "x-gbk", "cp936", "windows-936", "euc-cn":
		return "gb18030"
	case "utf8", "utf-8":
		return "utf-8"
	}
	return strings.ToLower(label)
}

func hasMultibyte(data []byte) bool {
	for _, c := range data {
		if c >= 0x80 {
			return true
		}
	}
	return false
}
