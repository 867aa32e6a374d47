package service

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/testcorpus"
)

// The seed, 抚顺县2022年政务公开工作要点, is an annual plan that states no 有效期: it
// lapses with 2022, and the reason says the date was inferred from its title.
func TestSeedWorkPlanLapsesWithItsYear(t *testing.T) {
	src := testcorpus.Seed(t)
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	lib, idx := filepath.Join(dir, "lib"), filepath.Join(dir, "idx")
	if err := os.MkdirAll(lib, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(lib, filepath.Base(src)), b, 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, lib, idx)
	st, done, err := Open(idx)
	if err != nil {
		t.Fatal(err)
	}
	defer done()
	for _, tc := range []struct {
		asof         model.Date
		status, text string
	}{
		{20221201, "现行有效", "有效期至2022年12月31日（根据标题推定）"},
		{20261127, "已失效", "已失效：有效期至2022年12月31日届满，未见延续（有效期系根据标题“关于印发《抚顺县2022年政务公开工作要点》的通知”所载期间推定，正文未写明有效期）"},
	} {
		rs, err := st.Validity([]string{"抚县政公领发〔2022〕3号", "抚顺县2022年政务公开工作要点"}, tc.asof, Viewer{})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rs {
			if r.Status == nil || *r.Status != tc.status || !strings.Contains(r.StatusReason, tc.text) {
				t.Errorf("%s as of %s: %v %q; want %s with %q", r.Input, tc.asof, r.Status, r.StatusReason, tc.status, tc.text)
			}
		}
	}
}
