package web

import (
	"strings"
	"testing"
)

func TestSplitPrintedTOC(t *testing.T) {
	body := "第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n第二章 附则\n\n第二条 本办法自发布之日起施行。\n"
	long := strings.Repeat("本段为正文内容。\n\n", 50)
	for _, tc := range []struct {
		name, text, printed string
	}{
		{"chapters with page numbers", "某市管理办法\n\n目录\n\n第一章 总则………………1\n第二章 附则………………5\n\n" + body,
			"某市管理办法\n\n目录\n\n第一章 总则………………1\n第二章 附则………………5\n"},
		{"full-width page numbers, ASCII leaders", "目录\n一、总体要求........１\n二、主要任务........２\n" + body,
			"目录\n一、总体要求........１\n二、主要任务........２\n"},
		{"one line is no contents page", "说明……见第3页\n\n" + body, ""},
		{"an annex's contents page, far in, is left alone", "某市管理办法\n\n" + long + "附件\n\n目录\n一、甲………1\n二、乙………2\n", ""},
		{"no contents", body, ""},
	} {
		printed, rest := splitPrintedTOC(tc.text)
		if printed != tc.printed || printed+rest != tc.text {
			t.Errorf("%s: printed %q", tc.name, printed)
		}
	}
	// The articles after a printed contents page keep their anchors and chapters.
	rt := renderText("某市管理办法\n\n目录\n\n第一章 总则………………1\n第二章 附则………………5\n\n"+body, nil)
	if rt.Articles != 2 || len(rt.TOC) != 2 || rt.TOC[0].Title != "第一章 总则" || rt.TOC[0].Anchor != "第一条" || rt.TOC[1].Anchor != "第二条" {
		t.Errorf("articles %d, toc %+v", rt.Articles, rt.TOC)
	}
	if !strings.Contains(string(rt.HTML), `<p>第二章 附则………………5</p></div>`) {
		t.Errorf("the printed contents are not shown before the text:\n%s", rt.HTML)
	}
}
