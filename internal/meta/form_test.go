package meta

import (
	"context"
	"testing"

	"github.com/guifan/guifan/internal/extract"
	"github.com/guifan/guifan/internal/testcorpus"
)

// signout.ofd is a 收文处理单 for 府办专督〔2020〕24号: it must not pass for that document
// (a check of the number would answer with the form), it cites it, and its title is
// the form's heading with the handled document's title. n.ofd, the document itself
// in a red header, keeps its number.
func TestProcessingFormFromFile(t *testing.T) {
	read := func(name string) Info {
		res, err := extract.File(context.Background(), testcorpus.File(t, name), extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return Extract(res.Text, Hint{FileName: name})
	}
	form := read("signout.ofd")
	if form.DocNumber != "" {
		t.Errorf("form claims the number %q", form.DocNumber)
	}
	if want := "XX市政府文件处理：市委主要领导同志调研后续落实事项的通知"; form.Title != want {
		t.Errorf("title %q, want %q", form.Title, want)
	}
	if keys := relationKeys(form.Relations); len(keys) != 1 || keys[0] != "cites→府办专督〔2020〕24号" {
		t.Errorf("relations %q, want the handled document cited", keys)
	}
	if n := read("n.ofd"); n.DocNumber != "路卫发〔2011〕76号" || n.Title != "关于同意张阿三同志辞职的批复" {
		t.Errorf("n.ofd read as %q %q", n.DocNumber, n.Title)
	}
}

func TestFindForm(t *testing.T) {
	tests := []struct {
		text, title string
		form        bool
	}{
		{"收文处理单\n来文单位：某县人民政府办公室\n来文文号：某政办发〔2024〕5号\n文件标题：关于做好防汛工作的通知\n拟办意见：", "收文处理单：关于做好防汛工作的通知", true},
		{"发文稿纸\n签发：\n核稿：\n拟稿：张三\n标题\n关于印发某某办法的通知\n主送：各乡镇", "发文稿纸：关于印发某某办法的通知", true},
		// A notice about how documents are handled is no form, whatever its words.
		{"某县人民政府办公室文件\n某政办发〔2024〕5号\n关于规范公文处理工作的通知\n各乡镇人民政府：\n为规范收文日期登记和拟办意见填写，现通知如下。", "", false},
		{"收文处理单\n正文一行", "", false}, // a heading without the form's labels
	}
	for _, tt := range tests {
		f, ok := findForm(newDoc(tt.text))
		if ok != tt.form || ok && f.title() != tt.title {
			t.Errorf("%.20q: form %v %q, want %v %q", tt.text, ok, f.title(), tt.form, tt.title)
		}
	}
}
