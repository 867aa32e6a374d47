package extract

import (
	"regexp"
	"strings"
)

var (
	mdComment    = regexp.MustCompile(`(?s)<!--.*?-->`)
	mdHeading    = regexp.MustCompile(`^\s{0,3}#{1,6}(\s+|$)`)
	mdHeadingEnd = regexp.MustCompile(`\s+#+\s*$`)
	mdImage      = regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`)
	mdLink       = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	mdRefLink    = regexp.MustCompile(`\[([^\]]+)\]\[[^\]]*\]`)
	mdLinkDef    = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s+\S+`)
	mdAutoLink   = regexp.MustCompile(`<((?:https?|ftp|mailto):[^<>\s]+)>`)
	mdStrong     = regexp.MustCompile(`(\*\*|__)([^*_\n]+?)(\*\*|__)`)
	mdEmphasis   = regexp.MustCompile(`(^|[^*\w])\*([^*\s][^*\n]*?)\*`)
	mdStrike     = regexp.MustCompile(`~~([^~\n]+)~~`)
	mdCode       = regexp.MustCompile("`([^`\n]+)`")
	mdBullet     = regexp.MustCompile(`^\s*[-*+]\s+`)
	mdQuote      = regexp.MustCompile(`^\s{0,3}(>\s?)+`)
	mdRule       = regexp.MustCompile(`^\s{0,3}([-*_])(\s*([-*_])){2,}\s*$`)
	mdTableSep   = regexp.MustCompile(`^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$`)
	// Only tags with Latin names: law texts write titles inside <> too, as in
	// 《关于修改<中华人民共和国检察官法>的决定》, and those must stay.
	mdTag = regexp.MustCompile(`</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>`)
)

// stripMarkdown removes Markdown syntax and keeps the words: heading marks,
// emphasis, link targets, HTML comments (LawRefBook's <!-- INFO END -->), code fences.
func stripMarkdown(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = mdComment.ReplaceAllString(s, "")
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "```"), strings.HasPrefix(trimmed, "~~~"):
			continue
		case mdLinkDef.MatchString(line), mdRule.MatchString(line), mdTableSep.MatchString(line) && strings.Contains(line, "-"):
			continue
		}
		line = mdQuote.ReplaceAllString(line, "")
		if mdHeading.MatchString(line) {
			line = mdHeading.ReplaceAllString(line, "")
			line = mdHeadingEnd.ReplaceAllString(line, "")
		}
		line = mdBullet.ReplaceAllString(line, "")
		if strings.HasPrefix(strings.TrimSpace(line), "|") {
			line = markdownTableRow(line)
		}
		line = mdImage.ReplaceAllString(line, "$1")
		line = mdLink.ReplaceAllString(line, "$1")
		line = mdRefLink.ReplaceAllString(line, "$1")
		line = mdAutoLink.ReplaceAllString(line, "$1")
		line = mdStrong.ReplaceAllString(line, "$2")
		line = mdEmphasis.ReplaceAllString(line, "$1$2")
		line = mdStrike.ReplaceAllString(line, "$1")
		line = mdCode.ReplaceAllString(line, "$1")
		line = mdTag.ReplaceAllString(line, "")
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

func markdownTableRow(line string) string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	line = strings.TrimSuffix(line, "|")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return strings.Join(cells, docxCellSep)
}
