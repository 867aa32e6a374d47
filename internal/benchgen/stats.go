package benchgen

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/guifan/guifan/internal/model"
)

// Stats describes a generated corpus, so a benchmark can print what it measured on.
// Counts of works are of generated works; the validity features are as generated and
// as of Options.AsOf, not as the ingester computes them.
type Stats struct {
	Versions          int            `json:"versions"`            // records written (= n)
	Works             int            `json:"works"`               // distinct works started
	MultiVersionWorks int            `json:"multi_version_works"` // works with two or more versions written
	VersionsByLevel   map[string]int `json:"versions_by_level"`   // 效力级别 → versions
	WorksByLevel      map[string]int `json:"works_by_level"`      // 效力级别 → works
	Interpretations   int            `json:"interpretations"`     // 解读 documents (one version each)
	Extensions        int            `json:"extensions"`          // 关于延长《…》有效期的通知
	Cleanups          int            `json:"cleanups"`            // 关于废止和宣布失效一批规范性文件的决定

	Restricted      int `json:"restricted"`       // versions with disclosure restricted
	RestrictedWorks int `json:"restricted_works"` // works with disclosure restricted
	Future          int `json:"future"`           // versions whose effective date is after AsOf (尚未生效)
	WithExpiry      int `json:"with_expiry"`      // versions that state a 有效期
	ExpiryTextOnly  int `json:"expiry_text_only"` // of those, versions stating it only in the text, not in expiry_date
	Expired         int `json:"expired"`          // works whose 有效期 ends before AsOf, not extended past it by a notice dated on or before AsOf
	ExpiringSoon    int `json:"expiring_soon"`    // works whose 有效期 ends within 180 days from AsOf (即将到期)
	Extended        int `json:"extended"`         // works an extends relation continues
	Ended           int `json:"ended"`            // works a repeals or lapses relation names

	Relations         map[string]int `json:"relations"`           // relation type → count, interprets included
	DocNumberVariants int            `json:"doc_number_variants"` // doc numbers written in a non-standard form
	WithoutVersionOf  int            `json:"without_version_of"`  // records the ingester must group by title

	Bytes          int64         `json:"bytes"`      // JSON Lines written
	TextBytes      int64         `json:"text_bytes"` // UTF-8 bytes of the texts
	Subjects       int           `json:"subjects"`   // distinct subjects taken from source titles
	SourceArticles int           `json:"source_articles"`
	SourceLoad     time.Duration `json:"source_load_ns"`
	Elapsed        time.Duration `json:"elapsed_ns"` // generation, after the source was read
	AsOf           model.Date    `json:"asof"`
	AvgTextBytes   int           `json:"avg_text_bytes"` // the target mean
}

func newStats(opt Options) *Stats {
	return &Stats{VersionsByLevel: map[string]int{}, WorksByLevel: map[string]int{}, Relations: map[string]int{},
		AsOf: opt.AsOf, AvgTextBytes: opt.AvgTextBytes}
}

// MBPerSecond is the generation speed in megabytes (10^6 bytes) of output per second.
func (s Stats) MBPerSecond() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Bytes) / 1e6 / s.Elapsed.Seconds()
}

// String is a multi-line summary for a benchmark to print.
func (s Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "versions %d, works %d (%d with several versions), %.1f MB JSONL, mean text %d bytes\n",
		s.Versions, s.Works, s.MultiVersionWorks, float64(s.Bytes)/1e6, s.meanText())
	fmt.Fprintf(&b, "generated in %s at %.0f MB/s (source read in %s: %d subjects, %d articles)\n",
		s.Elapsed.Round(time.Millisecond), s.MBPerSecond(), s.SourceLoad.Round(time.Millisecond), s.Subjects, s.SourceArticles)
	fmt.Fprintf(&b, "levels (versions): %s\n", formatCounts(s.VersionsByLevel))
	fmt.Fprintf(&b, "interpretations %d, extension notices %d, clean-up decisions %d\n", s.Interpretations, s.Extensions, s.Cleanups)
	fmt.Fprintf(&b, "as of %s: future %d versions, expired %d works, expiring within 180 days %d, extended %d, repealed or lapsed %d\n",
		s.AsOf, s.Future, s.Expired, s.ExpiringSoon, s.Extended, s.Ended)
	fmt.Fprintf(&b, "有效期 stated in %d versions (%d only in the text); restricted %d versions (%d works)\n",
		s.WithExpiry, s.ExpiryTextOnly, s.Restricted, s.RestrictedWorks)
	fmt.Fprintf(&b, "relations: %s; doc-number variants %d; records without version_of %d",
		formatCounts(s.Relations), s.DocNumberVariants, s.WithoutVersionOf)
	return b.String()
}

func (s Stats) meanText() int64 {
	if s.Versions == 0 {
		return 0
	}
	return s.TextBytes / int64(s.Versions)
}

func formatCounts(m map[string]int) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}
