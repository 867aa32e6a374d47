package extract

import (
	"bytes"
	"context"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func init() {
	register("txt", readText)
	register("md", readText)
}

// readText reads plain text and Markdown in the encodings Chinese offices save:
// UTF-8 with or without BOM, UTF-16 with BOM (Notepad's "Unicode"), and GBK/GB18030
// (Notepad's "ANSI" on a Chinese Windows).
func readText(ctx context.Context, name string, data []byte, opt Options) (*Result, error) {
	if int64(len(data)) > opt.MaxTextBytes {
		return nil, Errorf(ReasonTooLarge, "%d bytes of text, limit %d", len(data), opt.MaxTextBytes)
	}
	text, enc, warning := decodeText(data)
	res := &Result{Extractor: "text/" + enc}
	if warning != "" {
		res.Warnings = append(res.Warnings, warning)
	}
	if ext(name) == "md" {
		if strings.Contains(text, "<!-- INFO END -->") {
			// A LawRefBook law: its header of dated 通过/修正 lines is read as in a bulk file.
			res.Raw = tidyExtracted(text)
		}
		text = stripMarkdown(text)
	}
	res.Text = tidyExtracted(text)
	return res, nil
}

// decodeText finds the encoding of a text without a declared charset and returns
// the text as UTF-8 and the encoding's name.
func decodeText(data []byte) (text, enc, warning string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return string(bytes.ToValidUTF8(data[3:], []byte("\uFFFD"))), "utf-8", ""
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return textDecodeWith(unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), data), "utf-16le", ""
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return textDecodeWith(unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), data), "utf-16be", ""
	case utf8.Valid(data):
		if order, ok := utf16WithoutBOM(data); ok {
			return textDecodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data), utf16Name(order), ""
		}
		return string(data), "utf-8", ""
	}
	if order, ok := utf16WithoutBOM(data); ok {
		return textDecodeWith(unicode.UTF16(order, unicode.IgnoreBOM), data), utf16Name(order), ""
	}
	if plausibleGB(data) {
		return textDecodeWith(simplifiedchinese.GB18030, data), "gb18030", ""
	}
	// Neither: keep the valid UTF-8 and mark the rest, so a damaged file still shows something.
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD"))), "utf-8", "文件既不是有效的 UTF-8，也不是 GB18030 编码的中文，无法解码的字节已以替换字符代之"
}

func textDecodeWith(e encoding.Encoding, data []byte) string {
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
	}
	return string(out)
}

func utf16Name(order unicode.Endianness) string {
	if order == unicode.LittleEndian {
		return "utf-16le"
	}
	return "utf-16be"
}

// utf16WithoutBOM spots UTF-16 saved without a byte-order mark: ASCII line breaks
// and digits leave a zero byte in every other position.
func utf16WithoutBOM(data []byte) (unicode.Endianness, bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return unicode.BigEndian, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			zeroEven++
		}
		if data[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	switch {
	case zeroOdd*5 > pairs && zeroEven*20 < pairs:
		return unicode.LittleEndian, true
	case zeroEven*5 > pairs && zeroOdd*20 < pairs:
		return unicode.BigEndian, true
	}
	return unicode.BigEndian, false
}

// plausibleGB reports whether bytes read as GB18030 give ordinary Chinese. Any byte
// string decodes to something, so the test is that double-byte characters fall in
// GB2312 (the 6,763 common characters and the symbol rows) as real text does,
// and that no byte sequence is invalid.
func plausibleGB(data []byte) bool {
	var double, common, bad int
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0x81 && c <= 0xFE && i+1 < len(data):
			t := data[i+1]
			switch {
			case t >= 0x30 && t <= 0x39: // four-byte GB18030 sequence
				if i+3 >= len(data) || data[i+2] < 0x81 || data[i+2] > 0xFE || data[i+3] < 0x30 || data[i+3] > 0x39 {
					bad++
				}
				double++
				i += 4
			case t >= 0x40 && t <= 0xFE && t != 0x7F:
				double++
				if c >= 0xA1 && c <= 0xF7 && t >= 0xA1 {
					common++
				}
				i += 2
			default:
				bad++
				i++
			}
		default:
			bad++
			i++
		}
	}
	if double == 0 {
		return false
	}
	return bad*50 <= double && common*10 >= double*8
}
