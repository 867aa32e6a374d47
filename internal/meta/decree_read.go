package meta

import (
	"regexp"
	"strings"

	"github.com/guifan/guifan/internal/docnum"
)

// A decree (令) publishes a regulation or rules the way 行政法规 and 地方政府规章 are
// printed: 北京市人民政府令 / 第312号 / 《北京市某某管理办法》已经…通过，现予公布，自2024年1月1日起
// 施行。 / 市长 … / 2023年12月1日, then the regulation itself.
var (
	decreeHeadRe    = regexp.MustCompile(`^(.{2,30}?)令$`)
	decreeSerialRe  = regexp.MustCompile(`^第\s*[0-9]{1,5}\s*号$`)
	decreeAnnounce  = regexp.MustCompile(`《([^《》]{2,80})》.{0,80}?(?:现予)?(?:公布|发布)`)
	decreeEffective = regexp.MustCompile(`自\s*(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*起\s*(?:施行|实施)`)
)

// readDecree fills what a decree's head says into the fields a document's information
// table would give, where those are empty: the number, the issuer, the regulation's
// title, the day it was signed and the day it takes effect.
func readDecree(d *doc, f *fields) {
	if len(d.lines) < 3 {
		return
	}
	head := compact(d.lines[0].s)
	m := decreeHeadRe.FindStringSubmatch(head)
	if m == nil || !decreeSerialRe.MatchString(compact(d.lines[1].s)) {
		return
	}
	if f.docNumber == "" {
		f.docNumber = docnum.Normalize(head + compact(d.lines[1].s))
	}
	if issuer := strings.TrimPrefix(m[1], "中华人民共和国"); len(f.authorities) == 0 && issuer != "主席" && isBodyName(issuer) {
		f.authorities = []string{issuer}
	}
	for i := 2; i < len(d.lines) && i < 8; i++ {
		s := d.lines[i].s
		if a := decreeAnnounce.FindStringSubmatch(s); a != nil && f.title == "" {
			f.title = cleanTitle(a[1])
			if e := decreeEffective.FindStringSubmatch(s); e != nil && f.effective == 0 {
				f.effective, f.effectiveEv = parseAnyDate(e[1]), compact(s)
			}
			continue
		}
		if dt, ok := parseDateLine(compact(s)); ok && f.published == 0 && f.title != "" {
			f.published = dt
			break
		}
	}
}
