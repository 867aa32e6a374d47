// Package meta reads a document's metadata and its relations to other documents
// out of its text: title, 发文字号, 发文机关, dates, 有效期, disclosure marks, and the
// documents it repeals, amends, extends, rests on or cites. Precision comes first:
// a wrong effective or expiry date makes a wrong 现行有效, so a field the text does
// not state clearly is left empty and a warning says why.
package meta

import (
	"regexp"
	"slices"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// Hint is what is already known about a document before its text is read.
type Hint struct {
	// FileName is the base name; it often carries the doc number and/or title, e.g.
	// 抚县政公领发〔2022〕3号-抚顺县2022年政务公开工作要点.txt.
	FileName string
	// Title known from metadata: no title is guessed from the text then.
	Title         string
	PublishDate   model.Date // known publish date from metadata
	EffectiveDate model.Date // known effective date from metadata
	Level         model.Level
	// Amended says the text is known to be a later version of its work (the ingester
	// knows when a work has an earlier version). A closing 本法自公布之日起施行 kept from
	// the original text then does not date this version.
	Amended bool
}

// Info is what the text says about the document.
type Info struct {
	Title       string   `json:"title,omitempty"`
	DocNumber   string   `json:"doc_number,omitempty"` // 发文字号, normalised
	Authorities []string `json:"authority,omitempty"`  // 发文机关, may be several
	// PublishDate is the 成文/发布日期: the signature date, or the last 通过/公布/修订
	// line of a law's header.
	PublishDate       model.Date     `json:"publish_date,omitempty"`
	EffectiveDate     model.Date     `json:"effective_date,omitempty"`
	EffectiveEvidence model.Evidence `json:"effective_evidence,omitzero"`
	// PriorEffective is a 施行 clause the text keeps from an earlier version (a date
	// before this version's publication): read, but not this version's date.
	PriorEffective     model.Evidence `json:"-"`
	PriorEffectiveDate model.Date     `json:"-"` // its date, when it states one
	// OriginalEffectiveDate is PriorEffective's date when the text is known to be an
	// amended one (its header's history, or a date over a year before publication): the
	// day the work itself took effect, under a text the library may not hold.
	OriginalEffectiveDate model.Date `json:"original_effective_date,omitempty"`
	// OriginalEffectiveEvidence quotes what dates it: “本法自2008年1月1日起施行。”
	OriginalEffectiveEvidence string `json:"original_effective_evidence,omitempty"`
	// ExpiryDate is the last day in force.
	ExpiryDate     model.Date     `json:"expiry_date,omitempty"`
	ExpiryEvidence model.Evidence `json:"expiry_evidence,omitzero"`
	// ExpiryTerm is the 有效期 when the text gives its length (有效期5年): counted from
	// the effective date, which explicit metadata may still change.
	ExpiryTerm   Term   `json:"-"`
	Registration string `json:"registration_number,omitempty"` // 登记号
	IndexNumber  string `json:"index_number,omitempty"`        // 索引号
	// Disclosure is "" when the text does not say.
	Disclosure model.Disclosure `json:"disclosure,omitempty"`
	Kind       model.Kind       `json:"kind,omitempty"`
	// Draft says the text is a draft for comment (征求意见稿, 草案): never in force, and
	// what it says it repeals or amends is not done.
	Draft bool `json:"draft,omitempty"`
	// Interprets is the title or doc number an interpretation (解读) explains.
	Interprets string `json:"interprets,omitempty"`
	Label      string `json:"label,omitempty"` // version label such as 2018年修正
	// SourceStatus is the status the page's information table claims (有效性：失效),
	// as a source status code: shown beside the computed status, never trusted over it.
	SourceStatus string           `json:"source_status,omitempty"`
	Topics       []string         `json:"topics,omitempty"` // 主题分类 when printed
	Relations    []model.Relation `json:"relations,omitempty"`
	Warnings     []string         `json:"warnings,omitempty"`
}

// originText marks evidence and relations read from the document's own text.
const originText = "text"

// Extract reads the metadata and relations written in a document's text.
func Extract(text string, h Hint) Info {
	d := newDoc(text)
	var info Info
	f := readFields(d)
	readDecree(d, &f)
	law := readLawHeader(d)

	form, isForm := findForm(d)
	if isForm && h.Title == "" {
		info.Title = form.title()
	} else {
		info.Title = findTitle(d, h, f, &info)
	}
	info.DocNumber = findDocNumber(d, h, f, law, &info)
	// A form for handling a document shows that document's number: it cites it.
	handled := ""
	if isForm {
		handled, info.DocNumber = info.DocNumber, ""
	}
	sig := findSignature(d)
	info.Authorities = findAuthorities(d, f, law, sig, info.Title)
	budgetOf, isBudget := findBudget(d)
	if len(info.Authorities) == 0 && isBudget && budgetOf.body != "" {
		info.Authorities = []string{budgetOf.body}
	}
	info.PublishDate = pickPublishDate(f, law, sig)
	if info.PublishDate != 0 && info.PublishDate == sig.printed && sig.date == 0 && f.written == 0 &&
		law.publish == 0 && f.published == 0 && h.PublishDate == 0 {
		// A scan whose signature date lies under the seal keeps only the 版记 date.
		info.warn("未找到成文日期，发布日期按版记所载印发日期" + sig.printed.Chinese() + "计")
	}
	if info.PublishDate == 0 && h.PublishDate == 0 {
		if dt, ev := releaseWithoutYear(d, info.Title); dt != 0 {
			info.PublishDate = dt
			info.warn("发布日期" + dt.Chinese() + "系根据正文“" + ev + "”和标题所载年份推定")
		}
	}
	info.Label = law.label
	if info.Label == "" {
		info.Label = labelFromTitle(info.Title)
	}
	info.Registration = f.registration
	info.IndexNumber = f.index
	info.SourceStatus = f.status
	info.Topics = f.topics
	info.Disclosure = findDisclosure(d, f)
	info.Kind, info.Interprets = interpretationOf(info.Title)

	effEnd := findEffective(d, h, f, law, &info)
	if start, ev := findExpiry(d, f, effEnd, h, &info); info.EffectiveDate == 0 && start != 0 {
		// 有效期自2020年4月1日至…, 自2020年4月1日起至2022年12月31日止执行: the period starts
		// the day the document takes effect, unless that would precede its publication.
		if publish := max(h.PublishDate, info.PublishDate); publish == 0 || start >= publish {
			info.EffectiveDate = start
			info.EffectiveEvidence = model.Evidence{Value: ev, Origin: originText}
		}
	}
	if info.ExpiryDate == 0 && info.ExpiryTerm.N == 0 { // no 有效期 the text states
		budgetExpiry(budgetOf, isBudget, &info)
	}

	var skipped []string
	info.Relations, skipped = findRelations(d, info.Title, info.DocNumber, law)
	info.Warnings = append(info.Warnings, skipped...)
	switch {
	case isDraft(d, info.Title):
		info.Draft = true
		var w string
		if info.Relations, w = withoutEffects(info.Relations, "征求意见稿（草案）"); w != "" {
			info.warn(w)
		}
	case proposalTitleRe.MatchString(info.Title):
		var w string
		if info.Relations, w = withoutEffects(info.Relations, "拟议事项"); w != "" {
			info.warn(w)
		}
	}
	if handled != "" && !slices.ContainsFunc(info.Relations, func(r model.Relation) bool {
		return r.Type == model.Cites && r.Target == handled
	}) {
		info.Relations = append(info.Relations, form.handledNumber(d, handled))
	}
	return info
}

// releaseRe is a release reported without its year in a text's opening lines: 中央一号
// 文件2月3日由新华社受权发布.
var releaseRe = regexp.MustCompile(`([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*(?:由\s*新\s*华\s*社)?\s*(?:受\s*权)?\s*(?:发\s*布|公\s*布|印\s*发)`)

// releaseWithoutYear reads the date of such a release, the year taken from the title;
// only when the title names one year.
func releaseWithoutYear(d *doc, title string) (model.Date, string) {
	years := titleYearRe.FindAllStringSubmatch(title, -1)
	if len(years) != 1 {
		return 0, ""
	}
	var b strings.Builder
	for i := 0; i < len(d.lines) && i < 8 && b.Len() < 600; i++ {
		b.WriteString(d.lines[i].s)
	}
	opening := b.String()
	m := releaseRe.FindStringSubmatchIndex(opening)
	if m == nil || strings.HasSuffix(strings.TrimRight(opening[:m[0]], " "), "年") {
		return 0, ""
	}
	dt := parseAnyDate(years[0][1] + "年" + opening[m[2]:m[3]] + "月" + opening[m[4]:m[5]] + "日")
	return dt, compact(opening[m[0]:m[1]])
}

func (info *Info) warn(msg string) { info.Warnings = append(info.Warnings, msg) }

// Term is a length of time: N years, or N months.
type Term struct {
	N      int
	Months bool
}

// End is the last day of a term that starts on from: the day before the anniversary.
// Where the last month has no such day (31 January and one month, 29 February and a
// year), the term runs to the end of that month.
func (t Term) End(from model.Date) model.Date {
	if t.N <= 0 || from == 0 {
		return 0
	}
	end := from.AddYears(t.N)
	if t.Months {
		end = from.AddMonths(t.N)
	}
	_, _, day := from.Parts()
	if _, _, d := end.Parts(); d != day {
		// Carried past the month's last day (31 February reads as 3 March): back to it.
		return end.AddDays(-d)
	}
	return end.AddDays(-1)
}

// pickPublishDate prefers the 成文日期 of the information table, then the date of a
// law's last 通过/公布/修订 line, the signature date, the 发布日期 and last the date the
// 版记 says the document was printed.
func pickPublishDate(f fields, law lawHeader, sig signature) model.Date {
	for _, d := range []model.Date{f.written, law.publish, sig.date, f.published, sig.printed} {
		if d != 0 {
			return d
		}
	}
	return 0
}
