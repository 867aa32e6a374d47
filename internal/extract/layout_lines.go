package extract

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// layoutLine is one line of a page in reading order.
type layoutLine struct {
	text    string
	tabular bool    // has a gap wide enough to separate table cells or columns
	newPara bool    // starts a paragraph: indented, set apart, or in another type size
	size    float64 // type size of the line's first glyph; 0 when unknown
	x0, y   float64
	x1      float64 // right edge of the line's last glyph
	full    bool    // runs from the left margin or an indent to the right margin
	flush   bool    // starts at the left margin
}

// Gaps are measured in ems of the glyphs on either side.
const (
	spaceGap   = 0.3 // a word space in Latin text, a deliberate gap in Chinese text
	columnGap  = 2.0 // wider than any justification stretch: a table-cell or column gap
	baselineTo = 0.4 // glyphs whose baselines differ by less than this share a line
	dupeDist   = 0.2 // the same character drawn again within this distance is fake bold
)

// layoutPage turns a page's glyphs into lines: glyphs are grouped by direction, then by
// baseline, then ordered along the line, so the content stream's drawing order does not
// leak into the text. Diagonal text (watermarks) is dropped and counted.
func layoutPage(glyphs []glyph) (lines []layoutLine, diagonal int) {
	var groups [4][]glyph
	for _, g := range glyphs {
		if g.rot < 0 {
			if strings.TrimSpace(g.text) != "" {
				diagonal++
			}
			continue
		}
		groups[g.rot] = append(groups[g.rot], g)
	}
	order := []int{0, 1, 2, 3}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(len(groups[b]), len(groups[a])) })
	for _, r := range order {
		if len(groups[r]) > 0 {
			lines = append(lines, layoutGroup(groups[r])...)
		}
	}
	return lines, diagonal
}

func layoutGroup(gs []glyph) []layoutLine {
	slices.SortStableFunc(gs, func(a, b glyph) int {
		if c := cmp.Compare(b.y, a.y); c != 0 {
			return c
		}
		return cmp.Compare(a.x0, b.x0)
	})
	var out []layoutLine
	start := 0
	for i := 1; i <= len(gs); i++ {
		if i < len(gs) {
			top, g := gs[start], gs[i]
			if top.y-g.y <= baselineTo*math.Max(math.Min(top.size, g.size), 1) {
				continue
			}
		}
		if l, ok := buildLine(gs[start:i]); ok {
			out = append(out, l)
		}
		start = i
	}
	markParagraphs(out)
	return out
}

// markParagraphs finds where paragraphs start from what the page shows: a first-line
// indent of about two characters (the rule in Chinese official documents), more space
// above than between the lines of a paragraph, or a change of type size (a title
// above body text).
func markParagraphs(lines []layoutLine) {
	margin := commonMargin(lines)
	pitch := commonPitch(lines)
	right := commonRight(lines)
	for i := range lines {
		l := &lines[i]
		if l.size <= 0 {
			continue
		}
		// Half an em of slack: a closing mark hangs into the margin or is set narrow.
		l.flush = math.Abs(l.x0-margin) < 0.5*l.size
		l.full = right > 0 && !l.tabular && l.x1 >= right-0.5*l.size && l.x0 <= margin+4.5*l.size
		if indent := (l.x0 - margin) / l.size; indent >= 1.5 && indent <= 4.5 {
			l.newPara = true
		}
		if i == 0 {
			continue
		}
		prev := lines[i-1]
		if prev.size > 0 && math.Abs(prev.size-l.size) > 0.15*math.Max(prev.size, l.size) {
			l.newPara = true
		}
		if pitch > 0 && prev.y-l.y > 1.6*pitch {
			l.newPara = true
		}
	}
}

// commonMargin is the left edge most lines start at, to a point.
func commonMargin(lines []layoutLine) float64 {
	counts := map[int]int{}
	best, bestN := 0, 0
	for _, l := range lines {
		k := int(math.Round(l.x0))
		counts[k]++
		if n := counts[k]; n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	return float64(best)
}

// commonRight is the right edge of the text column: the edge most lines end at, to a
// point, when at least three lines share it and none but a hanging mark reaches much
// further (the same ending of a column of short lines is no margin). It is 0 when the
// page shows no such edge.
func commonRight(lines []layoutLine) float64 {
	counts := map[int]int{}
	best, bestN := 0, 0
	furthest := 0.0
	for _, l := range lines {
		if l.tabular {
			continue
		}
		k := int(math.Round(l.x1))
		counts[k]++
		if n := counts[k]; n > bestN || n == bestN && k > best {
			best, bestN = k, n
		}
		furthest = math.Max(furthest, l.x1-1.5*l.size)
	}
	if bestN < 3 || float64(best) < furthest {
		return 0
	}
	return float64(best)
}

// commonPitch is the most frequent distance between consecutive baselines of lines
// in the same type size, to half a point.
func commonPitch(lines []layoutLine) float64 {
	counts := map[int]int{}
	best, bestN := 0, 0
	for i := 1; i < len(lines); i++ {
		a, b := lines[i-1], lines[i]
		if a.size != b.size || a.y <= b.y {
			continue
		}
		k := int(math.Round((a.y - b.y) * 2))
		counts[k]++
		if n := counts[k]; n > bestN || n == bestN && k < best {
			best, bestN = k, n
		}
	}
	if bestN < 2 {
		return 0
	}
	return float64(best) / 2
}

func buildLine(gs []glyph) (layoutLine, bool) {
	slices.SortStableFunc(gs, func(a, b glyph) int { return cmp.Compare(a.x0, b.x0) })
	var b strings.Builder
	var l layoutLine
	var prev *glyph
	pendingSpace := false
	for i := range gs {
		g := &gs[i]
		if strings.TrimSpace(g.text) == "" {
			pendingSpace = b.Len() > 0
			continue
		}
		if prev != nil {
			em := math.Max((prev.size+g.size)/2, 1)
			gap := g.x0 - prev.x1
			if g.text == prev.text && math.Abs(g.x0-prev.x0) < dupeDist*em && math.Abs(g.y-prev.y) < dupeDist*em {
				continue
			}
			switch {
			case gap > columnGap*em:
				b.WriteByte('\t')
				l.tabular = true
			case gap > spaceGap*em || pendingSpace:
				b.WriteByte(' ')
			}
		}
		pendingSpace = false
		b.WriteString(g.text)
		prev = g
		l.x1 = math.Max(l.x1, g.x1)
	}
	l.text = strings.TrimSpace(b.String())
	for _, g := range gs {
		if strings.TrimSpace(g.text) != "" {
			l.size, l.x0, l.y = math.Round(g.size*10)/10, g.x0, g.y
			break
		}
	}
	return l, l.text != ""
}
