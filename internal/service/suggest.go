package service

import (
	"sort"
	"sync"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/textnorm"
)

// titleGrams is an index of the works' titles by character pairs, for suggesting the
// document a mistyped line meant (中华人民共和国劳动合同发). Built on first use.
type titleGrams struct {
	once  sync.Once
	ids   []string
	grams map[string][]int32
	n     []int // pairs in each title
}

func pairs(s string) []string {
	rs := []rune(textnorm.ShortTitle(textnorm.TitleKey(s))) // 中华人民共和国 is no part of the difference
	out := make([]string, 0, len(rs))
	seen := make(map[string]bool, len(rs))
	for i := 0; i+1 < len(rs); i++ {
		if p := string(rs[i : i+2]); !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// titleIndex is the index of the titles the viewer may see: the public's holds public
// works only, so that what it suggests is what a library without the restricted
// documents would.
func (st *State) titleIndex(who Viewer) *titleGrams {
	g := &st.grams[0]
	if who.Staff {
		g = &st.grams[1]
	}
	g.once.Do(func() {
		g.grams = map[string][]int32{}
		for _, id := range st.Catalog.WorkIDs() {
			if _, ok := st.visibleWork(id, who); !ok {
				continue
			}
			ps := pairs(st.Catalog.Works[id].Title)
			g.ids = append(g.ids, id)
			g.n = append(g.n, len(ps))
			for _, p := range ps {
				g.grams[p] = append(g.grams[p], int32(len(g.ids)-1))
			}
		}
	})
	return g
}

// suggest lists up to three documents the viewer may see whose titles share most of
// the line's character pairs (at least half of both, by the Dice coefficient): what a
// line that matched nothing may have meant. Pairs found in more than a tenth of the
// titles (中华, 人民) are passed over, which keeps the count cheap at any size.
func (st *State) suggest(item string, d model.Date, who Viewer) []WorkRef {
	g := st.titleIndex(who)
	ps := pairs(titleOf(item))
	if len(ps) < 2 {
		return nil
	}
	common := max(len(g.ids)/10, 50)
	shared := map[int32]int{}
	for _, p := range ps {
		if posts := g.grams[p]; len(posts) <= common {
			for _, i := range posts {
				shared[i]++
			}
		}
	}
	type cand struct {
		i     int32
		score float64
	}
	var cs []cand
	for i, k := range shared {
		// Most of the title in the line (Dice ≥ 0.5), or the line within the title: a
		// short title (门诊慢特病管理办法 for 清溪县门诊慢特病管理办法).
		s := 2 * float64(k) / float64(len(ps)+g.n[i])
		if s >= 0.5 || len(ps) >= 4 && float64(k) >= 0.9*float64(len(ps)) {
			cs = append(cs, cand{i, s})
		}
	}
	sort.Slice(cs, func(a, b int) bool {
		if cs[a].score != cs[b].score {
			return cs[a].score > cs[b].score
		}
		return g.ids[cs[a].i] < g.ids[cs[b].i]
	})
	var out []WorkRef
	for _, c := range cs {
		if len(out) == 3 {
			break
		}
		if ref, ok := st.ref(g.ids[c.i], d, who); ok {
			ref.StatusReason = "" // a candidate, not an answer: its status is enough
			out = append(out, ref)
		}
	}
	return out
}
