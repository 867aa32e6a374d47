package meta

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// endWords end a document's force; the documents they apply to are written right
// before them: 《…》（法释〔2013〕12号）同时废止, 《A》、《B》自2021年1月1日起废止,
// 《X》第十条、第十二条废止.
var endWords = []struct {
	word string
	typ  model.RelationType
}{
	{"废止", model.Repeals},
	{"不再执行", model.Repeals},
	{"停止执行", model.Repeals},
	{"停止施行", model.Repeals},
	{"作废", model.Repeals},
	{"不再适用", model.Repeals},
	{"失效", model.Lapses},
	{"不再有效", model.Lapses},
}

const articleExpr = `第[一二三四五六七八九十百千零〇0-9]+条(?:第[一二三四五六七八九十0-9]+款)?(?:第[（(]?[一二三四五六七八九十0-9]+[)）]?项)?`

// endGapRe is what may stand between the last named document and the end word.
var endGapRe = regexp.MustCompile(`^\s*(?:文件|文)?\s*(?:[（(][^（）()]{0,40}[）)])?\s*` +
	`(?:((?:` + articleExpr + `)(?:\s*[、，,和及]\s*(?:` + articleExpr + `))*)\s*(?:的规定)?)?\s*[，,]?\s*` +
	// 《A》等5件规范性文件予以废止 (the others in an annex); 《A》有效期已届满，自动失效
	`(?:等\s*[0-9一二三四五六七八九十百]+\s*(?:件|个|份)\s*(?:规范性|政策性)?\s*文件\s*)?` +
	`(?:有效期\s*已?\s*(?:届满|到期)\s*[，,]?\s*)?` +
	`(?:(?:自|于|从)?\s*(` + anyDateExpr + `|本[\p{Han}]{1,8}(?:施行|实施|公布|发布|印发)之日|即日)\s*起?\s*[，,]?\s*)?` +
	`(?:同时|予以|一并|均|即行|即|自行|自动|宣布|相应|也|应当)*\s*(?:宣布)?\s*$`)

var articleRe = regexp.MustCompile(articleExpr)

// moreSerialsRe is the serial numbers written after a doc number for more documents of
// its prefix and year: 财税〔2019〕13号、22号文件.
var moreSerialsRe = regexp.MustCompile(`^(?:\s*[、，,和及与]\s*[0-9]+\s*号)+`)

var digitsRe = regexp.MustCompile(`[0-9]+`)

// moreSerials reads the serials after a number (moreSerialsRe) as the numbers they
// write, and returns the rest of the gap.
func moreSerials(number, gap string) ([]ref, string) {
	m := moreSerialsRe.FindString(gap)
	i := strings.LastIndex(number, "〕")
	if m == "" || i < 0 {
		return nil, gap
	}
	var out []ref
	for _, n := range digitsRe.FindAllString(m, -1) {
		if n = strings.TrimLeft(n, "0"); n != "" {
			out = append(out, ref{number: number[:i+len("〕")] + n + "号"})
		}
	}
	return out, gap[len(m):]
}

// afterBracketedNumber is the gap after a number written in brackets after an unquoted
// title (2018年印发的就业补贴办法（某政发〔2018〕2号）同时废止), without the closing bracket:
// the number names the document. before is the text before the number.
func afterBracketedNumber(before, gap string) string {
	before = strings.TrimRightFunc(before, unicode.IsSpace)
	if !strings.HasSuffix(before, "（") && !strings.HasSuffix(before, "(") {
		return gap
	}
	gap = strings.TrimLeftFunc(gap, unicode.IsSpace)
	if g, ok := strings.CutPrefix(gap, "）"); ok {
		return g
	}
	if g, ok := strings.CutPrefix(gap, ")"); ok {
		return g
	}
	return gap
}

// repeals reads 废止 and 宣布失效 sentences.
func (rs *relations) repeals(d *doc, lo int, title string) {
	text := d.text
	for _, ew := range endWords {
		for _, p := range d.hits(ew.word) {
			if proposed(text[:p]) {
				continue // 拟废止, 建议予以废止: proposed, not decided
			}
			off := p + len(ew.word)
			ss, se := sentenceBounds(text, lo, p, off)
			// 《X》废止后… speaks of the consequences, it repeals nothing; 决定废止《X》 names
			// what it repeals after the word.
			if r, _ := utf8.DecodeRuneInString(text[off:]); off < len(text) && !strings.ContainsRune("。，；,;！：:）)\n", r) {
				rs.repealNamedAfter(ew.typ, text, lo, ss, p, off, se, title)
				// 决定废止以下规范性文件： then the documents a line each.
				if c := strings.IndexAny(text[off:se], "：:"); c >= 0 && c <= 30 && listAheadRe.MatchString(text[off:off+c]) {
					rs.repealList(d, ew.typ, text, ss, se, off+c)
				}
				continue
			}
			seg := text[ss:p]
			refs := refsIn(seg)
			if len(refs) == 0 {
				rs.repealList(d, ew.typ, text, ss, se, off)
				continue
			}
			last := refs[len(refs)-1]
			gap := seg[last.end:]
			var more []ref
			if last.title == "" {
				gap = afterBracketedNumber(seg[:last.start], gap)
				more, gap = moreSerials(last.number, gap)
			}
			m := endGapRe.FindStringSubmatch(gap)
			if m == nil {
				continue
			}
			var date model.Date
			if m[2] != "" {
				date = parseAnyDate(m[2])
			}
			var articles []string
			if m[1] != "" {
				articles = articleRe.FindAllString(compact(m[1]), -1)
			}
			ev := evidence(text[ss:se])
			targets := listBefore(seg, refs)
			for i := len(targets) - 1; i >= 0; i-- {
				if ew.word == "作废" && targets[i].title != "" && !endsWithDocType(compact(targets[i].title)) {
					continue // 原《商标注册证》作废: a certificate, not a document
				}
				r := targets[i].relation(ew.typ, ev)
				r.Date = date
				if title != "" && compact(r.Target) == compact(title) && r.TargetNumber != "" && docnum.Key(r.TargetNumber) != docnum.Key(rs.own) {
					// 原《清溪县就业创业补贴管理办法》（清府发〔2016〕12号）同时废止 in the document
					// re-issued under that title: the number names the old one.
					r.Target, r.TargetNumber = r.TargetNumber, ""
				}
				if title != "" && compact(r.Target) == compact(title) {
					// 1950年…公布的《中华人民共和国工会法》同时废止: an earlier law of the same
					// name. Resolved by title it would repeal this very document.
					rs.skipped = append(rs.skipped, "正文废止同名的旧文件《"+r.Target+"》，因与本文件同名无法区分，未记录为废止关系："+ev)
					continue
				}
				if i == 0 && len(more) == 0 {
					// Articles belong to the document written just before them.
					r.Articles = articles
				}
				rs.add(r)
			}
			for _, t := range more {
				r := t.relation(ew.typ, ev)
				r.Date = date
				rs.add(r)
			}
		}
	}
}

// listBefore walks back from the last reference over the documents listed with it:
// 《A》（…）、《B》和《C》, or titles each with its own description (《A》，1993年9月23日
// 北京市人民政府第14号令发布的《B》). The numbers written inside such descriptions are
// not listed documents. It returns the targets last first.
func listBefore(seg string, refs []ref) []ref {
	last := refs[len(refs)-1]
	targets := []ref{last}
	if last.title == "" {
		for i := len(refs) - 2; i >= 0 && separatorOnly(seg[refs[i].end:refs[i+1].start]); i-- {
			targets = append(targets, refs[i])
		}
		return targets
	}
	next := last
	for i := len(refs) - 2; i >= 0; i-- {
		if refs[i].title == "" {
			continue
		}
		between := seg[refs[i].end:next.start]
		if !separatorOnly(between) && !modifierRe.MatchString(between) {
			break
		}
		targets = append(targets, refs[i])
		next = refs[i]
	}
	return targets
}

var listItemRe = regexp.MustCompile(`^(?:[0-9]+\s*[.．、]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)\s*(.+?)[。；;，,]?$`)

// decideRe ends the words before a decision's end word: 决定废止《X》, 现予废止, 同意废止.
var decideRe = regexp.MustCompile(`(?:决定|现予|同意|宣布|予以|一并)$`)

// itemMarkRe is the number of a decision's item: 一、 2. （三）
var itemMarkRe = regexp.MustCompile(`^(?:[0-9]+[.．、]|[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十]+、)$`)

// repealNamedAfter reads 决定废止《A》（…）、《B》: the documents listed right after the
// end word, when a decision states it — in the sentence (决定废止, 现决定：废止), or as
// the decision's numbered item (…会议决定：\n一、废止《A》\n二、废止《B》).
func (rs *relations) repealNamedAfter(typ model.RelationType, text string, lo, ss, p, off, se int, title string) {
	pre := strings.TrimSuffix(strings.TrimRight(compact(text[ss:p]), "：:"), "如下")
	if !decideRe.MatchString(pre) {
		if pre != "" && !itemMarkRe.MatchString(pre) {
			return
		}
		if !strings.Contains(title, "决定") && !strings.Contains(title, "废止") && !strings.Contains(text[lo:ss], "决定") {
			return
		}
	}
	refs := refsIn(text[off:se])
	if len(refs) == 0 || strings.TrimSpace(text[off:off+refs[0].start]) != "" {
		return
	}
	ev := evidence(text[ss:se])
	for i, r := range refs {
		if i > 0 && !separatorOnly(text[off+refs[i-1].end:off+r.start]) {
			break
		}
		rs.add(r.relation(typ, ev))
	}
}

// bareItemRe is an unnumbered item of a list: 《X》（某政发〔2018〕2号）；
var bareItemRe = regexp.MustCompile(`^\s*《[^《》]+》\s*(?:[（(][^（）()]{0,40}[）)])?\s*[；;，,。]?\s*$`)

// listAheadRe is what stands between the end word and the colon of a list announced
// after it: 废止以下规范性文件：, 废止下列3件文件：.
var listAheadRe = regexp.MustCompile(`^\s*(?:以下|下列|如下)\s*[0-9一二三四五六七八九十]*\s*(?:件|个|份)?\s*(?:规范性|政策性)?\s*(?:文件)?\s*$`)

// repealList reads a list announced by 下列…予以废止： and written one item a line.
func (rs *relations) repealList(d *doc, typ model.RelationType, text string, ss, se, after int) {
	if !strings.HasPrefix(text[after:], "：") && !strings.HasPrefix(text[after:], ":") {
		return
	}
	if !strings.Contains(text[ss:after], "下列") && !strings.Contains(text[ss:after], "以下") {
		return
	}
	ev := evidence(text[ss:se])
	started, before := false, 0
	for _, l := range d.lines {
		if l.start < se || strings.TrimSpace(l.s) == "" {
			continue
		}
		m := listItemRe.FindStringSubmatch(l.s)
		if m == nil && strings.HasPrefix(strings.TrimSpace(l.s), "《") && bareItemRe.MatchString(l.s) {
			m = []string{l.s, strings.TrimSpace(l.s)} // 《X》（某政发〔2018〕2号） a line, unnumbered
		}
		if m == nil {
			if before++; started || before > 2 {
				return // the list ended, or never came after the announcing line
			}
			continue
		}
		started = true
		if refs := refsIn(m[1]); len(refs) > 0 {
			// 1.《关于印发…的通知》（某政发〔2021〕17号）: the documents the item names.
			for _, r := range refs {
				rs.add(r.relation(typ, ev+l.s))
			}
			continue
		}
		t := cleanTitle(strings.Trim(m[1], "《》"))
		if strings.HasPrefix(t, "关于") || endsWithDocType(t) {
			rs.add(model.Relation{Type: typ, Target: t, Evidence: ev + l.s})
		}
	}
}

// extendRe is 有效期延长至2025年12月31日, 延续…有效期至…, 有效期延续到…, and an
// evaluation's 继续有效，有效期至2027年12月31日.
var extendRe = regexp.MustCompile(`^(?:(?:延长|延续|延期|顺延)[^。；]{0,60}?|继续有效\s*[，,]?\s*(?:其\s*)?有效期(?:延长|延续)?\s*|继续执行\s*)(?:至|到)\s*(` +
	anyDateExpr + `)`)

// extendsTo reads the extension written from p (at 延长, 延续…) in the sentence
// [ss, se): the day it ends (延长至2025年12月31日) or the months it adds (有效期延长2年),
// and where the text naming the documents it extends ends.
func extendsTo(text string, ss, p, se int) (until model.Date, months, named int) {
	if m := extendRe.FindStringSubmatchIndex(text[p:min(se, p+200)]); m != nil {
		return parseAnyDate(text[p+m[2] : p+m[3]]), 0, p + m[2]
	}
	t := extendTermRe.FindStringSubmatchIndex(text[p:min(se, p+60)])
	if t == nil || !strings.Contains(text[ss:p], "有效期") {
		return 0, 0, p
	}
	n, ok := docnum.ParseNumeral(text[p+t[2] : p+t[3]])
	if !ok || n <= 0 || n > 50 {
		return 0, 0, p
	}
	if text[p+t[4]:p+t[5]] == "年" {
		n *= 12
		if t[6] >= 0 { // 延长1年6个月
			extra, ok := docnum.ParseNumeral(text[p+t[6] : p+t[7]])
			if !ok || extra >= 12 {
				return 0, 0, p
			}
			n += extra
		}
	}
	return 0, n, p
}

// extendTermRe is 有效期延长2年 / 延续两年 / 顺延6个月 / 延长1年6个月: an extension by a term.
var extendTermRe = regexp.MustCompile(`^(?:延长|延续|顺延)\s*(?:有效期\s*)?([0-9]{1,2}|[一二两三四五六七八九十]{1,2})\s*(年|个月)` +
	`(?:\s*零?\s*([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*个月)?`)

// continuedGapRe is what may stand between the documents named and 继续执行:
// 《X》（某政发〔2018〕2号）继续执行至…, not 根据《X》规定的补贴标准继续执行至….
var continuedGapRe = regexp.MustCompile(`^\s*(?:文件)?\s*(?:[（(][^（）()]{0,40}[）)])?\s*(?:文件)?\s*$`)

// extends reads 延续有效期 sentences naming the documents they extend.
func (rs *relations) extends(d *doc, lo int) {
	text := d.text
	for _, kw := range []string{"延长", "延续", "延期", "顺延", "继续有效", "继续执行"} {
		for _, p := range d.hits(kw) {
			off := p + len(kw)
			ss, se := sentenceBounds(text, lo, p, off)
			sent := text[ss:se]
			if kw != "继续执行" && !strings.Contains(sent, "有效期") && !strings.Contains(sent, "执行期") &&
				!strings.Contains(sent, "实施期") && !strings.Contains(sent, "施行期") {
				continue
			}
			until, months, named := extendsTo(text, ss, p, se)
			if until == 0 && months == 0 {
				continue
			}
			refs := refsIn(text[ss:named])
			if len(refs) == 0 && pronounRe.MatchString(text[ss:p]) && ss > lo {
				// 《…》（…）将于2019年3月31日到期。现决定将其有效期延长至…: the documents
				// the sentence before names.
				_, w := utf8.DecodeLastRuneInString(text[:ss])
				ps, _ := sentenceBounds(text, lo, ss-w, ss-w)
				refs = refsIn(text[ps:ss])
			}
			if kw == "继续执行" {
				// Only the documents written right before the words continue.
				before := refsIn(text[ss:p])
				if len(before) == 0 || !continuedGapRe.MatchString(text[ss+before[len(before)-1].end:p]) {
					continue
				}
				refs = listBefore(text[ss:p], before)
			}
			for _, r := range refs {
				if kw == "继续有效" && r.title != "" && !endsWithDocType(compact(r.title)) {
					continue // 原《许可证》继续有效: a certificate, not a document
				}
				rel := r.relation(model.Extends, evidence(sent))
				rel.Until, rel.ExtendMonths = until, months
				rs.add(rel)
			}
		}
	}
}

// pronounRe refers back to documents named before: 将其有效期延长至, 该办法有效期延长至,
// 上述文件继续有效.
var pronounRe = regexp.MustCompile(`[将把]其|其(?:有效期|执行期|施行期)|该(?:办法|文件|通知|意见|规定|细则|方案|措施|决定)|上述(?:文件|办法|规定)|前述文件`)

// proposed says the words before a 废止 or 失效 make it a proposal: 拟废止, 拟予以废止,
// 建议废止, 提请废止.
func proposed(before string) bool {
	before = strings.TrimSuffix(strings.TrimSuffix(before, "予以"), "宣布")
	for _, w := range []string{"拟", "建议", "提请", "申请", "拟予", "拟予以"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}
