package extract

import "strings"

// Special characters of the Word binary text stream ([MS-DOC] 2.8.25 and field marks).
const (
	wordCellMark   = 0x07 // end of a table cell, and of a table row
	wordTab        = 0x09
	wordLineBreak  = 0x0B
	wordPageBreak  = 0x0C
	wordParagraph  = 0x0D
	wordFieldBegin = 0x13
	wordFieldSep   = 0x14
	wordFieldEnd   = 0x15
	wordNBHyphen   = 0x1E
	wordSoftHyphen = 0x1F
)

// wordVisibleText turns the raw character stream into the text a reader sees:
// field codes (0x13 code 0x14 result 0x15) give way to their results, table marks
// become cell separators and row ends, and anchors for pictures, footnotes and
// drawings (0x01, 0x02, 0x08, …) disappear.
func wordVisibleText(raw []rune) string {
	var b strings.Builder
	b.Grow(len(raw) * 3)
	// One entry per open field: true while still inside its code part.
	var fields []bool
	inCode := func() bool {
		for _, c := range fields {
			if c {
				return true
			}
		}
		return false
	}
	line := strings.Builder{}
	inRow := false    // the current line holds table cells
	afterRow := false // the last line written was a table row
	flush := func(sep string) {
		s := strings.TrimSpace(line.String())
		line.Reset()
		if s == "" {
			return
		}
		if afterRow && !inRow {
			// Leaving a table: set it apart from the next paragraph.
			b.WriteByte('\n')
		}
		afterRow = inRow
		b.WriteString(s)
		b.WriteString(sep)
	}
	for i, r := range raw {
		switch r {
		case wordFieldBegin:
			fields = append(fields, true)
			continue
		case wordFieldSep:
			if n := len(fields); n > 0 {
				fields[n-1] = false
			}
			continue
		case wordFieldEnd:
			if n := len(fields); n > 0 {
				fields = fields[:n-1]
			}
			continue
		}
		if inCode() {
			continue
		}
		switch {
		case r == wordParagraph || r == wordPageBreak:
			if inRow {
				// A paragraph inside a cell: keep the cell on its row's line.
				line.WriteByte(' ')
				continue
			}
			flush("\n\n")
		case r == wordLineBreak:
			line.WriteByte(' ')
			if !inRow {
				flush("\n")
			}
		case r == wordCellMark:
			// A mark straight after a cell mark ends the row (the row's own paragraph).
			if i > 0 && raw[i-1] == wordCellMark {
				flush("\n")
				inRow = false
				continue
			}
			line.WriteString(docxCellSep)
			inRow = true
		case r == wordTab:
			line.WriteByte('\t')
		case r == wordNBHyphen:
			line.WriteByte('-')
		case r == wordSoftHyphen:
		case r == 0xA0:
			line.WriteByte(' ')
		case r < 0x20:
			// Anchors of pictures, footnotes, comments and drawn objects.
		default:
			line.WriteRune(r)
		}
	}
	flush("\n")
	return b.String()
}
