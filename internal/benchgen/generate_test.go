package benchgen

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/docnum"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
	"github.com/guifan/guifan/internal/textnorm"
)

// sample is testdata/laws_sample.jsonl: 18 real records of laws.jsonl (laws and local
// regulations from all three collections), so the tests run without the shared corpus.
func sample(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "laws_sample.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func generate(t testing.TB, src []byte, opt Options) ([]byte, Stats) {
	t.Helper()
	var out bytes.Buffer
	st, err := GenerateWith(context.Background(), bytes.NewReader(src), &out, opt)
	if err != nil {
		t.Fatal(err)
	}
	return out.Bytes(), st
}

func TestGenerateIsDeterministic(t *testing.T) {
	src := sample(t)
	a, _ := generate(t, src, Options{N: 400, Seed: 7})
	b, _ := generate(t, src, Options{N: 400, Seed: 7})
	if !bytes.Equal(a, b) {
		t.Fatal("the same n and seed gave different output")
	}
	c, _ := generate(t, src, Options{N: 400, Seed: 8})
	if bytes.Equal(a, c) {
		t.Fatal("different seeds gave the same output")
	}
	// A shorter run is a prefix of a longer one: n only decides where to stop.
	d, _ := generate(t, src, Options{N: 150, Seed: 7})
	if !bytes.HasPrefix(a, d) {
		t.Fatal("n=150 is not a prefix of n=400 with the same seed")
	}
}

func TestGenerateSample(t *testing.T) {
	for _, n := range []int{0, 1, 37, 600} {
		out, st := generate(t, sample(t), Options{N: n, Seed: 3})
		checkCorpus(t, out, st, n)
	}
}

func TestGenerateRealCorpus(t *testing.T) {
	src, err := os.ReadFile(testcorpus.Laws(t))
	if err != nil {
		t.Fatal(err)
	}
	n := 200
	if !testing.Short() {
		n = 3000
	}
	out, st := generate(t, src, Options{N: n, Seed: 1})
	checkCorpus(t, out, st, n)
	t.Logf("n=%d:\n%s", n, st)
	if st.Subjects < 900 || st.SourceArticles < 80000 {
		t.Errorf("read %d subjects and %d articles from laws.jsonl, want ≥ 900 and ≥ 80000", st.Subjects, st.SourceArticles)
	}
	// Every feature the benchmark is about is present even in the short run.
	feats := map[string]int{"future": st.Future, "expired": st.Expired, "expiring soon": st.ExpiringSoon,
		"restricted": st.Restricted, "extended": st.Extended, "interpretations": st.Interpretations,
		"text-only 有效期": st.ExpiryTextOnly, "doc-number variants": st.DocNumberVariants, "multi-version works": st.MultiVersionWorks}
	for _, typ := range []model.RelationType{model.Basis, model.Cites, model.Repeals, model.Extends, model.Interprets} {
		feats["relation "+string(typ)] = st.Relations[string(typ)]
	}
	if n >= 3000 {
		feats["relation lapses"] = st.Relations[string(model.Lapses)]
		feats["clean-ups"] = st.Cleanups
	}
	for name, c := range feats {
		if c == 0 {
			t.Errorf("no %s in %d generated versions", name, n)
		}
	}
	if n < 3000 {
		return // a few hundred versions may miss a rare level
	}
	for _, l := range []model.Level{model.LevelNormative, model.LevelLocalRules, model.LevelLocalRegs, model.LevelDeptRules,
		model.LevelAdminRegs, model.LevelLaw, model.LevelJudicial} {
		if st.VersionsByLevel[string(l)] == 0 {
			t.Errorf("no %s version in %d", l, n)
		}
	}
	if share := float64(st.Restricted) / float64(n); share < 0.02 || share > 0.09 {
		t.Errorf("restricted share %.3f, want about 0.05", share)
	}
}

func TestAverageTextSize(t *testing.T) {
	src := sample(t)
	for _, avg := range []int{2000, DefaultAvgTextBytes} {
		_, st := generate(t, src, Options{N: 3000, Seed: 11, AvgTextBytes: avg})
		mean := float64(st.TextBytes) / float64(st.Versions)
		if mean < 0.85*float64(avg) || mean > 1.15*float64(avg) {
			t.Errorf("AvgTextBytes %d: mean text %.0f bytes, want within 15%%", avg, mean)
		}
	}
}

// checkCorpus checks a generated corpus the way the ingester will read it: every line
// parses with library.EachLine; the catalog groups it into the works generated and
// resolves every relation to a generated document; versions and relations are dated in
// order; the Stats agree with the lines.
func checkCorpus(t *testing.T, out []byte, st Stats, n int) {
	t.Helper()
	if got := bytes.Count(out, []byte("\n")); got != n || st.Versions != n {
		t.Fatalf("wrote %d lines, Stats.Versions %d, want %d", got, st.Versions, n)
	}
	if st.Bytes != int64(len(out)) {
		t.Errorf("Stats.Bytes %d, output %d bytes", st.Bytes, len(out))
	}
	var records []*catalog.Record
	fields := map[string]*library.Fields{}
	count := Stats{VersionsByLevel: map[string]int{}, Relations: map[string]int{}}
	err := library.EachLine(bytes.NewReader(out), func(line int, raw []byte, f *library.Fields, err error) error {
		if err != nil {
			t.Errorf("line %d does not parse: %v", line, err)
			return nil
		}
		if _, dup := fields[f.ID]; dup {
			t.Errorf("line %d: id %s repeated", line, f.ID)
		}
		fields[f.ID] = f
		checkRecord(t, line, f)
		v := model.Version{ID: f.ID, WorkKey: f.VersionOf, Title: f.Title, DocNumber: docnum.Normalize(f.DocNumber),
			Authorities: f.Authority, Level: model.Level(f.Level), PublishDate: f.PublishDate, EffectiveDate: f.EffectiveDate,
			ExpiryDate: f.ExpiryDate, Interprets: f.Interprets, Relations: f.ModelRelations(), Disclosure: model.Public}
		if f.DocNumber != "" && v.DocNumber == "" {
			v.DocNumber = f.DocNumber
		}
		if f.Kind != "" {
			v.Kind = model.KindInterpretation
		}
		if f.Disclosure == string(model.Restricted) {
			v.Disclosure = model.Restricted
			count.Restricted++
		}
		records = append(records, &catalog.Record{Key: f.ID, Version: v, TextHash: f.ID})
		count.VersionsByLevel[f.Level]++
		for _, r := range f.Relations {
			count.Relations[r.Type]++
		}
		if f.Interprets != "" {
			count.Relations[string(model.Interprets)]++
		}
		if f.EffectiveDate > st.AsOf {
			count.Future++
		}
		if f.VersionOf == "" {
			count.WithoutVersionOf++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		return
	}
	if count.Restricted != st.Restricted || count.Future != st.Future || count.WithoutVersionOf != st.WithoutVersionOf {
		t.Errorf("Stats say restricted %d, future %d, without version_of %d; the lines %d, %d, %d",
			st.Restricted, st.Future, st.WithoutVersionOf, count.Restricted, count.Future, count.WithoutVersionOf)
	}
	if !sameCounts(count.VersionsByLevel, st.VersionsByLevel) || !sameCounts(count.Relations, st.Relations) {
		t.Errorf("Stats levels %v relations %v; the lines %v %v", st.VersionsByLevel, st.Relations, count.VersionsByLevel, count.Relations)
	}

	// Distinct works have distinct titles, so a title names one document.
	titleOf := map[string]string{}
	for id, f := range fields {
		work := id[:strings.LastIndex(id, "-v")]
		k := textnorm.TitleKey(f.Title)
		if w, ok := titleOf[k]; ok && w != work {
			t.Errorf("works %s and %s share the title %s", w, work, f.Title)
		}
		titleOf[k] = work
	}

	cat := catalog.Build(records)
	// Works: ids g<seed>-<kind><n>-v<k>; the catalog must group exactly those versions.
	generated := map[string]bool{}
	for id := range fields {
		generated[id[:strings.LastIndex(id, "-v")]] = true
	}
	if len(cat.Works) != len(generated) || len(generated) != st.Works {
		t.Errorf("catalog built %d works, ids name %d, Stats.Works %d", len(cat.Works), len(generated), st.Works)
	}
	for _, w := range cat.Works {
		var prev *library.Fields
		for _, vid := range w.VersionIDs {
			f := fields[vid]
			if wk := vid[:strings.LastIndex(vid, "-v")]; !strings.HasPrefix(w.VersionIDs[0], wk+"-v") {
				t.Errorf("work %s groups %s with %s", w.ID, vid, w.VersionIDs[0])
			}
			if prev != nil && (f.PublishDate <= prev.PublishDate || f.EffectiveDate <= prev.EffectiveDate) {
				t.Errorf("%s (published %s, in effect %s) is not after %s (%s, %s)", vid, f.PublishDate, f.EffectiveDate,
					prev.ID, prev.PublishDate, prev.EffectiveDate)
			}
			prev = f
		}
	}
	for _, r := range cat.Relations {
		if r.TargetWork == "" {
			t.Errorf("%s: %s relation to %q names no generated document", r.FromVersion, r.Type, r.Target)
			continue
		}
		from := fields[r.FromVersion]
		target := cat.Works[r.TargetWork]
		first := fields[target.VersionIDs[0]]
		if first.PublishDate > from.PublishDate {
			t.Errorf("%s (%s) %s %s, published later (%s)", r.FromVersion, from.PublishDate, r.Type, r.Target, first.PublishDate)
		}
		if r.Type == model.Extends && (r.Until == 0 || r.Until <= fields[target.VersionIDs[len(target.VersionIDs)-1]].EffectiveDate) {
			t.Errorf("%s extends %s until %s", r.FromVersion, r.Target, r.Until)
		}
	}
}

func checkRecord(t *testing.T, line int, f *library.Fields) {
	t.Helper()
	if f.PublishDate == 0 || f.EffectiveDate < f.PublishDate {
		t.Errorf("line %d: published %s, in effect %s", line, f.PublishDate, f.EffectiveDate)
	}
	if y := f.PublishDate.Year(); y < firstYear || y > lastYear {
		t.Errorf("line %d: published in %d", line, y)
	}
	if f.ExpiryDate != 0 && !strings.Contains(f.Text, "有效期") {
		t.Errorf("line %d: expiry_date %s but the text states no 有效期", line, f.ExpiryDate)
	}
	if f.Title == "" || len(f.Authority) == 0 || f.Level == "" || len(f.Text) < 100 {
		t.Errorf("line %d: missing title, authority, level or text: %q %q %q %d", line, f.Title, f.Authority, f.Level, len(f.Text))
	}
	if !strings.HasPrefix(f.Text, strings.TrimPrefix(f.Title, "关于")) && !strings.Contains(f.Text[:min(len(f.Text), 600)], f.Title) {
		t.Errorf("line %d: the text does not start with the title %q", line, f.Title)
	}
	if n := docnum.Normalize(f.DocNumber); n != "" && !strings.Contains(textnorm.FoldWidth(f.Text), textnorm.FoldWidth(f.DocNumber)) {
		t.Errorf("line %d: the text does not carry its doc number %s", line, f.DocNumber)
	}
	for _, r := range f.Relations {
		if r.Evidence == "" || !strings.Contains(f.Text, r.Evidence) {
			t.Errorf("line %d: %s relation's evidence %q is not in the text", line, r.Type, r.Evidence)
		}
	}
}

func sameCounts(a, b map[string]int) bool {
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	for k, v := range b {
		if a[k] != v {
			return false
		}
	}
	return true
}
