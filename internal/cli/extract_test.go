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
