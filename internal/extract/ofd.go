package extract

import (
	"context"
	"encoding/xml"
	"path"
	"strings"

	"github.com/guifan/guifan/internal/textnorm"
)

func init() { register("ofd", readOFD) }

// OFD (版式文档, GB/T 33190) is a zip package: OFD.xml names each document's
// Document.xml, which lists pages and templates; each page's Content.xml places
// text objects by coordinates, so text is rebuilt from positions as for PDF.

type ofdRoot struct {
	DocBody []struct {
		DocRoot string `xml:"DocRoot"`
		DocInfo struct {
			Title string `xml:"Title"`
		} `xml:"DocInfo"`
	} `xml:"DocBody"`
}

type ofdPageRef struct {
	ID      string `xml:"ID,attr"`
	BaseLoc string `xml:"BaseLoc,attr"`
}

type ofdDocument struct {
	CommonData struct {
		TemplatePage []ofdPageRef `xml:"TemplatePage"`
	} `xml:"CommonData"`
	Pages struct {
		Page []ofdPageRef `xml:"Page"`
	} `xml:"Pages"`
}

// maxOFDPages bounds the work a crafted page list can cause; each page is a part
// read under the decompression budget anyway.
const maxOFDPages = 20000

func readOFD(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	pkg, err := openZipPackage(data, opt)
	if err != nil {
		return nil, err
	}
	rootName := "OFD.xml"
	rootXML, err := pkg.read(rootName)
	if err != nil {
		if ReasonOf(err) == ReasonTooLarge {
			return nil, err
		}
		return nil, Errorf(ReasonCorrupt, "no OFD.xml: not an OFD package")
	}
	var root ofdRoot
	if err := xml.Unmarshal(rootXML, &root); err != nil {
		return nil, Errorf(ReasonCorrupt, "OFD.xml: %v", err)
	}
	if len(root.DocBody) == 0 {
		return nil, Errorf(ReasonCorrupt, "OFD.xml has no DocBody")
	}
	res := &Result{Extractor: "ofd"}
	var lines []string
	if len(root.DocBody) > 16 {
		return nil, Errorf(ReasonTooLarge, "%d documents in one package", len(root.DocBody))
	}
	for _, body := range root.DocBody {
		docPath := pkg.ofdResolve("", body.DocRoot, "")
		if res.Title == "" {
			res.Title = tidyExtracted(strings.TrimSpace(body.DocInfo.Title))
		}
		docLines, pages, warnings, err := pkg.ofdDocumentLines(ctx, docPath, opt.MaxTextBytes)
		if err != nil {
			return nil, err
		}
		res.Pages += pages
		res.Warnings = append(res.Warnings, warnings...)
		lines = append(lines, docLines...)
	}
	res.Text = tidyExtracted(textnorm.JoinLines(lines))
	return res, nil
}

func (p *zipPackage) ofdDocumentLines(ctx context.Context, docPath string, limit int64) (lines []string, pages int, warnings []string, err error) {
	docXML, err := p.read(docPath)
	if err != nil {
		return nil, 0, nil, err
	}
	var doc ofdDocument
	if err := xml.Unmarshal(docXML, &doc); err != nil {
		return nil, 0, nil, Errorf(ReasonCorrupt, "%s: %v", docPath, err)
	}
	if len(doc.Pages.Page) > maxOFDPages {
		return nil, 0, nil, Errorf(ReasonTooLarge, "%d pages, limit %d", len(doc.Pages.Page), maxOFDPages)
	}
	docDir := path.Dir(docPath)
	templates := map[string]string{}
	for _, t := range doc.CommonData.TemplatePage {
		templates[t.ID] = p.ofdResolve(docDir, t.BaseLoc, "")
	}
	templateGlyphs := map[string][]ofdGlyph{}
	var size int64
	for _, ref := range doc.Pages.Page {
		if err := ctx.Err(); err != nil {
			return nil, 0, nil, err
		}
		pagePath := p.ofdResolve(docDir, ref.BaseLoc, "Content.xml")
		content, err := p.read(pagePath)
		if err != nil {
			if ReasonOf(err) == ReasonTooLarge {
				return nil, 0, nil, err
			}
			warnings = append(warnings, "页面 "+ref.BaseLoc+" 缺失")
			continue
		}
		page, err := parseOFDContent(content)
		if err != nil {
			warnings = append(warnings, "页面 "+ref.BaseLoc+" 解析出错："+err.Error())
		}
		var glyphs []ofdGlyph
		// Templates lie beneath the page; a form's printed labels live there.
		for _, id := range page.templates {
			g, ok := templateGlyphs[id]
			if !ok {
				tplPath, known := templates[id]
				if known {
					if b, err := p.read(tplPath); err == nil {
						tpl, _ := parseOFDContent(b)
						g = tpl.glyphs
					} else if ReasonOf(err) == ReasonTooLarge {
						return nil, 0, nil, err
					}
				}
				templateGlyphs[id] = g
			}
			glyphs = append(glyphs, g...)
		}
		glyphs = append(glyphs, page.glyphs...)
		pages++
		if len(lines) > 0 {
			lines = append(lines, "")
		}
		for _, l := range ofdLines(glyphs) {
			// Templates repeat on every page, so output can outgrow the parts read.
			size += int64(len(l)) + 1
			lines = append(lines, l)
		}
		if size > limit {
			return nil, 0, nil, Errorf(ReasonTooLarge, "text exceeds %d bytes", limit)
		}
	}
	return lines, pages, warnings, nil
}

// ofdResolve finds a part named from another part. The standard makes locations
// relative to the referring file's folder or absolute from the package root;
// producers mix the two, so both are tried. A location naming a folder gets
// fileInDir appended.
func (p *zipPackage) ofdResolve(baseDir, loc, fileInDir string) string {
	loc = strings.TrimSpace(strings.ReplaceAll(loc, "\\", "/"))
	var candidates []string
	if strings.HasPrefix(loc, "/") {
		candidates = append(candidates, loc)
	} else {
		candidates = append(candidates, path.Join(baseDir, loc), loc)
	}
	for _, c := range candidates {
		if p.has(c) {
			return zipKey(c)
		}
		if fileInDir != "" && p.has(path.Join(c, fileInDir)) {
			return zipKey(path.Join(c, fileInDir))
		}
	}
	return zipKey(candidates[0])
}
