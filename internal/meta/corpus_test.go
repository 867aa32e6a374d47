package meta

import (
	"bufio"
	"encoding/json"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
)

// lawRecord is the part of a laws.jsonl line the corpus test reads.
type lawRecord struct {
	ID            string      `json:"id"`
	Title         string      `json:"title"`
	Level         model.Level `json:"level"`
	PublishDate   model.Date  `json:"publish_date"`
	EffectiveDate model.Date  `json:"effective_date"`
	Collection    string      `json:"collection"`
	VersionOf     string      `json:"version_of"`
	Text          string      `json:"text"`
}

func readLaws(t testing.TB) []lawRecord {
	t.Helper()
	f, err := os.Open(testcorpus.Laws(t))
	if err != nil {
		t.Skipf("laws.jsonl: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	var out []lawRecord
	for sc.Scan() {
		var r lawRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %d: %v", len(out)+1, err)
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestCorpus runs Extract over every record of laws.jsonl and measures it against the
// records' own metadata: the effective dates read from the text must agree with the
// recorded ones, judicial interpretations must yield their 法释 numbers, and relations
// are counted by type.
func TestCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("corpus-wide test skipped in -short mode")
	}
	recs := readLaws(t)
	// A record with an earlier record in its version_of group is an amended text.
	first := map[string]model.Date{}
	for _, r := range recs {
		if r.VersionOf != "" && (first[r.VersionOf] == 0 || r.PublishDate < first[r.VersionOf]) {
			first[r.VersionOf] = r.PublishDate
		}
	}
	var both, agree, textOnly, metaOnly int
	// By the kind of evidence: a written date, 自公布之日起 (the publish date), a header line.
	kindBoth, kindAgree := map[string]int{}, map[string]int{}
	var fashi, judicial, fashiText, fashiPrinted, fashiMissed int
	var pubBoth, pubAgree, expiries int
	relCount := map[model.RelationType]int{}
	var disagreements []string
	for _, r := range recs {
		amended := r.VersionOf != "" && r.PublishDate > first[r.VersionOf]
		info := Extract(r.Text, Hint{Title: r.Title, PublishDate: r.PublishDate, Level: r.Level, Amended: amended})
		for _, rel := range info.Relations {
			relCount[rel.Type]++
		}
		if info.ExpiryDate != 0 {
			expiries++
			t.Errorf("%s %s: expiry %s from %q; laws and interpretations state no period of their own",
				r.ID, r.Title, info.ExpiryDate, info.ExpiryEvidence.Value)
		}
		if info.PublishDate != 0 && r.PublishDate != 0 {
			pubBoth++
			if info.PublishDate == r.PublishDate {
				pubAgree++
			}
		}
		switch {
		case info.EffectiveDate != 0 && r.EffectiveDate != 0:
			both++
			kind := evidenceKind(info.EffectiveEvidence.Value)
			kindBoth[kind]++
			if info.EffectiveDate == r.EffectiveDate {
				agree++
				kindAgree[kind]++
			} else {
				disagreements = append(disagreements, r.ID+" "+r.Title+": text "+info.EffectiveDate.String()+
					" record "+r.EffectiveDate.String()+" ← "+info.EffectiveEvidence.Value)
			}
		case info.EffectiveDate != 0:
			textOnly++
		case r.EffectiveDate != 0:
			metaOnly++
		}
		if r.Level == model.LevelJudicial {
			judicial++
			if strings.Contains(r.Text, "法释") {
				fashiText++
			}
			if strings.HasPrefix(info.DocNumber, "法释") {
				fashi++
			}
			// An independent check: a line that is only a 法释 number is the document's own.
			if own := ownFashiLine.FindString(strings.ReplaceAll(r.Text, "\u200b", "")); own != "" {
				fashiPrinted++
				if !strings.HasPrefix(info.DocNumber, "法释") {
					fashiMissed++
					t.Errorf("%s: prints %q, extracted %q", r.Title, strings.TrimSpace(own), info.DocNumber)
				}
			}
		}
	}
	sort.Strings(disagreements)
	for _, d := range disagreements {
		t.Log("disagree:", d)
	}
	share := float64(agree) / float64(max(both, 1))
	t.Logf("records %d; effective date from text and record both present %d, equal %d (%.1f%%); text only %d; record only %d",
		len(recs), both, agree, 100*share, textOnly, metaOnly)
	for _, k := range []string{"written date", "publish date", "header line"} {
		t.Logf("  %s: %d of %d equal", k, kindAgree[k], kindBoth[k])
	}
	t.Logf("publish date from text and record both present %d, equal %d (%.1f%%): a header's 通过 date is often not the record's 公布 date",
		pubBoth, pubAgree, 100*float64(pubAgree)/float64(max(pubBoth, 1)))
	t.Logf("judicial interpretations %d, texts mentioning 法释 %d, printing their own 法释 number on a line %d, own 法释 number extracted %d (missed %d)",
		judicial, fashiText, fashiPrinted, fashi, fashiMissed)
	var types []string
	for ty, n := range relCount {
		types = append(types, string(ty)+"="+itoa(n))
	}
	sort.Strings(types)
	t.Logf("relations: %s", strings.Join(types, " "))

	// Floors at the measured figures, so that a change that loses precision fails.
	if share < 0.98 {
		t.Errorf("effective dates agree for %.1f%%, want at least 98%%", 100*share)
	}
	for _, k := range []string{"written date", "header line"} {
		if kindAgree[k] != kindBoth[k] {
			t.Errorf("%s: %d of %d effective dates agree, want all", k, kindAgree[k], kindBoth[k])
		}
	}
	if fashi < 41 {
		t.Errorf("own 法释 numbers extracted for %d judicial interpretations, want at least 41", fashi)
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

var ownFashiLine = regexp.MustCompile(`(?m)^\s*法释\s*[〔\[（(]\s*\d{4}\s*[〕\]）)]\s*\d+\s*号\s*$`)

func evidenceKind(ev string) string {
	switch {
	case !strings.Contains(ev, "起"):
		return "header line"
	case strings.Contains(ev, "之日"):
		return "publish date"
	}
	return "written date"
}

// BenchmarkExtract runs Extract over the whole of laws.jsonl and reports MB/s.
func BenchmarkExtract(b *testing.B) {
	recs := readLaws(b)
	var size int64
	for _, r := range recs {
		size += int64(len(r.Text))
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, r := range recs {
			Extract(r.Text, Hint{Title: r.Title, PublishDate: r.PublishDate, Level: r.Level})
		}
	}
}
