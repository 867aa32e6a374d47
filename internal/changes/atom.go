package changes

import (
	"encoding/xml"
	"io"
	"net/url"
	"strings"
	"time"
)

// Atom 1.0 (RFC 4287) elements, as much of them as the feed uses.
type atomFeed struct {
	XMLName  xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang     string      `xml:"xml:lang,attr"`
	ID       string      `xml:"id"`
	Title    string      `xml:"title"`
	Subtitle string      `xml:"subtitle,omitempty"`
	Updated  string      `xml:"updated"`
	Author   atomPerson  `xml:"author"`
	Links    []atomLink  `xml:"link"`
	Entries  []atomEntry `xml:"entry"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomEntry struct {
	ID         string         `xml:"id"`
	Title      string         `xml:"title"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Links      []atomLink     `xml:"link"`
	Categories []atomCategory `xml:"category"`
	Summary    atomText       `xml:"summary"`
}

// AtomOptions say where the feed lives.
type AtomOptions struct {
	Base  string // scheme://host of the service, for absolute links
	Self  string // the feed's own path and query
	Title string
	Now   time.Time // updated time of an empty feed
}

// WriteAtom writes the events as an Atom 1.0 feed, one entry per event.
func (f *Feed) WriteAtom(w io.Writer, events []Event, opt AtomOptions) error {
	updated := opt.Now
	if len(events) > 0 {
		updated = events[0].Time
	}
	feed := atomFeed{
		Lang: "zh-CN", ID: TagPrefix + "feed", Title: opt.Title,
		Subtitle: "文件新增、版本、关系与效力状态变化（" + f.Since.Chinese() + "至" + f.Until.Chinese() + "）",
		Updated:  stamp(updated), Author: atomPerson{Name: "规范库"},
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: opt.Base + opt.Self}, {Rel: "alternate", Type: "text/html", Href: opt.Base + "/"}},
	}
	for _, e := range events {
		page := opt.Base + "/works/" + url.PathEscape(e.WorkID)
		body := e.Summary
		if e.Reason != "" {
			body += "。" + e.Reason
		}
		if e.Evidence != "" && !strings.Contains(e.Reason, e.Evidence) {
			body += "（原文：“" + e.Evidence + "”）"
		}
		entry := atomEntry{
			ID: e.ID, Title: e.Summary, Updated: stamp(e.Time),
			Links:      []atomLink{{Rel: "alternate", Type: "text/html", Href: page}, {Rel: "related", Type: "application/json", Href: opt.Base + "/api/works/" + url.PathEscape(e.WorkID)}},
			Categories: []atomCategory{{Term: string(e.Kind), Label: e.KindName}},
			Summary:    atomText{Type: "text", Body: body},
		}
		if e.ToStatus != "" {
			entry.Categories = append(entry.Categories, atomCategory{Term: e.ToStatus})
		}
		feed.Entries = append(feed.Entries, entry)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(feed); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }
