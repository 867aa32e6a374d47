package article

import (
	"os"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

// brief renders items compactly: kind|number|anchor|chapter|content.
func brief(arts []Article) []string {
	out := make([]string, len(arts))
	for i, a := range arts {
		out[i] = strings.Join([]string{string(a.Kind), a.Number, a.Anchor, a.Chapter, a.Content()}, "|")
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		headings []string
		want     []string
	}{
		{
			name: "lawrefbook markdown with chapters and sections",
			text: "# 某某法\n\n2020年1月1日 通过\n\n<!-- INFO END -->\n\n## 第一章 总 则\n\n第一条 为了规范，制定本法。\n\n第二条 本法适用于：\n\n（一）甲；\n\n（二）乙。\n\n## 第二章  分则\n\n### 第一节 一般规定\n\n第三条 依照本法第一条的规定办理。\n\n第三条之一 新增内容。\n",
			want: []string{
				"preamble||preamble||# 某某法\n\n2020年1月1日 通过\n\n<!-- INFO END -->",
				"article|第一条|第一条|第一章 总 则|为了规范，制定本法。",
				"article|第二条|第二条|第一章 总 则|本法适用于：\n\n（一）甲；\n\n（二）乙。",
				"article|第三条|第三条|第二章 分则 > 第一节 一般规定|依照本法第一条的规定办理。",
				"article|第三条之一|第三条之一|第二章 分则 > 第一节 一般规定|新增内容。",
			},
		},
		{
			name: "citation at a line start is not an article",
			text: "第一条 甲。\n第二条 乙。\n第十条规定的期限，依照本条执行。\n第三条　丙。",
			want: []string{
				"article|第一条|第一条||甲。",
				"article|第二条|第二条||乙。\n第十条规定的期限，依照本条执行。",
				"article|第三条|第三条||丙。",
			},
		},
		{
			name: "unspaced labels accepted only in sequence",
			text: "第一条为了规范管理，制定本办法。\n第二条本办法适用于全市。\n第五条第二款所称的单位。\n第三条本办法自公布之日起施行。",
			want: []string{
				"article|第一条|第一条||为了规范管理，制定本办法。",
				"article|第二条|第二条||本办法适用于全市。\n第五条第二款所称的单位。",
				"article|第三条|第三条||本办法自公布之日起施行。",
			},
		},
		{
			name: "arabic numbers get canonical anchors",
			text: "第1条 甲。\n\n第10条 乙。",
			want: []string{
				"article|第1条|第一条||甲。",
				"article|第10条|第十条||乙。",
			},
		},
		{
			name: "heading followed by running text stays text",
			text: "第一条 甲。\n\n第二章 乙\n\n说明文字。\n\n第二条 丙。",
			want: []string{
				"article|第一条|第一条||甲。\n\n第二章 乙\n\n说明文字。",
				"article|第二条|第二条||丙。",
			},
		},
		{
			name: "repeated numbers get unique anchors",
			text: "第一条 通知正文。\n\n附件\n\n第一条 办法正文。",
			want: []string{
				"article|第一条|第一条||通知正文。\n\n附件",
				"article|第一条|第一条-2||办法正文。",
			},
		},
		{
			name: "notice parts",
			text: "关于做好某项工作的通知\n\n各单位：\n\n一、总体要求。坚持稳中求进。\n\n（一）提高认识。\n\n二、重点任务\n\n1.加强公开。\n\n四、不是下一部分\n\n三、保障措施",
			want: []string{
				"preamble||preamble||关于做好某项工作的通知\n\n各单位：",
				"section|一、|一||总体要求。坚持稳中求进。\n\n（一）提高认识。",
				"section|二、|二||重点任务\n\n1.加强公开。\n\n四、不是下一部分",
				"section|三、|三||保障措施",
			},
		},
		{
			name: "paragraphs",
			text: "标题\n\n正文一。\n\n正文二。",
			want: []string{"paragraph||p1||标题", "paragraph||p2||正文一。", "paragraph||p3||正文二。"},
		},
		{
			name: "lines when there are no blank lines",
			text: "标题\n正文一。\n",
			want: []string{"paragraph||p1||标题", "paragraph||p2||正文一。"},
		},
		{
			name:     "headings name the blocks",
			text:     "为了规范，制定本法。\n\n本法适用于：\n（一）甲。\n\n之一　新增内容。",
			headings: []string{"第一条", "第二条", "第二条之一"},
			want: []string{
				"article|第一条|第一条||为了规范，制定本法。",
				"article|第二条|第二条||本法适用于：\n（一）甲。",
				"article|第二条之一|第二条之一||新增内容。",
			},
		},
		{
			name:     "headings that do not match the blocks are ignored",
			text:     "第一条 甲。\n\n第二条 乙。",
			headings: []string{"第一条"},
			want:     []string{"article|第一条|第一条||甲。", "article|第二条|第二条||乙。"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts := Split(tt.text, tt.headings)
			got := brief(arts)
			if strings.Join(got, "\n---\n") != strings.Join(tt.want, "\n---\n") {
				t.Errorf("Split:\n got  %q\n want %q", got, tt.want)
			}
			if tt.headings != nil {
				return
			}
			for _, a := range arts {
				if tt.text[a.Start:a.End] != a.Body {
					t.Errorf("%s: Body %q is not text[%d:%d] %q", a.Anchor, a.Body, a.Start, a.End, tt.text[a.Start:a.End])
				}
			}
		})
	}
}

func TestHeading(t *testing.T) {
	arts := Split("第一条【立法目的】为了规范。\n\n第二条（适用范围）本条例适用于本市。\n\n第三条 本条例自公布之日起施行。", nil)
	want := []string{"第一条【立法目的】", "第二条（适用范围）", "第三条"}
	for i, a := range arts {
		if a.Heading != want[i] {
			t.Errorf("Heading[%d] = %q, want %q", i, a.Heading, want[i])
		}
	}
}

func TestTOC(t *testing.T) {
	text := "## 第一编 总则\n\n### 第一章 基本规定\n\n第一条 甲。\n\n第二条 乙。\n\n### 第二章 自然人\n\n#### 第一节 能力\n\n第三条 丙。\n\n#### 第二节 监护\n\n第四条 丁。\n\n## 第二编 物权\n\n### 第一章 通则\n\n第五条 戊。"
	got := TOC(Split(text, nil))
	want := []Entry{
		{1, "第一编 总则", "第一条", "第一条", "第四条"},
		{2, "第一章 基本规定", "第一条", "第一条", "第二条"},
		{2, "第二章 自然人", "第三条", "第三条", "第四条"},
		{3, "第一节 能力", "第三条", "第三条", "第三条"},
		{3, "第二节 监护", "第四条", "第四条", "第四条"},
		{1, "第二编 物权", "第五条", "第五条", "第五条"},
		{2, "第一章 通则", "第五条", "第五条", "第五条"},
	}
	if len(got) != len(want) {
		t.Fatalf("TOC = %+v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("TOC[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
	notice := TOC(Split("通知\n\n一、总体要求\n\n内容。\n\n二、重点任务。内容。", nil))
	if len(notice) != 2 || notice[0].Title != "一、总体要求" || notice[1].Title != "二、重点任务" || notice[1].Anchor != "二" {
		t.Errorf("notice TOC = %+v", notice)
	}
}

func TestHeadingsFromProvisions(t *testing.T) {
	tests := []struct {
		name   string
		prov   string
		blocks int
		want   string
		ok     bool
	}{
		{"python repr", "[['1', None], ['2', 0], ['3', 0]]", 3, "第一条 第二条 第三条", true},
		{"json", `[["1", null], ["2", 0]]`, 2, "第一条 第二条", true},
		{"inserted article", "[['16', None], ['17', None], ['17', None], ['18', 1]]", 4, "", false},
		{"inserted article from the start", "[['1', None], ['2', None], ['2', None], ['3', 1]]", 4, "第一条 第二条 第二条之一 第三条", true},
		{"count mismatch", "[['1', None], ['2', 0]]", 3, "", false},
		{"numbering goes back", "[['1', None], ['2', None], ['1', None]]", 3, "", false},
		{"gap", "[['1', None], ['3', None]]", 2, "", false},
		{"not a provisions list", "{'a': 1}", 0, "", false},
		{"stray content", "[['1', None], oops]", 1, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := HeadingsFromProvisions(tt.prov, tt.blocks)
			if ok != tt.ok || strings.Join(got, " ") != tt.want {
				t.Errorf("HeadingsFromProvisions = %q, %v, want %q, %v", got, ok, tt.want, tt.ok)
			}
		})
	}
}

// The founding county notice has no articles: it splits at its five parts.
func TestSplitSeedNotice(t *testing.T) {
	data, err := os.ReadFile(testcorpus.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	arts := Split(string(data), nil)
	var headings []string
	for _, a := range arts {
		headings = append(headings, string(a.Kind)+":"+a.Heading)
	}
	want := []string{
		"preamble:抚顺县政务公开领导小组文",
		"section:一、做好推进高质量发展信息公开",
		"section:二、提升政务公开标准化、规范化水平",
		"section:三、加强政务公开平台建设管理",
		"section:四、夯实政务公开基础",
		"section:五、强化工作指导监督",
	}
	if strings.Join(headings, "\n") != strings.Join(want, "\n") {
		t.Errorf("items:\n%s", strings.Join(headings, "\n"))
	}
	if toc := TOC(arts); len(toc) != 5 || toc[2].Anchor != "三" {
		t.Errorf("TOC = %+v", toc)
	}
}
