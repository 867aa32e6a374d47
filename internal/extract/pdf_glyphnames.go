package extract

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// glyphNames covers the Adobe glyph names that simple fonts in Chinese government
// PDFs use in /Differences when they carry no ToUnicode map: Latin letters are their
// own names, the rest is punctuation, digits and a few typographic marks.
var glyphNames = map[string]rune{
	"space": ' ', "exclam": '!', "quotedbl": '"', "numbersign": '#', "dollar": '$', "percent": '%',
	"ampersand": '&', "quotesingle": '\'', "parenleft": '(', "parenright": ')', "asterisk": '*',
	"plus": '+', "comma": ',', "hyphen": '-', "period": '.', "slash": '/', "colon": ':',
	"semicolon": ';', "less": '<', "equal": '=', "greater": '>', "question": '?', "at": '@',
	"bracketleft": '[', "backslash": '\\', "bracketright": ']', "asciicircum": '^', "underscore": '_',
	"grave": '`', "braceleft": '{', "bar": '|', "braceright": '}', "asciitilde": '~',
	"zero": '0', "one": '1', "two": '2', "three": '3', "four": '4', "five": '5', "six": '6',
	"seven": '7', "eight": '8', "nine": '9', "quoteright": '’', "quoteleft": '‘',
	"quotedblleft": '“', "quotedblright": '”', "endash": '–', "emdash": '—', "bullet": '•',
	"ellipsis": '…', "periodcentered": '·', "middot": '·', "degree": '°', "multiply": '×',
	"divide": '÷', "plusminus": '±', "section": '§', "copyright": '©', "registered": '®',
	"trademark": '™', "nbspace": '\u00a0', "minus": '−', "fi": 'ﬁ', "fl": 'ﬂ', "dagger": '†',
	"daggerdbl": '‡', "guillemotleft": '«', "guillemotright": '»', "quotesinglbase": '‚',
	"quotedblbase": '„', "perthousand": '‰', "sterling": '£', "yen": '¥', "Euro": '€', "cent": '¢',
}

// glyphRune maps a glyph name to its character, or 0 when the name says nothing
// (subset names like g123 or cid00042).
func glyphRune(name string) rune {
	if r, ok := glyphNames[name]; ok {
		return r
	}
	if i := strings.IndexByte(name, '.'); i > 0 { // "a.sc", "one.oldstyle"
		name = name[:i]
		if r, ok := glyphNames[name]; ok {
			return r
		}
	}
	if len(name) == 1 && (name[0] >= 'a' && name[0] <= 'z' || name[0] >= 'A' && name[0] <= 'Z') {
		return rune(name[0])
	}
	hex := ""
	if h, ok := strings.CutPrefix(name, "uni"); ok && len(h) >= 4 {
		hex = h[:4] // uniXXXXYYYY names a ligature: its first character will do
	} else if h, ok := strings.CutPrefix(name, "u"); ok && len(h) >= 4 && len(h) <= 6 {
		hex = h
	}
	if hex != "" {
		if v, err := strconv.ParseUint(hex, 16, 32); err == nil && utf8.ValidRune(rune(v)) {
			return rune(v)
		}
	}
	return 0
}
