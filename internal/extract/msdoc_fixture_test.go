package extract

import (
	"encoding/binary"
	"path/filepath"
	"testing"
	"unicode/utf16"
)

// A minimal Word 97 binary writer for fixtures: a compound file holding a
// WordDocument stream (FIB and text) and a 1Table stream (the piece table). Real
// files carry much more (styles, formatting runs), none of which the reader uses.

type docPiece struct {
	text       string
	compressed bool // stored as 8-bit cp1252
}

const (
	cfbSector     = 512
	cfbEndOfChain = 0xFFFFFFFE
	cfbFATSect    = 0xFFFFFFFD
	cfbFree       = 0xFFFFFFFF
	cfbNoStream   = 0xFFFFFFFF
)

// buildDOC lays the pieces out in WordDocument and points a piece table at them.
// ccpText counts the main-story characters; pieces past it play footnote text.
func buildDOC(pieces []docPiece, ccpText int, flags uint16) []byte {
	le := binary.LittleEndian
	word := make([]byte, 1024) // FIB area; text starts at 1024
	var cps []uint32
	var fcs []uint32
	cp := 0
	for _, p := range pieces {
		cps = append(cps, uint32(cp))
		fc := uint32(len(word))
		if p.compressed {
			for _, r := range p.text {
				word = append(word, byte(r))
				cp++
			}
			fcs = append(fcs, fc*2|0x40000000)
			continue
		}
		for _, u := range utf16.Encode([]rune(p.text)) {
			word = le.AppendUint16(word, u)
			cp++
		}
		fcs = append(fcs, fc)
	}
	cps = append(cps, uint32(cp))

	plc := []byte{}
	for _, c := range cps {
		plc = le.AppendUint32(plc, c)
	}
	for _, fc := range fcs {
		plc = append(plc, 0, 0)
		plc = le.AppendUint32(plc, fc)
		plc = append(plc, 0, 0)
	}
	table := []byte{0x01, 2, 0, 0xAA, 0xBB} // a Prc to skip
	table = append(table, 0x02)
	table = le.AppendUint32(table, uint32(len(plc)))
	table = append(table, plc...)
	fcClx, lcbClx := 0, len(table)

	// FibBase, then fibRgW (14 words), fibRgLw (22 longs), fibRgFcLcb97 (93 pairs).
	le.PutUint16(word[0:], wordMagic)
	le.PutUint16(word[2:], 0x00C1)
	le.PutUint16(word[0x0A:], flags|0x0200) // 1Table
	pos := 32
	le.PutUint16(word[pos:], 14)
	pos += 2 + 28
	le.PutUint16(word[pos:], 22)
	rgLw := pos + 2
	le.PutUint32(word[rgLw+3*4:], uint32(ccpText))
	pos = rgLw + 22*4
	le.PutUint16(word[pos:], 93)
	blob := pos + 2
	le.PutUint32(word[blob+33*8:], uint32(fcClx))
	le.PutUint32(word[blob+33*8+4:], uint32(lcbClx))

	return buildCFB(map[string][]byte{"WordDocument": word, "1Table": table})
}

// buildCFB writes a version-3 compound file with one FAT sector, one directory
// sector and each stream padded past the 4096-byte mini-stream cutoff.
func buildCFB(streams map[string][]byte) []byte {
	le := binary.LittleEndian
	names := []string{"WordDocument", "1Table", "EncryptedPackage"}
	var order []string
	for _, n := range names {
		if _, ok := streams[n]; ok {
			order = append(order, n)
		}
	}
	fat := make([]uint32, cfbSector/4)
	for i := range fat {
		fat[i] = cfbFree
	}
	fat[0] = cfbFATSect
	fat[1] = cfbEndOfChain
	next := uint32(2)
	starts := map[string]uint32{}
	sizes := map[string]int{}
	var data []byte
	for _, n := range order {
		s := streams[n]
		padded := max(4096, (len(s)+cfbSector-1)/cfbSector*cfbSector)
		sectors := uint32(padded / cfbSector)
		starts[n] = next
		sizes[n] = padded // streams under the cutoff would belong in the mini stream
		for i := uint32(0); i < sectors; i++ {
			fat[next+i] = next + i + 1
		}
		fat[next+sectors-1] = cfbEndOfChain
		next += sectors
		buf := make([]byte, padded)
		copy(buf, s)
		data = append(data, buf...)
	}

	header := make([]byte, cfbSector)
	copy(header, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	le.PutUint16(header[0x18:], 0x003E)
	le.PutUint16(header[0x1A:], 0x0003)
	le.PutUint16(header[0x1C:], 0xFFFE)
	le.PutUint16(header[0x1E:], 9)
	le.PutUint16(header[0x20:], 6)
	le.PutUint32(header[0x2C:], 1) // FAT sectors
	le.PutUint32(header[0x30:], 1) // first directory sector
	le.PutUint32(header[0x38:], 4096)
	le.PutUint32(header[0x3C:], cfbEndOfChain)
	le.PutUint32(header[0x44:], cfbEndOfChain)
	for i := 0; i < 109; i++ {
		le.PutUint32(header[0x4C+i*4:], cfbFree)
	}
	le.PutUint32(header[0x4C:], 0)

	fatBytes := make([]byte, 0, cfbSector)
	for _, v := range fat {
		fatBytes = le.AppendUint32(fatBytes, v)
	}

	dir := make([]byte, cfbSector)
	entry := func(i int, name string, typ byte, child, right, start uint32, size int) {
		e := dir[i*128:]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[k*2:], c)
		}
		le.PutUint16(e[64:], uint16((len(u)+1)*2))
		e[66] = typ
		e[67] = 1 // black
		le.PutUint32(e[68:], cfbNoStream)
		le.PutUint32(e[72:], right)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint32(e[120:], uint32(size))
	}
	entry(0, "Root Entry", 5, 1, cfbNoStream, cfbEndOfChain, 0)
	for i, n := range order {
		right := uint32(cfbNoStream)
		if i+1 < len(order) {
			right = uint32(i + 2)
		}
		entry(i+1, n, 2, cfbNoStream, right, starts[n], sizes[n])
	}
	for i := len(order) + 1; i < 4; i++ {
		le.PutUint32(dir[i*128+68:], cfbNoStream)
		le.PutUint32(dir[i*128+72:], cfbNoStream)
		le.PutUint32(dir[i*128+76:], cfbNoStream)
	}

	out := append(header, fatBytes...)
	out = append(out, dir...)
	return append(out, data...)
}

// builtDOCPieces is a short notice with a field, a table and footnote text.
func builtDOCPieces() ([]docPiece, int) {
	main := "关于印发《某某县行政规范性文件管理办法》的通知\r" +
		"各乡镇人民政府：\r" +
		"现将《办法》印发给你们，详见\x13 HYPERLINK \"http://example.gov.cn\" \x14县政府网站\x15，请遵照执行。\x01\r" +
		"序号\x07名称\x07\x07" + "1\x07某某办法\x07\x07" +
		"第一条\x09为了规范管理，制定本办法。\x02\r" +
		"\x13 PAGE \x15第二条 本办法自二〇二四年一月一日起施行\x0b（此件公开发布）\r"
	ascii := "Version 2.0 \x1e final\r"
	footnote := "脚注文字不属于正文\r"
	n := len([]rune(main)) + len(ascii)
	return []docPiece{{text: main}, {text: ascii, compressed: true}, {text: footnote}}, n
}

func writeDOCFixtures(t *testing.T) {
	pieces, n := builtDOCPieces()
	writeFormatFixture(t, filepath.Join("testdata", "doc", "built.doc"), buildDOC(pieces, n, 0))
	writeFormatFixture(t, filepath.Join("testdata", "doc", "encrypted.doc"), buildDOC(pieces, n, 0x0100))
}
