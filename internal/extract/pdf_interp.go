package extract

import (
	"math"

	"github.com/ledongthuc/pdf"
)

// glyph is one shown character in its line frame: x runs along the text direction and
// y across it (larger y is higher up), whatever the page's or the text's rotation.
type glyph struct {
	x0, x1, y float64
	size      float64
	text      string
	rot       int8 // quarter turns of the text direction; -1 for diagonal text
}

// matrix is a PDF affine matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m×n: first m, then n.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

type graphicsState struct {
	ctm                   matrix
	tc, tw, th, tl, trise float64
	tfs                   float64
	font                  *pdfFont
}

// pageLimits bound the work spent on one page of a hostile or broken file.
const (
	maxPageOps     = 4_000_000
	maxPageGlyphs  = 400_000
	maxFormDepth   = 8
	maxContentSize = 64 << 20
)

// interp runs the content streams of one page and collects its glyphs.
type interp struct {
	fonts    fontCache
	glyphs   []glyph
	unmapped int
	diagonal int
	ops      int
	bytes    int
	box      [4]float64 // media box, to drop text drawn off the page
	hasBox   bool
}

func (in *interp) run(content []byte, res pdf.Value, gs graphicsState, depth int) {
	in.bytes += len(content)
	if in.bytes > maxContentSize {
		return
	}
	lex := &psLexer{data: content}
	var args []operand
	var stack []graphicsState
	tm, tlm := identity, identity
	fontDict := res.Key("Font")
	byName := map[string]*pdfFont{} // resolving a font object on every Tf is slow
	num := func(i int) float64 {
		if i < len(args) {
			return args[i].num
		}
		return 0
	}
	for {
		v, op, ok := lex.next()
		if !ok {
			return
		}
		if op == "" {
			if len(args) < 16 {
				args = append(args, v)
			}
			continue
		}
		in.ops++
		if in.ops > maxPageOps || len(in.glyphs) > maxPageGlyphs {
			return
		}
		switch op {
		case "q":
			if len(stack) < 256 {
				stack = append(stack, gs)
			}
		case "Q":
			if n := len(stack); n > 0 {
				gs = stack[n-1]
				stack = stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				gs.ctm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}.mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tc":
			gs.tc = num(0)
		case "Tw":
			gs.tw = num(0)
		case "Tz":
			gs.th = num(0) / 100
		case "TL":
			gs.tl = num(0)
		case "Ts":
			gs.trise = num(0)
		case "Tf":
			if len(args) == 2 {
				gs.tfs = num(1)
				name := args[0].str
				f, seen := byName[name]
				if !seen {
					if fv := fontDict.Key(name); fv.Kind() == pdf.Dict {
						f = in.fonts.get(fv)
					}
					byName[name] = f
				}
				gs.font = f
			}
		case "Td", "TD":
			if op == "TD" {
				gs.tl = -num(1)
			}
			tlm = matrix{1, 0, 0, 1, num(0), num(1)}.mul(tlm)
			tm = tlm
		case "Tm":
			if len(args) == 6 {
				tlm = matrix{num(0), num(1), num(2), num(3), num(4), num(5)}
				tm = tlm
			}
		case "T*":
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
		case "Tj":
			if len(args) >= 1 {
				in.show(args[len(args)-1].str, &gs, &tm)
			}
		case "'", "\"":
			if op == "\"" && len(args) == 3 {
				gs.tw, gs.tc = num(0), num(1)
			}
			tlm = matrix{1, 0, 0, 1, 0, -gs.tl}.mul(tlm)
			tm = tlm
			if len(args) >= 1 {
				in.show(args[len(args)-1].str, &gs, &tm)
			}
		case "TJ":
			if len(args) >= 1 {
				for _, e := range args[len(args)-1].arr {
					switch e.kind {
					case opString:
						in.show(e.str, &gs, &tm)
					case opNumber:
						in.advance(-e.num/1000*gs.tfs, &gs, &tm)
					}
				}
			}
		case "Do":
			if len(args) >= 1 && depth < maxFormDepth {
				in.form(res.Key("XObject").Key(args[len(args)-1].str), res, gs, depth)
			}
		case "BI":
			lex.skipInlineImage()
		}
		args = args[:0]
	}
}

// form runs a Form XObject with its own resources (or its parent's) and matrix.
func (in *interp) form(x, parentRes pdf.Value, gs graphicsState, depth int) {
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	data, err := streamBytes(x, maxContentSize)
	if err != nil {
		return
	}
	res := x.Key("Resources")
	if res.Kind() != pdf.Dict {
		res = parentRes
	}
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		gs.ctm = fm.mul(gs.ctm)
	}
	in.run(data, res, gs, depth+1)
}

func (in *interp) advance(tx float64, gs *graphicsState, tm *matrix) {
	if gs.font != nil && gs.font.vertical {
		*tm = matrix{1, 0, 0, 1, 0, tx}.mul(*tm)
		return
	}
	*tm = matrix{1, 0, 0, 1, tx * gs.th, 0}.mul(*tm)
}

// show places each code of s, as the PDF text-showing operators do.
func (in *interp) show(s string, gs *graphicsState, tm *matrix) {
	f := gs.font
	if f == nil {
		// A string shown without a usable font: its bytes say nothing reliable.
		in.unmapped += len(s)
		return
	}
	for len(s) > 0 {
		code, n := f.next(s)
		raw := s[:n]
		s = s[n:]
		text := f.text(code, raw)
		w0 := f.width(code) * f.scale
		spacing := gs.tc
		if n == 1 && code == 32 {
			spacing += gs.tw
		}
		if f.vertical {
			in.place(text, 0, gs, tm)
			in.advance(-(w0*gs.tfs + spacing), gs, tm)
			continue
		}
		in.place(text, w0*gs.tfs*gs.th, gs, tm)
		*tm = matrix{1, 0, 0, 1, (w0*gs.tfs + spacing) * gs.th, 0}.mul(*tm)
	}
}

// place records one glyph whose ink runs width text-space units from the current point.
func (in *interp) place(text string, width float64, gs *graphicsState, tm *matrix) {
	if text == "" {
		return
	}
	if text == "\uFFFD" {
		in.unmapped++
	}
	m := tm.mul(gs.ctm)
	x0, y0 := m.apply(0, gs.trise)
	x1, y1 := m.apply(width, gs.trise)
	if in.hasBox {
		const slack = 5
		if x0 < in.box[0]-slack || x0 > in.box[2]+slack || y0 < in.box[1]-slack || y0 > in.box[3]+slack {
			return
		}
	}
	dx, dy := m[0], m[1] // the text direction
	if f := gs.font; f != nil && f.vertical {
		dx, dy = -m[2], -m[3]
	}
	ux, uy := m[2]*gs.tfs, m[3]*gs.tfs
	size := math.Hypot(ux, uy)
	if size == 0 {
		size = math.Abs(gs.tfs)
	}
	rot := quarterTurns(dx, dy)
	g := glyph{size: size, text: text, rot: rot}
	switch rot {
	case 0:
		g.x0, g.x1, g.y = x0, x1, y0
	case 1:
		g.x0, g.x1, g.y = y0, y1, -x0
	case 2:
		g.x0, g.x1, g.y = -x0, -x1, -y0
	case 3:
		g.x0, g.x1, g.y = -y0, -y1, x0
	default:
		g.x0, g.x1, g.y = x0, x1, y0
	}
	if g.x1 < g.x0 {
		g.x1 = g.x0
	}
	in.glyphs = append(in.glyphs, g)
}

// quarterTurns classifies a text direction as 0°, 90°, 180°, 270° or diagonal (-1).
func quarterTurns(dx, dy float64) int8 {
	if dx == 0 && dy == 0 {
		return 0
	}
	a := math.Atan2(dy, dx) * 180 / math.Pi
	for k, centre := range []float64{0, 90, 180, -90} {
		d := math.Abs(a - centre)
		if k == 2 {
			d = math.Min(d, math.Abs(a+180))
		}
		if d < 10 {
			return int8(k)
		}
	}
	return -1
}
