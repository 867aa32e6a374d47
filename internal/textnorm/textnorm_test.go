package textnorm

import "testing"

func TestFoldWidth(t *testing.T) {
	tests := []struct{ in, want string }{
		{"法释〔２０２３〕１３号", "法释〔2023〕13号"},
		{"ＧＢ／Ｔ　３３１９０", "GB/T　33190"},
		{"第一条，（一）《办法》", "第一条，（一）《办法》"},
		{"plain", "plain"},
	}
	for _, tt := range tests {
		if got := FoldWidth(tt.in); got != tt.want {
			t.Errorf("FoldWidth(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	in := "\ufeff第一条  \r\n\r\n\r\n第二条\u200b内容\t \n\n"
	want := "第一条\n\n第二条内容"
	if got := Clean(in); got != want {
		t.Errorf("Clean = %q, want %q", got, want)
	}
}

func TestCompact(t *testing.T) {
	if got := Compact("农办机〔 2019〕7 号\u3000"); got != "农办机〔2019〕7号" {
		t.Errorf("Compact = %q", got)
	}
}
