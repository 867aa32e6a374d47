package extract

import (
	"math"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// ofdLine is one baseline's text with where it starts.
type ofdLine struct {
	text   string
	x, y   float64
	end    float64 // right end of the last glyph
	size   float64
	glyphs []ofdGlyph // left to right
}

var ofdPageNumber = regexp.MustCompile(`^[-—－–]\s*\d{1,4}\s*[-—－–]$`)

// ofdLines groups glyphs into lines by baseline and orders each line left to right;
// a wide gap between glyphs (a form's columns, a signature block) becomes a space.
// An empty string marks a paragraph start that the layout shows and text alone
// would not: a vertical gap wider than the usual line pitch, a line indented
// from the left margin (the two-character indent of Chinese paragraphs, a
// signature or date set to the right), or a previous line ending short of the
// right edge. Page numbers (— 1 —) are dropped.
//
// A text that the producer broke into lines itself (one TextCode stepping back to the
// left edge, as form cells and text boxes are filled) is put together again, even
// when its next line shares a baseline with a cell to its left.
func ofdLines(glyphs []ofdGlyph) []string {
	if len(glyphs) == 0 {
		return nil
	}
	sorted := make([]ofdGlyph, len(glyphs))
	copy(sorted, glyphs)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].y < sorted[j].y })
	var lines []ofdLine
	start := 0
	for i := 1; i <= len(sorted); i++ {
		if i < len(sorted) {
			tol := 0.4 * math.Max(math.Min(sorted[start].size, sorted[i].size), 0.5)
			if sorted[i].y-sorted[start].y <= tol {
				continue
			}
		}
		if l := ofdLineText(sorted[start:i]); l.text != "" && !ofdPageNumber.MatchString(l.text) {
			lines = append(lines, l)
		}
		start = i
	}
	pitch := ofdLinePitch(lines)
	margin := ofdLeftMargin(lines)
	right := 0.0
	for _, l := range lines {
		right = math.Max(right, l.end)
	}
	var out []string
	// Where each TextCode's text has got to: the output line holding its last
	// character so far, and that character.
	type reach struct {
		out  int
		last ofdGlyph
	}
	texts := map[uint64]reach{}
	note := func(out int, gs []ofdGlyph) {
		for _, g := range gs {
			if r, ok := texts[g.code]; !ok || g.index > r.last.index {
				texts[g.code] = reach{out, g}
			}
		}
	}
lines:
	for i, l := range lines {
		if i > 0 {
			split := false
			for _, end := range []ofdGlyph{l.glyphs[0], l.glyphs[len(l.glyphs)-1]} {
				r, ok := texts[end.code]
				if !ok {
					continue
				}
				cont, rest, space := splitWrapped(r.last, l.glyphs)
				if len(cont) == 0 {
					continue
				}
				if space {
					out[r.out] += " "
				}
				out[r.out] += ofdLineText(cont).text
				note(r.out, cont)
				if len(rest) == 0 {
					continue lines
				}
				l, split = ofdLineText(rest), true
				break
			}
			prev := lines[i-1]
			gap := l.y - prev.y
			// A line stopping well short of the right edge ended its paragraph; what is
			// left of a line that went on with another text belongs to neither.
			if split || gap > 1.6*pitch || l.x > margin+1.5*l.size || prev.end < right-2*prev.size {
				out = append(out, "")
			}
		}
		out = append(out, l.text)
		note(len(out)-1, l.glyphs)
	}
	return out
}

// splitWrapped finds in a line (glyphs left to right) the characters that go on with
// the text whose last written character is tail: the next characters of tail's
// TextCode, spaces aside, in one run at the start or the end of the line. cont is
// that run, rest the other characters of the line; space is true when the text had
// a space at the break.
func splitWrapped(tail ofdGlyph, line []ofdGlyph) (cont, rest []ofdGlyph, space bool) {
	if tail.code == 0 {
		return nil, line, false
	}
	a, b := -1, -1
	for j, g := range line {
		if g.code != tail.code {
			continue
		}
		if a < 0 {
			a = j
		} else if j != b+1 || g.index <= line[b].index {
			return nil, line, false // not one run in reading order
		}
		b = j
	}
	if a < 0 || a > 0 && b < len(line)-1 {
		return nil, line, false
	}
	// Only spaces lie between the two characters: they are not kept as glyphs.
	d := line[a].index - tail.index
	if d < 1 || d > 2 {
		return nil, line, false
	}
	rest = append(append([]ofdGlyph(nil), line[:a]...), line[b+1:]...)
	return line[a : b+1], rest, d == 2
}

// ofdLinePitch is the median distance between consecutive baselines.
func ofdLinePitch(lines []ofdLine) float64 {
	var gaps []float64
	for i := 1; i < len(lines); i++ {
		if g := lines[i].y - lines[i-1].y; g > 0 {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		return math.Inf(1)
	}
	sort.Float64s(gaps)
	return gaps[(len(gaps)-1)/2]
}

// ofdLeftMargin is where full lines start: the leftmost start among lines of some
// length (a short indented line, a page number or a signature does not set it).
func ofdLeftMargin(lines []ofdLine) float64 {
	best, any := math.Inf(1), math.Inf(1)
	for _, l := range lines {
		any = math.Min(any, l.x)
		if utf8.RuneCountInString(l.text) >= 8 {
			best = math.Min(best, l.x)
		}
	}
	if math.IsInf(best, 1) {
		return any
	}
	return best
}

func ofdLineText(line []ofdGlyph) ofdLine {
	sort.SliceStable(line, func(i, j int) bool { return line[i].x < line[j].x })
	var b strings.Builder
	var prev *ofdGlyph
	for i := range line {
		g := &line[i]
		if prev != nil {
			// Some producers draw text twice, slightly offset, to fake bold.
			if g.r == prev.r && math.Abs(g.x-prev.x) < 0.3*g.size {
				continue
			}
			gap := g.x - (prev.x + prev.advance)
			if gap > 0.9*math.Max(g.size, prev.size) {
				b.WriteByte(' ')
			}
		}
		b.WriteRune(g.r)
		prev = g
	}
	last := line[len(line)-1]
	out := ofdLine{text: strings.TrimSpace(b.String()), x: line[0].x, y: line[0].y, end: last.x + last.advance, glyphs: line}
	for _, g := range line {
		out.size = math.Max(out.size, g.size)
	}
	return out
}
