package meta

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// lawHeader is what the dated lines under a LawRefBook law's title say:
//
//	1995年2月28日 第八届全国人民代表大会常务委员会第十二次会议通过
//	2001年6月30日 …《关于修改<中华人民共和国检察官法>的决定》第一次修正
//	2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议修订
//	2019年10月1日 施行
type lawHeader struct {
	found bool
	// amended says the text is an amended version (a later 修正/修订 or second 通过
	// line): its closing article may still be the original's.
	amended bool
	// publish is the date of the last 通过/公布/修正/修订 line: this version's date.
	publish   model.Date
	publishEv string
	label     string // 2019年修订, 2018年修正
	effective model.Date
	// effectiveOnPublish is a 发布之日施行 line without a date of its own.
	effectiveOnPublish bool
	effectiveEv        string
	docNumber          string
	authorities        []string
	// amendedBy is the decision this version was made by (根据《关于修改…的决定》修正).
	amendedBy     string
	amendedByDate model.Date
	amendedByEv   string
	// first is the earliest 通过/公布/发布 line: the original text's, when amended.
	first   model.Date
	firstEv string
}

type headerEvent struct {
	date model.Date
	text string // after the date, trimmed
	line string // date and text, as evidence
}

func readLawHeader(d *doc) lawHeader {
	var h lawHeader
	if len(d.header) == 0 {
		return h
	}
	var parts []string
	for _, l := range d.header {
		// 发布之日施行 on a line of its own, without a date.
		if strings.Contains(l.s, "之日") && isEffectiveEvent(l.s) && len(findDates(l.s)) == 0 {
			h.effectiveOnPublish, h.effectiveEv = true, compact(l.s)
			continue
		}
		parts = append(parts, l.s)
	}
	block := strings.Join(parts, "\n")
	var events []headerEvent
	dates := findDates(block)
	for i, ds := range dates {
		end := len(block)
		if i+1 < len(dates) {
			end = dates[i+1].start
		}
		text := trimEvent(block[ds.end:end])
		events = append(events, headerEvent{date: ds.date, text: text, line: trimEvent(block[ds.start:end])})
	}
	var last *headerEvent
	for i := range events {
		e := &events[i]
		if isEffectiveEvent(e.text) {
			h.effective, h.effectiveEv = e.date, e.line
			if strings.Contains(e.text, "公布") || strings.Contains(e.text, "发布") {
				last = e
			}
			continue
		}
		last = e
	}
	h.found = len(events) > 0 || h.effectiveOnPublish
	for _, e := range events {
		if !isEffectiveEvent(e.text) && (strings.Contains(e.text, "通过") || strings.Contains(e.text, "公布") || strings.Contains(e.text, "发布")) {
			h.first, h.firstEv = e.date, e.line
			break
		}
	}
	adopted := 0
	for i, e := range events {
		if strings.Contains(e.text, "通过") {
			adopted++
		}
		if i > 0 && (strings.Contains(e.text, "修正") || strings.Contains(e.text, "修订") || strings.Contains(e.text, "修改")) {
			h.amended = true
		}
	}
	if adopted >= 2 {
		h.amended = true
	}
	if last == nil {
		return h
	}
	h.publish, h.publishEv = last.date, last.line
	y := strconv.Itoa(last.date.Year())
	switch {
	case strings.Contains(last.text, "修订"):
		h.label = y + "年修订"
	case strings.Contains(last.text, "修正"):
		h.label = y + "年修正"
	}
	for _, m := range docnum.FindAll(last.text) {
		h.docNumber = m.Number
	}
	if h.label != "" {
		if t := decisionTitle(last.text); t != "" {
			h.amendedBy, h.amendedByDate, h.amendedByEv = t, last.date, last.line
		}
	}
	// The body that adopted the text, not the one that approved it (an autonomous
	// county's regulation is 批准 by the city's congress) nor the date it took effect.
	for _, approved := range []bool{false, true} {
		for i := len(events) - 1; i >= 0 && len(h.authorities) == 0; i-- {
			e := events[i].text
			if (!isEffectiveEvent(e) || strings.Contains(e, "公布")) && strings.Contains(e, "批准") == approved {
				h.authorities = eventAuthorities(e)
			}
		}
	}
	return h
}

// trimEvent drops the parentheses and the dangling 根据 that LawRefBook keeps from
// the original "（…根据…修正）" notes.
func trimEvent(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return isBlank(r) || strings.ContainsRune("（）()　,，;；", r) })
	s = strings.TrimSuffix(s, "根据")
	return strings.TrimFunc(s, func(r rune) bool { return isBlank(r) || strings.ContainsRune("（）()，,；;", r) })
}

// isEffectiveEvent is a 施行 / 生效 line, as opposed to 通过 / 公布 / 修正.
func isEffectiveEvent(s string) bool {
	if !strings.Contains(s, "施行") && !strings.Contains(s, "生效") && !strings.Contains(s, "执行") && !strings.Contains(s, "实施") {
		return false
	}
	return !strings.Contains(s, "通过") && !strings.Contains(s, "修正") && !strings.Contains(s, "修订")
}

var decisionRe = regexp.MustCompile(`《([^《》]*(?:决定|修正案)[^《》]*)》`)

// decisionTitle is the amending decision or 修正案 named in a header line.
func decisionTitle(s string) string {
	m := decisionRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return cleanTitle(m[1])
}

var (
	congressRe = regexp.MustCompile(`^(.*?)第[一二三四五六七八九十]+届(全国人民代表大会常务委员会|全国人民代表大会|人民代表大会常务委员会|人民代表大会)`)
	councilRe  = regexp.MustCompile(`^(国务院|政务院)第?\d*次?常务会议`)
	courtRe    = regexp.MustCompile(`^(最高人民法院|最高人民检察院)`)
	issuedRe   = regexp.MustCompile(`^([\p{Han}、]+?)(?:令第|第\d+号令|公告|发布|公布|批准|印发)`)
)

// eventAuthorities reads the issuing body of a header line, without the
// 中华人民共和国 that orders print before 国务院 and ministries. A body written without
// its place (市第十届人民代表大会常务委员会) is left out.
func eventAuthorities(s string) []string {
	var out []string
	for _, b := range headerBodies(s) {
		b = strings.TrimPrefix(strings.TrimPrefix(b, "经"), "中华人民共和国")
		if r, _ := utf8.DecodeRuneInString(b); b != "" && !strings.ContainsRune("市县区省", r) {
			out = append(out, b)
		}
	}
	return out
}

func headerBodies(s string) []string {
	s = compact(s)
	if m := congressRe.FindStringSubmatch(s); m != nil {
		return []string{m[1] + m[2]}
	}
	if m := councilRe.FindStringSubmatch(s); m != nil {
		return []string{m[1]}
	}
	if m := courtRe.FindStringSubmatch(s); m != nil {
		return []string{m[1]}
	}
	if t := decisionTitle(s); t != "" {
		if i := strings.Index(t, "关于"); i > 0 {
			return splitBodies(t[:i])
		}
	}
	if m := issuedRe.FindStringSubmatch(s); m != nil {
		var out []string
		for _, b := range splitBodies(m[1]) {
			if b = strings.TrimPrefix(b, "中华人民共和国"); isBodyName(b) {
				out = append(out, b)
			}
		}
		return out
	}
	return nil
}
