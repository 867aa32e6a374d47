// Package meta reads metadata and relations from a document's text.
package meta

import "github.com/guifan/guifan/internal/model"

// Hint is what is already known about a document before its text is read.
type Hint struct {
	FileName      string
	Title         string
	PublishDate   model.Date
	EffectiveDate model.Date
	Level         model.Level
}

// Info is what the text says about the document.
type Info struct {
	Title             string
	DocNumber         string
	Authorities       []string
	PublishDate       model.Date
	EffectiveDate     model.Date
	EffectiveEvidence model.Evidence
	ExpiryDate        model.Date
	ExpiryEvidence    model.Evidence
	Registration      string
	IndexNumber       string
	Disclosure        model.Disclosure
	Kind              model.Kind
	Interprets        string
	Label             string
	Topics            []string
	Relations         []model.Relation
	Warnings          []string
}

// Extract is replaced by the real reader when the meta package lands.
func Extract(text string, h Hint) Info { return Info{} }
