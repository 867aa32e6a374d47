package extract

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
)

// fallbackKind is how codes become text when the font has no ToUnicode entry for them.
type fallbackKind uint8

const (
	fbTable   fallbackKind = iota // simple font: a 256-entry table from its encoding
	fbNone                        // CIDs with no Unicode meaning (Identity without ToUnicode)
	fbUCS2                        // UniGB-UCS2-H and friends: codes are UTF-16
	fbGB18030                     // GB-EUC-H, GBK-EUC-H, GBK2K-H: codes are GB bytes
	fbBig5                        // B5pc-H, ETen-B5-H: codes are Big5 bytes
)

// pdfFont is what the text extractor needs of a font: how to cut a string into
// codes, what each code reads as, and how far it advances.
type pdfFont struct {
	simple   bool
	spaces   []codeSpace // code space of a composite font; nil means two bytes per code
	toUni    *cmapData
	encCMap  *cmapData // embedded encoding CMap (code → CID)
	fallback fallbackKind
	table    [256]rune
	widths   map[uint32]float64 // code (simple) or CID (composite) → width in glyph units
	dw       float64            // default width
	scale    float64            // glyph units → text space (1/1000, or a Type3 FontMatrix)
	vertical bool
	cache    map[uint32]string
}

// fontCache shares parsed fonts between pages. Fonts are keyed by their dictionary's
// printed form, which names every indirect object it uses: two pages that call
// different fonts /F1 get different entries, the same font on every page gets one.
type fontCache map[string]*pdfFont

func (c fontCache) get(v pdf.Value) *pdfFont {
	key := v.String()
	if f, ok := c[key]; ok {
		return f
	}
	f := loadFont(v)
	c[key] = f
	return f
}

// streamBytes reads a stream's decoded data, at most limit bytes. The pdf package
// panics on filters it does not know; that is reported as an error. A stream that
// breaks off midway keeps what was decoded before the break.
func streamBytes(v pdf.Value, limit int64) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("unreadable stream: %v", p)
		}
	}()
	if v.Kind() != pdf.Stream {
		return nil, fmt.Errorf("not a stream")
	}
	rc := v.Reader()
	defer rc.Close()
	data, err = io.ReadAll(io.LimitReader(rc, limit))
	if err != nil && len(data) > 0 {
		err = nil
	}
	return data, err
}

const maxCMapBytes = 4 << 20

func loadFont(v pdf.Value) *pdfFont {
	f := &pdfFont{scale: 0.001, dw: 1000, widths: map[uint32]float64{}, cache: map[uint32]string{}}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data, err := streamBytes(tu, maxCMapBytes); err == nil {
			f.toUni = parseCMap(data)
		}
	}
	if v.Key("Subtype").Name() == "Type0" {
		f.loadComposite(v)
		return f
	}
	f.simple = true
	f.dw = 0
	if v.Key("Subtype").Name() == "Type3" {
		if m := v.Key("FontMatrix"); m.Len() >= 1 && m.Index(0).Float64() != 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	first := v.Key("FirstChar").Int64()
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		f.widths[uint32(first)+uint32(i)] = w.Index(i).Float64()
	}
	if mw := v.Key("FontDescriptor").Key("MissingWidth"); mw.Kind() != pdf.Null {
		f.dw = mw.Float64()
	}
	if w.Len() == 0 && f.dw == 0 {
		f.dw = 500 // standard 14 fonts come without widths; half an em is close for Latin text
	}
	f.loadSimpleEncoding(v)
	return f
}

func (f *pdfFont) loadComposite(v pdf.Value) {
	desc := v.Key("DescendantFonts").Index(0)
	if dw := desc.Key("DW"); dw.Kind() != pdf.Null {
		f.dw = dw.Float64()
	}
	parseCIDWidths(desc.Key("W"), f.widths)
	enc := v.Key("Encoding")
	f.fallback = fbNone
	switch enc.Kind() {
	case pdf.Name:
		name := enc.Name()
		f.vertical = strings.HasSuffix(name, "-V")
		switch {
		case strings.HasPrefix(name, "Identity"):
		case strings.Contains(name, "UCS2"), strings.Contains(name, "UTF16"):
			f.fallback = fbUCS2
		case strings.HasPrefix(name, "GB"):
			f.fallback = fbGB18030
			f.spaces = gbSpaces
		case strings.HasPrefix(name, "B5"), strings.HasPrefix(name, "ETen"), strings.HasPrefix(name, "HKscs"):
			f.fallback = fbBig5
			f.spaces = gbSpaces
		}
	case pdf.Stream:
		if data, err := streamBytes(enc, maxCMapBytes); err == nil {
			f.encCMap = parseCMap(data)
			f.spaces = f.encCMap.spaces
		}
		f.vertical = strings.HasSuffix(enc.Key("CMapName").Name(), "-V")
	}
	// Without an encoding's code space, a ToUnicode map's own says how codes are cut.
	if f.spaces == nil && f.fallback == fbNone && f.toUni != nil && !strings.HasPrefix(enc.Name(), "Identity") {
		f.spaces = f.toUni.spaces
	}
}

// gbSpaces is the code space of the GB and Big5 CMaps: ASCII bytes alone, lead bytes
// 0x81–0xFE with a trail byte (GBK2K's four-byte codes are cut as two pairs).
var gbSpaces = []codeSpace{
	{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
	{n: 2, lo: [4]byte{0x81, 0x30}, hi: [4]byte{0xFE, 0xFF}},
}

func parseCIDWidths(w pdf.Value, out map[uint32]float64) {
	const maxCIDs = 1 << 16
	for i := 0; i < w.Len() && len(out) < maxCIDs; {
		first := w.Index(i)
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			c := uint32(first.Int64())
			for k := 0; k < next.Len() && len(out) < maxCIDs; k++ {
				out[c+uint32(k)] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		lo, hi, width := first.Int64(), next.Int64(), w.Index(i+2).Float64()
		for c := lo; c <= hi && c-lo < maxCIDs && len(out) < maxCIDs; c++ {
			out[uint32(c)] = width
		}
		i += 3
	}
}

func (f *pdfFont) loadSimpleEncoding(v pdf.Value) {
	base := charmap.Windows1252 // WinAnsi; also close to Standard for the ASCII range
	enc := v.Key("Encoding")
	baseName := enc.Name()
	if enc.Kind() == pdf.Dict {
		baseName = enc.Key("BaseEncoding").Name()
	}
	if baseName == "MacRomanEncoding" {
		base = charmap.Macintosh
	}
	dec := base.NewDecoder()
	for i := 0; i < 256; i++ {
		s, err := dec.String(string([]byte{byte(i)}))
		r, _ := utf8.DecodeRuneInString(s)
		if err != nil || r == utf8.RuneError || r < 0x20 && i >= 0x20 {
			r = utf8.RuneError
		}
		f.table[i] = r
	}
	diffs := enc.Key("Differences")
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer, pdf.Real:
			code = int(d.Float64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				if r := glyphRune(d.Name()); r != 0 {
					f.table[code] = r
				} else {
					f.table[code] = utf8.RuneError
				}
			}
			code++
		}
	}
}

// next cuts the first code off s: its value, its byte length, and whether it is the
// single-byte space that word spacing applies to.
func (f *pdfFont) next(s string) (code uint32, n int) {
	switch {
	case f.simple:
		return uint32(s[0]), 1
	case f.spaces != nil:
		n = codeLen(f.spaces, s)
		if n == 0 {
			n = 1
		}
	default:
		n = 2
	}
	if n > len(s) {
		n = len(s)
	}
	return bytesToCode(s[:n]), n
}

// text is what one code reads as; U+FFFD marks a code with no known meaning so that
// garbled output can be measured.
func (f *pdfFont) text(code uint32, raw string) string {
	if s, ok := f.cache[code]; ok {
		return s
	}
	s := f.decode(code, raw)
	if len(f.cache) < 1<<16 {
		f.cache[code] = s
	}
	return s
}

func (f *pdfFont) decode(code uint32, raw string) string {
	if f.toUni != nil {
		if s, ok := f.toUni.lookup(code); ok {
			return s
		}
	}
	switch f.fallback {
	case fbTable:
		if f.simple {
			return string(f.table[code&0xFF])
		}
	case fbUCS2:
		return string(utf16Text(raw))
	case fbGB18030:
		return decodeLegacy(simplifiedchinese.GB18030, raw)
	case fbBig5:
		return decodeLegacy(traditionalchinese.Big5, raw)
	}
	return string(utf8.RuneError)
}

func decodeLegacy(e encoding.Encoding, raw string) string {
	s, err := e.NewDecoder().String(raw)
	if err != nil || s == "" {
		return string(utf8.RuneError)
	}
	return s
}

// width is the advance of a code in glyph units.
func (f *pdfFont) width(code uint32) float64 {
	key := code
	if !f.simple && f.encCMap != nil {
		if cid, ok := f.encCMap.cid(code); ok {
			key = cid
		}
	}
	if w, ok := f.widths[key]; ok {
		return w
	}
	if !f.simple && f.fallback == fbGB18030 && code < 0x80 {
		return f.dw / 2 // half-width ASCII in a GB CMap; its CID widths are unknown here
	}
	return f.dw
}
