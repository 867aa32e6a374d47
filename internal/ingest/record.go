package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/meta"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/privacy"
	"github.com/guifan/guifan/internal/textnorm"
)

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func textHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// source is one version's input: explicit metadata (may be empty), the text, and
// what the format itself said.
type source struct {
	key           string
	fields        *library.Fields
	text          string // the text as indexed and shown
	raw           string // the text as the source wrote it, when that differs (Markdown)
	formTitle     string // a title the file format carries (HTML <title>, DOCX core properties)
	file          model.SourceFile
	warnings      []string
	fileStem      string
	refusePrivate bool // withhold public texts that contain personal information
	amended       bool // known to be a later version of its work
}

// buildRecord reads the text's metadata and merges the explicit metadata over it:
// explicit values win, the text fills what they leave empty.
func buildRecord(s source) *catalog.Record {
	f := s.fields
	if f == nil {
		f = &library.Fields{}
	}
	metaText := s.text
	if s.raw != "" {
		metaText = s.raw
	}
	info := meta.Extract(metaText, meta.Hint{
		FileName: s.fileStem, Title: f.Title, PublishDate: f.PublishDate,
		EffectiveDate: f.EffectiveDate, Level: model.Level(f.Level), Amended: s.amended,
	})
	th := textHash(s.text)
	r := &catalog.Record{Key: s.key, TextHash: th}
	v := &r.Version
	v.ID = first(f.VersionID, f.ID)
	if v.ID == "" {
		v.ID = "v-" + shortHash(s.key, th)
	}
	v.WorkKey = first(f.VersionOf, f.Work, f.WorkID)
	v.Source = s.file
	v.TextLen = len([]rune(s.text))

	v.Title, r.Explicit.Title = pick(f.Title, info.Title)
	if v.Title == "" {
		v.Title = first(s.formTitle, s.fileStem)
		if s.formTitle == "" {
			v.Warnings = append(v.Warnings, "未找到标题，标题取自文件名："+v.Title)
		}
	}
	v.DocNumber, r.Explicit.DocNumber = pick(docnum.Normalize(f.DocNumber), info.DocNumber)
	if f.DocNumber != "" && v.DocNumber == "" {
		v.DocNumber = strings.TrimSpace(f.DocNumber) // keep an unusual number as given
	}
	if len(f.Authority) > 0 {
		v.Authorities, r.Explicit.Authority = f.Authority, true
	} else {
		v.Authorities = info.Authorities
	}
	inferred := levelOf(v.DocNumber)
	if inferred == model.LevelOther && normativeByForm(v.DocNumber, first(f.Title, info.Title), v.Authorities) {
		inferred = model.LevelNormative
	}
	lvl, explicitLevel := pick(f.Level, string(inferred))
	v.Level, r.Explicit.Level = model.Level(lvl), explicitLevel
	switch first(f.Kind, string(info.Kind)) {
	case "解读", "文字解读", "图解", "问答", "政策解读", "interpretation":
		v.Kind = model.KindInterpretation
	case "草案", "征求意见稿", "draft":
		v.Kind = model.KindDraft
	case "":
		if info.Draft {
			v.Kind = model.KindDraft
		}
	}
	if f.Kind == "" && f.Interprets != "" {
		// A record that names the work it explains (JSONL or sidecar `interprets`) is an
		// interpretation, whatever its title: 土地管理法实施条例要点说明.
		v.Kind = model.KindInterpretation
	}
	v.Topics = f.Topics
	if len(v.Topics) == 0 {
		v.Topics = info.Topics
	}
	if len(v.Topics) == 0 {
		v.Topics = InferTopics(first(f.Title, info.Title))
	}
	v.Registration = first(f.RegistrationNumber, info.Registration)
	v.IndexNumber = first(f.IndexNumber, info.IndexNumber)
	v.Disclosure = model.Disclosure(first(f.Disclosure, string(info.Disclosure), string(model.Public)))
	v.Label = first(f.Label, info.Label)
	v.Interprets = first(f.Interprets, info.Interprets)
	v.SourceStatus = first(f.Status, info.SourceStatus)
	if v.SourceStatus == "" && f.LawRefBookExpired != nil && *f.LawRefBookExpired {
		v.SourceStatus = "expired"
	}

	v.PublishDate, r.Explicit.PublishDate = f.PublishDate, f.PublishDate != 0
	if v.PublishDate == 0 {
		v.PublishDate = info.PublishDate
	}
	if f.Label == "" && v.Label != "" && r.Explicit.PublishDate && !strings.HasPrefix(v.Label, strconv.Itoa(v.PublishDate.Year())+"年") {
		// The text's own history ends with an earlier amendment than the version the
		// metadata dates (a LawRefBook header not brought up to date: 2017年修订 over a
		// text published 2019-04-23): its label names another version.
		v.Warnings = append(v.Warnings, fmt.Sprintf("正文题注所载最近一次修改为“%s”，与来源数据所载公布日期%s不符，未采用为版本名称", v.Label, v.PublishDate.Chinese()))
		v.Label = ""
	}
	switch {
	case f.EffectiveDate != 0:
		v.EffectiveDate, r.Explicit.EffectiveDate = f.EffectiveDate, true
		v.EffectiveEvidence = model.Evidence{Origin: "metadata"}
	case info.EffectiveDate != 0 && (v.PublishDate == 0 || info.EffectiveDate >= v.PublishDate):
		v.EffectiveDate, v.EffectiveEvidence = info.EffectiveDate, info.EffectiveEvidence
	case v.PublishDate != 0:
		// 施行日期 not stated: in force from publication (SPEC, "Validity status").
		v.EffectiveDate = v.PublishDate
		v.EffectiveEvidence = model.Evidence{Origin: "publish_date", Value: "未载明施行日期，按发布日期" + v.PublishDate.Chinese() + "计"}
		if info.EffectiveDate == 0 && info.PriorEffective.Value != "" {
			// A revised text keeps the original's clause (本条例自2002年9月15日起施行):
			// a date is stated, but not this version's.
			v.EffectiveEvidence.Value = "正文“" + info.PriorEffective.Value + "”早于本版本发布日期，为原版本的施行日期；本版本按发布日期" + v.PublishDate.Chinese() + "计"
		}
	}
	if od := info.OriginalEffectiveDate; od != 0 && v.EffectiveDate != 0 && od < v.EffectiveDate {
		v.OriginalEffectiveDate, v.OriginalEffectiveEvidence = od, info.OriginalEffectiveEvidence
	}
	switch {
	case f.ExpiryDate != 0:
		v.ExpiryDate, r.Explicit.ExpiryDate = f.ExpiryDate, true
		v.ExpiryEvidence = model.Evidence{Origin: "metadata", Value: "来源数据所载有效期至" + f.ExpiryDate.Chinese()}
	case info.ExpiryTerm.N > 0 && v.EffectiveDate != 0:
		// 有效期5年 counts from the effective date as finally decided (metadata wins over
		// the text's own clause) — but from the date the text states when this version
		// is dated by its publication only: a re-published text (本办法自2023年7月1日起施行，
		// 有效期5年, printed again in 2025) or a notice dated back keeps its term.
		start := v.EffectiveDate
		if v.EffectiveEvidence.Origin == "publish_date" && info.PriorEffectiveDate != 0 {
			start = info.PriorEffectiveDate
		}
		v.ExpiryDate, v.ExpiryEvidence = info.ExpiryTerm.End(start), info.ExpiryEvidence
	case info.ExpiryDate != 0:
		v.ExpiryDate, v.ExpiryEvidence = info.ExpiryDate, info.ExpiryEvidence
	}
	v.Relations = append(f.ModelRelations(), info.Relations...)
	for _, k := range f.Unknown {
		v.Warnings = append(v.Warnings, "元数据文件中的字段“"+k+"”无法识别，已忽略（可用字段见 README）")
	}
	if v.Disclosure == model.Public {
		r.Privacy = privacy.Scan(s.text)
		if len(r.Privacy) > 0 && s.refusePrivate {
			// Withheld from the public until the personal information is removed; staff still see it.
			v.Disclosure = model.Restricted
			v.Warnings = append(v.Warnings, fmt.Sprintf("含%d处个人信息（身份证号或手机号），暂不公开", len(r.Privacy)))
		}
	}
	// The reader's and the text's warnings come first; the sidecar's and the privacy
	// screen's, added above, follow them.
	v.Warnings = append(append(append([]string(nil), s.warnings...), info.Warnings...), v.Warnings...)
	return r
}

// pick returns the explicit value when given, else the one read from the text.
// levelOf is the 效力级别 a document's own number shows, for a document no metadata
// gives one: 法释〔2023〕7号 is a judicial interpretation, a 主席令 a law, a 国务院令 an
// administrative regulation, a people's government's 令 a local government rule, another
// body's 令 a departmental rule, and a number whose 机关代字 holds 规 (沪府规〔2021〕1号,
// the code registered 规范性文件 are numbered under) a 行政规范性文件. Anything else — a
// 通知 or 批复 numbered …发〔2022〕3号, or no number — is 其他: its number does not say
// whether it is normative.
func levelOf(number string) model.Level {
	n := strings.TrimPrefix(number, "中华人民共和国")
	if n == "" {
		return model.LevelOther
	}
	if i := strings.Index(n, "〔"); i > 0 {
		code := n[:i]
		switch {
		case strings.HasPrefix(code, "法释") || strings.Contains(code, "发释"):
			return model.LevelJudicial
		case strings.Contains(code, "规"):
			return model.LevelNormative
		}
		return model.LevelOther
	}
	i := strings.LastIndex(n, "令第")
	if i <= 0 {
		return model.LevelOther
	}
	issuer := n[:i]
	switch {
	case strings.HasSuffix(issuer, "主席"):
		return model.LevelLaw
	case strings.Contains(issuer, "国务院"):
		return model.LevelAdminRegs
	case strings.HasSuffix(issuer, "人民政府"):
		return model.LevelLocalRules
	}
	return model.LevelDeptRules
}

// normativeTitleRe ends the title of a rule for the public to follow (办法, 规定, 细则,
// 实施意见, 若干措施), or of the notice issuing one (关于印发《…办法》的通知).
var normativeTitleRe = regexp.MustCompile(`(?:办法|规定|细则|实施意见|若干措施|若干意见|管理规范|实施办法)(?:（试行）|（暂行）|\(试行\))?(?:》的通知)?$`)

// normativeByForm says a document whose number does not show its level (no 规 series)
// is a 行政规范性文件 by its form: issued by a government or one of its departments
// under a number of its year, titled as a rule. Letters (函), replies, plans and reports
// are not.
func normativeByForm(number, title string, authorities []string) bool {
	if !strings.Contains(number, "〔") || strings.Contains(number, "函") || len(authorities) == 0 {
		return false
	}
	for _, a := range authorities {
		if strings.Contains(a, "人民代表大会") || strings.Contains(a, "委员会") && strings.Contains(a, "党") ||
			!(strings.HasSuffix(a, "人民政府") || strings.HasSuffix(a, "办公室") || strings.HasSuffix(a, "办公厅") ||
				strings.HasSuffix(a, "局") || strings.HasSuffix(a, "厅") || strings.HasSuffix(a, "委员会") || strings.HasSuffix(a, "部")) {
			return false
		}
	}
	t := textnorm.Compact(title)
	return !strings.Contains(t, "批复") && normativeTitleRe.MatchString(t)
}

func pick(explicit, fromText string) (string, bool) {
	if e := strings.TrimSpace(explicit); e != "" {
		return e, true
	}
	return fromText, false
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// stem is a file's name without folder and extension.
func stem(p string) string {
	b := path.Base(p)
	return strings.TrimSuffix(b, path.Ext(b))
}
