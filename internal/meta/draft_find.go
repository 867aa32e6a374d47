package meta

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// draftTitleRe is the title of a text that is not in force and never will be as it
// stands: a draft for comment (征求意见稿, 草案, 送审稿, 讨论稿) or the notice that
// publishes one (关于公开征求《…》意见的公告).
var draftTitleRe = regexp.MustCompile(`征求意见稿|草案|送审稿|讨论稿|征求.{0,80}意见`)

// proposalTitleRe is the title of a proposal to repeal, declare lapsed or amend (拟废止
// … 的公示): what it lists is proposed, not decided.
var proposalTitleRe = regexp.MustCompile(`拟(?:予以)?(?:废止|宣布失效|失效|修改|修订|保留|清理)`)

// isDraft tells a draft by its title, or by a 征求意见稿 mark on a line of its own above
// the text (the way drafts are printed).
func isDraft(d *doc, title string) bool {
	if draftTitleRe.MatchString(title) {
		return true
	}
	for i, l := range d.lines {
		if i >= 6 {
			break
		}
		if s := strings.Trim(compact(l.s), "（）()【】[]"); s == "征求意见稿" || s == "草案" || s == "送审稿" || s == "讨论稿" {
			return true
		}
	}
	return false
}

// withoutEffects drops the relations that change another document's status (废止,
// 宣布失效, 修改, 延续有效期) from a draft's or a proposal's, with a warning saying how
// many were left out.
func withoutEffects(rels []model.Relation, what string) ([]model.Relation, string) {
	out := rels[:0]
	n := 0
	for _, r := range rels {
		switch r.Type {
		case model.Repeals, model.Lapses, model.Amends, model.Extends:
			n++
			continue
		}
		out = append(out, r)
	}
	if n == 0 {
		return out, ""
	}
	return out, what + "所载的废止、失效、修改或延续有效期不产生效力，未记录为关系（" + strconv.Itoa(n) + "处）"
}
