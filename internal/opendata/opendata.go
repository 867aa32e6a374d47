// Package opendata writes the public catalogue (目录) of works with their status as of
// a date, in forms other government sites can republish: CSV and JSON Lines. Only
// public works are ever listed, whoever asks, and reasons never quote restricted
// documents, so an export can be republished as it is.
package opendata

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/url"
	"strings"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/model"
)

// Row is one work of the catalogue.
type Row struct {
	WorkID        string     `json:"work_id"`
	Title         string     `json:"title"`
	DocNumber     string     `json:"doc_number"`
	Authority     []string   `json:"authority"`
	Level         string     `json:"level"`
	PublishDate   model.Date `json:"publish_date"`
	EffectiveDate model.Date `json:"effective_date"`
	ExpiryDate    model.Date `json:"expiry_date"`
	Status        string     `json:"status"`
	StatusReason  string     `json:"status_reason"`
	URL           string     `json:"url"`
}

// Columns are the CSV header, the JSON field names in order.
var Columns = []string{"work_id", "title", "doc_number", "authority", "level", "publish_date", "effective_date",
	"expiry_date", "status", "status_reason", "url"}

// Each calls fn with every public work, in work id order, as it stands on d. base is
// the scheme and host the url column points at.
func Each(c *catalog.Catalog, d model.Date, base string, fn func(Row) error) error {
	for _, id := range c.WorkIDs() {
		w := c.Works[id]
		if w.Disclosure == model.Restricted {
			continue
		}
		tl := c.Timeline(id).For(true)
		if len(tl.Spans) == 0 {
			continue
		}
		s := tl.Spans[tl.Current(d)].At(d)
		ver := tl.Work(d)
		r := Row{
			WorkID: w.ID, Title: w.Title, DocNumber: w.DocNumber, Authority: w.Authorities, Level: string(w.Level),
			PublishDate: s.PublishDate, EffectiveDate: s.From, ExpiryDate: s.Expiry, Status: string(ver.Status),
			StatusReason: ver.Reason, URL: base + "/works/" + url.PathEscape(w.ID),
		}
		if r.Authority == nil {
			r.Authority = []string{}
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return nil
}

// flushEvery rows the writers push what they have to the client.
const flushEvery = 256

// Flusher is what a streaming response offers (http.Flusher).
type Flusher interface{ Flush() }

// WriteCSV streams the catalogue as CSV (RFC 4180, UTF-8; with bom, a byte-order mark
// first so spreadsheet programs read it as UTF-8). Authorities are joined with 、.
func WriteCSV(w io.Writer, c *catalog.Catalog, d model.Date, base string, bom bool) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if bom {
		bw.WriteString("\uFEFF")
	}
	cw := csv.NewWriter(bw)
	if err := cw.Write(Columns); err != nil {
		return err
	}
	n := 0
	err := Each(c, d, base, func(r Row) error {
		if err := cw.Write([]string{r.WorkID, r.Title, r.DocNumber, strings.Join(r.Authority, "、"), r.Level,
			r.PublishDate.String(), r.EffectiveDate.String(), r.ExpiryDate.String(), r.Status, r.StatusReason, r.URL}); err != nil {
			return err
		}
		if n++; n%flushEvery == 0 {
			return flush(cw, bw, w)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush(cw, bw, w)
}

// WriteJSONL streams the catalogue as JSON Lines, one work per line.
func WriteJSONL(w io.Writer, c *catalog.Catalog, d model.Date, base string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	n := 0
	err := Each(c, d, base, func(r Row) error {
		if err := enc.Encode(r); err != nil {
			return err
		}
		if n++; n%flushEvery == 0 {
			return flush(nil, bw, w)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush(nil, bw, w)
}

func flush(cw *csv.Writer, bw *bufio.Writer, w io.Writer) error {
	if cw != nil {
		cw.Flush()
		if err := cw.Error(); err != nil {
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if f, ok := w.(Flusher); ok {
		f.Flush()
	}
	return nil
}
