package ingest

import (
	"slices"
	"testing"
)

func TestInferTopics(t *testing.T) {
	for title, want := range map[string][]string{
		"中华人民共和国社会保险法":      {"社保"},
		"工伤保险条例":            {"社保", "工伤"},
		"上海市母婴保健条例":         {"生育", "医疗"},
		"中华人民共和国个人所得税法":     {"纳税"},
		"中华人民共和国劳动合同法":      {"劳动用工"},
		"失业保险条例":            {"社保", "失业"},
		"城市居民最低生活保障条例":      {"社会救助"},
		"关于加快南货场铁路涵洞下穿建设的函": nil,
		"抚顺县2022年政务公开工作要点":  nil,
		"中华人民共和国消费者权益保护法":   {"消费维权"},
		"最高人民法院关于适用《中华人民共和国民法典》婚姻家庭编的解释（一）": {"婚姻家庭"},
	} {
		if got := InferTopics(title); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", title, got, want)
		}
	}
}
