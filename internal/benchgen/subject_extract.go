package benchgen

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Subjects (主题) are the part of a real title that names what a document governs:
// 养犬管理 in 北京市养犬管理规定, 职业教育 in 北京市实施《中华人民共和国职业教育法》办法.
// Generated titles put them between a region, an issuing body and a document form.

var (
	parenSuffix   = regexp.MustCompile(`[（(][^（）()]*[）)]$`)
	implementOf   = regexp.MustCompile(`^实施《(.+)》(办法|细则|条例|若干规定)$`)
	subjectPrefix = []string{"中华人民共和国", "北京市", "上海市", "重庆市", "国务院关于", "国务院"}
	// Longest first, so 实施条例 goes before 条例.
	subjectSuffixes = []string{"实施条例", "实施细则", "实施办法", "暂行条例", "暂行规定", "暂行办法", "若干规定",
		"管理条例", "管理规定", "管理办法", "条例", "规定", "办法", "规则", "细则", "规程", "法"}
	// Words left in front of the form (暂行, 管理 …), stripped after it. Templates add
	// them back (管理条例, 监督管理办法), so a subject ending in one would give two
	// different works the same title: 计量监督+管理规定 and 计量+监督管理规定.
	subjectTrailers = []string{"暂行", "管理", "监督", "促进", "专项资金"}
	// A subject must read as a noun phrase; these mark procedural or amending titles.
	subjectRejects = []string{"关于", "的", "《", "》", "人民代表大会", "修正案", "宪法", "决定", "批准", "授权",
		"“", "”", "，", "、", "选举", "议事", "代表"}
)

// subjectOf returns the subject of a real title, or "" when the title does not give a
// usable one (procedural decisions, judicial interpretations, amendments).
func subjectOf(title string) string {
	s := strings.TrimSpace(title)
	for {
		t := parenSuffix.ReplaceAllString(s, "")
		if t == s {
			break
		}
		s = t
	}
	for _, p := range subjectPrefix {
		s = strings.TrimPrefix(s, p)
	}
	if m := implementOf.FindStringSubmatch(s); m != nil {
		return subjectOf(m[1])
	}
	before := s
	s = trimOne(s, subjectSuffixes)
	if strings.HasSuffix(before, "实施条例") || strings.HasSuffix(before, "实施细则") {
		s = trimOne(s, []string{"法"}) // 食品安全法实施条例 governs 食品安全
	}
	for t := trimOne(s, subjectTrailers); t != s; t = trimOne(s, subjectTrailers) {
		s = t
	}
	n := utf8.RuneCountInString(s)
	if n < 2 || n > 14 {
		return ""
	}
	for _, bad := range subjectRejects {
		if strings.Contains(s, bad) {
			return ""
		}
	}
	return s
}

// trimOne removes the first of suffixes that s ends with, keeping at least two runes.
func trimOne(s string, suffixes []string) string {
	for _, suf := range suffixes {
		if strings.HasSuffix(s, suf) && utf8.RuneCountInString(s) > utf8.RuneCountInString(suf)+1 {
			return strings.TrimSuffix(s, suf)
		}
	}
	return s
}
