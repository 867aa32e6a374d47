package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
)

// ofdGlyph is one character placed on the page, in millimetres, y growing downwards.
type ofdGlyph struct {
	r       rune
	x, y    float64 // origin on the baseline
	advance float64
	size    float64
	code    uint64 // the TextCode drawing it, unique in the process
	index   int    // its place in that TextCode's characters, spaces counted
}

// ofdCodes numbers TextCodes, so that lines cut from one text by its own line
// breaks (a negative DeltaX back to the left edge) can be put together again.
var ofdCodes atomic.Uint64

type ofdPageContent struct {
	glyphs    []ofdGlyph
	templates []string // TemplateIDs the page draws beneath itself
}

// ofdTextObject holds the attributes of the TextObject being read.
type ofdTextObject struct {
	bx, by     float64    // Boundary origin
	ctm        [6]float64 // a b c d e f
	hasCTM     bool
	size       float64
	lastX      float64
	lastY      float64
	textCodeOn bool
	code       ofdTextCode
}

type ofdTextCode struct {
	x, y       float64
	dx, dy     []float64
	hasX, hasY bool
	text       strings.Builder
}

// maxOFDGlyphs bounds one page: a real page holds a few thousand characters.
const maxOFDGlyphs = 1 << 20

// parseOFDContent reads the text objects of a page or template Content.xml,
// including those nested in PageBlocks. It returns what it read before any damage.
func parseOFDContent(data []byte) (ofdPageContent, error) {
	var page ofdPageContent
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var obj *ofdTextObject
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return page, nil
		}
		if err != nil {
			return page, Errorf(ReasonCorrupt, "content: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "Template":
				if id := xmlAttr(t, "TemplateID"); id != "" {
					page.templates = append(page.templates, id)
				}
			case "TextObject":
				obj = newOFDTextObject(t)
			case "TextCode":
				if obj != nil {
					obj.textCodeOn = true
					obj.code = ofdTextCode{}
					c := &obj.code
					c.x, c.hasX = ofdFloatAttr(t, "X")
					c.y, c.hasY = ofdFloatAttr(t, "Y")
					c.dx = parseDeltas(xmlAttr(t, "DeltaX"))
					c.dy = parseDeltas(xmlAttr(t, "DeltaY"))
				}
			}
		case xml.CharData:
			if obj != nil && obj.textCodeOn {
				obj.code.text.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "TextCode":
				if obj != nil && obj.textCodeOn {
					obj.textCodeOn = false
					if len(page.glyphs) < maxOFDGlyphs {
						page.glyphs = obj.place(page.glyphs)
					}
				}
			case "TextObject":
				obj = nil
			}
		}
	}
}

func newOFDTextObject(t xml.StartElement) *ofdTextObject {
	o := &ofdTextObject{ctm: [6]float64{1, 0, 0, 1, 0, 0}}
	if b := ofdFloats(xmlAttr(t, "Boundary")); len(b) >= 2 {
		o.bx, o.by = b[0], b[1]
	}
	if m := ofdFloats(xmlAttr(t, "CTM")); len(m) == 6 {
		copy(o.ctm[:], m)
		o.hasCTM = true
	}
	o.size, _ = ofdFloatAttr(t, "Size")
	if o.size <= 0 || math.IsNaN(o.size) || math.IsInf(o.size, 0) {
		o.size = 3.5 // about 10 pt, so a missing size still spaces glyphs sensibly
	}
	return o
}

// place positions each character of the finished TextCode: DeltaX/DeltaY give the
// step to the next character; missing steps repeat the last one (or the font size).
func (o *ofdTextObject) place(out []ofdGlyph) []ofdGlyph {
	c := &o.code
	x, y := o.lastX, o.lastY
	if c.hasX {
		x = c.x
	}
	if c.hasY {
		y = c.y
	}
	scale := 1.0
	if o.hasCTM {
		scale = math.Sqrt(math.Abs(o.ctm[0]*o.ctm[3] - o.ctm[1]*o.ctm[2]))
	}
	size := o.size * scale
	code := ofdCodes.Add(1)
	runes := []rune(c.text.String())
	for i, r := range runes {
		step := stepAt(c.dx, i, o.size, len(c.dy) == 0, r)
		gx := o.bx + o.ctm[0]*x + o.ctm[2]*y + o.ctm[4]
		gy := o.by + o.ctm[1]*x + o.ctm[3]*y + o.ctm[5]
		// A step back to the left edge (a line break inside the text) is no glyph's
		// width: the character is as wide as the type, half that for ASCII.
		width := step
		if step < 0 {
			width = o.size
			if r < 0x80 {
				width = o.size / 2
			}
		}
		if !unicode.IsSpace(r) && unicode.IsPrint(r) && ofdFinite(gx) && ofdFinite(gy) && len(out) < maxOFDGlyphs {
			out = append(out, ofdGlyph{r: r, x: gx, y: gy, advance: math.Abs(width * scale), size: size, code: code, index: i})
		}
		x += step
		if i < len(c.dy) {
			y += c.dy[i]
		}
	}
	o.lastX, o.lastY = x, y
	return out
}

func stepAt(d []float64, i int, size float64, horizontal bool, r rune) float64 {
	switch {
	case i < len(d):
		return d[i]
	case len(d) > 0:
		return d[len(d)-1]
	case !horizontal:
		return 0
	case r < 0x80:
		return size / 2
	}
	return size
}

func ofdFinite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }

func ofdFloatAttr(t xml.StartElement, name string) (float64, bool) {
	s := xmlAttr(t, name)
	if s == "" {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || !ofdFinite(v) {
		return 0, false
	}
	return v, true
}

func ofdFloats(s string) []float64 {
	var out []float64
	for _, f := range strings.Fields(s) {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil || !ofdFinite(v) {
			return nil
		}
		out = append(out, v)
	}
	return out
}

// parseDeltas expands DeltaX/DeltaY, where "g 3 5.57" means three steps of 5.57.
func parseDeltas(s string) []float64 {
	f := strings.Fields(s)
	var out []float64
	for i := 0; i < len(f); i++ {
		if f[i] == "g" && i+2 < len(f) {
			n, err1 := strconv.Atoi(f[i+1])
			v, err2 := strconv.ParseFloat(f[i+2], 64)
			if err1 == nil && err2 == nil && n > 0 && ofdFinite(v) {
				for k := 0; k < n && len(out) < 1<<16; k++ {
					out = append(out, v)
				}
			}
			i += 2
			continue
		}
		if v, err := strconv.ParseFloat(f[i], 64); err == nil && ofdFinite(v) {
			out = append(out, v)
		}
	}
	return out
}
