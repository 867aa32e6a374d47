package meta

import "testing"

// Hard-wrapped sentences are joined and text spaced out character by character is
// closed up; headings, titles, fields, table rows, article starts and paragraphs stay
// as they are.
func TestUnwrapLines(t *testing.T) {
	for in, want := range map[string]string{
		"第二条 本办法自2021年3月1日起施\n行，有效期5年。":           "第二条 本办法自2021年3月1日起施行，有效期5年。",
		"各单位要加强领导，明确责任分工，确保各项\n措施落实到位。":           "各单位要加强领导，明确责任分工，确保各项措施落实到位。",
		"本 办 法 自 2021 年 3 月 1 日 起 施 行 。":          "本办法自2021年3月1日起施行。",
		"关于印发2024-2026年海南省农机\n购置与应用补贴实施方案的通知":     "关于印发2024-2026年海南省农机\n购置与应用补贴实施方案的通知",
		"预算主管部门：上海市普陀区人民政府办公室\n目 录":               "预算主管部门：上海市普陀区人民政府办公室\n目 录",
		"各单位要加强领导，明确责任分工，确保落实。\n第三条 本办法自印发之日起施行。": "各单位要加强领导，明确责任分工，确保落实。\n第三条 本办法自印发之日起施行。",
		"各单位要加强领导，明确责任分工，确保各项\n\n措施落实到位。":         "各单位要加强领导，明确责任分工，确保各项\n\n措施落实到位。",
		"各单位要加强领导，明确责任分工，确保各项\n一、总体要求":            "各单位要加强领导，明确责任分工，确保各项\n一、总体要求",
		"1 某县见习补贴办法 某政办发〔2016〕9号\n2 某县就业补贴办法":     "1 某县见习补贴办法 某政办发〔2016〕9号\n2 某县就业补贴办法",
		"序号  文件名称  文号": "序号  文件名称  文号",
	} {
		if got := unwrapLines(in); got != want {
			t.Errorf("unwrapLines(%q)\n = %q\nwant %q", in, got, want)
		}
	}
}
