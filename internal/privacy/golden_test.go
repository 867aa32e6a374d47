package privacy

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// placeholder stands for an identity number computed by the test: {{ID:area:birth:seq}}
// or {{IDX:area:birth}} (one whose check character is X). The sample keeps no number
// that could be a person's; the golden file holds masked values only.
var placeholder = regexp.MustCompile(`\{\{(IDX?):(\d{6}):(\d{8})(?::(\d{3}))?\}\}`)

func fillSample(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return placeholder.ReplaceAllStringFunc(string(b), func(m string) string {
		p := placeholder.FindStringSubmatch(m)
		if p[1] == "IDX" {
			return idWithX(p[2], p[3])
		}
		return makeID(p[2], p[3], p[4])
	})
}

// A fictional 公示 shaped like the subsidy notices in the corpus: a beneficiary
// table with identity numbers (one invalid: 2001 has no 29 February; one already
// masked by its author), amounts, doc numbers, a landline, a hotline, a mobile
// with and without +86, and a contract code that embeds mobile-like digits.
func TestGoldenNotice(t *testing.T) {
	text := fillSample(t, "notice.txt")
	fs := Scan(text)
	checkInvariants(t, text, fs)
	got, err := json.MarshalIndent(fs, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden := filepath.Join("testdata", "notice.golden.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("findings differ from %s (go test -update rewrites it):\n%s", golden, got)
	}
	masked := Mask(text, fs)
	for _, f := range fs {
		if strings.Contains(string(got), digitsOf(text[f.Start:f.End])) {
			t.Errorf("golden output holds %s in clear", f.Masked)
		}
	}
	if strings.Contains(masked, "7654") || !strings.Contains(masked, "139 **** 3210") {
		t.Errorf("masked text:\n%s", masked)
	}
}
