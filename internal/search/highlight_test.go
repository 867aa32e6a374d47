package search

import (
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
