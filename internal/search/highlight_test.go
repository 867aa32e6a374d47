package search

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

// The highlighter's helpers give exactly what the standard library's slower forms give:
// the snippets a search shows depend on every match and every fragment boundary.
func FuzzHighlightHelpers(f *testing.F) {
	for _, s := range []string{"第一条 为了规范社会保险关系，制定本法。\n\n第二条　国家建立基本养老保险、基本医疗保险",
		"规定规定规定", "  a\tb \u00a0 c\u3000d  ", "\xff规\xe8定\x80 ", ""} {
		f.Add(s, "规定", 7)
	}
	f.Fuzz(func(t *testing.T, s, lit string, n int) {
		if lit != "" {
			for i := 0; i <= len(s); i++ {
				want := strings.Index(s[i:], lit)
				if want >= 0 {
					want += i
				}
				if got := indexFrom(s, lit, i); got != want {
					t.Fatalf("indexFrom(%q, %q, %d) = %d, want %d", s, lit, i, got, want)
				}
			}
		}
		n %= 100
		for i := 0; i <= len(s); i++ {
			want := i
			for m := n; m > 0 && want < len(s); m-- {
				_, size := utf8.DecodeRuneInString(s[want:])
				want += size
			}
			if got := forwardRunes(s, i, n); got != want {
				t.Fatalf("forwardRunes(%q, %d, %d) = %d, want %d", s, i, n, got, want)
			}
		}
		if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("collapseSpace(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestSnippetsMarkTheLongestLiteral(t *testing.T) {
	text := "第一条　为了规范社会保险关系，制定本法。\n\n第二条　社会保险\t基金  专款专用。用人单位应当缴纳社保费。"
	got := Snippets(text, []string{"社会保险", "社保", "保险"}, 2, 12)
	want := []string{
		// 4 runes before the match, 12 from its start; white space collapsed, 　 included.
		"…为了规范<mark>社会保险</mark>关系，制定本法。…",
		"…第二条 <mark>社会保险</mark> 基金 专款专…",
		// 社保费 is not shown: two fragments with the longer literal score higher.
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("Snippets = %q\nwant %q", got, want)
	}
}

// A one-letter word of the query (the a of Q&A) is marked where it is a word, in either
// case, not inside law or a URL.
func TestOneLetterMarkedAsAWord(t *testing.T) {
	got := Mark("详见https://law.example.gov.cn/a/faq的Q&A栏目，A类事项另行公布。", ParsePlan("Q&A").Literals())
	want := "详见https://law.example.gov.cn/<mark>a</mark>/faq的<mark>Q</mark>&amp;<mark>A</mark>栏目，<mark>A</mark>类事项另行公布。"
	if got != want {
		t.Errorf("Mark = %s\nwant   %s", got, want)
	}
}

// A lone character left over from a longer word of the query (法 of 居民身份证法) is not
// marked on its own in 合法 or 本法; the word is marked whole where it is written whole.
func TestLoneCharacterOfALongerWordNotMarked(t *testing.T) {
	text := "第一条 为了证明居民身份，保障公民的合法权益，制定本法。第二条 全国人民代表大会常务委员会关于修改《中华人民共和国居民身份证法》的决定。"
	got := strings.Join(Snippets(text, ParsePlan("关于修改 居民身份证法").Literals(), 3, 200), "|")
	if strings.Contains(got, "<mark>法</mark>") || !strings.Contains(got, "<mark>关于修改</mark>《中华人民共和国<mark>居民身份证法</mark>》") {
		t.Errorf("Snippets = %s", got)
	}
	// Typed on its own, a character is a word of the query and is marked.
	if got := Mark("本法所称税", ParsePlan("个人所得税法 税").Literals()); got != "本法所称<mark>税</mark>" {
		t.Errorf("Mark = %s", got)
	}
}

// A document found by a doc number it cites shows the sentence citing it, the number
// marked however the text writes it.
func TestNumberMatchIsHighlighted(t *testing.T) {
	x := indexOf(t, &Doc{VersionID: "new", WorkID: "w1", Title: "关于办理危害食品安全刑事案件适用法律若干问题的解释",
		Text:    "第一条 生产、销售不符合食品安全标准的食品，依法追究刑事责任。第二十六条 本解释自2022年1月1日起施行。《关于办理危害食品安全刑事案件适用法律若干问题的解释》（法释[2013]12号）同时废止。",
		Numbers: []string{"法释〔2013〕12号"}, Level: "司法解释", Publish: 20211230})
	res, err := x.Search(context.Background(), Query{Text: "法释〔2013〕12号", AsOf: 20261127, Size: 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) != 1 || len(res.Hits[0].Snippets) == 0 || !strings.Contains(res.Hits[0].Snippets[0], "（<mark>法释[2013]12号</mark>）同时废止") {
		t.Fatalf("hits %+v", res.Hits)
	}
}

// Letters are searched in lower case and match in either case (the index lower-cases
// them): the highlights mark them however the text writes them.
func TestLettersMarkedInEitherCase(t *testing.T) {
	text := "第三条 执行GB/T 33190标准，编码为QX2031。"
	if got, want := Mark(text, ParsePlan("qx2031").Literals()), "第三条 执行GB/T 33190标准，编码为<mark>QX2031</mark>。"; got != want {
		t.Errorf("Mark = %s\nwant   %s", got, want)
	}
	if got, want := Snippets(text, ParsePlan("GB/T 33190").Literals(), 3, 80), []string{"第三条 执行<mark>GB</mark>/<mark>T</mark> <mark>33190</mark>标准，编码为QX2031。"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Snippets = %q\nwant %q", got, want)
	}
}

// A fragment never ends or starts inside a match: it takes the whole word, rather than
// mark a piece of it (数 of 数据共享) that was never asked for.
func TestSnippetsMarkWholeMatches(t *testing.T) {
	got := Snippets("数据共享一二三四五数据共享六七八九十", []string{"数据共享"}, 3, 10)
	if want := []string{"<mark>数据共享</mark>一二三四五<mark>数据共享</mark>…"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Snippets = %q\nwant %q", got, want)
	}
	got = Snippets("甲乙丙丁戊己甲乙丙丁戊庚", []string{"甲乙丙丁戊"}, 3, 6)
	for _, s := range got {
		if strings.Contains(s, "<mark>戊</mark>") || strings.Contains(s, "<mark>甲乙丙丁</mark>") {
			t.Errorf("Snippets = %q: a piece of the word is marked", got)
		}
	}
}
