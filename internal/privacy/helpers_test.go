package privacy

import (
	"fmt"
	"strings"
	"testing"
)

// checkChar computes the GB 11643-1999 check character from first principles
// (ISO 7064 MOD 11-2: weight of position i counted from the right is 2^(i-1) mod 11),
// independently of the weight table the scanner uses. Test identity numbers are made
// with it from invented sequence numbers; none is taken from a person.
func checkChar(d17 string) byte {
	sum := 0
	for i := 0; i < 17; i++ {
		w := 1
		for k := 0; k < 17-i; k++ { // position from the right is 18-i
			w = w * 2 % 11
		}
		sum += int(d17[i]-'0') * w
	}
	v := (12 - sum%11) % 11
	if v == 10 {
		return 'X'
	}
	return byte('0' + v)
}

// makeID builds a valid 18-character number from an address code, a birth date
// (YYYYMMDD) and a 3-digit sequence.
func makeID(area, birth, seq string) string {
	d := area + birth + seq
	if len(d) != 17 {
		panic("makeID: " + d)
	}
	return d + string(checkChar(d))
}

// wrongCheck returns the same number with every other check character.
func wrongCheck(id string) []string {
	var out []string
	for _, c := range "0123456789X" {
		if byte(c) != id[17] {
			out = append(out, id[:17]+string(c))
		}
	}
	return out
}

// idWithX finds a sequence number whose check character is X.
func idWithX(area, birth string) string {
	for s := 0; s < 1000; s++ {
		id := makeID(area, birth, fmt.Sprintf("%03d", s))
		if id[17] == 'X' {
			return id
		}
	}
	panic("no X")
}

// fullWidth writes ASCII digits and X as full-width characters.
func fullWidth(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' || r == 'X' {
			r += 0xFEE0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// digitsOf returns the ASCII digits and X/x of s, full-width ones folded.
func digitsOf(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' || r == 'Ｘ' || r == 'ｘ' {
			r -= 0xFEE0
		}
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// contextForm is text as Context shows it: line breaks and tabs as spaces, invalid
// UTF-8 replaced.
func contextForm(s string) string {
	s = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ").Replace(s)
	return strings.ToValidUTF8(s, "\uFFFD")
}

// checkInvariants asserts what every Scan result must satisfy, whatever the text.
func checkInvariants(t *testing.T, text string, fs []Finding) {
	t.Helper()
	prevEnd := 0
	for _, f := range fs {
		if f.Kind != KindID && f.Kind != KindMobile {
			t.Fatalf("kind %q", f.Kind)
		}
		if f.Start < prevEnd || f.Start >= f.End || f.End > len(text) {
			t.Fatalf("bad offsets %d..%d (previous end %d, len %d)", f.Start, f.End, prevEnd, len(text))
		}
		prevEnd = f.End
		if want := 1 + strings.Count(text[:f.Start], "\n"); f.Line != want {
			t.Fatalf("line %d, want %d", f.Line, want)
		}
		raw := text[f.Start:f.End]
		digits := digitsOf(raw)
		stars := 4
		if f.Kind == KindID {
			stars = 8
		}
		if strings.Count(f.Masked, "*") != stars || f.Masked == digits || strings.Contains(digits, f.Masked) {
			t.Fatalf("masked %q for %d digits", f.Masked, len(digits))
		}
	}
	masked := Mask(text, fs)
	if len(masked) != len(text) {
		t.Fatalf("Mask changed length %d -> %d", len(text), len(masked))
	}
	// Context is an excerpt of the masked text (so no finding in it is in clear) and
	// shows its own number masked.
	shown := contextForm(masked)
	for _, f := range fs {
		if !strings.Contains(shown, f.Context) || !strings.Contains(f.Context, contextForm(masked[f.Start:f.End])) {
			t.Fatalf("context %q is not an excerpt of the masked text around %q", f.Context, contextForm(masked[f.Start:f.End]))
		}
	}
	for _, f := range fs {
		if m := masked[f.Start:f.End]; m == text[f.Start:f.End] {
			t.Fatalf("Mask left %q in clear", m)
		}
	}
	if again := Scan(masked); len(again) > 0 {
		t.Fatalf("masked text still has findings: %+v", again)
	}
}
