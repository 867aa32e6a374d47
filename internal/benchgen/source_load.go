package benchgen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
)

// pool is what generation keeps of the source corpus: its distinct article bodies
// (already JSON-escaped, so texts are assembled by copying), the article sequence of
// each source document (so a generated text reuses runs of consecutive articles and
// reads like one law), chapter names, and the subjects of its titles. Its size is bounded
// by the source corpus, never by the number of versions generated.
type pool struct {
	items    []item
	docs     [][]int32 // per source document: item ids in order
	subjects []string
}

// item is one article body or one chapter heading name.
type item struct {
	esc     string // JSON-escaped text (paragraphs joined by \n)
	raw     int    // length in bytes before escaping
	heading bool   // a chapter name (总则, 法律责任) rather than an article body
}

// sourceRecord is the part of a laws.jsonl record generation reads.
type sourceRecord struct {
	Title      string `json:"title"`
	Level      string `json:"level"`
	Text       string `json:"text"`
	Collection string `json:"collection"`
}

var (
	articleHead = regexp.MustCompile(`^第[零〇一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?[\s　]*`)
	chapterHead = regexp.MustCompile(`^第[零〇一二三四五六七八九十百千]+章[\s　]*`)
)

// minArticles is how many articles a source document needs to be worth reusing.
const minArticles = 3

// loadPool reads the source corpus once.
func loadPool(ctx context.Context, src io.Reader) (*pool, error) {
	p := &pool{}
	byText := map[string]int32{}
	seenSubject := map[string]bool{}
	sc := bufio.NewScanner(src)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		raw := sc.Bytes()
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		var r sourceRecord
		if err := json.Unmarshal(raw, &r); err != nil {
			return nil, fmt.Errorf("source line %d: %w", line, err)
		}
		if r.Level != "司法解释" {
			if s := subjectOf(r.Title); s != "" && !seenSubject[s] {
				seenSubject[s] = true
				p.subjects = append(p.subjects, s)
			}
		}
		var units []unit
		if r.Collection == "ansvar-flk" {
			units = ansvarUnits(r.Text)
		} else {
			units = markdownUnits(r.Text)
		}
		ids := make([]int32, 0, len(units))
		articles := 0
		for _, u := range units {
			key := u.text
			if u.heading {
				key = "\x00" + key
			}
			id, ok := byText[key]
			if !ok {
				// Texts repeat across versions and sources: judge each once.
				id = -1
				if u.heading || usableBody(u.text) {
					id = int32(len(p.items))
					p.items = append(p.items, item{esc: string(appendEscaped(nil, u.text)), raw: len(u.text), heading: u.heading})
				}
				byText[key] = id
			}
			if id < 0 {
				continue
			}
			ids = append(ids, id)
			if !u.heading {
				articles++
			}
		}
		if articles < minArticles {
			continue
		}
		p.docs = append(p.docs, ids)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("source after line %d: %w", line, err)
	}
	if len(p.docs) == 0 {
		return nil, errors.New("source corpus has no document with articles to reuse")
	}
	if len(p.subjects) == 0 {
		return nil, errors.New("source corpus has no title to take subjects from")
	}
	return p, nil
}

type unit struct {
	text    string
	heading bool
}

// markdownUnits splits a LawRefBook text: the header block ends at <!-- INFO END -->,
// paragraphs are separated by blank lines, chapters are ## headings and articles start
// with 第X条. Paragraphs that follow an article (its items （一）…) belong to it.
func markdownUnits(text string) []unit {
	if i := strings.Index(text, "<!-- INFO END -->"); i >= 0 {
		text = text[i+len("<!-- INFO END -->"):]
	}
	var out []unit
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, unit{text: strings.Join(cur, "\n")})
			cur = nil
		}
	}
	inArticle := false
	for _, para := range strings.Split(text, "\n\n") {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		if strings.HasPrefix(para, "#") {
			flush()
			inArticle = false
			h := strings.TrimSpace(strings.TrimLeft(para, "#"))
			if loc := chapterHead.FindStringIndex(h); loc != nil {
				if name := strings.Join(strings.Fields(h[loc[1]:]), ""); usableHeading(name) {
					out = append(out, unit{text: name, heading: true})
				}
			}
			continue
		}
		if loc := articleHead.FindStringIndex(para); loc != nil {
			flush()
			inArticle = true
			para = para[loc[1]:]
		}
		if inArticle {
			cur = append(cur, strings.Join(strings.Fields(para), " "))
		}
	}
	flush()
	return out
}

// ansvarUnits splits an ansvar-flk text: one article per blank-line-separated block,
// without article numbers (they are in the record's provisions).
func ansvarUnits(text string) []unit {
	var out []unit
	for _, block := range strings.Split(text, "\n\n") {
		var lines []string
		for _, l := range strings.Split(block, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, unit{text: strings.Join(lines, "\n")})
		}
	}
	return out
}

// usableBody rejects fragments that would not read as legal text once renumbered:
// Markdown tables and markup, placeholders such as （删除）, attached tables, and the
// source's own effective-date, validity and repeal clauses, which would give a generated
// document dates and relations its metadata does not have.
func usableBody(s string) bool {
	if len(s) < 12 || strings.ContainsAny(s, "|*<>`[]#") {
		return false
	}
	for _, w := range bodyRejects {
		if strings.Contains(s, w) {
			return false
		}
	}
	return true
}

var bodyRejects = []string{"施行", "废止", "失效", "有效期", "附件", "附：", "续表"}

func usableHeading(s string) bool {
	return len(s) >= 6 && len(s) <= 60 && !strings.ContainsAny(s, "|*<>`[]#")
}
