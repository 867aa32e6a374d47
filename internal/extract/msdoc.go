package extract

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"strings"
)

func init() { register("doc", readDOC) }

// readDOC reads a legacy Word 97–2003 binary document (Word 二进制格式, [MS-DOC]).
// Government sites also publish HTML pages, RTF files and DOCX packages under a
// .doc name; those are recognised by their first bytes and read as what they are.
func readDOC(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	switch {
	case isCompoundFile(data):
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		res, err := readDOCX(ctx, name, data, opt)
		if res != nil {
			res.Warnings = append(res.Warnings, "扩展名为 .doc 的文件实为 DOCX 文档，已按 DOCX 读取")
		}
		return res, err
	case bytes.HasPrefix(data, []byte(`{\rtf`)):
		return nil, Errorf(ReasonUnsupported, "an RTF file named .doc")
	case looksLikeHTML(data):
		res, err := readHTML(ctx, name, data, opt)
		if res != nil {
			res.Warnings = append(res.Warnings, "扩展名为 .doc 的文件实为 HTML 网页，已按网页读取")
		}
		return res, err
	default:
		return nil, Errorf(ReasonCorrupt, "not a Word document (no compound file header)")
	}
	streams, err := compoundStreams(data, "WordDocument", "0Table", "1Table", "EncryptedPackage")
	if err != nil {
		return nil, err
	}
	if streams["EncryptedPackage"] != nil {
		return nil, Errorf(ReasonEncrypted, "password-protected Office document")
	}
	word := streams["WordDocument"]
	if word == nil {
		return nil, Errorf(ReasonUnsupported, "compound file without a WordDocument stream (not a Word document)")
	}
	text, warnings, err := wordText(word, streams, opt)
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &Result{Text: tidyExtracted(text), Extractor: "doc", Warnings: warnings}, nil
}

// readCompoundAsDOCX handles a .docx that is a compound file: encrypted, or a .doc renamed.
func readCompoundAsDOCX(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	res, err := readDOC(ctx, name, data, opt)
	if res != nil {
		res.Warnings = append(res.Warnings, "扩展名为 .docx 的文件实为旧版 Word（.doc）文档，已按 .doc 读取")
	}
	return res, err
}

// wordFIB holds the few File Information Block fields needed to find the text.
type wordFIB struct {
	nFib       uint16
	encrypted  bool
	obfuscated bool
	table1     bool // fWhichTblStm: the piece table is in 1Table, not 0Table
	ccpText    uint32
	fcClx      uint32
	lcbClx     uint32
}

const wordMagic = 0xA5EC

func parseFIB(word []byte) (wordFIB, error) {
	var f wordFIB
	le := binary.LittleEndian
	if len(word) < 34 {
		return f, Errorf(ReasonCorrupt, "WordDocument stream too short for a FIB")
	}
	if le.Uint16(word) != wordMagic {
		return f, Errorf(ReasonCorrupt, "WordDocument stream has no Word signature")
	}
	f.nFib = le.Uint16(word[2:])
	flags := le.Uint16(word[0x0A:])
	f.encrypted = flags&0x0100 != 0
	f.table1 = flags&0x0200 != 0
	f.obfuscated = flags&0x8000 != 0
	// FibBase (32 bytes), then three counted arrays: fibRgW, fibRgLw, fibRgFcLcb.
	pos := 32
	csw := int(le.Uint16(word[pos:]))
	pos += 2 + csw*2
	if pos+2 > len(word) {
		return f, Errorf(ReasonCorrupt, "FIB truncated")
	}
	cslw := int(le.Uint16(word[pos:]))
	rgLw := pos + 2
	pos = rgLw + cslw*4
	if cslw < 4 || pos+2 > len(word) {
		return f, Errorf(ReasonCorrupt, "FIB truncated")
	}
	f.ccpText = le.Uint32(word[rgLw+3*4:])
	cbRgFcLcb := int(le.Uint16(word[pos:]))
	blob := pos + 2
	const clxPair = 33 // fcClx/lcbClx is the 34th pair of FibRgFcLcb97
	if cbRgFcLcb <= clxPair || blob+(clxPair+1)*8 > len(word) {
		return f, Errorf(ReasonCorrupt, "FIB has no piece table location")
	}
	f.fcClx = le.Uint32(word[blob+clxPair*8:])
	f.lcbClx = le.Uint32(word[blob+clxPair*8+4:])
	return f, nil
}

// wordText follows FIB → CLX → PlcPcd and concatenates the main-story pieces.
func wordText(word []byte, streams map[string][]byte, opt Options) (string, []string, error) {
	f, err := parseFIB(word)
	if err != nil {
		return "", nil, err
	}
	if f.encrypted || f.obfuscated {
		return "", nil, Errorf(ReasonEncrypted, "password-protected Word document")
	}
	if f.nFib < 0x00C0 {
		return "", nil, Errorf(ReasonUnsupported, "Word 6/95 document (nFib %#x); save it as .docx", f.nFib)
	}
	table := streams["0Table"]
	if f.table1 {
		table = streams["1Table"]
	}
	if table == nil {
		return "", nil, Errorf(ReasonCorrupt, "table stream missing")
	}
	end := uint64(f.fcClx) + uint64(f.lcbClx)
	if f.lcbClx == 0 || end > uint64(len(table)) {
		return "", nil, Errorf(ReasonCorrupt, "piece table outside the table stream")
	}
	pieces, err := parsePlcPcd(table[f.fcClx:end])
	if err != nil {
		return "", nil, err
	}
	raw, warnings, err := pieceText(word, pieces, f.ccpText, opt.MaxTextBytes)
	if err != nil {
		return "", warnings, err
	}
	return wordVisibleText(raw), warnings, nil
}

type wordPiece struct {
	cpStart, cpEnd uint32
	fc             uint32 // byte offset in WordDocument
	compressed     bool   // 8-bit cp1252 text instead of UTF-16LE
}

// parsePlcPcd skips the formatting runs (Prc) of a CLX and decodes its piece table (Pcdt).
func parsePlcPcd(clx []byte) ([]wordPiece, error) {
	le := binary.LittleEndian
	for i := 0; i < len(clx); {
		switch clx[i] {
		case 0x01: // Prc: cbGrpprl, then that many bytes of property modifiers
			if i+3 > len(clx) {
				return nil, Errorf(ReasonCorrupt, "CLX truncated")
			}
			i += 3 + int(int16(le.Uint16(clx[i+1:])))
			if i < 0 {
				return nil, Errorf(ReasonCorrupt, "CLX has a negative Prc size")
			}
		case 0x02: // Pcdt
			if i+5 > len(clx) {
				return nil, Errorf(ReasonCorrupt, "CLX truncated")
			}
			lcb := int(le.Uint32(clx[i+1:]))
			plc := clx[i+5:]
			if lcb < 4 || lcb > len(plc) || (lcb-4)%12 != 0 {
				return nil, Errorf(ReasonCorrupt, "PlcPcd size %d is not a piece table", lcb)
			}
			n := (lcb - 4) / 12
			pieces := make([]wordPiece, 0, n)
			for k := 0; k < n; k++ {
				pcd := plc[(n+1)*4+k*8:]
				fc := le.Uint32(pcd[2:])
				p := wordPiece{
					cpStart:    le.Uint32(plc[k*4:]),
					cpEnd:      le.Uint32(plc[(k+1)*4:]),
					fc:         fc & 0x3FFFFFFF,
					compressed: fc&0x40000000 != 0,
				}
				if p.compressed {
					p.fc /= 2
				}
				pieces = append(pieces, p)
			}
			return pieces, nil
		default:
			return nil, Errorf(ReasonCorrupt, "CLX entry type %#x", clx[i])
		}
	}
	return nil, Errorf(ReasonCorrupt, "CLX has no piece table")
}

// pieceText decodes characters [0, ccpText) — the main document; footnotes,
// headers, comments and text boxes follow it in CP order and are left out.
func pieceText(word []byte, pieces []wordPiece, ccpText uint32, limit int64) ([]rune, []string, error) {
	var out []rune
	var warnings []string
	for _, p := range pieces {
		if p.cpStart >= ccpText || p.cpEnd <= p.cpStart {
			continue
		}
		cpEnd := min(p.cpEnd, ccpText)
		n := uint64(cpEnd - p.cpStart)
		if int64(len(out))+int64(n) > limit {
			return nil, warnings, Errorf(ReasonTooLarge, "text exceeds %d characters", limit)
		}
		width := uint64(2)
		if p.compressed {
			width = 1
		}
		start := uint64(p.fc)
		stop := start + n*width
		if stop > uint64(len(word)) {
			warnings = append(warnings, fmt.Sprintf("文本片段（CP %d）超出数据流末尾，文字不全", p.cpStart))
			if start >= uint64(len(word)) {
				continue
			}
			stop = start + (uint64(len(word))-start)/width*width
		}
		b := word[start:stop]
		if p.compressed {
			for _, c := range b {
				out = append(out, cp1252Rune(c))
			}
			continue
		}
		for i := 0; i+1 < len(b); i += 2 {
			out = append(out, rune(binary.LittleEndian.Uint16(b[i:])))
		}
	}
	if len(out) == 0 && len(pieces) == 0 {
		return nil, warnings, Errorf(ReasonCorrupt, "empty piece table")
	}
	return fixSurrogates(out), warnings, nil
}

// fixSurrogates joins UTF-16 surrogate pairs (rare CJK Extension B characters).
func fixSurrogates(rs []rune) []rune {
	out := rs[:0]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r >= 0xD800 && r < 0xDC00 && i+1 < len(rs) && rs[i+1] >= 0xDC00 && rs[i+1] < 0xE000 {
			out = append(out, 0x10000+(r-0xD800)<<10+(rs[i+1]-0xDC00))
			i++
			continue
		}
		if r >= 0xD800 && r < 0xE000 {
			continue
		}
		out = append(out, r)
	}
	return out
}

// cp1252High maps 0x80–0x9F of Windows-1252, the code page of compressed pieces.
var cp1252High = []rune("€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ")

func cp1252Rune(c byte) rune {
	if c >= 0x80 && c < 0xA0 {
		return cp1252High[c-0x80]
	}
	return rune(c)
}

func looksLikeHTML(data []byte) bool {
	head := strings.ToLower(string(data[:min(len(data), 1024)]))
	head = strings.TrimLeft(head, "\ufeff \t\r\n")
	return strings.HasPrefix(head, "<") && (strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") ||
		strings.Contains(head, "<head") || strings.Contains(head, "<body") || strings.Contains(head, "<meta"))
}
