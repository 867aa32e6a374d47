package diff

import (
	"slices"
	"strings"
)

// Span is a run of an article's text, marked when it differs from the other version.
type Span struct {
	Text    string `json:"text"`
	Changed bool   `json:"changed,omitempty"`
}

// Limits of the comparison. Myers' algorithm costs O((N+M)·D): an article is
// compared rune by rune while that stays under runeBudget steps, else sentence by
// sentence under unitBudget, else it is marked as wholly rewritten.
const (
	runeBudget = 20_000_000
	unitBudget = 50_000_000
	// Two texts sharing fewer character pairs than this (Dice coefficient) are
	// different articles, not an edited one: marking their few common characters
	// would only scatter marks.
	minSimilarity = 0.3
)

// markChanges compares two texts and returns them as spans with their differences
// marked. coarse says the marks are by sentence or by whole text, not by character.
func markChanges(a, b *normText) (as, bs []Span, coarse bool) {
	whole := []seg{{opDelete, 0, 0, len(a.norm)}, {opInsert, 0, 0, len(b.norm)}}
	segs := whole
	if similarity(a, b) >= minSimilarity || contained(a, b) {
		var ok bool
		if segs, ok = charDiff(a.norm, b.norm); !ok {
			coarse = true
			if segs, ok = sentenceDiff(a.norm, b.norm); !ok {
				segs = whole
			}
		}
		segs = cleanupSemantic(segs)
	}
	ca := make([]bool, len(a.norm))
	cb := make([]bool, len(b.norm))
	for _, s := range segs {
		switch s.kind {
		case opDelete:
			fill(ca, s.a0, s.n)
		case opInsert:
			fill(cb, s.b0, s.n)
		}
	}
	return spans(a, ca), spans(b, cb), coarse
}

func fill(flags []bool, from, n int) {
	for i := from; i < from+n; i++ {
		flags[i] = true
	}
}

func charDiff(a, b []rune) ([]seg, bool) {
	return myers(a, b, runeBudget/max(1, len(a)+len(b)))
}

// sentenceDiff compares by sentence (ending in 。;!? after folding) and expresses
// the result in runes.
func sentenceDiff(a, b []rune) ([]seg, bool) {
	ua, ub := sentences(a), sentences(b)
	ids := map[string]int32{}
	id := func(units [][2]int, text []rune) []int32 {
		out := make([]int32, len(units))
		for i, u := range units {
			s := string(text[u[0]:u[1]])
			v, ok := ids[s]
			if !ok {
				v = int32(len(ids))
				ids[s] = v
			}
			out[i] = v
		}
		return out
	}
	segs, ok := myers(id(ua, a), id(ub, b), unitBudget/max(1, len(ua)+len(ub)))
	if !ok {
		return nil, false
	}
	out := make([]seg, 0, len(segs))
	for _, s := range segs {
		r := seg{kind: s.kind}
		switch s.kind {
		case opEqual:
			r.a0, r.b0 = ua[s.a0][0], ub[s.b0][0]
			r.n = ua[s.a0+s.n-1][1] - r.a0
		case opDelete:
			r.a0 = ua[s.a0][0]
			r.n = ua[s.a0+s.n-1][1] - r.a0
		case opInsert:
			r.b0 = ub[s.b0][0]
			r.n = ub[s.b0+s.n-1][1] - r.b0
		}
		out = append(out, r)
	}
	return out, true
}

func sentences(t []rune) [][2]int {
	var units [][2]int
	start := 0
	for i, r := range t {
		if strings.ContainsRune("。;!?", r) {
			units = append(units, [2]int{start, i + 1})
			start = i + 1
		}
	}
	if start < len(t) {
		units = append(units, [2]int{start, len(t)})
	}
	return units
}

// cleanupSemantic absorbs short equal runs squeezed between changes into the changes,
// after diff-match-patch's semantic cleanup: a single character, or an equality
// shorter than the edits on both sides of it, is noise to a reader, so 规范 → 加范强
// shows as one change and no lone character is left unmarked between marks.
func cleanupSemantic(segs []seg) []seg {
	for changed := true; changed; {
		changed = false
		for i := 1; i+1 < len(segs); i++ {
			if segs[i].kind != opEqual {
				continue
			}
			d1, i1 := editsAround(segs, i, -1)
			d2, i2 := editsAround(segs, i, +1)
			n := segs[i].n
			if d1+i1 > 0 && d2+i2 > 0 && (n == 1 || n < max(d1, i1) && n < max(d2, i2)) {
				eq := segs[i]
				segs = slices.Replace(segs, i, i+1, seg{opDelete, eq.a0, eq.b0, n}, seg{opInsert, eq.a0, eq.b0, n})
				segs = normalizeSegs(segs)
				changed = true
				break
			}
		}
	}
	return segs
}

// editsAround sums the deleted and inserted lengths next to segs[i], up to the
// nearest equality in direction dir.
func editsAround(segs []seg, i, dir int) (del, ins int) {
	for j := i + dir; j >= 0 && j < len(segs) && segs[j].kind != opEqual; j += dir {
		if segs[j].kind == opDelete {
			del += segs[j].n
		} else {
			ins += segs[j].n
		}
	}
	return del, ins
}

// normalizeSegs regroups each run of edits between equalities as one deletion then
// one insertion, with contiguous offsets.
func normalizeSegs(segs []seg) []seg {
	out := make([]seg, 0, len(segs))
	for i := 0; i < len(segs); {
		if segs[i].kind == opEqual {
			out = append(out, segs[i])
			i++
			continue
		}
		var del, ins seg
		del.kind, ins.kind = opDelete, opInsert
		del.a0, ins.b0 = -1, -1
		for ; i < len(segs) && segs[i].kind != opEqual; i++ {
			s := segs[i]
			if s.kind == opDelete {
				if del.a0 < 0 {
					del.a0 = s.a0
				}
				del.n += s.n
			} else {
				if ins.b0 < 0 {
					ins.b0 = s.b0
				}
				ins.n += s.n
			}
		}
		if del.n > 0 {
			out = append(out, del)
		}
		if ins.n > 0 {
			out = append(out, ins)
		}
	}
	return out
}

// spans puts the marks of the compared runes back on the text as written. Dropped
// characters (spaces, line breaks) are marked when both neighbours are.
func spans(t *normText, changed []bool) []Span {
	if len(t.orig) == 0 {
		return nil
	}
	flags := make([]bool, len(t.orig))
	for k, c := range changed {
		flags[t.pos[k]] = c
	}
	k := 0 // next compared rune
	for i := range t.orig {
		for k < len(t.pos) && int(t.pos[k]) < i {
			k++
		}
		if k < len(t.pos) && int(t.pos[k]) == i {
			continue
		}
		flags[i] = k > 0 && k < len(t.pos) && changed[k-1] && changed[k]
	}
	var out []Span
	start := 0
	for i := 1; i <= len(t.orig); i++ {
		if i == len(t.orig) || flags[i] != flags[start] {
			out = append(out, Span{Text: string(t.orig[start:i]), Changed: flags[start]})
			start = i
		}
	}
	return out
}

// similarity is the Dice coefficient of the two texts' character pairs.
func similarity(a, b *normText) float64 {
	if len(a.norm) < 2 || len(b.norm) < 2 {
		if a.key == b.key {
			return 1
		}
		return 0
	}
	pa, pb := a.bigrams(), b.bigrams()
	return 2 * float64(commonPairs(pa, pb)) / float64(len(pa)+len(pb))
}

// Thresholds of contained.
const (
	containedMin   = 10  // characters of the shorter text
	containedShare = 0.8 // of its character pairs found in the longer one
)

// contained says whether the shorter of two texts is nearly all found in the longer
// one: an article kept whole and given new paragraphs, or cut down to a part of
// itself, is that article amended however much it grew or shrank, though its
// similarity falls with the length it gained or lost.
func contained(a, b *normText) bool {
	if min(len(a.norm), len(b.norm)) < containedMin {
		return false
	}
	pa, pb := a.bigrams(), b.bigrams()
	return float64(commonPairs(pa, pb)) >= containedShare*float64(min(len(pa), len(pb)))
}

// commonPairs counts the character pairs two sorted lists share.
func commonPairs(pa, pb []uint64) int {
	common := 0
	for i, j := 0, 0; i < len(pa) && j < len(pb); {
		switch {
		case pa[i] == pb[j]:
			common++
			i++
			j++
		case pa[i] < pb[j]:
			i++
		default:
			j++
		}
	}
	return common
}

func bigrams(t []rune) []uint64 {
	out := make([]uint64, len(t)-1)
	for i := range out {
		out[i] = uint64(t[i])<<32 | uint64(t[i+1])
	}
	slices.Sort(out)
	return out
}
