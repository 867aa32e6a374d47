package diff

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/testcorpus"
)

// render writes a comparison as text: one block per row, changed characters in
// [-old-] and {+new+}.
func render(res Result) string {
	var b strings.Builder
	s := res.Summary
	fmt.Fprintf(&b, "aligned by %s: same %d, changed %d, added %d, removed %d, moved %d, coarse %d\n",
		res.AlignedBy, s.Same, s.Changed, s.Added, s.Removed, s.Moved, s.Coarse)
	for _, r := range res.Rows {
		fmt.Fprintf(&b, "\n== %s #%s %s", r.Key, r.Anchor, r.Op)
		if r.Note != "" {
			fmt.Fprintf(&b, " (%s)", r.Note)
		}
		if r.Coarse {
			b.WriteString(" coarse")
		}
		b.WriteString("\n")
		switch r.Op {
		case OpChanged:
			fmt.Fprintf(&b, "- %s\n+ %s\n", marked(r.OldSpans, "[-", "-]"), marked(r.NewSpans, "{+", "+}"))
		case OpRemoved:
			fmt.Fprintf(&b, "- %s\n", r.Old)
		case OpAdded:
			fmt.Fprintf(&b, "+ %s\n", r.New)
		}
	}
	return b.String()
}

func marked(spans []Span, open, close string) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Changed {
			b.WriteString(open + s.Text + close)
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// ops lists each row as key:op.
func ops(res Result) string {
	var parts []string
	for _, r := range res.Rows {
		parts = append(parts, r.Key+":"+string(r.Op))
	}
	return strings.Join(parts, " ")
}

func TestCompare(t *testing.T) {
	tests := []struct {
		name     string
		old, new string
		want     string // key:op of each row
	}{
		{
			name: "identical",
			old:  "# 某法\n\n第一条 甲。\n\n第二条 乙。",
			new:  "# 某法\n\n第一条 甲。\n\n第二条 乙。",
			want: "题注:same 第一条:same 第二条:same",
		},
		{
			name: "one article amended",
			old:  "第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于全市。",
			new:  "第一条 为了加强管理，制定本办法。\n\n第二条 本办法适用于全市。",
			want: "第一条:changed 第二条:same",
		},
		{
			name: "last article removed",
			old:  "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。",
			new:  "第一条 甲。\n\n第二条 乙。",
			want: "第一条:same 第二条:same 第三条:removed",
		},
		{
			name: "arabic and chinese numbers match",
			old:  "第1条 甲。\n\n第2条 乙。",
			new:  "第一条 甲。\n\n第二条 乙。",
			want: "第一条:same 第二条:same",
		},
		{
			name: "inserted article 之一 aligns by its own number",
			old:  "第一条 甲。\n\n第二条 乙。",
			new:  "第一条 甲。\n\n第一条之一 新。\n\n第二条 乙。",
			want: "第一条:same 第一条之一:added 第二条:same",
		},
		{
			name: "notice parts by number",
			old:  "通知\n\n一、总体要求。甲。\n\n二、重点任务。乙。",
			new:  "通知\n\n一、总体要求。甲。\n\n二、重点任务。丙。\n\n三、保障措施。丁。",
			want: "题注:same 一、:same 二、:changed 三、:added",
		},
		{
			name: "paragraphs by content",
			old:  "标题\n\n第一段文字。\n\n第二段文字内容较长一些。",
			new:  "标题\n\n新插入的一段。\n\n第一段文字。\n\n第二段文字内容较长一点。",
			want: "第1段:same 第2段:added 第3段:same 第4段:changed",
		},
		{
			name: "numbers out of order still pair by number",
			old:  "第一条 甲。\n\n第二条 乙。\n\n第三条 丙。",
			new:  "第一条 甲。\n\n第三条 丙。\n\n第二条 乙。",
			want: "第一条:same 第三条:same 第二条:same",
		},
		{
			name: "articles against unnumbered text align by content",
			old:  "第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于全市。",
			new:  "为了规范管理，制定本办法。\n\n本办法适用于全市各区。",
			want: "第1段:same 第2段:changed",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(tt.old, tt.new, nil, nil)
			if got := ops(res); got != tt.want {
				t.Errorf("rows %s\nwant %s\n%s", got, tt.want, render(res))
			}
		})
	}
}

// Re-punctuating, re-wrapping and full-width forms are not changes.
func TestCompareFormattingOnly(t *testing.T) {
	old := "第一条 为了规范管理（试行），根据《某法》第十条；制定本办法：\n（一）甲；\n（二）乙。\n\n第二条 本办法自2024年1月1日起施行，有效期5年。"
	new := "第一条　为了规范管理(试行),根据“某法”前的《某法》第十条;制定本办法:（一）甲;（二）乙。\n\n第二条 本办法自２０２４年１月１日起施行, 有效期５年。"
	// The first article does change (words were added); the second only in form.
	res := Compare(old, new, nil, nil)
	if got := ops(res); got != "第一条:changed 第二条:same" {
		t.Fatalf("rows %s\n%s", got, render(res))
	}
	// Only the inserted words are marked, not the punctuation around them.
	var changed []string
	for _, s := range res.Rows[0].NewSpans {
		if s.Changed {
			changed = append(changed, s.Text)
		}
	}
	if strings.Join(changed, "|") != "“某法”前的" {
		t.Errorf("changed spans %q\n%s", changed, render(res))
	}
	pure := Compare(old, strings.NewReplacer("，", ",", "；", ";", "：", ":", "（", "(", "）", ")", "\n（", "（", "1", "１").Replace(old), nil, nil)
	if pure.Summary.Changed+pure.Summary.Added+pure.Summary.Removed != 0 {
		t.Errorf("formatting-only edits reported as changes:\n%s", render(pure))
	}
}

// An article inserted in the middle shows as added at its number; every later article
// is set against the old article whose text it carries, unchanged, noted with the number
// that text had (原第二条), as a 修改前后对照表 does — not against the old article of its
// own number, which would read as rewritten.
func TestCompareInsertedArticle(t *testing.T) {
	old := "第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于本市行政区域内的管理活动。\n\n第三条 市人民政府负责组织实施本办法。\n\n第四条 本办法自公布之日起施行。"
	new := "第一条 为了规范管理，制定本办法。\n\n第二条 管理工作坚持依法、公开、便民的原则，接受社会监督。\n\n第三条 本办法适用于本市行政区域内的管理活动。\n\n第四条 市人民政府负责组织实施本办法。\n\n第五条 本办法自公布之日起施行。"
	res := Compare(old, new, nil, nil)
	want := []struct {
		key, op, from, to string
	}{
		{"第一条", "same", "", ""},
		{"第二条", "added", "", ""},
		{"第三条", "same", "第二条", ""},
		{"第四条", "same", "第三条", ""},
		{"第五条", "same", "第四条", ""},
	}
	if len(res.Rows) != len(want) {
		t.Fatalf("%d rows:\n%s", len(res.Rows), render(res))
	}
	for k, w := range want {
		r := res.Rows[k]
		if r.Key != w.key || string(r.Op) != w.op || r.MovedFrom != w.from || r.MovedTo != w.to {
			t.Errorf("row %d = %s %s from %q to %q, want %+v", k, r.Key, r.Op, r.MovedFrom, r.MovedTo, w)
		}
	}
	if res.Summary.Moved != 3 || res.Summary.Added != 1 || res.Summary.Same != 4 || res.Summary.Changed != 0 || res.AlignedBy != "content" {
		t.Errorf("summary %+v, aligned by %s", res.Summary, res.AlignedBy)
	}
	if n := res.Rows[2].Note; n != "原第二条" {
		t.Errorf("note %q", n)
	}
}

// Marks are put back on the text as written, spaces and all, and cover it exactly.
func TestSpansCoverText(t *testing.T) {
	old := "第一条 为了 规范\n管理，制定本办法。"
	new := "第一条 为了加强\n管理、监督，制定本办法。"
	res := Compare(old, new, nil, nil)
	r := res.Rows[0]
	if marked(r.OldSpans, "", "") != r.Old || marked(r.NewSpans, "", "") != r.New {
		t.Fatalf("spans do not cover the texts: %+v", r)
	}
	if got := marked(r.OldSpans, "[-", "-]"); got != "为了 [-规范-]\n管理，制定本办法。" {
		t.Errorf("old marked %q", got)
	}
	if got := marked(r.NewSpans, "{+", "+}"); got != "为了{+加强+}\n管理{+、监督+}，制定本办法。" {
		t.Errorf("new marked %q", got)
	}
}

// A long article rewritten beyond the rune-diff bound is marked by sentence.
func TestCompareBoundedFallback(t *testing.T) {
	var a, b strings.Builder
	a.WriteString("第一条 ")
	b.WriteString("第一条 ")
	for i := 0; i < 400; i++ {
		fmt.Fprintf(&a, "第%d项内容甲乙丙丁。", i)
		if i%2 == 0 {
			fmt.Fprintf(&b, "第%d项内容甲乙丙丁。", i)
		} else {
			fmt.Fprintf(&b, "第%d项改写戊己庚辛。", i)
		}
	}
	res := Compare(a.String(), b.String(), nil, nil)
	r := res.Rows[0]
	if r.Op != OpChanged || !r.Coarse {
		t.Fatalf("op %s coarse %v", r.Op, r.Coarse)
	}
	if marked(r.NewSpans, "", "") != r.New {
		t.Fatal("spans do not cover the text")
	}
	if !strings.HasPrefix(marked(r.NewSpans, "{+", "+}"), "第0项内容甲乙丙丁。{+第1项改写戊己庚辛。+}第2项") {
		t.Errorf("sentence marks: %.80s", marked(r.NewSpans, "{+", "+}"))
	}
}

// The founding county notice against a copy with its figures written without the
// PDF's stray spaces (2022 年 → 2022年) and one sentence added to its third part:
// only that part changes, and only the sentence is marked.
func TestCompareSeedNotice(t *testing.T) {
	data, err := os.ReadFile(testcorpus.Seed(t))
	if err != nil {
		t.Fatal(err)
	}
	old := string(data)
	added := "每季度开展一次网站内容自查。"
	anchor := "保障公报权威性。"
	if !strings.Contains(old, anchor) {
		t.Fatalf("seed text lacks %q", anchor)
	}
	new := strings.ReplaceAll(old, " 年", "年")
	new = strings.Replace(new, anchor, anchor+added, 1)
	res := Compare(old, new, nil, nil)
	if got := ops(res); got != "题注:same 一、:same 二、:same 三、:changed 四、:same 五、:same" {
		t.Fatalf("rows %s", got)
	}
	var marks []string
	for _, s := range res.Rows[3].NewSpans {
		if s.Changed {
			marks = append(marks, s.Text)
		}
	}
	if strings.Join(marks, "|") != added {
		t.Errorf("marked %q, want %q", marks, added)
	}
}

// An article moved elsewhere (将第二条移作第四条) is shown at its new place against its
// old text, noted with its old number, whether or not its wording changed too: it was
// neither removed nor added, and the articles it jumped over are renumbered only.
func TestCompareMovedArticle(t *testing.T) {
	old := "第一条 为了规范管理，制定本办法。\n\n第二条 本办法适用于本市行政区域内的管理活动。\n\n第三条 市人民政府负责组织实施本办法。\n\n第四条 县级人民政府负责本辖区内的具体工作。\n\n第五条 本办法自公布之日起施行。"
	moved := "第一条 为了规范管理，制定本办法。\n\n第二条 市人民政府负责组织实施本办法。\n\n第三条 县级人民政府负责本辖区内的具体工作。\n\n第四条 本办法适用于本市行政区域内的管理活动。\n\n第五条 本办法自公布之日起施行。"
	edited := strings.Replace(moved, "本市行政区域内的管理活动", "本市行政区域内的管理和监督活动", 1)
	for _, tt := range []struct {
		name, new string
		op        Op
	}{{"moved", moved, OpSame}, {"moved and edited", edited, OpChanged}} {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(old, tt.new, nil, nil)
			want := "第一条:same 第二条:same 第三条:same 第四条:" + string(tt.op) + " 第五条:same"
			if got := ops(res); got != want {
				t.Fatalf("rows %s\nwant %s\n%s", got, want, render(res))
			}
			notes := []string{"", "原第三条", "原第四条", "原第二条", ""}
			for k, r := range res.Rows {
				if r.Note != notes[k] {
					t.Errorf("%s note %q, want %q", r.Key, r.Note, notes[k])
				}
			}
			if r := res.Rows[3]; !strings.HasPrefix(r.Old, "本办法适用于") {
				t.Errorf("第四条 set against %q", r.Old)
			}
			if s := res.Summary; s.Added != 0 || s.Removed != 0 || s.Moved != 3 {
				t.Errorf("summary %+v", s)
			}
			// The other way round, the same articles are paired: 第二条 is the old 第四条.
			back := Compare(tt.new, old, nil, nil)
			if got := ops(back); got != "第一条:same 第二条:"+string(tt.op)+" 第三条:same 第四条:same 第五条:same" || back.Rows[1].Note != "原第四条" {
				t.Errorf("reversed: rows %s\n%s", got, render(back))
			}
		})
	}
}

// Rewritten articles are paired so that the pairs are most alike overall, not each new
// article with the most alike old one left: 会计法 2024 merged its old 第四十三条
// (伪造) and 第四十四条 (隐匿) into one article and kept 第四十五条 (授意) nearly as it
// was. Below, the merged article is a little more like the old 隐匿 article than the
// 伪造 one, and the next new article is the 隐匿 article barely edited: taking the
// most alike for the merged article first left that one unpaired, shown as removed
// and added; and the comparison the other way round paired differently.
func TestCompareRewrittenArticlesPairBest(t *testing.T) {
	forge := "违反本法规定，伪造会计凭证的，由县级以上人民政府财政部门责令限期改正，可以并处五千元以上十万元以下的罚款。"
	hide := "违反本法规定，隐匿或者故意销毁会计凭证的，由县级以上人民政府财政部门责令限期改正，可以并处五千元以上十万元以下的罚款。"
	merged := "违反本法规定，伪造、隐匿或者故意销毁会计凭证的，由县级以上人民政府财政部门责令限期改正，给予警告、通报批评，可以并处二十万元以下的罚款。"
	hideEdited := "违反本法规定，隐匿或者故意销毁会计凭证的，由县级以上人民政府财政部门责令限期改正，给予警告，可以并处五千元以上十万元以下的罚款。"
	sim := func(x, y string) float64 { a, b := normalize(x), normalize(y); return similarity(&a, &b) }
	if !(sim(merged, hide) > sim(merged, forge) && sim(merged, forge) >= pairSimilarity) {
		t.Fatalf("the texts no longer make the case: %.2f %.2f", sim(merged, hide), sim(merged, forge))
	}
	old := "第一条 为了规范会计行为，保证会计资料真实、完整，制定本法。\n\n第二条 国家机关、社会团体、公司、企业、事业单位和其他组织必须依照本法办理会计事务。\n\n第三条 " + forge + "\n\n第四条 " + hide
	new := "第一条 为了规范会计行为，保证会计资料真实、完整，制定本法。\n\n第二条 会计工作应当贯彻落实党和国家路线方针政策、决策部署，维护社会公共利益。\n\n第三条 国家机关、社会团体、公司、企业、事业单位和其他组织必须依照本法办理会计事务。\n\n第四条 " + merged + "\n\n第五条 " + hideEdited
	want := "第一条:same 第二条:added 第三条:same 第四条:changed 第五条:changed"
	res := Compare(old, new, nil, nil)
	if got := ops(res); got != want {
		t.Fatalf("rows %s\nwant %s\n%s", got, want, render(res))
	}
	if res.Rows[3].Note != "原第三条" || res.Rows[4].Note != "原第四条" {
		t.Errorf("notes %q %q, want 原第三条 原第四条\n%s", res.Rows[3].Note, res.Rows[4].Note, render(res))
	}
	back := Compare(new, old, nil, nil)
	if got := ops(back); got != "第一条:same 原第二条:removed 第二条:same 第三条:changed 第四条:changed" || back.Rows[3].Note != "原第四条" {
		t.Errorf("the other way: rows %s\n%s", got, render(back))
	}
}

// An article that keeps its text and gains paragraphs (反垄断法 2022: 第二十六条 kept
// its one 款 and gained two) is the same article amended, however much longer
// it grew: where articles were renumbered and are paired by text, it must not be shown
// as one article removed and another added.
func TestCompareExtendedArticle(t *testing.T) {
	kept := "经营者集中达到国务院规定的申报标准的，经营者应当事先向国务院反垄断执法机构申报，未申报的不得实施集中。"
	added := "经营者集中未达到国务院规定的申报标准，但有证据证明该经营者集中具有或者可能具有排除、限制竞争效果的，国务院反垄断执法机构可以要求经营者申报。\n\n经营者未依照前两款规定进行申报的，国务院反垄断执法机构应当依法进行调查。"
	a, b := normalize(kept), normalize(kept+added)
	if similarity(&a, &b) >= pairSimilarity {
		t.Fatalf("the texts no longer make the case: similarity %.2f", similarity(&a, &b))
	}
	old := "第一条 为了预防和制止垄断行为，制定本法。\n\n第二条 经营者集中是指经营者合并、取得控制权等情形。\n\n第三条 " + kept + "\n\n第四条 本法自2008年8月1日起施行。"
	new := "第一条 为了预防和制止垄断行为，制定本法。\n\n第二条 反垄断工作坚持中国共产党的领导。\n\n第三条 经营者集中是指经营者合并、取得控制权等情形。\n\n第四条 " + kept + "\n\n" + added + "\n\n第五条 本法自2008年8月1日起施行。本法施行前的有关规定与本法不一致的，以本法为准。"
	res := Compare(old, new, nil, nil)
	want := "第一条:same 第二条:added 第三条:same 第四条:changed 第五条:changed"
	if got := ops(res); got != want {
		t.Fatalf("rows %s\nwant %s\n%s", got, want, render(res))
	}
	r := res.Rows[3]
	if r.Note != "原第三条" || marked(r.NewSpans, "{+", "+}") != kept+"\n\n{+"+added+"+}" || marked(r.OldSpans, "[-", "-]") != kept {
		t.Errorf("第四条 %q:\n%s", r.Note, render(res))
	}
	if r := res.Rows[4]; r.Note != "原第四条" {
		t.Errorf("第五条 note %q", r.Note)
	}
}

// A chapter renamed, or renumbered because a chapter was added before it, changes the
// heading the articles read under: a row pairing two articles under different headings
// gives the old one, so the comparison shows what the heading was.
func TestCompareChapterHeadings(t *testing.T) {
	old := "## 第一章 总则\n\n第一条 为了规范管理，制定本办法。\n\n## 第二章 管理\n\n第二条 市人民政府负责组织实施本办法。\n\n第三条 县级人民政府负责本辖区内的具体工作。"
	renamed := strings.Replace(old, "第二章 管理", "第二章 监督管理", 1)
	added := strings.Replace(old, "## 第二章 管理\n\n第二条", "## 第二章 职责\n\n第二条", 1)
	added = strings.Replace(added, "\n\n第三条", "\n\n## 第三章 管理\n\n第三条", 1)
	for _, tt := range []struct {
		name, new string
		want      []string // each row's chapter, and the old one when it differs
	}{
		{"renamed", renamed, []string{"第一章 总则", "第二章 监督管理 (第二章 管理)", "第二章 监督管理 (第二章 管理)"}},
		{"chapter added", added, []string{"第一章 总则", "第二章 职责 (第二章 管理)", "第三章 管理 (第二章 管理)"}},
		{"unchanged", old, []string{"第一章 总则", "第二章 管理", "第二章 管理"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := Compare(old, tt.new, nil, nil)
			var got []string
			for _, r := range res.Rows {
				s := r.Chapter
				if r.OldChapter != "" {
					s += " (" + r.OldChapter + ")"
				}
				got = append(got, s)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("chapters %q\nwant %q", got, tt.want)
			}
			if res.Summary.Changed+res.Summary.Added+res.Summary.Removed != 0 {
				t.Errorf("a heading alone changed an article: %+v", res.Summary)
			}
		})
	}
}
