package search

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/guifan/guifan/internal/testcorpus"
)

func terms(ts []string) string { return strings.Join(ts, " ") }

func tokenize(t *hanTokenizer, s string) []string {
	var out []string
	for _, tok := range t.Tokenize([]byte(s)) {
		out = append(out, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
	}
	return out
}

func TestHanTokenizer(t *testing.T) {
	bi, uni, tri := &hanTokenizer{n: 2}, &hanTokenizer{n: 1}, &hanTokenizer{n: 3}
	ends := &hanTokenizer{n: 2, ends: true}
	title := &hanTokenizer{n: 2, whole: titleWhole}
	tests := []struct {
		tok  *hanTokenizer
		in   string
		want string
	}{
		{bi, "公司法", "公司@1 司法@2"},
		{bi, "税", "税@1"},
		{bi, "法释〔2023〕13号", "法释@1 2023@2 13@3 号@4"},
		{bi, "GB/T 33190", "gb@1 t@2 33190@3"},
		{bi, "第一条　为了", "第一@1 一条@2 为了@3"},
		{uni, "个人所得税", "个@1 人@2 所@3 得@4 税@5"},
		{tri, "社会保险，公司法 税", "社会保@1 会保险@2 公司法@3"},
		// The text's analysis also keeps the character ending each run of bigrams.
		{ends, "第一条　依法纳税。税", "第一@1 一条@2 条@3 依法@4 法纳@5 纳税@6 税@7 税@8"},
		{ends, "法释〔2023〕13号", "法释@1 释@2 2023@3 13@4 号@5"},
		// Titles keep the country's name as one token, wherever it stands.
		{title, "中华人民共和国人口与计划生育法", "中华人民共和国@1 人口@2 口与@3 与计@4 计划@5 划生@6 生育@7 育法@8"},
		{title, "关于修改《中华人民共和国税收征收管理法》的决定", "关于@1 于修@2 修改@3 中华人民共和国@4 税收@5 收征@6 征收@7 收管@8 管理@9 理法@10 的决@11 决定@12"},
		{title, "全国人大常委会关于中华人民共和国国歌的决定", "全国@1 国人@2 人大@3 大常@4 常委@5 委会@6 会关@7 关于@8 中华人民共和国@9 国歌@10 歌的@11 的决@12 决定@13"},
		{title, "中华人民共和国宪", "中华人民共和国@1 宪@2"},
		{title, "中华人民共和", "中华@1 华人@2 人民@3 民共@4 共和@5"},
		{title, "北京市人口与计划生育条例", "北京@1 京市@2 市人@3 人口@4 口与@5 与计@6 计划@7 划生@8 生育@9 育条@10 条例@11"},
	}
	for _, tt := range tests {
		if got := terms(tokenize(tt.tok, tt.in)); got != tt.want {
			t.Errorf("Tokenize(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

// On Chinese text the tokenizer must produce exactly what bleve's own cjk analyzer
// does, so phrase queries behave as documented for it.
func TestHanTokenizerMatchesBleveCJK(t *testing.T) {
	a, err := registry.NewCache().AnalyzerNamed(cjk.AnalyzerName)
	if err != nil {
		t.Fatal(err)
	}
	text := "为贯彻落实国务院办公厅关于印发政务公开工作要点的通知文件精神，根据党中央、国务院有关工作部署，坚持稳中求进工作总基调。第一条 本法所称公司，是指依照本法在中华人民共和国境内设立的有限责任公司和股份有限公司。"
	var want []string
	for _, tok := range a.Analyze([]byte(text)) {
		want = append(want, fmt.Sprintf("%s@%d", tok.Term, tok.Position))
	}
	got := tokenize(&hanTokenizer{n: 2}, text)
	if terms(got) != terms(want) {
		t.Errorf("tokens differ from bleve's cjk analyzer:\n got %s\nwant %s", terms(got), terms(want))
	}
}

// Tokens are allocated in chunks; an input with more tokens than the first chunk holds
// (short Latin words, one token per two bytes) must still give every token its own
// term, offsets and position.
func TestHanTokenizerManyShortTokens(t *testing.T) {
	var b strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&b, "W%d 社会保险法 ", i%10)
	}
	input := []byte(b.String())
	for _, n := range []int{1, 2, 3} {
		toks := (&hanTokenizer{n: n}).Tokenize(input)
		wantCount := map[int]int{1: 3000 * 6, 2: 3000 * 5, 3: 3000 * 4}[n]
		if len(toks) != wantCount {
			t.Fatalf("n=%d: %d tokens, want %d", n, len(toks), wantCount)
		}
		for i, tok := range toks {
			if tok.Position != i+1 {
				t.Fatalf("n=%d: token %d has position %d", n, i, tok.Position)
			}
			if got, want := string(tok.Term), strings.ToLower(string(input[tok.Start:tok.End])); got != want {
				t.Fatalf("n=%d: token %d is %q, its offsets hold %q", n, i, got, want)
			}
		}
	}
}

// BenchmarkHanTokenizer tokenizes the real corpus's texts (about 18 KB each) as the
// text and text3 fields are indexed:
//
//	go test -run '^$' -bench HanTokenizer -benchmem ./internal/search/
func BenchmarkHanTokenizer(b *testing.B) {
	f, err := os.Open(testcorpus.Laws(b))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	var texts [][]byte
	size := 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() && len(texts) < 200 {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			b.Fatal(err)
		}
		texts = append(texts, []byte(r.Text))
		size += len(r.Text)
	}
	bi, tri := &hanTokenizer{n: 2}, &hanTokenizer{n: 3}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, text := range texts {
			bi.Tokenize(text)
			tri.Tokenize(text)
		}
	}
}

// Generic words a run of unknown words starts or ends with are words of their own,
// weak; the topic left must have two characters or more, and a run of generic words
// only stays as written.
func TestSplitWeak(t *testing.T) {
	for in, want := range map[string][]string{
		"失业保险金领取条件": {"失业保险金", "领取", "条件"},
		"认定流程":      {"认定", "流程"},
		"办理居住证":     {"办理", "居住证"},
		"申请条件":      {"申请条件"},
		"标准化":       {"标准化"},
		"人条件":       {"人条件"},
		"申请人资格":     {"申请人资格"},
	} {
		if got := splitWeak(in); !slices.Equal(got, want) {
			t.Errorf("splitWeak(%s) = %v, want %v", in, got, want)
		}
	}
}
