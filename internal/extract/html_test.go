package extract

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestHTMLMainText checks the hand-made government page in each of its encodings:
// the notice and its metadata table are read, the page furniture is not.
func TestHTMLMainText(t *testing.T) {
	for _, f := range []string{"html/gov_notice.html", "html/gov_notice_gb2312.html", "html/nometa_gb18030.htm", "html/wrong_meta_gbk.html"} {
		t.Run(f, func(t *testing.T) {
			res, err := Bytes(context.Background(), f, readFormatFixture(t, f), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, want := range []string{
				"索引号：  11210421MB1234567X/2022-00031  主题分类：  综合政务\\政务公开",
				"发文字号：  抚县政公领发〔2022〕3号  发布日期：  2022年06月22日",
				"成文日期：  2022年06月20日",
				"各乡镇人民政府，县政府各部门、各相关单位：",
				"（一）以政务公开助推经济平稳健康发展",
				"抚顺县政务公开领导小组\n2022年6月20日",
				"发布时间：2022-06-22 09:30",
			} {
				if !strings.Contains(res.Text, want) {
					t.Errorf("missing %q", want)
				}
			}
			for _, absent := range []string{"脚本里的中文", "样式里的中文", "统计代码", "无障碍浏览", "走进抚顺县", "当前位置",
				"政府信息公开指南", "相关文件", "政务舆情回应", "网站标识码", "ICP备", "请输入关键词"} {
				if strings.Contains(res.Text, absent) {
					t.Errorf("text contains page furniture %q", absent)
				}
			}
			if res.Title != "关于印发《抚顺县2022年政务公开工作要点》的通知" {
				t.Errorf("title = %q", res.Title)
			}
		})
	}
}

func TestHTMLTitle(t *testing.T) {
	tests := []struct{ name, page, want string }{
		{"site suffix", `<title>关于做好防汛工作的通知_某某市人民政府</title><body><p>正文内容很多很多。</p></body>`, "关于做好防汛工作的通知"},
		{"dash suffix keeps year range", `<title>2024-2026年农机补贴实施方案 - 某某省农业农村厅</title>`, "2024-2026年农机补贴实施方案"},
		{"pipe and section", `<title>首页 | 政策文件 | 关于印发某某办法的通知</title>`, "关于印发某某办法的通知"},
		{"heading agreeing with title", `<title>关于印发某某办法的通知_某某网</title><body><h1>某某县人民政府</h1><h2 class="t">关于印发某某办法的通知</h2></body>`, "关于印发某某办法的通知"},
		{"title is only the site", `<title>某某县人民政府</title><body><div class="title">关于公布规范性文件清理结果的通知</div></body>`, "关于公布规范性文件清理结果的通知"},
		{"no title", `<body><p>没有标题</p></body>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if got := analyseHTML(doc).title; got != tt.want {
				t.Errorf("title = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeHTML(t *testing.T) {
	gbk := encodeFixture(t, simplifiedchinese.GB18030, "<p>规范性文件</p>")
	tests := []struct {
		name    string
		data    []byte
		want    string
		enc     string
		warning bool
	}{
		{"utf-8 meta", []byte(`<meta charset="utf-8"><p>规范性文件</p>`), "规范性文件", "utf-8", false},
		{"gb2312 http-equiv", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`), gbk...), "规范性文件", "gb18030", false},
		{"no meta gbk", gbk, "规范性文件", "gb18030", false},
		{"utf-8 bom", append([]byte{0xEF, 0xBB, 0xBF}, "<p>规范性文件</p>"...), "规范性文件", "utf-8", false},
		{"meta lies", append([]byte(`<meta charset="utf-8">`), gbk...), "规范性文件", "gb18030", true},
		{"gb meta on utf-8 bytes", []byte(`<meta charset="gbk"><p>规范性文件</p>`), "规范性文件", "utf-8", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, enc, warning := decodeHTML(tt.data)
			if !strings.Contains(text, tt.want) || enc != tt.enc || (warning != "") != tt.warning {
				t.Errorf("got enc %s warning %q text %q", enc, warning, text)
			}
		})
	}
}

func TestCollapseSpace(t *testing.T) {
	tests := []struct{ in, want string }{
		{"关于\n  印发", "关于印发"},
		{"第一条 为了", "第一条 为了"},
		{"2022 年\n6 月", "2022 年 6 月"},
		{"word\n\tword", "word word"},
		{"\n开头", " 开头"},
	}
	for _, tt := range tests {
		if got := collapseSpace(tt.in); got != tt.want {
			t.Errorf("collapseSpace(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzHTML(f *testing.F) {
	addFormatSeeds(f, "html/gov_notice.html", "html/gov_notice_gb2312.html", "html/plain_br.html", "html/wrong_meta_gbk.html")
	f.Add([]byte(`<table><tr><td>索引号<td>发文字号<a href=x>链接</a><br><p>正文，内容。`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fuzzFormatReader(t, readHTML, "f.html", data)
	})
}

// TestHTMLBodyWithoutWrapper checks a page whose paragraphs and table sit straight
// in <body>: every paragraph and every row is read, not the one table cell with the
// most text.
func TestHTMLBodyWithoutWrapper(t *testing.T) {
	page := `<html><head><meta charset="utf-8"></head><body><p>辛县人民政府关于公布规范性文件清理结果的通知</p><p>辛政发〔2025〕5号</p>` +
		`<p>本通知自2025年6月1日起施行。</p><table><tr><th>序号</th><th>文件名称</th><th>文号</th><th>清理意见</th></tr>` +
		`<tr><td>1</td><td>辛县种植补贴办法</td><td>辛政办发〔2019〕2号</td><td>废止</td></tr>` +
		`<tr><td>2</td><td>辛县养殖补贴办法</td><td>辛政办发〔2019〕3号</td><td>继续有效</td></tr></table>` +
		`<p>辛县人民政府</p><p>2025年5月20日</p></body></html>`
	res, err := Bytes(context.Background(), "notice.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "辛县人民政府关于公布规范性文件清理结果的通知\n\n辛政发〔2025〕5号\n\n本通知自2025年6月1日起施行。\n\n" +
		"序号" + docxCellSep + "文件名称" + docxCellSep + "文号" + docxCellSep + "清理意见\n" +
		"1" + docxCellSep + "辛县种植补贴办法" + docxCellSep + "辛政办发〔2019〕2号" + docxCellSep + "废止\n" +
		"2" + docxCellSep + "辛县养殖补贴办法" + docxCellSep + "辛政办发〔2019〕3号" + docxCellSep + "继续有效\n\n" +
		"辛县人民政府\n\n2025年5月20日"
	if res.Text != want {
		t.Errorf("text = %q\nwant   %q", res.Text, want)
	}
}

// TestHTMLBodyTextAroundContent checks that the body's own text does not win over
// a content element on a page that also writes boilerplate straight into <body>.
func TestHTMLBodyTextAroundContent(t *testing.T) {
	page := `<body><div class="nav"><a href="/">首页</a><a href="/zc">政策文件</a></div>` +
		`<p>您当前的位置：首页 政策文件 通知公告</p><p>本网站由某县人民政府办公室主办，某县大数据中心承办维护，联系电话见页面底部。</p>` +
		`<div id="zoom"><p>各乡镇人民政府，县政府各部门：</p><p>为进一步做好就业补贴工作，现将有关事项通知如下。</p>` +
		`<p>一、补贴对象为本县户籍的高校毕业生、就业困难人员和退役军人。</p><p>二、补贴标准按照省、市有关规定执行，所需资金从就业补助资金中列支。</p></div>` +
		`<p>网站标识码：2104210001 辽ICP备12345678号</p></body>`
	res, err := Bytes(context.Background(), "page.html", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "二、补贴标准按照省、市有关规定执行") || !strings.Contains(res.Text, "各乡镇人民政府") {
		t.Errorf("content missing: %q", res.Text)
	}
	for _, absent := range []string{"您当前的位置", "本网站由", "网站标识码", "首页"} {
		if strings.Contains(res.Text, absent) {
			t.Errorf("text holds page furniture %q: %q", absent, res.Text)
		}
	}
}
