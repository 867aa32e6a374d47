package diff

import "strings"

// alignByNumber pairs items of equal number (第X条 with 第X条, the preamble with the
// preamble) and places the unpaired ones where they stand, in the new text's order.
// Each pair is {old index, new index}, -1 for none.
func alignByNumber(a, b []item) [][2]int {
	inA := make(map[string]int, len(a))
	for i, it := range a {
		inA[it.key] = i
	}
	inB := make(map[string]bool, len(b))
	for _, it := range b {
		inB[it.key] = true
	}
	used := make([]bool, len(a))
	pairs := make([][2]int, 0, max(len(a), len(b)))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && used[i]:
			i++
		case j >= len(b):
			pairs = append(pairs, [2]int{i, -1})
			i++
		case i < len(a) && a[i].key == b[j].key:
			pairs = append(pairs, [2]int{i, j})
			used[i] = true
			i++
			j++
		case i < len(a) && !inB[a[i].key]:
			pairs = append(pairs, [2]int{i, -1})
			used[i] = true
			i++
		default:
			// b[j] comes first in the new text; its old partner, if any, may stand
			// further on (numbers out of order).
			if oi, ok := inA[b[j].key]; ok && !used[oi] {
				pairs = append(pairs, [2]int{oi, j})
				used[oi] = true
			} else {
				pairs = append(pairs, [2]int{-1, j})
			}
			j++
		}
	}
	return pairs
}

// alignByContent pairs items by their text: identical ones first (a shortest edit
// script over whole items), then, between those, similar ones in order.
func alignByContent(a, b []item) [][2]int {
	ids := map[string]int32{}
	id := func(items []item) []int32 {
		out := make([]int32, len(items))
		for i, it := range items {
			k := it.text.key
			v, ok := ids[k]
			if !ok {
				v = int32(len(ids))
				ids[k] = v
			}
			out[i] = v
		}
		return out
	}
	segs, ok := myers(id(a), id(b), unitBudget/max(1, len(a)+len(b)))
	if !ok {
		segs = []seg{{opDelete, 0, 0, len(a)}, {opInsert, 0, 0, len(b)}}
	}
	var pairs [][2]int
	var ga, gb []int // the current gap's unmatched items
	flush := func() {
		pairs = append(pairs, pairSimilar(a, b, ga, gb)...)
		ga, gb = ga[:0], gb[:0]
	}
	for _, s := range segs {
		switch s.kind {
		case opEqual:
			flush()
			for k := 0; k < s.n; k++ {
				pairs = append(pairs, [2]int{s.a0 + k, s.b0 + k})
			}
		case opDelete:
			for k := 0; k < s.n; k++ {
				ga = append(ga, s.a0+k)
			}
		case opInsert:
			for k := 0; k < s.n; k++ {
				gb = append(gb, s.b0+k)
			}
		}
	}
	flush()
	return pairs
}

// Similar items are paired when their character pairs agree this much (Dice).
const pairSimilarity = 0.5

// pairWindow bounds how far from its proportional place a partner is looked for,
// so a long gap costs O(n), not O(n²).
const pairWindow = 40

// pairable tells whether two items may be paired as one article amended: alike
// enough, or one nearly all found in the other; and how alike they are.
func pairable(a, b *normText) (float64, bool) {
	if len(a.norm) < 2 || len(b.norm) < 2 {
		s := similarity(a, b)
		return s, s >= pairSimilarity
	}
	pa, pb := a.bigrams(), b.bigrams()
	common := float64(commonPairs(pa, pb))
	s := 2 * common / float64(len(pa)+len(pb))
	return s, s >= pairSimilarity || min(len(a.norm), len(b.norm)) >= containedMin && common >= containedShare*float64(min(len(pa), len(pb)))
}

// pairCells bounds the table pairSimilar fills for one gap (old items × new items, a
// byte each); a larger gap is paired greedily.
const pairCells = 1 << 22

// pairSimilar pairs the old items ga with the new items gb, keeping their order, so
// that the similarities of the pairs add up to the most; the two items of a pair must
// be pairable, the old one within pairWindow of the new one's proportional place. Pairing each new item in turn with the most similar old one left would let an
// article take the old article that a later one carries nearly unchanged (会计法 2024
// merged two articles into one and kept the next), and would pair differently when the
// versions are swapped.
func pairSimilar(a, b []item, ga, gb []int) [][2]int {
	n, m := len(ga), len(gb)
	if n == 0 || m == 0 || n*m > pairCells {
		return pairGreedy(a, b, ga, gb)
	}
	const (
		skipOld = iota
		skipNew
		match
	)
	choice := make([]uint8, n*m) // choice[i*m+j]: how the best pairing of ga[:i+1], gb[:j+1] ends
	prev := make([]float64, m+1) // best totals for ga[:i], by number of new items
	cur := make([]float64, m+1)
	for i := 0; i < n; i++ {
		cur[0] = 0
		for j := 0; j < m; j++ {
			best, how := prev[j+1], uint8(skipOld)
			if cur[j] > best {
				best, how = cur[j], skipNew
			}
			// |i - j·n/m| ≤ pairWindow, scaled alike both ways round.
			if d := i*m - j*n; d >= -pairWindow*max(n, m) && d <= pairWindow*max(n, m) {
				if s, ok := pairable(&a[ga[i]].text, &b[gb[j]].text); ok && prev[j]+s > best {
					best, how = prev[j]+s, match
				}
			}
			cur[j+1] = best
			choice[i*m+j] = how
		}
		prev, cur = cur, prev
	}
	var matched [][2]int // positions in ga and gb, last first
	for i, j := n-1, m-1; i >= 0 && j >= 0; {
		switch choice[i*m+j] {
		case match:
			matched = append(matched, [2]int{i, j})
			i--
			j--
		case skipOld:
			i--
		default:
			j--
		}
	}
	// Between two pairs, the new items come first, then the old ones.
	pairs := make([][2]int, 0, n+m-len(matched))
	nextOld, nextNew := 0, 0
	for k := len(matched) - 1; k >= -1; k-- {
		endOld, endNew := n, m
		if k >= 0 {
			endOld, endNew = matched[k][0], matched[k][1]
		}
		for ; nextNew < endNew; nextNew++ {
			pairs = append(pairs, [2]int{-1, gb[nextNew]})
		}
		for ; nextOld < endOld; nextOld++ {
			pairs = append(pairs, [2]int{ga[nextOld], -1})
		}
		if k >= 0 {
			pairs = append(pairs, [2]int{ga[endOld], gb[endNew]})
			nextOld, nextNew = endOld+1, endNew+1
		}
	}
	return pairs
}

// pairGreedy pairs the old items ga with the new items gb, keeping their order, each
// new item with the most similar old one after the last paired.
func pairGreedy(a, b []item, ga, gb []int) [][2]int {
	var pairs [][2]int
	next := 0 // first unpaired position in ga
	for jj, j := range gb {
		best, bestSim := -1, 0.0
		centre := jj * len(ga) / max(1, len(gb))
		for ii := max(next, centre-pairWindow); ii < len(ga) && ii <= centre+pairWindow; ii++ {
			if s, ok := pairable(&a[ga[ii]].text, &b[j].text); ok && s >= bestSim {
				best, bestSim = ii, s
			}
		}
		if best < 0 {
			pairs = append(pairs, [2]int{-1, j})
			continue
		}
		for ; next < best; next++ {
			pairs = append(pairs, [2]int{ga[next], -1})
		}
		pairs = append(pairs, [2]int{ga[best], j})
		next = best + 1
	}
	for ; next < len(ga); next++ {
		pairs = append(pairs, [2]int{ga[next], -1})
	}
	return pairs
}

// Thresholds for telling that an article moved to another number with edits (its
// cross-references renumbered, a word changed): its text must be this similar to the
// old article and clearly more similar than to the old article of its own number.
const (
	moveSimilarity = 0.7
	moveMargin     = 0.15
	moveWindow     = 3
)

// noteMoves finds, for the rows aligned by number, new articles whose text is an old
// article of another number, and notes it on both rows without changing the
// alignment.
func noteMoves(a, b []item, pairs [][2]int, rows []Row) {
	oldByText := map[string][]int{}
	for i, it := range a {
		oldByText[it.text.key] = append(oldByText[it.text.key], i)
	}
	from := make([]int, len(b)) // from[j]: the old item new item j carries, or -1
	taken := make([]bool, len(a))
	for j := range from {
		from[j] = -1
	}
	for _, p := range pairs {
		if p[0] >= 0 && p[1] >= 0 && a[p[0]].text.key == b[p[1]].text.key {
			taken[p[0]] = true // unchanged where it stands: it went nowhere else
		}
	}
	// Identical texts first, where unambiguous.
	for _, p := range pairs {
		i, j := p[0], p[1]
		if j < 0 || i >= 0 && a[i].text.key == b[j].text.key {
			continue
		}
		if olds := oldByText[b[j].text.key]; len(olds) == 1 && !taken[olds[0]] && len(b[j].text.norm) > 0 {
			from[j] = olds[0]
			taken[olds[0]] = true
		}
	}
	// Then edited ones, near the old position the neighbours point to.
	shift := 0 // old index minus new index at the last known correspondence
	for _, p := range pairs {
		i, j := p[0], p[1]
		if j < 0 {
			continue
		}
		switch {
		case from[j] >= 0:
			shift = from[j] - j
			continue
		case i >= 0 && a[i].text.key == b[j].text.key:
			shift = i - j
			continue
		case len(b[j].text.norm) < 10:
			continue // too short to tell a move from a coincidence
		}
		own := 0.0
		if i >= 0 {
			own = similarity(&a[i].text, &b[j].text)
		}
		best, bestSim := -1, max(moveSimilarity, own+moveMargin)
		for c := j + shift - moveWindow; c <= j+shift+moveWindow; c++ {
			if c < 0 || c >= len(a) || c == i || taken[c] || a[c].art.Kind != b[j].art.Kind {
				continue
			}
			if s := similarity(&a[c].text, &b[j].text); s >= bestSim {
				best, bestSim = c, s
			}
		}
		if best >= 0 {
			from[j] = best
			taken[best] = true
			shift = best - j
		}
	}
	rowOfOld := map[int]int{}
	rowOfNew := map[int]int{}
	for r, p := range pairs {
		if p[0] >= 0 {
			rowOfOld[p[0]] = r
		}
		if p[1] >= 0 {
			rowOfNew[p[1]] = r
		}
	}
	for j, i := range from {
		if i < 0 || a[i].key == b[j].key {
			continue
		}
		rows[rowOfNew[j]].MovedFrom = a[i].label()
		rows[rowOfOld[i]].MovedTo = b[j].label()
	}
	for k := range rows {
		var parts []string
		if rows[k].MovedFrom != "" {
			parts = append(parts, "原"+rows[k].MovedFrom)
		}
		if rows[k].MovedTo != "" {
			parts = append(parts, "原文移至"+rows[k].MovedTo)
		}
		rows[k].Note = strings.Join(parts, "；")
	}
}

// movedBudget bounds the similarity comparisons pairMoved makes between the items
// left unpaired, so that a text rewritten throughout costs O(n), not O(n²).
const movedBudget = 200_000

// pairMoved pairs the items alignByContent left unpaired, an old with a new one of the
// same text, or of nearly the same text (at least moveSimilarity, each the other's
// most similar): an article moved elsewhere (将第二条移作第四条), edited or not, is set
// against its old text at its new place, not shown as one article removed and another
// added. The old item's own row goes, so the old items' order is no longer kept.
func pairMoved(a, b []item, pairs [][2]int) [][2]int {
	var gone, added []int // rows of old items only and of new items only
	for k, p := range pairs {
		switch {
		case p[1] < 0:
			gone = append(gone, k)
		case p[0] < 0:
			added = append(added, k)
		}
	}
	if len(gone) == 0 || len(added) == 0 {
		return pairs
	}
	partner := map[int]int{} // row of a new item → row of the old item it carries
	taken := map[int]bool{}  // rows of old items paired
	byText := map[string][]int{}
	for _, k := range gone {
		key := a[pairs[k][0]].text.key
		byText[key] = append(byText[key], k)
	}
	for _, k := range added {
		t := &b[pairs[k][1]].text
		if len(t.norm) == 0 {
			continue
		}
		if olds := byText[t.key]; len(olds) > 0 {
			partner[k], taken[olds[0]] = olds[0], true
			byText[t.key] = olds[1:]
		}
	}
	var olds, news []int // rows still unpaired, of texts long enough to tell
	for _, k := range gone {
		if !taken[k] && len(a[pairs[k][0]].text.norm) >= 10 {
			olds = append(olds, k)
		}
	}
	for _, k := range added {
		if _, ok := partner[k]; !ok && len(b[pairs[k][1]].text.norm) >= 10 {
			news = append(news, k)
		}
	}
	if len(olds) > 0 && len(news) > 0 && len(olds)*len(news) <= movedBudget {
		// Each old item's and each new item's most similar counterpart.
		bestNew := make([]int, len(olds))
		bestOld := make([]int, len(news))
		simNew := make([]float64, len(olds))
		simOld := make([]float64, len(news))
		for x := range bestNew {
			bestNew[x] = -1
		}
		for y := range bestOld {
			bestOld[y] = -1
		}
		for x, ko := range olds {
			at := &a[pairs[ko][0]].text
			for y, kn := range news {
				bt := &b[pairs[kn][1]].text
				if la, lb := len(at.norm), len(bt.norm); 2*float64(min(la, lb)) < moveSimilarity*float64(la+lb) {
					continue // too different in length to be moveSimilarity alike
				}
				s := similarity(at, bt)
				if s > simNew[x] {
					bestNew[x], simNew[x] = y, s
				}
				if s > simOld[y] {
					bestOld[y], simOld[y] = x, s
				}
			}
		}
		for y, x := range bestOld {
			if x >= 0 && simOld[y] >= moveSimilarity && bestNew[x] == y {
				partner[news[y]], taken[olds[x]] = olds[x], true
			}
		}
	}
	if len(partner) == 0 {
		return pairs
	}
	out := make([][2]int, 0, len(pairs)-len(partner))
	for k, p := range pairs {
		switch {
		case taken[k]:
			continue
		case p[0] < 0:
			if o, ok := partner[k]; ok {
				p[0] = pairs[o][0]
			}
		}
		out = append(out, p)
	}
	return out
}
