package meta

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// findRelations reads the relations the text states, each with its evidence sentence,
// and warnings for those it read but could not record.
func findRelations(d *doc, title, own string, law lawHeader) ([]model.Relation, []string) {
	rs := relations{own: own}
	rs.amendsFromTitle(title)
	if law.amendedBy != "" {
		// This version was made by the amending decision: the decision amended it.
		rs.add(model.Relation{Type: model.Amends, Reverse: true, Target: law.amendedBy, Date: law.amendedByDate, Evidence: law.amendedByEv})
	}
	lo := d.bodyStart()
	rs.amendsFromBody(d, lo)
	rs.amendsByItem(d, lo, title)
	rs.repeals(d, lo, title)
	rs.repealTables(d, lo, title)
	rs.extends(d, lo)
	rs.basis(d)
	rs.cites(d.text, lo, own)
	return rs.list, rs.skipped
}

type relations struct {
	own     string // the document's own number
	list    []model.Relation
	seen    map[string]bool
	skipped []string // warnings for relations read but not recorded
}

func (rs *relations) add(r model.Relation) {
	if r.Target == "" {
		return
	}
	key := string(r.Type) + "\x00" + r.Target
	if rs.seen == nil {
		rs.seen = map[string]bool{}
	}
	if rs.seen[key] {
		// Named again, now with its number (a clean-up notice's sentence, then its table).
		for i := range rs.list {
			if k := &rs.list[i]; k.Type == r.Type && k.Target == r.Target && k.TargetNumber == "" {
				k.TargetNumber = r.TargetNumber
			}
		}
		return
	}
	r.Origin = originText
	for i := range rs.list {
		k := &rs.list[i]
		if k.Type != r.Type {
			continue
		}
		switch {
		case r.TargetNumber != "" && k.Target == r.TargetNumber && k.TargetNumber == "":
			// Named by its number before (a table row read as a sentence), now by its
			// title and number: one relation, by both.
			rs.seen[key] = true
			*k = r
			return
		case r.TargetNumber == "" && k.TargetNumber == r.Target:
			return // the number of a document already named by its title
		}
	}
	rs.seen[key] = true
	rs.list = append(rs.list, r)
}

var (
	// 关于修改《中华人民共和国检察官法》的决定, 关于修改《X》等八部法律的决定.
	amendTitleRe = regexp.MustCompile(`修改[^《》]{0,20}《([^《》]+)》`)
	// 中华人民共和国刑法修正案（八）
	amendmentRe = regexp.MustCompile(`^(.+?)修正案(?:[（(][一二三四五六七八九十]+[)）])?$`)
	// 对《X》（法释〔2009〕19号，以下简称《解释》）作如下修改
	amendBodyRe = regexp.MustCompile(`对[^《》。；]{0,40}?《([^《》]+)》(?:[（(][^）)]{0,60}[）)])?\s*(?:作|做)(?:如下|以下|出)?(?:修改|修正)`)
)

// amendsFromTitle reads 关于修改《X》的决定 and X修正案（八）.
func (rs *relations) amendsFromTitle(title string) {
	if m := amendTitleRe.FindStringSubmatch(title); m != nil && strings.Contains(title, "决定") {
		rs.add(model.Relation{Type: model.Amends, Target: cleanTitle(m[1]), Evidence: title})
		return
	}
	if m := amendmentRe.FindStringSubmatch(title); m != nil {
		rs.add(model.Relation{Type: model.Amends, Target: m[1], Evidence: title})
	}
}

func (rs *relations) amendsFromBody(d *doc, lo int) {
	text := d.text
	for _, p := range d.hits("修改") {
		off := p + len("修改")
		ss, se := sentenceBounds(text, lo, p, off)
		m := amendBodyRe.FindStringSubmatch(text[ss:off])
		if m == nil {
			continue
		}
		target := cleanTitle(m[1])
		if i := strings.Index(text[ss:off], "《"+m[1]+"》"); i >= 0 && strings.HasPrefix(target, "关于") {
			if issuer, _ := issuerBefore(text[ss:off], i); issuer != "" {
				target = issuer + target
			}
		}
		rs.add(model.Relation{Type: model.Amends, Target: target, Evidence: evidence(text[ss:se])})
	}
}

// amendItemRe is an amendment decision's item heading: 三、修改《最高人民法院关于审理买卖
// 合同纠纷案件适用法律问题的解释》.
var amendItemRe = regexp.MustCompile(`^(?:[一二三四五六七八九十百]+、|[0-9]+\s*[.．、])\s*修改《([^》]+)》\s*[。：:]?$`)

// amendsByItem reads a decision that amends several documents, one numbered item each
// (关于修改《A》等二十七件司法解释的决定): each item heading names a document it amends.
func (rs *relations) amendsByItem(d *doc, lo int, title string) {
	if !strings.Contains(title, "修改") || !strings.Contains(title, "决定") {
		return
	}
	for i, l := range d.lines {
		if l.start < lo {
			continue
		}
		if m := amendItemRe.FindStringSubmatch(l.s); m != nil {
			r := model.Relation{Type: model.Amends, Target: cleanTitle(m[1]), Evidence: l.s}
			if renamed := newName(d.lines[i+1 : min(len(d.lines), i+4)]); renamed != "" && renamed != r.Target {
				// 1.将名称修改为：“…”: the document goes by its new name now.
				r.FormerTitle, r.Target = r.Target, renamed
			}
			rs.add(r)
		}
	}
}

// newName reads 将名称修改为：“新名称”。 among the first lines of an amendment item, the
// new name on the same line or the next.
func newName(lines []line) string {
	for i, l := range lines {
		k := strings.Index(l.s, "名称修改为")
		if k < 0 {
			continue
		}
		name := strings.TrimLeft(l.s[k+len("名称修改为"):], "：: ")
		if name == "" && i+1 < len(lines) {
			name = lines[i+1].s
		}
		name = strings.Trim(strings.TrimRight(name, "。；; "), "“”\"《》「」")
		if runeLen(name) < 4 || strings.ContainsAny(name, "。；") {
			return ""
		}
		return cleanTitle(name)
	}
	return ""
}

// basis reads 根据《…》 in the purpose sentence at the start of the text: 根据《中华人民共和国
// 民法典》《中华人民共和国保险法》等法律规定，结合审判实践…; 根据宪法，制定本法.
func (rs *relations) basis(d *doc) {
	s := d.opening(8, 6000)
	purpose := map[int]bool{} // by sentence start
	for _, kw := range []string{"根据", "依据", "依照"} {
		for off := 0; ; {
			k := strings.Index(s[off:], kw)
			if k < 0 {
				break
			}
			p := off + k
			off = p + len(kw)
			ss, se := sentenceBounds(s, 0, p, p)
			is, known := purpose[ss]
			if !known {
				is = isPurpose(s[ss:se])
				purpose[ss] = is
			}
			if !is {
				continue
			}
			sentence := evidence(s[ss:se])
			span := s[off:clauseEnd(s, off)]
			if len(span) > 1200 {
				continue // no clause of a purpose sentence is that long
			}
			if strings.HasPrefix(compact(span), "宪法") {
				rs.add(model.Relation{Type: model.Basis, Target: "中华人民共和国宪法", Evidence: sentence})
			}
			for _, r := range refsIn(span) {
				if r.title != "" {
					rs.add(model.Relation{Type: model.Basis, Target: r.title, TargetNumber: r.number, Evidence: sentence})
				}
			}
		}
	}
}

// opening is the first n lines after the red header as paragraphs: lines that a PDF
// layout broke inside a sentence are joined again, so a sentence is on one line.
func (d *doc) opening(n, maxBytes int) string {
	var b strings.Builder
	for i := d.head; i < len(d.lines) && i < d.head+n && b.Len() < maxBytes; i++ {
		s := d.lines[i].s
		if strings.HasPrefix(s, "#") {
			continue // a Markdown chapter heading
		}
		if b.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(b.String())
			if strings.ContainsRune("。！？；：", last) || articleHead.MatchString(s) {
				b.WriteByte('\n')
			}
		}
		if room := maxBytes - b.Len(); len(s) > room {
			for room > 0 && !utf8.RuneStart(s[room]) {
				room--
			}
			s = s[:max(room, 0)]
		}
		b.WriteString(s)
	}
	return b.String()
}

// isPurpose reports whether a sentence states why and on what the document is made:
// …根据《X》，制定本法 / 结合实际 / 现就…规定如下 / 现将…印发.
func isPurpose(s string) bool {
	for _, w := range []string{"制定", "制订", "结合", "现就", "如下", "现将", "特作", "决定", "印发"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// clauseEnd is the end of the clause starting at i: the next ，or 。 outside 《》.
func clauseEnd(s string, i int) int {
	depth := 0
	for j, r := range s[i:] {
		switch r {
		case '《':
			depth++
		case '》':
			depth--
		case '，', '。', '；', ',':
			if depth <= 0 {
				return i + j
			}
		}
	}
	return len(s)
}

// evidence of a number cited at text[at:] in the sentence text[ss:se]: the sentence
// when short, else the title it is cited with, 《…》（国办发〔2022〕8 号）.
func (c *citations) evidence(text string, ss, se, at int) string {
	sentence := text[ss:se]
	if runeLen(sentence) <= 120 {
		return evidence(sentence)
	}
	if c.refs == nil || c.ss != ss || c.se != se {
		c.ss, c.se, c.refs = ss, se, refsIn(sentence)
	}
	for _, r := range c.refs {
		if r.title != "" && at-ss >= r.start && at-ss < r.end {
			return evidence(sentence[r.start:r.end])
		}
	}
	return evidence(sentence)
}

// cites records every document number the text cites other than its own:
// 国办发〔2022〕8号, 辽政公领发〔2022〕1号 ….
func (rs *relations) cites(text string, lo int, own string) {
	ownKey := docnum.Key(own)
	// A number written beside the title of a 依据 (根据《…》（农办机〔2024〕3号）) is that
	// relation's: citing it again would list the document twice.
	named := map[string]bool{}
	for _, r := range rs.list {
		if r.Type == model.Basis && r.TargetNumber != "" {
			named[docnum.Key(r.TargetNumber)] = true
		}
	}
	var cache citations
	for _, m := range docnum.FindAll(text[lo:]) {
		if k := docnum.Key(m.Number); k == ownKey || named[k] || rs.seen[string(model.Cites)+"\x00"+m.Number] {
			continue
		}
		ss, se := sentenceBounds(text, lo, lo+m.Start, lo+m.End)
		rs.add(model.Relation{Type: model.Cites, Target: m.Number, Evidence: cache.evidence(text, ss, se, lo+m.Start)})
	}
}

// citations remembers the references of the last sentence, which often cites several numbers.
type citations struct {
	ss, se int
	refs   []ref
}
