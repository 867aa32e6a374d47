package benchgen

import (
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// form is how a document's body is laid out.
type form uint8

const (
	formArticles form = iota // 第一条 … (办法, 规定, 条例, 法)
	formPoints               // 一、二、三、 (通知, 意见, 措施, 方案)
)

// span says how long a document stays in force when it states a 有效期.
type span uint8

const (
	spanUsual   span = iota // 有效期5年 for most normative documents, none for laws
	spanTrial               // 试行: 2 years
	spanInterim             // 暂行: 3 years
	spanPeriod              // a plan for 2024—2026年 ends on 31 December of its last year
)

// template is a title pattern. {A} is the issuing body, {R} the region's name, {S} the
// subject, {Y} and {Y2} the first and last year of a plan. inner is the name of the
// document a notice issues (印发), which is how other documents cite it.
type template struct {
	organ organ
	title string
	inner string
	form  form
	span  span
	self  string // how the text names itself: 本办法, 本意见
}

// levelSpec is one 效力级别's title space: templates × subjects × issuing regions.
type levelSpec struct {
	level     model.Level
	weight    float64 // share of newly started works
	regional  bool    // issued by regions (all, or only those that legislate)
	legislate bool
	templates []template
}

var levelSpecs = []levelSpec{
	{model.LevelNormative, 0.78, true, false, []template{
		{organOffice, "{A}关于印发《{R}{S}管理办法》的通知", "{R}{S}管理办法", formArticles, spanUsual, "本办法"},
		{organGov, "{A}关于印发《{R}{S}实施办法》的通知", "{R}{S}实施办法", formArticles, spanUsual, "本办法"},
		{organDept, "{A}关于印发《{R}{S}管理办法（试行）》的通知", "{R}{S}管理办法（试行）", formArticles, spanTrial, "本办法"},
		{organDept, "{A}关于印发《{R}{S}实施细则》的通知", "{R}{S}实施细则", formArticles, spanUsual, "本细则"},
		{organGov, "{A}关于进一步加强{S}工作的意见", "", formPoints, spanUsual, "本意见"},
		{organOffice, "{A}关于做好{S}工作的通知", "", formPoints, spanUsual, "本通知"},
		{organOffice, "{A}关于印发{R}{S}三年行动方案（{Y}—{Y2}年）的通知", "{R}{S}三年行动方案（{Y}—{Y2}年）", formPoints, spanPeriod, "本方案"},
		{organDept, "{A}关于{S}有关事项的通知", "", formPoints, spanUsual, "本通知"},
		{organDept, "{A}关于印发《{R}{S}暂行办法》的通知", "{R}{S}暂行办法", formArticles, spanInterim, "本办法"},
		{organGov, "{A}关于促进{S}高质量发展的若干措施", "", formPoints, spanUsual, "本措施"},
		{organDept, "{A}关于印发《{R}{S}工作规范》的通知", "{R}{S}工作规范", formArticles, spanUsual, "本规范"},
		{organDept, "{A}关于印发《{R}{S}专项资金管理办法》的通知", "{R}{S}专项资金管理办法", formArticles, spanUsual, "本办法"},
	}},
	{model.LevelLocalRules, 0.05, true, true, []template{
		{organGov, "{R}{S}管理规定", "", formArticles, spanUsual, "本规定"},
		{organGov, "{R}{S}若干规定", "", formArticles, spanUsual, "本规定"},
		{organGov, "{R}{S}实施规定", "", formArticles, spanUsual, "本规定"},
		{organGov, "{R}{S}暂行规定", "", formArticles, spanInterim, "本规定"},
	}},
	{model.LevelLocalRegs, 0.05, true, true, []template{
		{organCongress, "{R}{S}条例", "", formArticles, spanUsual, "本条例"},
		{organCongress, "{R}{S}管理条例", "", formArticles, spanUsual, "本条例"},
		{organCongress, "{R}{S}促进条例", "", formArticles, spanUsual, "本条例"},
	}},
	{model.LevelDeptRules, 0.04, false, false, []template{
		{organDept, "{S}管理规定", "", formArticles, spanUsual, "本规定"},
		{organDept, "{S}监督管理办法", "", formArticles, spanUsual, "本办法"},
		{organDept, "{S}若干规定", "", formArticles, spanUsual, "本规定"},
	}},
	{model.LevelAdminRegs, 0.03, false, false, []template{
		{organGov, "{S}条例", "", formArticles, spanUsual, "本条例"},
		{organGov, "{S}管理条例", "", formArticles, spanUsual, "本条例"},
		{organGov, "{S}暂行条例", "", formArticles, spanUsual, "本条例"},
	}},
	{model.LevelLaw, 0.02, false, false, []template{
		{organCongress, "中华人民共和国{S}法", "", formArticles, spanUsual, "本法"},
		{organCongress, "中华人民共和国{S}促进法", "", formArticles, spanUsual, "本法"},
	}},
	{model.LevelJudicial, 0.03, false, false, []template{
		{organCourt, "最高人民法院关于审理{S}纠纷案件适用法律若干问题的解释", "", formArticles, spanUsual, "本解释"},
		{organCourt, "最高人民法院关于审理{S}案件若干问题的规定", "", formArticles, spanUsual, "本规定"},
		{organCourt, "最高人民法院、最高人民检察院关于办理{S}刑事案件适用法律若干问题的解释", "", formArticles, spanUsual, "本解释"},
	}},
}

// levelNormative is the index of 行政规范性文件 in levelSpecs: the level works move to
// when another level's title space is used up.
const levelNormative = 0

// space is one level's set of distinct titles, handed out in a seeded scattered order so
// that no title repeats without remembering which were used.
type space struct {
	spec    *levelSpec
	regions []int // indexes into regions
	size    uint64
	perm    permutation
	next    uint64
}

func newSpaces(nSubjects int, seed int64) []*space {
	out := make([]*space, len(levelSpecs))
	for i := range levelSpecs {
		s := &space{spec: &levelSpecs[i]}
		for ri, r := range regions {
			switch {
			case !s.spec.regional:
				if r.tier == tierNational {
					s.regions = append(s.regions, ri)
				}
			case s.spec.legislate:
				if r.legislates() {
					s.regions = append(s.regions, ri)
				}
			default:
				s.regions = append(s.regions, ri)
			}
		}
		s.size = uint64(len(s.regions)) * uint64(nSubjects) * uint64(len(s.spec.templates))
		s.perm = newPermutation(s.size, seed, uint64(1000+i))
		out[i] = s
	}
	return out
}

// combo is one point of a level's title space.
type combo struct {
	region, subject, template int
	round                     uint64 // > 0 once the whole space has been used (only past ~2M works)
}

// take returns the next unused combination, ok=false when the space is used up.
func (s *space) take(nSubjects int) (combo, bool) {
	if s.next >= s.size {
		return combo{}, false
	}
	x := s.perm.at(s.next)
	s.next++
	nt := uint64(len(s.spec.templates))
	c := combo{template: int(x % nt)}
	x /= nt
	c.subject = int(x % uint64(nSubjects))
	c.region = s.regions[x/uint64(nSubjects)]
	return c, true
}

// takeWrapped is take for the level of last resort: after the space is used up it starts
// again, marking the round so titles stay distinct.
func (s *space) takeWrapped(nSubjects int) combo {
	round := s.next / s.size
	x := s.perm.at(s.next % s.size)
	s.next++
	nt := uint64(len(s.spec.templates))
	c := combo{template: int(x % nt), round: round}
	x /= nt
	c.subject = int(x % uint64(nSubjects))
	c.region = s.regions[x/uint64(nSubjects)]
	return c
}

// render fills a title pattern.
func render(pattern, authority, regionName, subject string, year int) string {
	if pattern == "" {
		return ""
	}
	r := strings.NewReplacer("{A}", authority, "{R}", regionName, "{S}", subject,
		"{Y}", strconv.Itoa(year), "{Y2}", strconv.Itoa(year+2))
	return r.Replace(pattern)
}
