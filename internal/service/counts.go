package service

import "github.com/guifan/guifan/internal/model"

// Counts is how many documents a viewer can see: the web pages' data-currency line
// (共 N 份文件 / N 个版本).
type Counts struct {
	Works    int `json:"works"`
	Versions int `json:"versions"`
}

// Counts counts the works and versions visible to who. Restricted documents are left
// out for the public: even their number is not theirs to see.
func (st *State) Counts(who Viewer) Counts {
	st.countsOnce.Do(func() {
		for _, w := range st.Catalog.Works {
			n := len(w.VersionIDs)
			st.counts[1].Works++
			st.counts[1].Versions += n
			if w.Disclosure != model.Restricted {
				st.counts[0].Works++
				st.counts[0].Versions += n
			}
		}
	})
	if who.Staff {
		return st.counts[1]
	}
	return st.counts[0]
}
