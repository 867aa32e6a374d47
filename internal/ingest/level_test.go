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
