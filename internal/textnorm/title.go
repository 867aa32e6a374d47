package textnorm

import (
	"regexp"
	"strings"
)

// versionSuffix matches a trailing version note such as （2018年修正） or (2019修订本),
// which names a version, not a different document.
var versionSuffix = regexp.MustCompile(`[（(]\d{4}年?(第[一二三四五六七八九十]+次)?(修正|修订|修改|修正本|修订本)[）)]$`)

// TitleKey is the key under which titles compare equal: no spaces, width folded,
// no book-title marks or quotes, no trailing version note, lower case.
func TitleKey(title string) string {
	s := Compact(FoldWidth(title))
	s = titleMarks.Replace(s)
	if strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")") {
		s = versionSuffix.ReplaceAllString(s, "")
	}
	s = titleParens.Replace(s)
	return strings.ToLower(s)
}

// Built once: a Replacer builds its lookup table on first use, which cost more than
// the replacing when it was made per call.
var (
	titleMarks = strings.NewReplacer("《", "", "》", "", "〈", "", "〉", "", "<", "", ">", "", "“", "", "”", "", "\"", "", "‘", "", "’", "",
		// 最高人民法院、最高人民检察院关于… is also written with a space between the issuers.
		"、", "")
	titleParens = strings.NewReplacer("（", "(", "）", ")")
)

// ShortTitle drops the 中华人民共和国 prefix laws carry, the form people write and search
// (公司法 for 中华人民共和国公司法).
func ShortTitle(title string) string {
	return strings.TrimPrefix(title, "中华人民共和国")
}
