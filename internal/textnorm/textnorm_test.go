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

func TestJoinLines(t *testing.T) {
	lines := []string{
		"关于印发抚顺县2022年政务公开",
		"工作要点的通知",
		"",
		"为贯彻落实国务院办公厅关于印发2022年政务公开工作要点的通知文件精",
		"神，根据党中央、国务院有关工作部署，省、市、县委及政府工作安排，坚持",
		"稳中求进工作总基调，加快转变政务公开职能，服务中心工作，重点围绕助力",
		"经济平稳健康发展。",
		"一、做好推进高质量发展信息公开",
		"（一）以政务公开助推经济平稳健康发展",
	}
	want := "关于印发抚顺县2022年政务公开\n\n工作要点的通知\n\n" +
		"为贯彻落实国务院办公厅关于印发2022年政务公开工作要点的通知文件精神，根据党中央、国务院有关工作部署，省、市、县委及政府工作安排，坚持稳中求进工作总基调，加快转变政务公开职能，服务中心工作，重点围绕助力经济平稳健康发展。\n\n" +
		"一、做好推进高质量发展信息公开\n\n（一）以政务公开助推经济平稳健康发展"
	if got := JoinLines(lines); got != want {
		t.Errorf("JoinLines =\n%s\nwant\n%s", got, want)
	}
}

func TestTitleKey(t *testing.T) {
	same := [][2]string{
		{"中华人民共和国公司法（2018年修正）", "中华人民共和国公司法"},
		{"关于印发《抚顺县 2022 年政务公开工作要点》 的通知", "关于印发抚顺县2022年政务公开工作要点的通知"},
		{"ＸＸ办法（试行）", "xx办法(试行)"},
		{"最高人民法院、最高人民检察院关于办理强奸、猥亵未成年人刑事案件适用法律若干问题的解释", "最高人民法院  最高人民检察院关于办理强奸、猥亵未成年人刑事案件适用法律若干问题的解释"},
	}
	for _, p := range same {
		if TitleKey(p[0]) != TitleKey(p[1]) {
			t.Errorf("TitleKey(%q)=%q != TitleKey(%q)=%q", p[0], TitleKey(p[0]), p[1], TitleKey(p[1]))
		}
	}
	if TitleKey("某办法（试行）") == TitleKey("某办法") {
		t.Error("a trial measure (试行) must not be the same document as the final one")
	}
}

// Traditional characters typed or pasted are read as simplified; simplified text, ASCII
// and digits come back as they are.
func TestSimplified(t *testing.T) {
	for in, want := range map[string]string{
		"勞動合同法":         "劳动合同法",
		"失業金怎麼領":        "失业金怎么领",
		"中華人民共和國個人所得稅法": "中华人民共和国个人所得税法",
		"頭髮":        "头发",
		"乾隆":        "乾隆",
		"劳动合同法":     "劳动合同法",
		"国务院令第735号": "国务院令第735号",
		"著作权法":      "著作权法",
		"abc 123":   "abc 123",
		"":          "",
	} {
		if got := Simplified(in); got != want {
			t.Errorf("Simplified(%q) = %q, want %q", in, got, want)
		}
	}
}

// Radicals that PDFs print for ideographs read as the ideographs.
func TestRadicalsFoldToIdeographs(t *testing.T) {
	in := "某市⼈⼒资源和社会保障局关于就业⻅习的通知：⾃2022年10⽉1⽇起施⾏"
	want := "某市人力资源和社会保障局关于就业见习的通知：自2022年10月1日起施行"
	if got := FoldWidth(in); got != want {
		t.Errorf("FoldWidth(%q) = %q, want %q", in, got, want)
	}
}
