package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/ingest"
	"github.com/guifan/guifan/internal/model"
)

// extracted is what `guifan extract -json` prints for a file: what an ingest would
// record for it, its sidecar merged over what the text says.
type extracted struct {
	File          string           `json:"file"`
	Extractor     string           `json:"extractor"`
	Pages         int              `json:"pages,omitempty"`
	MetadataFile  string           `json:"metadata_file,omitempty"` // the sidecar read, if any
	FromMetadata  []string         `json:"from_metadata,omitempty"` // fields the sidecar set over the text
	Title         string           `json:"title"`
	DocNumber     string           `json:"doc_number"`
	Authority     []string         `json:"authority"`
	Level         model.Level      `json:"level,omitempty"`
	PublishDate   model.Date       `json:"publish_date"`
	EffectiveDate model.Date       `json:"effective_date"`
	Effective     model.Evidence   `json:"effective_evidence"`
	ExpiryDate    model.Date       `json:"expiry_date"`
	Expiry        model.Evidence   `json:"expiry_evidence"`
	Registration  string           `json:"registration_number,omitempty"`
	Disclosure    model.Disclosure `json:"disclosure,omitempty"`
	Kind          model.Kind       `json:"kind,omitempty"`
	Interprets    string           `json:"interprets,omitempty"`
	Label         string           `json:"label,omitempty"`
	SourceStatus  string           `json:"source_status,omitempty"` // the status the file or its metadata claims
	Relations     []model.Relation `json:"relations"`
	Warnings      []string         `json:"warnings"`
	Text          string           `json:"text"`
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract [-json] [-builtin] FILE…", stderr)
	asJSON := fs.Bool("json", false, "print the text and the extracted metadata as JSON")
	noExternal := fs.Bool("builtin", false, "use only the built-in readers (no pdftotext, no OCR)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return badUsage(fs, errors.New("name at least one file"))
	}
	var failed []string
	for _, path := range fs.Args() {
		if err := extractOne(ctx, path, *asJSON, *noExternal, stdout); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", path, err)
			failed = append(failed, path)
		}
	}
	if len(failed) > 0 {
		return fmt.Errorf("%d of %d files could not be read", len(failed), fs.NArg())
	}
	return nil
}

func extractOne(ctx context.Context, path string, asJSON, noExternal bool, out io.Writer) error {
	opt := extract.Options{NoExternal: noExternal}
	if !asJSON {
		res, err := extract.File(ctx, path, opt)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintln(out, res.Text)
		return err
	}
	res, r, sidecar, err := ingest.ReadFile(ctx, path, opt)
	if err != nil {
		return err
	}
	v := r.Version
	x := r.Explicit
	var from []string
	for _, f := range []struct {
		set  bool
		name string
	}{{x.Title, "title"}, {x.DocNumber, "doc_number"}, {x.Authority, "authority"}, {x.Level, "level"},
		{x.PublishDate, "publish_date"}, {x.EffectiveDate, "effective_date"}, {x.ExpiryDate, "expiry_date"}} {
		if f.set {
			from = append(from, f.name)
		}
	}
	e := extracted{
		File: path, Extractor: res.Extractor, Pages: res.Pages, MetadataFile: sidecar, FromMetadata: from,
		Title: v.Title, DocNumber: v.DocNumber, Authority: nonNilStrings(v.Authorities), Level: v.Level,
		PublishDate: v.PublishDate, EffectiveDate: v.EffectiveDate, Effective: v.EffectiveEvidence,
		ExpiryDate: v.ExpiryDate, Expiry: v.ExpiryEvidence, Registration: v.Registration, Disclosure: v.Disclosure,
		Kind: v.Kind, Interprets: v.Interprets, Label: v.Label, SourceStatus: v.SourceStatus, Relations: v.Relations,
		Warnings: nonNilStrings(v.Warnings), Text: res.Text,
	}
	if e.Relations == nil {
		e.Relations = []model.Relation{}
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(e)
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
