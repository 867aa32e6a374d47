package extract

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// docxCellSep separates table cells on a row's line. Two spaces rather than a tab:
// textnorm.Clean turns tabs into single spaces, which would blur cell borders.
const docxCellSep = "  "

// docxPara is an open w:p; text boxes nest paragraphs inside paragraphs.
type docxPara struct {
	text    strings.Builder
	style   string
	numID   string
	ilvl    int
	hasNum  bool
	hasIlvl bool
}

// docxBlock collects finished lines: the body, or one table cell.
type docxBlock struct {
	lines []string
	rows  bool // the last line added was a table row
}

type docxTable struct {
	cells []string
}

type docxWalker struct {
	numbering  *docxNumbering
	styles     *docxStyles
	stack      []string // local names of open elements
	paras      []*docxPara
	blocks     []*docxBlock
	tables     []*docxTable
	skip       int  // depth inside a subtree that is not text (mc:Fallback duplicates)
	hidden     bool // current run is w:vanish
	fieldCode  []bool
	unnumbered int // paragraphs whose list could not be resolved
	// Output is bounded too: list numbers and table separators are added text,
	// and a crafted file can number millions of empty paragraphs.
	limit, size int64
	damaged     string // XML error after which the rest was lost
}

// walkDocxBody streams document.xml: a body may be tens of megabytes, and a
// token stream keeps memory flat while following the nesting of tables and text boxes.
func walkDocxBody(doc []byte, numbering *docxNumbering, styles *docxStyles, limit int64) (text string, warnings []string, err error) {
	w := &docxWalker{numbering: numbering, styles: styles, blocks: []*docxBlock{{}}, limit: limit}
	dec := xml.NewDecoder(bytes.NewReader(doc))
	dec.Strict = false
	sawBody := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			if !sawBody || len(w.blocks[0].lines) == 0 {
				return "", nil, Errorf(ReasonCorrupt, "document.xml: %v", err)
			}
			// Keep what was read before the damage, as Word's repair would.
			w.flushOpen()
			w.damaged = err.Error()
			break
		}
		if w.size > w.limit {
			return "", nil, Errorf(ReasonTooLarge, "document text exceeds %d bytes", w.limit)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "body" {
				sawBody = true
			}
			w.start(t)
		case xml.EndElement:
			w.end(t)
		case xml.CharData:
			w.chars(t)
		}
	}
	if !sawBody {
		return "", nil, Errorf(ReasonCorrupt, "document.xml has no w:body")
	}
	if w.unnumbered > 0 {
		warnings = append(warnings, fmt.Sprintf("%d个列表段落引用了 numbering.xml 未定义的编号，其项目编号缺失", w.unnumbered))
	}
	if w.damaged != "" {
		warnings = append(warnings, "document.xml 已损坏（"+w.damaged+"），损坏处之后的文字缺失")
	}
	return strings.Join(w.blocks[0].lines, "\n"), warnings, nil
}

func (w *docxWalker) start(t xml.StartElement) {
	w.stack = append(w.stack, t.Name.Local)
	if w.skip > 0 {
		w.skip++
		return
	}
	switch t.Name.Local {
	case "Fallback": // mc:Fallback repeats the mc:Choice content (VML text boxes)
		w.skip = 1
	case "p":
		w.paras = append(w.paras, &docxPara{})
	case "tbl":
		w.tables = append(w.tables, &docxTable{})
	case "tc":
		w.blocks = append(w.blocks, &docxBlock{})
	case "r":
		w.hidden = false
	case "vanish":
		if xmlPathEndsWith(w.stack, "r", "rPr", "vanish") {
			w.hidden = onOff(xmlAttr(t, "val"))
		}
	case "pStyle", "numId", "ilvl":
		w.paraProperty(t)
	case "fldChar":
		switch xmlAttr(t, "fldCharType") {
		case "begin":
			w.fieldCode = append(w.fieldCode, true)
		case "separate":
			if n := len(w.fieldCode); n > 0 {
				w.fieldCode[n-1] = false
			}
		case "end":
			if n := len(w.fieldCode); n > 0 {
				w.fieldCode = w.fieldCode[:n-1]
			}
		}
	case "tab":
		if xmlPathEndsWith(w.stack, "r", "tab") {
			w.write("\t")
		}
	case "br", "cr":
		if xmlPathEndsWith(w.stack, "r", t.Name.Local) {
			w.write("\n")
		}
	case "noBreakHyphen":
		w.write("-")
	case "sym":
		// Symbol-font characters live in the private use area and mean nothing as text.
		if c, err := strconv.ParseUint(xmlAttr(t, "char"), 16, 32); err == nil && c >= 0x20 && (c < 0xE000 || c > 0xF8FF) {
			w.write(string(rune(c)))
		}
	}
}

func (w *docxWalker) paraProperty(t xml.StartElement) {
	if len(w.paras) == 0 {
		return
	}
	p := w.paras[len(w.paras)-1]
	switch {
	case xmlPathEndsWith(w.stack, "p", "pPr", "pStyle"):
		p.style = xmlAttr(t, "val")
	case xmlPathEndsWith(w.stack, "p", "pPr", "numPr", "numId"):
		p.numID, p.hasNum = xmlAttr(t, "val"), true
	case xmlPathEndsWith(w.stack, "p", "pPr", "numPr", "ilvl"):
		p.ilvl, p.hasIlvl = atoiDefault(xmlAttr(t, "val"), 0), true
	}
}

func (w *docxWalker) chars(c xml.CharData) {
	if w.skip > 0 || w.hidden || len(w.stack) == 0 {
		return
	}
	if w.stack[len(w.stack)-1] != "t" {
		return
	}
	if n := len(w.fieldCode); n > 0 && w.fieldCode[n-1] {
		return
	}
	w.write(string(c))
}

func (w *docxWalker) write(s string) {
	if w.skip > 0 || len(w.paras) == 0 {
		return
	}
	w.size += int64(len(s))
	w.paras[len(w.paras)-1].text.WriteString(s)
}

func (w *docxWalker) end(t xml.EndElement) {
	if len(w.stack) > 0 {
		w.stack = w.stack[:len(w.stack)-1]
	}
	if w.skip > 0 {
		w.skip--
		return
	}
	switch t.Name.Local {
	case "p":
		w.endPara()
	case "tc":
		w.endCell()
	case "tr":
		w.endRow()
	case "tbl":
		if n := len(w.tables); n > 0 {
			w.tables = w.tables[:n-1]
		}
		if b := w.top(); b.rows {
			b.rows = false
			b.lines = append(b.lines, "")
		}
	}
}

func (w *docxWalker) top() *docxBlock { return w.blocks[len(w.blocks)-1] }

func (w *docxWalker) endPara() {
	n := len(w.paras)
	if n == 0 {
		return
	}
	p := w.paras[n-1]
	w.paras = w.paras[:n-1]
	text := strings.TrimSpace(p.text.String())
	number := w.number(p)
	w.size += int64(len(number) + 2)
	text = number + text
	if strings.TrimSpace(text) == "" {
		return
	}
	b := w.top()
	if len(w.blocks) == 1 {
		// Body paragraphs are separated by a blank line, as layout readers do.
		if len(b.lines) > 0 && b.lines[len(b.lines)-1] != "" {
			b.lines = append(b.lines, "")
		}
		b.rows = false
	}
	b.lines = append(b.lines, text)
}

// number returns the paragraph's automatic number from its own w:numPr or its style.
func (w *docxWalker) number(p *docxPara) string {
	numID, ilvl := p.numID, p.ilvl
	if !p.hasNum || !p.hasIlvl {
		st := w.styles.numbering(p.style)
		if !p.hasNum {
			if !st.hasNum {
				return ""
			}
			numID = st.numID
		}
		if !p.hasIlvl {
			switch {
			case st.hasIlvl:
				ilvl = st.ilvl
			default:
				ilvl = w.styleLevel(numID, p.style)
			}
		}
	}
	if numID == "" || numID == "0" {
		return ""
	}
	if _, _, ok := w.numbering.levels(numID); !ok {
		w.unnumbered++
		return ""
	}
	return w.numbering.next(numID, ilvl)
}

// styleLevel finds the list level a style is linked to with w:lvl/w:pStyle.
func (w *docxWalker) styleLevel(numID, style string) int {
	if style == "" {
		return 0
	}
	_, lv, ok := w.numbering.levels(numID)
	if !ok {
		return 0
	}
	for i, l := range lv {
		if l.style == style {
			return i
		}
	}
	return 0
}

func (w *docxWalker) endCell() {
	if len(w.blocks) <= 1 {
		return
	}
	cell := w.top()
	w.blocks = w.blocks[:len(w.blocks)-1]
	var parts []string
	for _, l := range cell.lines {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, strings.ReplaceAll(l, "\n", " "))
		}
	}
	if n := len(w.tables); n > 0 {
		t := w.tables[n-1]
		t.cells = append(t.cells, strings.Join(parts, " "))
	}
}

func (w *docxWalker) endRow() {
	n := len(w.tables)
	if n == 0 {
		return
	}
	t := w.tables[n-1]
	row := strings.TrimSpace(strings.Join(t.cells, docxCellSep))
	t.cells = nil
	w.size += int64(len(row))
	if row == "" {
		return
	}
	b := w.top()
	if len(w.blocks) == 1 && !b.rows && len(b.lines) > 0 && b.lines[len(b.lines)-1] != "" {
		b.lines = append(b.lines, "")
	}
	b.lines = append(b.lines, row)
	b.rows = true
}

// flushOpen ends whatever is open at a point of damage so its text is not lost.
func (w *docxWalker) flushOpen() {
	for len(w.paras) > 0 {
		w.endPara()
	}
}
