package ingest

import (
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// A document without a level in its metadata takes the one its own number shows, and
// 其他 when the number does not tell (SPEC "Domain model": level is one of the eight).
func TestLevelOf(t *testing.T) {
	for number, want := range map[string]model.Level{
		"法释〔2023〕7号":       model.LevelJudicial,
		"高检发释字〔2019〕4号":    model.LevelJudicial,
		"中华人民共和国主席令第45号":   model.LevelLaw,
		"中华人民共和国国务院令第735号": model.LevelAdminRegs,
		"国务院令第258号":        model.LevelAdminRegs,
		"中华人民共和国国务院、中华人民共和国中央军事委员会令第805号": model.LevelAdminRegs,
		"北京市人民政府令第15号":     model.LevelLocalRules,
		"国家市场监督管理总局令第46号":  model.LevelDeptRules,
		"沪府规〔2021〕1号":      model.LevelNormative,
		"抚县政公领发〔2022〕3号":   model.LevelOther,
		"路卫发〔2011〕76号":     model.LevelOther,
		"国家税务总局公告2019年第5号": model.LevelOther,
		"":                 model.LevelOther,
	} {
		if got := levelOf(number); got != want {
			t.Errorf("levelOf(%q) = %s, want %s", number, got, want)
		}
	}
}

// A county's measure numbered without a 规 series is a 行政规范性文件 by its form; its
// letters, replies and work plans are not.
func TestNormativeByForm(t *testing.T) {
	for _, tc := range []struct {
		number, title, authority string
		want                     bool
	}{
		{"清人社发〔2017〕8号", "清溪县就业见习管理办法", "清溪县人力资源和社会保障局", true},
		{"清教发〔2018〕2号", "关于印发《清溪县学前教育资助管理办法》的通知", "清溪县教育局", true},
		{"清府发〔2016〕12号", "清溪县就业创业补贴管理办法（试行）", "清溪县人民政府", true},
		{"清府办函〔2024〕9号", "关于某某事项的管理办法", "清溪县人民政府办公室", false},
		{"抚县政公领发〔2022〕3号", "抚顺县2022年政务公开工作要点", "抚顺县政务公开领导小组办公室", false},
		{"路卫发〔2011〕76号", "关于同意张阿三同志辞职的批复", "路桥区卫生局", false},
		{"", "某县就业补贴办法", "某县人民政府", false},
		{"某人大常发〔2020〕1号", "某县议事规定", "某县人民代表大会常务委员会", false},
	} {
		if got := normativeByForm(tc.number, tc.title, []string{tc.authority}); got != tc.want {
			t.Errorf("%s %s: %v, want %v", tc.number, tc.title, got, tc.want)
		}
	}
}
