package service

import "testing"

func TestTitleOf(t *testing.T) {
	for in, want := range map[string]string{
		"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
		"《最高人民法院关于适用〈公司法〉若干问题的规定(二)》":  "最高人民法院关于适用〈公司法〉若干问题的规定(二)",
		"《某市养老服务条例》（某政发〔2020〕1号）":      "某市养老服务条例",
		"（某市养老服务条例）":                   "某市养老服务条例",
		" “社会保险法” ":                    "社会保险法",
		"(一)某办法(二)":                    "(一)某办法(二)",
		"某政发〔2020〕1号":                  "",
	} {
		if got := titleOf(in); got != want {
			t.Errorf("titleOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNumbersIn(t *testing.T) {
	for in, want := range map[string]string{
		"国务院令第357号": "国务院令第357号",
		"中华人民共和国公司法（国家主席令第15号）":        "国家主席令第15号",
		"国办发〔2022〕8号":                  "国办发〔2022〕8号",
		"《某办法》（某府令第3号）":                "某府令第3号",
		"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）": "",
	} {
		got := numbersIn(in)
		if want == "" && len(got) > 0 || want != "" && (len(got) != 1 || got[0] != want) {
			t.Errorf("numbersIn(%q) = %q, want %q", in, got, want)
		}
	}
	if got := titleOf("中华人民共和国公司法（国家主席令第15号）"); got != "中华人民共和国公司法" {
		t.Errorf("title %q", got)
	}
}
