package privacy

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// referenceID decides validity the slow, obvious way: province list, time.Parse for
// the birth date, the test's own check character.
func referenceID(s string, today time.Time) bool {
	switch s[:2] {
	case "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
		"41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
		"71", "81", "82", "83":
	default:
		return false
	}
	if checkChar(s[:17]) != s[17] {
		return false
	}
	d, err := time.Parse("20060102", s[6:14])
	return err == nil && d.Year() >= 1900 && !d.After(today)
}

// Random 18-digit numbers, half of them given a correct check character, are judged
// exactly as the reference judges them. The pass rate of arbitrary numbers is what
// budget tables and account numbers rely on: about P(province) 35/100 × P(birth
// date) 127/10^4 × 365/10^4 × P(check) 1/11 ≈ 1.5e-5, and ≈ 1.6e-4 with a correct
// check character.
func TestIDValidationMatchesReference(t *testing.T) {
	n := 1_000_000
	if testing.Short() {
		n = 100_000
	}
	r := rand.New(rand.NewPCG(11643, 1999))
	today := time.Now()
	var tried, passed [2]int // [0] arbitrary, [1] correct check character
	for i := 0; i < n; i++ {
		s := fmt.Sprintf("%09d%09d", r.IntN(1e9), r.IntN(1e9))
		k := i % 2
		if k == 1 {
			s = s[:17] + string(checkChar(s[:17]))
		}
		got := len(Scan(s)) > 0
		if want := referenceID(s, today); got != want {
			t.Fatalf("Scan(%s) found %v, reference says %v", s, got, want)
		}
		tried[k]++
		if got {
			passed[k]++
		}
	}
	t.Logf("arbitrary 18-digit numbers: %d of %d pass (%.1e)", passed[0], tried[0], float64(passed[0])/float64(tried[0]))
	t.Logf("with a correct check character: %d of %d pass (%.1e)", passed[1], tried[1], float64(passed[1])/float64(tried[1]))
	if passed[1] == 0 {
		t.Errorf("no random number with a correct check character passed: the sample tests nothing")
	}
}
