package web_test

import (
	"strings"
	"testing"
)

// tocLibrary holds a notice with a printed table of contents (目录 with dot leaders
// and page numbers) before its parts, and a work whose versions lack some dates.
const tocLibrary = `{"id": "fx:toc", "version_of": "fx:work:toc", "title": "关于印发某市优化营商环境实施方案的通知", "level": "行政规范性文件", "publish_date": "2024-01-01", "text": "关于印发某市优化营商环境实施方案的通知\n\n目  录\n\n一、总体要求……………………………1\n二、重点任务.................................2\n三、保障措施与组织实施，\n    明确责任分工…………………………3\n\n一、总体要求\n\n坚持问题导向，持续优化营商环境。\n\n二、重点任务\n\n推行企业开办一网通办。\n\n三、保障措施与组织实施，明确责任分工\n\n各部门要加强协作。\n"}
{"id": "fx:dates-1", "version_of": "fx:work:dates", "title": "某市日期测试办法", "level": "行政规范性文件", "effective_date": "2020-05-01", "text": "某市日期测试办法\n\n第一条 为了测试，制定本办法。\n\n第二条 本办法自2020年5月1日起施行。\n"}
{"id": "fx:dates-2", "version_of": "fx:work:dates", "title": "某市日期测试办法", "level": "行政规范性文件", "publish_date": "2023-02-01", "effective_date": "2023-03-01", "text": "某市日期测试办法\n\n第一条 为了测试，制定本办法，并予修订。\n\n第二条 本办法自2023年3月1日起施行。\n"}
`

// A printed table of contents is part of the text, not its headings: the page's own
// table of contents leads to the parts themselves, and names each once.
func TestTOCSkipsAPrintedContentsPage(t *testing.T) {
	s := newSiteWith(t, map[string][]byte{"laws/toc.jsonl": []byte(tocLibrary)})
	r := s.get(t, work("fx:work:toc"))
	toc := between(r.Body, `<nav class="toc"`, "</nav>")
	mustContain(t, toc, `<a href="#%e4%b8%80">一、总体要求</a></li>`, `<a href="#%e4%ba%8c">二、重点任务</a></li>`, // #一, #二
		`<a href="#%e4%b8%89">三、保障措施与组织实施，明确责任分工</a></li>`, "目录（3 项")
	mustNotContain(t, toc, "……", "....", `<span class="range">`)
	// The anchors are the parts' own headings, with their text.
	mustContain(t, r.Body, `<section class="part" id="一"><h3 class="part-h">一、总体要求</h3><p>坚持问题导向`,
		`<section class="part" id="三"><h3 class="part-h">三、保障措施与组织实施，明确责任分工</h3><p>各部门要加强协作。</p>`)
	// The printed contents are still shown, as text before the first part.
	pre := between(r.Body, `<div class="preamble" id="preamble">`, "</div>")
	mustContain(t, pre, "关于印发某市优化营商环境实施方案的通知", "目  录", "一、总体要求……………………………1", "明确责任分工…………………………3")
	if strings.Count(r.Body, `id="一"`) != 1 {
		t.Error("two anchors named 一")
	}
}
