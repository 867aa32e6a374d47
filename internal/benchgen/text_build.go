package benchgen

import (
	"math"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// lengthSigma shapes text sizes as a log-normal distribution fitted to laws.jsonl
// (median 13.7 KB, mean 18.0 KB, 95th percentile 44 KB: sigma = sqrt(2 ln(mean/median))).
const lengthSigma = 0.735

// textSize draws a text size with the given mean.
func textSize(r *rng, mean float64) int {
	x := mean * math.Exp(lengthSigma*r.norm()-lengthSigma*lengthSigma/2)
	return int(math.Max(200, math.Min(x, math.Min(40*mean, 4<<20))))
}

// pickItems chooses source items for a body of about size bytes: runs of consecutive
// articles of random source documents, so the text reads like real legal text.
func (g *gen) pickItems(r *rng, size int, dst []int32) []int32 {
	dst = dst[:0]
	acc, articles := 0, 0
	for acc < size || articles < 3 {
		doc := g.pool.docs[r.intn(len(g.pool.docs))]
		for i := r.intn(len(doc)); i < len(doc) && (acc < size || articles < 3); i++ {
			it := &g.pool.items[doc[i]]
			dst = append(dst, doc[i])
			acc += it.raw + 12
			if !it.heading {
				articles++
			}
		}
	}
	return dst
}

// revise derives a later version's body from the earlier one: most articles kept, some
// rewritten (replaced by another real article), some deleted, some added, as a 修订 does.
func (g *gen) revise(r *rng, prev []int32, dst []int32) []int32 {
	dst = dst[:0]
	randomArticle := func() int32 {
		for {
			doc := g.pool.docs[r.intn(len(g.pool.docs))]
			id := doc[r.intn(len(doc))]
			if !g.pool.items[id].heading {
				return id
			}
		}
	}
	for _, id := range prev {
		if g.pool.items[id].heading {
			dst = append(dst, id)
			continue
		}
		switch x := r.float(); {
		case x < 0.04:
			// deleted
		case x < 0.16:
			dst = append(dst, randomArticle())
		case x < 0.20:
			dst = append(dst, id, randomArticle())
		default:
			dst = append(dst, id)
		}
	}
	if len(dst) == 0 {
		dst = append(dst, randomArticle())
	}
	return dst
}

// draft is everything a normal version's text says.
type draft struct {
	spec       *levelSpec
	tpl        *template
	reg        *region
	dept       int // index into depts
	subject    string
	title      string
	inner      string
	authority  []string
	number     string
	publish    model.Date
	effective  model.Date
	sameDay    bool
	expiry     model.Date // stated 有效期 end, 0 for none
	years      int        // 有效期N年, 0 when stated as a date
	chineseNum bool       // 有效期五年 rather than 有效期5年
	mark       string     // （此件公开发布）
	verb       string
	basis      string // 根据《…》等有关规定，
	cite       string // a sentence citing another document
	repeal     string // 《…》（…）同时废止。
	items      []int32
	meeting    int
}

// effectiveClause is the sentence that states when the document takes effect and, when
// it has one, its 有效期.
func (d *draft) effectiveClause() string {
	var b strings.Builder
	b.WriteString(d.tpl.self)
	switch {
	case d.sameDay && d.spec.level == model.LevelNormative:
		b.WriteString("自印发之日起施行")
	case d.sameDay:
		b.WriteString("自公布之日起施行")
	default:
		b.WriteString("自" + d.effective.Chinese() + "起施行")
	}
	if d.expiry != 0 {
		if d.years > 0 {
			n := strconv.Itoa(d.years)
			if d.chineseNum {
				n = chineseNumber(d.years)
			}
			b.WriteString("，有效期" + n + "年")
		} else {
			b.WriteString("，有效期至" + d.expiry.Chinese())
		}
	}
	b.WriteString("。")
	b.WriteString(d.repeal)
	return b.String()
}

// writeText writes a normal version's text in the layout of its level and form.
func (g *gen) writeText(t *textWriter, d *draft) {
	switch {
	case d.spec.level == model.LevelNormative:
		g.writeNotice(t, d)
	case d.spec.level == model.LevelJudicial:
		t.line(d.number)
		t.line(d.title)
		t.line("（" + d.publish.Chinese() + "最高人民法院审判委员会第" + strconv.Itoa(d.meeting) + "次会议通过，自" + d.effective.Chinese() + "起施行）")
		g.writeArticles(t, d, "为正确审理"+d.subject+"案件，"+d.basis+"结合审判实践，制定"+d.tpl.self+"。")
	default:
		t.line(d.title)
		if d.number != "" {
			t.line("（" + d.publish.Chinese() + d.number + "公布）")
		}
		g.writeArticles(t, d, "为了"+d.verb+d.subject+"，"+d.basis+"制定"+d.tpl.self+"。")
	}
}

// writeNotice writes a 行政规范性文件: the notice with its number, addressees, signature
// and disclosure mark, and the body (the issued document when it issues one).
func (g *gen) writeNotice(t *textWriter, d *draft) {
	t.line(d.title)
	t.line(d.number)
	if d.tpl.organ == organDept {
		t.line(d.reg.deptAddressee(&depts[d.dept]))
	} else {
		t.line(d.reg.addressee())
	}
	purpose := "为" + d.verb + d.subject + "工作，" + d.basis + "结合" + selfArea(d.reg) + "实际，"
	if d.inner != "" {
		t.line("现将《" + d.inner + "》印发给你们，请结合实际认真贯彻执行。")
		g.signature(t, d)
		t.line(d.inner)
		if d.tpl.form == formArticles {
			g.writeArticles(t, d, purpose+"制定"+d.tpl.self+"。")
		} else {
			g.writePoints(t, d, purpose+"制定"+d.tpl.self+"。")
		}
		return
	}
	lead := "现就有关事项通知如下："
	switch d.tpl.self {
	case "本意见":
		lead = "提出如下意见："
	case "本措施":
		lead = "制定如下措施："
	}
	g.writePoints(t, d, purpose+lead)
	g.signature(t, d)
}

func (g *gen) signature(t *textWriter, d *draft) {
	t.line(strings.Join(d.authority, "　"))
	t.line(d.publish.Chinese())
	t.line(d.mark)
}

func selfArea(r *region) string {
	if r.tier == tierNational {
		return "我国"
	}
	return "本" + r.self()
}

// writeArticles writes 第一条 (the purpose), the body articles with their chapters, an
// article citing another document when there is one, and the effective clause.
func (g *gen) writeArticles(t *textWriter, d *draft, first string) {
	chapters := false
	for _, id := range d.items {
		if g.pool.items[id].heading {
			chapters = true
			break
		}
	}
	chapter, article := 1, 1
	if chapters {
		t.line("第一章　总则")
	}
	t.line("第一条　" + first)
	lastHeading := true
	for i, id := range d.items {
		it := &g.pool.items[id]
		if it.heading {
			// A chapter needs an article after it; 总则 is already the first chapter.
			if !chapters || lastHeading || i == len(d.items)-1 || strings.HasPrefix(it.esc, "总") {
				continue
			}
			chapter++
			t.s("第" + chineseNumber(chapter) + "章　")
			t.item(it)
			t.newline()
			lastHeading = true
			continue
		}
		article++
		t.s("第" + chineseNumber(article) + "条　")
		t.item(it)
		t.newline()
		lastHeading = false
	}
	if d.cite != "" {
		article++
		t.line("第" + chineseNumber(article) + "条　" + d.cite)
	}
	article++
	t.line("第" + chineseNumber(article) + "条　" + d.effectiveClause())
}

// writePoints writes a notice body as numbered points (一、二、).
func (g *gen) writePoints(t *textWriter, d *draft, lead string) {
	t.line(lead)
	n := 0
	for _, id := range d.items {
		it := &g.pool.items[id]
		if it.heading {
			continue
		}
		n++
		t.s(chineseNumber(n) + "、")
		t.item(it)
		t.newline()
	}
	if d.cite != "" {
		n++
		t.line(chineseNumber(n) + "、" + d.cite)
	}
	n++
	t.line(chineseNumber(n) + "、" + d.effectiveClause())
}

func hashString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}
