package meta

import (
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/docnum"
)

// docTypes end the title of a document: 通知, 办法, 条例, 解释 …
var docTypes = []string{
	"通知", "意见", "办法", "规定", "决定", "批复", "方案", "条例", "细则", "规则", "规程", "规范",
	"函", "公告", "公示", "通告", "通报", "报告", "请示", "答复", "解释", "安排", "纪要", "要点", "计划",
	"规划", "纲要", "指引", "指南", "标准", "制度", "准则", "目录", "清单", "名录", "措施", "决议",
	"命令", "法", "修正案", "说明", "解读", "问答", "图解", "章程", "守则", "公约", "协定", "议定书", "要求",
}

var trailingParen = regexp.MustCompile(`(（[^（）]{1,20}）|\([^()]{1,20}\))$`)

// endsWithDocType reports whether a compacted title ends like a document's title,
// allowing a trailing （试行） or （2019年修订）.
func endsWithDocType(s string) bool {
	for i := 0; i < 2; i++ {
		for _, t := range docTypes {
			if strings.HasSuffix(s, t) {
				return true
			}
		}
		s = trailingParen.ReplaceAllString(s, "")
	}
	return false
}

// findTitle returns the known title, else the title printed in the text, else one
// made from the file name.
func findTitle(d *doc, h Hint, f fields, info *Info) string {
	switch {
	case h.Title != "":
		return h.Title
	case f.title != "":
		return f.title
	case d.heading != "":
		return cleanTitle(d.heading)
	}
	if t := headTitle(d); t != "" {
		return t
	}
	if t := titleFromFileName(h.FileName); t != "" {
		if !firstLineIs(d, t) {
			// (A first line that reads as the file name is the title, if not a formal one.)
			info.warn("正文中未找到标题，标题取自文件名：" + t)
		}
		return t
	}
	if t := firstLineTitle(d); t != "" {
		info.warn("正文中未找到规范的标题，标题取自正文首行：" + t)
		return t
	}
	return ""
}

// outlineNumberRe starts an item of an outline: 一、 （一） 1. 1、
var outlineNumberRe = regexp.MustCompile(`^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|[0-9]+[.．、])`)

// firstLineTitle is the text's first line when it can stand as a title: short, not a
// sentence, a number or a date.
func firstLineTitle(d *doc) string {
	i := 0
	for i < len(d.lines) && i < 3 && isHeaderNoise(compact(d.lines[i].s)) {
		i++ // the issuer above it (某县人力资源和社会保障局), a date
	}
	if i == len(d.lines) || d.isNumberLine(i) {
		return ""
	}
	c := compact(d.lines[i].s)
	if n := runeLen(c); n < 4 || n > 60 || strings.ContainsAny(c, "。；;，,") {
		return ""
	}
	if _, ok := parseDateLine(c); ok || strings.HasPrefix(c, "第") || outlineNumberRe.MatchString(c) {
		return ""
	}
	return cleanTitle(c)
}

// firstLineIs reports whether the text's first line with words reads s.
func firstLineIs(d *doc, s string) bool {
	for _, l := range d.lines {
		if strings.TrimSpace(l.s) != "" {
			return compact(l.s) == compact(s)
		}
	}
	return false
}

// headTitle finds the title in the red header: a line starting with 关于 (or with a
// body then 关于) continued over the following lines until it ends like a title
// (关于印发 2024-2026 年海南省农机 / 购置与应用补贴实施方案的通知), or short lines
// ending like a title. A judicial interpretation's heading starts on a line of its own
// with the court (最高人民法院 / 关于审理…若干问题的解释).
func headTitle(d *doc) string {
	for i := 0; i < d.head; i++ {
		c := compact(d.lines[i].s)
		k := strings.Index(c, "关于")
		if k < 0 || k > 0 && !bodyPrefix(c[:k]) {
			continue
		}
		t, ok := joinTitle(d, i)
		if !ok {
			continue
		}
		if k == 0 && i > 0 {
			if prev := d.lines[i-1].s; isCourt(compact(prev)) {
				t = cleanTitle(prev) + t // 最高人民法院 最高人民检察院 keep their space
			}
		}
		return t
	}
	// No 关于: a title such as 抚顺县2022年政务公开工作要点 or 某某市某某管理办法.
	for i := 0; i < d.head; i++ {
		c := compact(d.lines[i].s)
		if d.isNumberLine(i) || isHeaderNoise(c) {
			continue
		}
		if t, ok := joinTitle(d, i); ok {
			return t
		}
		return ""
	}
	return ""
}

// joinTitle joins lines from i until the text ends like a title, over at most four lines.
func joinTitle(d *doc, i int) (string, bool) {
	var b strings.Builder
	for k := i; k < len(d.lines) && k < i+4; k++ {
		c := compact(d.lines[k].s)
		if k > i && (d.isNumberLine(k) || isHeaderNoise(c) || strings.HasPrefix(c, "关于")) {
			return "", false
		}
		if c == "目录" {
			return "", false // the heading of a table of contents, not a title's last word
		}
		if strings.ContainsAny(c, "。；：:") || runeLen(c) > 60 {
			return "", false
		}
		b.WriteString(c)
		if runeLen(b.String()) > 100 {
			return "", false
		}
		if endsWithDocType(b.String()) {
			return cleanTitle(b.String()), true
		}
	}
	return "", false
}

// isHeaderNoise is a red-header line that is not part of a title.
func isHeaderNoise(c string) bool {
	if strings.HasSuffix(c, "文件") || strings.HasPrefix(c, "签发人") || strings.HasPrefix(c, "（此件") {
		return true
	}
	if _, ok := parseDateLine(c); ok {
		return true
	}
	return bodiesOfLine(c) != nil
}

func bodyPrefix(s string) bool {
	for _, b := range splitBodies(s) {
		if !isBodyName(b) {
			return false
		}
	}
	return true
}

func isCourt(s string) bool {
	s = strings.ReplaceAll(s, "、", "")
	return s == "最高人民法院" || s == "最高人民检察院" || s == "最高人民法院最高人民检察院"
}

// cleanTitle removes the spaces a layout puts inside a title (关于印发 2024-2026 年…)
// but keeps one between joint issuers (最高人民法院 最高人民检察院关于…), and writes a
// nested title typed with <> as 《》 (关于印发<2024—2026 年农机购置与应用补贴实施意见>的通知).
func cleanTitle(s string) string {
	s = strings.NewReplacer("<", "《", ">", "》").Replace(s)
	var b strings.Builder
	for i, f := range strings.FieldsFunc(s, isBlank) {
		if i > 0 && isBodyName(lastToken(b.String())) {
			b.WriteByte(' ')
		}
		b.WriteString(f)
	}
	return strings.ReplaceAll(b.String(), "\u200b", "")
}

// lastToken is the text after the last space or 、 of s.
func lastToken(s string) string {
	if i := strings.LastIndexAny(s, " 、"); i >= 0 {
		_, w := utf8.DecodeRuneInString(s[i:])
		return s[i+w:]
	}
	return s
}

// titleFromFileName strips the extension and a leading document number:
// 抚县政公领发〔2022〕3号-抚顺县2022年政务公开工作要点.txt → 抚顺县2022年政务公开工作要点.
func titleFromFileName(name string) string {
	name = filepath.Base(name)
	for {
		ext := filepath.Ext(name)
		if ext == "" || len(ext) > 6 || strings.ContainsAny(ext, "〕]号") {
			break
		}
		name = strings.TrimSuffix(name, ext)
	}
	name = strings.TrimSuffix(name, ".meta")
	if ms := docnum.FindAll(name); len(ms) > 0 && strings.TrimSpace(name[:ms[0].Start]) == "" {
		name = name[ms[0].End:]
	}
	name = strings.TrimFunc(name, func(r rune) bool {
		return isBlank(r) || strings.ContainsRune("-_—–：:、.（）()", r)
	})
	name = compact(name)
	for _, r := range name {
		if r >= 0x4E00 && r <= 0x9FFF {
			return name
		}
	}
	return ""
}

// fileNameNumber is the document number a file name starts with.
func fileNameNumber(name string) string {
	name = filepath.Base(name)
	if ms := docnum.FindAll(name); len(ms) > 0 && strings.TrimSpace(name[:ms[0].Start]) == "" {
		return ms[0].Number
	}
	return ""
}

// labelFromTitle reads a version label written in a title: …（2019年修订）.
var titleLabelRe = regexp.MustCompile(`[（(]((?:19|20)\d{2})年(修订|修正)[）)]`)

func labelFromTitle(t string) string {
	if m := titleLabelRe.FindStringSubmatch(t); m != nil {
		return m[1] + "年" + m[2]
	}
	return ""
}
