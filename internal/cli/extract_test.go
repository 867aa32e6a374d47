package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// `guifan extract -json` shows what an ingest records: the sidecar's values over the
// text's, which fields came from the sidecar, and the sidecar's warnings.
func TestExtractJSONMergesSidecar(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "办法.txt")
	text := "关于印发某县就业补贴办法的通知\n某政办发〔2021〕5号\n第一条 为促进就业，制定本办法。\n第九条 本办法自2021年4月1日起施行，有效期3年。\n某县人民政府办公室\n2021年3月1日\n"
	if err := os.WriteFile(doc, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(doc+".meta.yaml", []byte("publish_date: 2021-03-05\nexpiry_date: 2023-12-31\nefective_date: 2021-05-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"extract", "-json", doc}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		MetadataFile  string   `json:"metadata_file"`
		FromMetadata  []string `json:"from_metadata"`
		DocNumber     string   `json:"doc_number"`
		PublishDate   string   `json:"publish_date"`
		EffectiveDate string   `json:"effective_date"`
		ExpiryDate    string   `json:"expiry_date"`
		Warnings      []string `json:"warnings"`
		Text          string   `json:"text"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	if got.MetadataFile != doc+".meta.yaml" || strings.Join(got.FromMetadata, ",") != "publish_date,expiry_date" {
		t.Errorf("metadata file %q, from metadata %v", got.MetadataFile, got.FromMetadata)
	}
	if got.PublishDate != "2021-03-05" || got.EffectiveDate != "2021-04-01" || got.ExpiryDate != "2023-12-31" {
		t.Errorf("dates %s %s %s, want the sidecar's publish and expiry dates and the text's effective date", got.PublishDate, got.EffectiveDate, got.ExpiryDate)
	}
	if got.DocNumber != "某政办发〔2021〕5号" || !strings.Contains(got.Text, "第一条") {
		t.Errorf("doc number %q, text %q", got.DocNumber, got.Text)
	}
	if !strings.Contains(strings.Join(got.Warnings, "\n"), "efective_date") {
		t.Errorf("warnings %v lack the unknown sidecar field", got.Warnings)
	}

	out.Reset()
	errb.Reset()
	if code := Main(context.Background(), []string{"extract", "-json", doc, filepath.Join(dir, "missing.pdf")}, &out, &errb); code == 0 {
		t.Errorf("a missing file exits 0")
	}
	if !strings.Contains(errb.String(), "missing.pdf") || !strings.Contains(out.String(), "某政办发") {
		t.Errorf("the readable file is printed and the missing one reported: stdout %q stderr %q", out.String(), errb.String())
	}
}

// A clean-up notice whose paragraphs and table sit straight in <body> is read whole:
// its number, dates and the repeal its table states.
func TestExtractJSONHTMLBodyWithoutWrapper(t *testing.T) {
	doc := filepath.Join(t.TempDir(), "通知.html")
	page := `<html><head><meta charset="utf-8"></head><body><p>辛县人民政府关于公布规范性文件清理结果的通知</p><p>辛政发〔2025〕5号</p>` +
		`<p>本通知自2025年6月1日起施行。</p><table><tr><th>序号</th><th>文件名称</th><th>文号</th><th>清理意见</th></tr>` +
		`<tr><td>1</td><td>辛县种植补贴办法</td><td>辛政办发〔2019〕2号</td><td>废止</td></tr>` +
		`<tr><td>2</td><td>辛县养殖补贴办法</td><td>辛政办发〔2019〕3号</td><td>继续有效</td></tr></table>` +
		`<p>辛县人民政府</p><p>2025年5月20日</p></body></html>`
	if err := os.WriteFile(doc, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"extract", "-json", doc}, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got struct {
		Title         string `json:"title"`
		DocNumber     string `json:"doc_number"`
		PublishDate   string `json:"publish_date"`
		EffectiveDate string `json:"effective_date"`
		Relations     []struct {
			Type         string `json:"type"`
			Target       string `json:"target"`
			TargetNumber string `json:"target_number"`
		} `json:"relations"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.String())
	}
	for _, want := range []string{"辛县人民政府关于公布规范性文件清理结果的通知", "辛政发〔2025〕5号", "本通知自2025年6月1日起施行。",
		"1  辛县种植补贴办法  辛政办发〔2019〕2号  废止", "2  辛县养殖补贴办法  辛政办发〔2019〕3号  继续有效", "辛县人民政府", "2025年5月20日"} {
		if !strings.Contains(got.Text, want) {
			t.Errorf("text lacks %q: %q", want, got.Text)
		}
	}
	if got.Title != "辛县人民政府关于公布规范性文件清理结果的通知" || got.DocNumber != "辛政发〔2025〕5号" {
		t.Errorf("title %q, doc number %q", got.Title, got.DocNumber)
	}
	if got.PublishDate != "2025-05-20" || got.EffectiveDate != "2025-06-01" {
		t.Errorf("publish %s, effective %s", got.PublishDate, got.EffectiveDate)
	}
	var repeals []string
	for _, r := range got.Relations {
		switch r.Type {
		case "repeals", "lapses", "amends", "extends":
			repeals = append(repeals, r.Type+" "+r.Target+" "+r.TargetNumber)
		}
	}
	if strings.Join(repeals, "; ") != "repeals 辛县种植补贴办法 辛政办发〔2019〕2号" {
		t.Errorf("relations changing a document's status: %v, want only the repeal of the 废止 row", repeals)
	}
}
