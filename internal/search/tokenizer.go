package search

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Tokenizer names registered with bleve.
const (
	tokenizerBigram     = "guifan_bigram"
	tokenizerBigramEnds = "guifan_bigram_ends"
	tokenizerUnigram    = "guifan_unigram"
	tokenizerTrigram    = "guifan_trigram"
	tokenizerTitle      = "guifan_title"
)

func init() {
	for name, t := range map[string]*hanTokenizer{tokenizerBigram: {n: 2}, tokenizerBigramEnds: {n: 2, ends: true},
		tokenizerUnigram: {n: 1}, tokenizerTrigram: {n: 3}, tokenizerTitle: {n: 2, whole: titleWhole}} {
		if err := registry.RegisterTokenizer(name, func(map[string]any, *registry.Cache) (analysis.Tokenizer, error) { return t, nil }); err != nil {
			panic(err)
		}
	}
}

// hanTokenizer does in one pass what bleve's unicode tokenizer followed by the
// cjk_width, lowercase and cjk_bigram filters does: runs of Chinese characters become
// overlapping n-grams, runs of letters and digits become lower-case words, and
// everything else separates tokens. Text is width-folded before it is indexed or
// searched, so full-width digits are never dropped. With n = 2 a lone character stays
// a unigram (as bleve's cjk_bigram does); with n = 1 every character is its own token;
// with n = 3 runs shorter than three characters give nothing (the bigram field has them).
//
// With ends, the last character of a run of bigrams is a unigram too (纳税。 gives 纳税 and
// 税): a lone character of a query is looked up as the bigrams it starts, and a character
// that only ends runs (税 of 依法纳税。, 条 of 第一条 ) starts none.
type hanTokenizer struct {
	n     int
	ends  bool
	whole string // a word kept as one token wherever it occurs (titleWhole)
}

// titleWhole is the country's name, one token of the title field: the fourteen
// characters that open every national law's title (中华人民共和国人口与计划生育法) would
// otherwise count as seven bigrams of its length, and the local regulation on the same
// subject (北京市人口与计划生育条例) outrank the law for a word both titles hold.
const titleWhole = "中华人民共和国"

func (t *hanTokenizer) Tokenize(input []byte) analysis.TokenStream {
	// A Chinese character is three bytes: about one token per three bytes of input.
	// The tokens are allocated together, in chunks of that size, rather than one by
	// one: a long text has thousands (profiling an ingest of 18 KB texts, their
	// allocation was more than half of the tokenizer's time).
	guess := len(input)/3 + 1
	out := make(analysis.TokenStream, 0, guess)
	chunk := make([]analysis.Token, 0, guess)
	pos := 0
	emit := func(start, end int, term []byte, typ analysis.TokenType) {
		pos++
		if len(chunk) == cap(chunk) {
			chunk = make([]analysis.Token, 0, guess)
		}
		chunk = append(chunk, analysis.Token{Start: start, End: end, Term: term, Position: pos, Type: typ})
		out = append(out, &chunk[len(chunk)-1])
	}
	// run emits the tokens of a run of Chinese characters starting at the byte offsets
	// offs (and ending at the last).
	run := func(offs []int) {
		runes := len(offs) - 1
		switch {
		case runes <= 0:
		case t.n == 1 || t.n == 2 && runes == 1:
			for k := 0; k < runes; k++ {
				emit(offs[k], offs[k+1], input[offs[k]:offs[k+1]], analysis.Ideographic)
			}
		default:
			for k := 0; k+t.n <= runes; k++ {
				emit(offs[k], offs[k+t.n], input[offs[k]:offs[k+t.n]], analysis.Double)
			}
			if t.ends && runes >= t.n {
				emit(offs[runes-1], offs[runes], input[offs[runes-1]:offs[runes]], analysis.Ideographic)
			}
		}
	}
	var offs []int // byte offsets of a run's characters, reused from run to run
	i := 0
	for i < len(input) {
		r, size := utf8.DecodeRune(input[i:])
		switch {
		case isHan(r):
			// Collect the run of Chinese characters.
			offs = offs[:0]
			for i < len(input) {
				r, size = utf8.DecodeRune(input[i:])
				if !isHan(r) {
					break
				}
				offs = append(offs, i)
				i += size
			}
			offs = append(offs, i)
			if t.whole == "" {
				run(offs)
				break
			}
			// The whole word is one token, and the characters around it runs of their own.
			whole, from := []byte(t.whole), 0
			for k := 0; k < len(offs)-1; k++ {
				if bytes.HasPrefix(input[offs[k]:offs[len(offs)-1]], whole) {
					end := k + utf8.RuneCountInString(t.whole)
					run(offs[from : k+1])
					emit(offs[k], offs[end], input[offs[k]:offs[end]], analysis.Ideographic)
					from, k = end, end-1
				}
			}
			run(offs[from:])
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			start := i
			lower := false
			for i < len(input) {
				r, size = utf8.DecodeRune(input[i:])
				if isHan(r) || !(unicode.IsLetter(r) || unicode.IsDigit(r)) {
					break
				}
				if unicode.IsUpper(r) {
					lower = true
				}
				i += size
			}
			term := input[start:i]
			if lower {
				term = []byte(string(toLower(term)))
			}
			emit(start, i, term, analysis.AlphaNumeric)
		default:
			i += size
		}
	}
	return out
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x20000 && r <= 0x2FA1F || r == '〇' || r >= 0xF900 && r <= 0xFAFF
}

func toLower(b []byte) []rune {
	rs := []rune(string(b))
	for i, r := range rs {
		rs[i] = unicode.ToLower(r)
	}
	return rs
}
