package meta

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/model"
)

// A clean-up notice (规范性文件清理结果) lists what it repeals and declares lapsed in
// tables, often in its annexes: a heading (决定废止的规范性文件目录, 宣布失效的文件清单),
// then one row per document — 序号, 文件名称, 文号 — which text extraction turns into
// lines such as "1 某县就业补贴办法 某政发〔2015〕3号" (a long title may wrap onto the
// next line).

// tableHeadRe is such a heading, or the heading of a list of them in the notice's body:
// 一、决定废止的规范性文件（2件）.
var tableHeadRe = regexp.MustCompile(`(废止|失效)(?:[^。；，,]{0,14}(?:目录|清单|名单|一览表|列表)|的[^。；，,]{0,10}文件\s*(?:[（(]\s*共?\s*[0-9一二三四五六七八九十]+\s*件\s*[)）])?\s*[：:]?$)`)

// sectionRe is the start of a section of the notice (一、 （二）), or the heading of
// another list of documents (继续有效的规范性文件（5件）): either ends a list.
var sectionRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])|(?:文件|目录|清单|名单|一览表|列表)\s*(?:[（(]\s*共?\s*[0-9一二三四五六七八九十]+\s*件\s*[)）])?\s*[：:]?$`)

// notDecided are words of headings that list documents without repealing them: the
// ones kept, proposed for repeal, or amended.
var notDecided = []string{"拟", "建议", "继续", "保留", "修改", "修订", "征求", "暂停", "不再废止"}

// rowStartRe is a row's serial number at the start of a line: 1, 1., 1、, （1）.
var rowStartRe = regexp.MustCompile(`^(?:[0-9]{1,3}\s*[.．、]?|[（(][0-9]{1,3}[)）])(?:\s+|[.．、]|$)`)

// opinionHeadRe is a column of a table whose rows each say what becomes of their
// document (序号 文件名称 文号 清理意见: 废止, 宣布失效, 继续有效, 修改).
var opinionHeadRe = regexp.MustCompile(`(?:清理|处理|审查|评估)(?:意见|结果|结论|类别|方式)`)

// repealTables reads the tables of documents a clean-up notice repeals or declares
// lapsed. A draft for comment (征求意见稿) repeals nothing.
func (rs *relations) repealTables(d *doc, lo int, title string) {
	if strings.Contains(title, "征求意见") || strings.Contains(title, "拟") {
		return
	}
	byTitle := titleTableType(title)
	// Only the lines holding one of the words of a heading can start a table.
	var heads []int
	for _, w := range []string{"废止", "失效", "名称"} {
		heads = append(heads, d.hits(w)...)
	}
	if len(heads) == 0 {
		return
	}
	sort.Ints(heads)
	for i := 0; i < len(d.lines); i++ {
		l := d.lines[i]
		if l.start < lo {
			continue
		}
		if j := sort.SearchInts(heads, l.start); j == len(heads) || heads[j] >= l.start+len(l.s) {
			continue
		}
		typ, perRow, ok := tableType(l.s)
		if !ok && byTitle != "" && headerRowRe.MatchString(l.s) && !keptAbove(d.lines[:i]) {
			// 关于废止部分规范性文件的决定 whose annex is the table alone: 序号 文件名称 文号.
			typ, ok = byTitle, true
		}
		if !ok {
			continue
		}
		head := l.s
		var rows []string
		for i++; i < len(d.lines); i++ {
			s := d.lines[i].s
			if s == "" || s == head {
				continue // a header row repeated on the next page
			}
			if _, _, next := tableType(s); next || strings.HasPrefix(s, "附件") || tableEnds(s) ||
				!rowStartRe.MatchString(s) && sectionRe.MatchString(s) {
				i--
				break
			}
			switch {
			case rowStartRe.MatchString(s):
				rows = append(rows, rowStartRe.ReplaceAllString(s, ""))
			case len(rows) > 0 && !strings.Contains(s, "文件名称"):
				rows[len(rows)-1] += " " + s // a title or number wrapped onto the next line
			}
		}
		for _, row := range rows {
			r, ok := tableRow(row)
			if ok && perRow {
				typ, ok = rowOpinion(row)
			}
			if ok {
				r.Type, r.Evidence = typ, evidence(head+"："+row)
				rs.add(r)
			}
		}
	}
}

// keptAbove reports whether the nearest line above a table's header row that says
// anything names documents kept (继续有效的规范性文件, 保留…): their table repeals nothing,
// whatever the decision's title.
func keptAbove(above []line) bool {
	for k := len(above) - 1; k >= 0 && k >= len(above)-3; k-- {
		s := strings.TrimSpace(above[k].s)
		if s == "" {
			continue
		}
		if strings.Contains(s, "有效") {
			return true
		}
		for _, w := range notDecided {
			if strings.Contains(s, w) {
				return true
			}
		}
		return false
	}
	return false
}

// headerRowRe is a table's header row: 序号 then 文件名称 (or 名称, 标题).
var headerRowRe = regexp.MustCompile(`^\s*序号[\s\t]+(?:文件)?(?:名称|标题)`)

// titleTableType is what a decision titled for it does to the documents its tables
// list: 关于废止部分规范性文件的决定 repeals them, 关于宣布失效…的决定 declares them lapsed;
// "" for any other title, or one that does both or neither for sure.
func titleTableType(title string) model.RelationType {
	if !strings.Contains(title, "决定") && !strings.Contains(title, "通知") {
		return ""
	}
	for _, w := range notDecided {
		if strings.Contains(title, w) {
			return ""
		}
	}
	repeal, lapse := strings.Contains(title, "废止"), strings.Contains(title, "失效")
	switch {
	case repeal && !lapse:
		return model.Repeals
	case lapse && !repeal:
		return model.Lapses
	}
	return ""
}

// tableType reports whether a line heads a table of repealed or lapsed documents, and
// which; or is the header row of a table whose rows each say (perRow).
func tableType(s string) (typ model.RelationType, perRow, ok bool) {
	if len(s) > 4*40 || utf8.RuneCountInString(s) > 40 || !strings.Contains(s, "废止") && !strings.Contains(s, "失效") && !strings.Contains(s, "名称") {
		return "", false, false // a heading is short
	}
	if strings.Contains(s, "名称") && opinionHeadRe.MatchString(s) {
		return "", true, true
	}
	m := tableHeadRe.FindStringSubmatch(s)
	if m == nil {
		return "", false, false
	}
	for _, w := range notDecided {
		if strings.Contains(s, w) {
			return "", false, false
		}
	}
	if strings.Contains(s, "废止") && strings.Contains(s, "失效") {
		return "", false, false // one table of both, its rows not saying which
	}
	if m[1] == "失效" {
		return model.Lapses, false, true
	}
	return model.Repeals, false, true
}

// rowOpinion is what a row of such a table says becomes of its document, read after
// its number (or in its last column): 废止, 宣布失效; nothing for 继续有效, 修改 or a
// proposal (拟废止).
func rowOpinion(row string) (model.RelationType, bool) {
	tail := row
	if ms := docnum.FindAll(row); len(ms) > 0 {
		tail = row[ms[0].End:]
	} else if i := strings.LastIndexAny(strings.TrimSpace(row), " \t"); i >= 0 {
		tail = strings.TrimSpace(row)[i:]
	}
	for _, w := range notDecided {
		if strings.Contains(tail, w) {
			return "", false
		}
	}
	switch {
	case strings.Contains(tail, "废止"):
		return model.Repeals, true
	case strings.Contains(tail, "失效"):
		return model.Lapses, true
	}
	return "", false
}

// tableEnds is a line no row of a table is: the signature block's date, or prose.
func tableEnds(s string) bool {
	return utf8.RuneCountInString(s) > 120 || strings.HasSuffix(s, "。")
}

// tableRow reads one row: the title and the number written in it, in either order,
// other columns (dates, reasons) aside. A row without a number needs a title that reads
// as a document's.
func tableRow(row string) (model.Relation, bool) {
	ms := docnum.FindAll(row)
	var title, number string
	if len(ms) > 0 {
		number = ms[0].Number
		title = columnTitle(row[:ms[0].Start])
		if title == "" {
			title = columnTitle(row[ms[0].End:])
		}
	} else {
		title = columnTitle(row)
	}
	if !readsAsTitle(title) {
		title = ""
	}
	switch {
	case title != "":
		return model.Relation{Target: title, TargetNumber: number}, true
	case number != "":
		return model.Relation{Target: number}, true
	}
	return model.Relation{}, false
}

// columnTitle is the title in a row's text before or after its number: up to the next
// column (a tab, or a date), without 《》.
func columnTitle(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "\t"); i >= 0 {
		s = s[:i]
	}
	if loc := columnDateRe.FindStringIndex(s); loc != nil {
		s = s[:loc[0]]
	}
	s = strings.Trim(strings.TrimSpace(s), "《》“”\"（）() ")
	// Another column after the title (无, 已修改, a body's name): the words up to a
	// space that end like a document's title.
	for !readsAsTitle(cleanTitle(s)) && strings.Contains(s, " ") {
		s = strings.TrimSpace(s[:strings.LastIndex(s, " ")])
	}
	return cleanTitle(s)
}

// columnDateRe is a date column after a title: 2015年3月1日, 2015-03-01, 2015.3.1.
var columnDateRe = regexp.MustCompile(`\s+(?:` + anyDateExpr + `)`)

// readsAsTitle reports whether a table cell reads as a document's title.
func readsAsTitle(s string) bool {
	c := compact(s)
	return c != "" && (endsWithDocType(c) || strings.HasPrefix(c, "关于"))
}
