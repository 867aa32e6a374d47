package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/meta"
	"github.com/guifan/guifan/internal/model"
)

// extracted is what `guifan extract -json` prints for a file.
type extracted struct {
	File          string           `json:"file"`
	Extractor     string           `json:"extractor"`
	Pages         int              `json:"pages,omitempty"`
	Title         string           `json:"title"`
	DocNumber     string           `json:"doc_number"`
	Authority     []string         `json:"authority"`
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
	Relations     []model.Relation `json:"relations"`
	Warnings      []string         `json:"warnings"`
	Text          string           `json:"text"`
}

func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the text and the extracted metadata as JSON")
	noExternal := fs.Bool("builtin", false, "use only the built-in readers (no pdftotext, no OCR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return errors.New("name at least one file")
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
	res, err := extract.File(ctx, path, extract.Options{NoExternal: noExternal})
	if err != nil {
		return err
	}
	if !asJSON {
		_, err := fmt.Fprintln(out, res.Text)
		return err
	}
	hint := meta.Hint{FileName: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))}
	if sc := sidecarOf(path); sc != nil {
		hint.Title, hint.PublishDate, hint.EffectiveDate, hint.Level = sc.Title, sc.PublishDate, sc.EffectiveDate, model.Level(sc.Level)
	}
	info := meta.Extract(res.Text, hint)
	title := info.Title
	if title == "" {
		title = res.Title
	}
	e := extracted{
		File: path, Extractor: res.Extractor, Pages: res.Pages, Title: title, DocNumber: info.DocNumber,
		Authority: nonNilStrings(info.Authorities), PublishDate: info.PublishDate, EffectiveDate: info.EffectiveDate,
		Effective: info.EffectiveEvidence, ExpiryDate: info.ExpiryDate, Expiry: info.ExpiryEvidence,
		Registration: info.Registration, Disclosure: info.Disclosure, Kind: info.Kind, Interprets: info.Interprets,
		Label: info.Label, Relations: info.Relations, Warnings: nonNilStrings(append(res.Warnings, info.Warnings...)), Text: res.Text,
	}
	if e.Relations == nil {
		e.Relations = []model.Relation{}
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(e)
}

func sidecarOf(path string) *library.Fields {
	for _, s := range []string{".meta.yaml", ".meta.yml", ".meta.json"} {
		if f, _, err := library.ReadSidecar(path + s); err == nil {
			return f
		}
	}
	return nil
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
