package extract

import (
	"bytes"
	"context"
	"encoding/xml"
	"path"
	"strings"
)

func init() { register("docx", readDOCX) }

// readDOCX reads the main story of a Word 2007+ document: paragraphs in order with
// their automatic numbers, tables one row per line, text boxes; headers, footers,
// footnotes and comments are separate parts and are left out.
func readDOCX(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if isCompoundFile(data) {
		// Password-protected DOCX files are compound files holding an EncryptedPackage;
		// a legacy .doc renamed to .docx is one too.
		return readCompoundAsDOCX(ctx, name, data, opt)
	}
	pkg, err := openZipPackage(data, opt)
	if err != nil {
		return nil, err
	}
	mainPart := pkg.relTarget("_rels/.rels", "", "/officeDocument", "word/document.xml")
	if !pkg.has(mainPart) {
		return nil, Errorf(ReasonCorrupt, "no main document part (%s)", mainPart)
	}
	relsPart := path.Join(path.Dir(mainPart), "_rels", path.Base(mainPart)+".rels")
	dir := path.Dir(mainPart)
	stylesPart := pkg.relTarget(relsPart, dir, "/styles", path.Join(dir, "styles.xml"))
	numberingPart := pkg.relTarget(relsPart, dir, "/numbering", path.Join(dir, "numbering.xml"))

	// Styles and numbering only add list numbers; a broken one costs the numbers, not the text.
	stylesXML, err := pkg.readOptional(stylesPart)
	if err != nil {
		return nil, err
	}
	numberingXML, err := pkg.readOptional(numberingPart)
	if err != nil {
		return nil, err
	}
	styles := parseDocxStyles(stylesXML)
	numbering := parseDocxNumbering(numberingXML, styles)

	doc, err := pkg.read(mainPart)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	text, warnings, err := walkDocxBody(doc, numbering, styles, opt.MaxTextBytes)
	if err != nil {
		return nil, err
	}
	res := &Result{Text: tidyExtracted(text), Extractor: "docx", Warnings: warnings}
	if core, err := pkg.readOptional("docProps/core.xml"); err == nil {
		res.Title = tidyExtracted(strings.TrimSpace(coreTitle(core)))
	}
	return res, nil
}

// readOptional returns nil for a missing part but still fails on a zip bomb.
func (p *zipPackage) readOptional(name string) ([]byte, error) {
	if !p.has(name) {
		return nil, nil
	}
	b, err := p.read(name)
	if err != nil && ReasonOf(err) == ReasonTooLarge {
		return nil, err
	}
	if err != nil {
		return nil, nil
	}
	return b, nil
}

// relTarget finds the target of the first relationship whose type ends with typ in
// a .rels part; base is the folder relative targets start from.
func (p *zipPackage) relTarget(relsPart, base, typ, fallback string) string {
	data, err := p.readOptional(relsPart)
	if err != nil || data == nil {
		return fallback
	}
	var rels struct {
		Rel []struct {
			Type       string `xml:"Type,attr"`
			Target     string `xml:"Target,attr"`
			TargetMode string `xml:"TargetMode,attr"`
		} `xml:"Relationship"`
	}
	if xml.Unmarshal(data, &rels) != nil {
		return fallback
	}
	for _, r := range rels.Rel {
		if strings.HasSuffix(r.Type, typ) && r.TargetMode != "External" && r.Target != "" {
			if strings.HasPrefix(r.Target, "/") {
				return strings.TrimPrefix(r.Target, "/")
			}
			return path.Join(base, r.Target)
		}
	}
	return fallback
}

func coreTitle(data []byte) string {
	var core struct {
		Title string `xml:"title"`
	}
	if xml.Unmarshal(data, &core) != nil {
		return ""
	}
	return core.Title
}

func isCompoundFile(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
}
