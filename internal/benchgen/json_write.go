package benchgen

import (
	"strconv"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/model"
)

// appendEscaped appends s as the inside of a JSON string (no quotes). Non-ASCII text
// is written as UTF-8, as the corpus itself is; U+2028 and U+2029 are escaped so the
// output is also valid JavaScript.
func appendEscaped(dst []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"':
				dst = append(dst, '\\', '"')
			case '\\':
				dst = append(dst, '\\', '\\')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\r':
				dst = append(dst, '\\', 'r')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigit[c>>4], hexDigit[c&0xF])
			}
			i++
			start = i
			continue
		}
		// U+2028 and U+2029 are E2 80 A8 / E2 80 A9.
		if c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigit[s[i+2]&0xF])
			i += 3
			start = i
			continue
		}
		i++
	}
	return append(dst, s[start:]...)
}

const hexDigit = "0123456789abcdef"

// jsonObject writes one record's fields in a fixed order, so output is byte-stable.
type jsonObject struct {
	buf   []byte
	first bool
}

func (o *jsonObject) begin() { o.buf = append(o.buf, '{'); o.first = true }
func (o *jsonObject) end()   { o.buf = append(o.buf, '}') }

func (o *jsonObject) key(k string) {
	if !o.first {
		o.buf = append(o.buf, ',')
	}
	o.first = false
	o.buf = append(o.buf, '"')
	o.buf = append(o.buf, k...)
	o.buf = append(o.buf, '"', ':')
}

// str writes a string field, or null when empty.
func (o *jsonObject) str(k, v string) {
	o.key(k)
	if v == "" {
		o.buf = append(o.buf, "null"...)
		return
	}
	o.buf = append(o.buf, '"')
	o.buf = appendEscaped(o.buf, v)
	o.buf = append(o.buf, '"')
}

func (o *jsonObject) date(k string, d model.Date) {
	o.key(k)
	o.buf = appendDate(o.buf, d)
}

func appendDate(dst []byte, d model.Date) []byte {
	if d == 0 {
		return append(dst, "null"...)
	}
	y, m, day := d.Parts()
	dst = append(dst, '"')
	dst = strconv.AppendInt(dst, int64(y), 10)
	dst = append(dst, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+day/10), byte('0'+day%10), '"')
	return dst
}

func (o *jsonObject) strings(k string, vs []string) {
	o.key(k)
	o.buf = append(o.buf, '[')
	for i, v := range vs {
		if i > 0 {
			o.buf = append(o.buf, ',')
		}
		o.buf = append(o.buf, '"')
		o.buf = appendEscaped(o.buf, v)
		o.buf = append(o.buf, '"')
	}
	o.buf = append(o.buf, ']')
}
