package article

import (
	"regexp"
	"strconv"
	"strings"
)

// provisionEntry is one [number, chapter] pair of a provisions list, written as JSON
// (["1", null]) or as a Python repr (['1', None]).
var provisionEntry = regexp.MustCompile(`\[\s*(?:'([^']*)'|"([^"]*)")\s*,\s*(?:None|null|-?\d+)\s*\]`)

// HeadingsFromProvisions turns a record's provisions (the national law database's
// article list, e.g. [['1', None], ['2', 0], …]; JSON or Python repr) into article
// headings 第一条, 第二条, … for a text whose blank-line-separated blocks are its
// articles without their numbers. It reports false unless the list lines up with the
// text: one entry per block, numbered 1, 2, 3 … where a repeated number is an inserted
// article (17, 17 → 第十七条, 第十七条之一).
func HeadingsFromProvisions(provisions string, blocks int) ([]string, bool) {
	matches := provisionEntry.FindAllStringSubmatchIndex(provisions, -1)
	if len(matches) == 0 || len(matches) != blocks {
		return nil, false
	}
	// Anything besides the entries and the list's brackets means the format is not
	// the one understood here.
	var rest strings.Builder
	last := 0
	for _, m := range matches {
		rest.WriteString(provisions[last:m[0]])
		last = m[1]
	}
	rest.WriteString(provisions[last:])
	if strings.Trim(rest.String(), "[], \t\r\n") != "" {
		return nil, false
	}
	headings := make([]string, 0, len(matches))
	lastSeq, lastSub := 0, 0
	for _, m := range matches {
		var key string
		if m[2] >= 0 {
			key = provisions[m[2]:m[3]] // 'single-quoted'
		} else {
			key = provisions[m[4]:m[5]] // "double-quoted"
		}
		seq, err := strconv.Atoi(strings.TrimSpace(key))
		if err != nil {
			return nil, false
		}
		sub := 0
		if seq == lastSeq {
			sub = lastSub + 1
		}
		if !continues(lastSeq, lastSub, seq, sub) {
			return nil, false
		}
		headings = append(headings, canonicalAnchor(seq, sub))
		lastSeq, lastSub = seq, sub
	}
	return headings, true
}
