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
	var c Counts
	for _, w := range st.Catalog.Works {
		if !who.Staff && w.Disclosure == model.Restricted {
			continue
		}
		c.Works++
		c.Versions += len(w.VersionIDs)
	}
	return c
}
