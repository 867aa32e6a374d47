package meta

import "testing"

// Only a disclosure's own heading makes a budget: a notice or a law about budgets is none,
// nor is a template without a body's name.
func TestFindBudget(t *testing.T) {
	for text, want := range map[string]budget{
		"上海市普陀区2025年区级部门预算\n预算主管部门：上海市普陀区人民政府办公室目 录\n一、部门主要职能": {heading: "上海市普陀区2025年区级部门预算", year: 2025, body: "上海市普陀区人民政府办公室"},
		"上海市普陀区2025年区级单位预算\n预算单位：上海市普陀区商务委员会\n目 录":             {heading: "上海市普陀区2025年区级单位预算", year: 2025, body: "上海市普陀区商务委员会"},
		"上海市普陀区规划和自然\n资源局\n2024年度部门决算\n目 录":                    {heading: "上海市普陀区规划和自然资源局2024年度部门决算", year: 2024, final: true, body: "上海市普陀区规划和自然资源局"},
	} {
		if got, ok := findBudget(newDoc(text)); !ok || got != want {
			t.Errorf("%q: %+v %v, want %+v", text, got, ok, want)
		}
	}
	for _, text := range []string{
		"关于编制2025年部门预算的通知\n各部门：",
		"中华人民共和国预算法\n第一章 总则",
		"某市2025年部门预算编制工作方案\n为做好",
		"上海市XX局\n2024年度部门决算\n目 录", // a template, no body's name
	} {
		if got, ok := findBudget(newDoc(text)); ok {
			t.Errorf("%q read as a budget: %+v", text, got)
		}
	}
}
