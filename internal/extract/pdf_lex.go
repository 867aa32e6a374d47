package extract

// The content-stream and CMap lexer is ours rather than the pdf package's: that one
// panics on malformed operands and has no idea of inline images, whose binary data
// would otherwise be read as operators and swallow the text that follows.

type operandKind uint8

const (
	opNumber operandKind = iota
	opName
	opString
	opArray
	opDict // contents skipped: nothing in content streams we read needs them
	opOther
)

type operand struct {
	kind operandKind
	num  float64
	str  string // name (without slash) or raw string bytes
	arr  []operand
}

// psLexer walks a content stream or CMap token by token.
type psLexer struct {
	data []byte
	pos  int
}

func isPSSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isPSDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func (l *psLexer) skipSpace() {
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		if isPSSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operand, or an operator keyword in op. At the end both are empty
// and ok is false.
func (l *psLexer) next() (v operand, op string, ok bool) {
	const maxNesting = 32
	return l.nextDepth(maxNesting)
}

func (l *psLexer) nextDepth(depth int) (v operand, op string, ok bool) {
	l.skipSpace()
	if l.pos >= len(l.data) {
		return operand{}, "", false
	}
	c := l.data[l.pos]
	switch {
	case c == '/':
		l.pos++
		return operand{kind: opName, str: l.readName()}, "", true
	case c == '(':
		l.pos++
		return operand{kind: opString, str: l.readLiteral()}, "", true
	case c == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '<':
		l.pos += 2
		l.skipDict(depth)
		return operand{kind: opDict}, "", true
	case c == '<':
		l.pos++
		return operand{kind: opString, str: l.readHex()}, "", true
	case c == '[':
		l.pos++
		var arr []operand
		for {
			l.skipSpace()
			if l.pos >= len(l.data) {
				break
			}
			if l.data[l.pos] == ']' {
				l.pos++
				break
			}
			if depth <= 0 {
				l.pos++
				continue
			}
			e, kw, ok := l.nextDepth(depth - 1)
			if !ok {
				break
			}
			if kw != "" {
				// Operators inside arrays are malformed; keep the array, drop the keyword.
				continue
			}
			if len(arr) < 1<<16 {
				arr = append(arr, e)
			}
		}
		return operand{kind: opArray, arr: arr}, "", true
	case c == ']' || c == '>' || c == ')' || c == '{' || c == '}':
		l.pos++
		return operand{kind: opOther}, "", true
	case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
		start := l.pos
		for l.pos < len(l.data) && !isPSSpace(l.data[l.pos]) && !isPSDelim(l.data[l.pos]) {
			l.pos++
		}
		return operand{kind: opNumber, num: parseLooseNumber(l.data[start:l.pos])}, "", true
	}
	start := l.pos
	for l.pos < len(l.data) && !isPSSpace(l.data[l.pos]) && !isPSDelim(l.data[l.pos]) {
		l.pos++
	}
	if l.pos == start { // a lone delimiter such as '%' at the very end
		l.pos++
		return operand{kind: opOther}, "", true
	}
	kw := string(l.data[start:l.pos])
	switch kw {
	case "true", "false", "null":
		return operand{kind: opOther, str: kw}, "", true
	}
	return operand{}, kw, true
}

// parseLooseNumber reads a PDF number without allocating, and accepts what producers
// write besides: "--5", "1.2.3" (read as 1.2), "-" (zero). Exponents are not PDF syntax.
func parseLooseNumber(b []byte) float64 {
	i := 0
	neg := false
	for i < len(b) && (b[i] == '-' || b[i] == '+') {
		neg = neg || b[i] == '-'
		i++
	}
	var v float64
	for ; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
		v = v*10 + float64(b[i]-'0')
	}
	if i < len(b) && b[i] == '.' {
		scale := 0.1
		for i++; i < len(b) && b[i] >= '0' && b[i] <= '9'; i++ {
			v += float64(b[i]-'0') * scale
			scale /= 10
		}
	}
	if neg {
		v = -v
	}
	return v
}

func (l *psLexer) readName() string {
	start := l.pos
	plain := true
	for l.pos < len(l.data) && !isPSSpace(l.data[l.pos]) && !isPSDelim(l.data[l.pos]) {
		if l.data[l.pos] == '#' {
			plain = false
		}
		l.pos++
	}
	raw := l.data[start:l.pos]
	if plain {
		return string(raw)
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			if h, ok := unhex(raw[i+1]); ok {
				if lo, ok := unhex(raw[i+2]); ok {
					out = append(out, h<<4|lo)
					i += 2
					continue
				}
			}
		}
		out = append(out, raw[i])
	}
	return string(out)
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *psLexer) readHex() string {
	var out []byte
	var hi byte
	half := false
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhex(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	return string(out)
}

func (l *psLexer) readLiteral() string {
	var out []byte
	depth := 1
	for l.pos < len(l.data) {
		c := l.data[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out)
			}
		case '\\':
			if l.pos >= len(l.data) {
				return string(out)
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := e - '0'
					for k := 0; k < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; k++ {
						v = v<<3 | (l.data[l.pos] - '0')
						l.pos++
					}
					c = v
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return string(out)
}

// skipDict skips to the matching ">>", nested dictionaries and strings included.
func (l *psLexer) skipDict(depth int) {
	for {
		l.skipSpace()
		if l.pos >= len(l.data) {
			return
		}
		if l.data[l.pos] == '>' && l.pos+1 < len(l.data) && l.data[l.pos+1] == '>' {
			l.pos += 2
			return
		}
		if depth <= 0 {
			l.pos++
			continue
		}
		if _, _, ok := l.nextDepth(depth - 1); !ok {
			return
		}
	}
}

// skipInlineImage moves past the binary data of an inline image (BI … ID data EI).
func (l *psLexer) skipInlineImage() {
	// Parameters up to ID.
	for {
		_, kw, ok := l.next()
		if !ok || kw == "ID" {
			break
		}
	}
	if l.pos < len(l.data) && isPSSpace(l.data[l.pos]) {
		l.pos++
	}
	// EI must stand alone: preceded by whitespace and followed by whitespace or the end.
	for i := l.pos; i+1 < len(l.data); i++ {
		if l.data[i] == 'E' && l.data[i+1] == 'I' && (i == 0 || isPSSpace(l.data[i-1])) &&
			(i+2 == len(l.data) || isPSSpace(l.data[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.data)
}
