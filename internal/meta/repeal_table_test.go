package meta

import (
	"reflect"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// A clean-up notice's tables of repealed and lapsed documents, as text extraction
// writes them: columns apart by spaces (PDF) or tabs (DOCX, HTML), a cell a line, a
// long title wrapped, number and title in either order, a date column. Tables of the
// documents kept, proposed for repeal or amended repeal nothing.
func TestRepealTables(t *testing.T) {
	const intro = "某县人民政府关于公布规范性文件清理结果的通知\n\n经清理，现将清理结果公布如下。\n\n"
	rel := func(typ model.RelationType, title, number string) model.Relation {
		return model.Relation{Type: typ, Target: title, TargetNumber: number}
	}
	tests := []struct {
		name, table string
		want        []model.Relation
	}{
		{"spaces", "决定废止的规范性文件目录\n序号 文件名称 文号\n1 某县见习补贴办法 某政办发〔2016〕9号\n2 关于加强农机安全管理的通知 某农发〔2018〕5号",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号"), rel(model.Repeals, "关于加强农机安全管理的通知", "某农发〔2018〕5号")}},
		{"tabs and a lapse table", "宣布失效的规范性文件目录\n序号\t文件名称\t文号\n1\t某县2019年春耕生产工作方案\t某政办发〔2019〕2号",
			[]model.Relation{rel(model.Lapses, "某县2019年春耕生产工作方案", "某政办发〔2019〕2号")}},
		{"a cell a line", "废止文件清单\n序号\n文件名称\n文号\n1\n某县见习补贴办法\n某政办发〔2016〕9号\n2\n某县就业补贴办法\n某政发〔2015〕3号",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号"), rel(model.Repeals, "某县就业补贴办法", "某政发〔2015〕3号")}},
		{"a wrapped title", "决定废止的规范性文件目录\n1 某县人民政府关于进一步加强城乡居民\n最低生活保障工作的通知 某政发〔2014〕21号",
			[]model.Relation{rel(model.Repeals, "某县人民政府关于进一步加强城乡居民最低生活保障工作的通知", "某政发〔2014〕21号")}},
		{"number first, and a date column", "废止的规范性文件目录\n序号 文号 文件名称 发文日期\n1. 某政发〔2015〕3号 某县就业补贴办法 2015年3月1日",
			[]model.Relation{rel(model.Repeals, "某县就业补贴办法", "某政发〔2015〕3号")}},
		{"no number", "决定废止的规范性文件目录\n1 某县见习补贴办法 无", []model.Relation{rel(model.Repeals, "某县见习补贴办法", "")}},
		{"a row each says", "附件\n规范性文件清理结果目录\n序号 文件名称 文号 清理意见\n1 某县见习补贴办法 某政办发〔2016〕9号 废止\n2 某县2019年春耕生产工作方案 某政办发〔2019〕2号 宣布失效\n3 某县就业补贴办法 某政发〔2015〕3号 继续有效\n4 某县养老服务补贴办法 某政发〔2017〕11号 修改\n5 某县临时救助办法 无 废止",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号"), rel(model.Lapses, "某县2019年春耕生产工作方案", "某政办发〔2019〕2号"), rel(model.Repeals, "某县临时救助办法", "")}},
		{"a row each says, header repeated on the next page", "序号\t文件名称\t文号\t处理意见\n1\t某县见习补贴办法\t某政办发〔2016〕9号\t废止\n序号\t文件名称\t文号\t处理意见\n2\t某县就业补贴办法\t某政发〔2015〕3号\t拟废止",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号")}},
		{"lists in the body, under section headings", "一、决定废止的规范性文件（2件）\n1.《某县见习补贴办法》（某政办发〔2016〕9号）\n2.《某县就业补贴办法》（某政发〔2015〕3号）\n二、决定宣布失效的规范性文件（1件）\n1.《某县2019年春耕生产工作方案》（某政办发〔2019〕2号）\n三、继续有效的规范性文件（1件）\n1.《某县养老服务补贴办法》（某政发〔2017〕11号）",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号"), rel(model.Repeals, "某县就业补贴办法", "某政发〔2015〕3号"),
				rel(model.Lapses, "某县2019年春耕生产工作方案", "某政办发〔2019〕2号")}},
		{"a list ended by the heading of the documents kept", "废止的规范性文件：\n1.《某县见习补贴办法》（某政办发〔2016〕9号）\n保留的规范性文件：\n1.《某县养老服务补贴办法》（某政发〔2017〕11号）",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号")}},
		{"documents kept", "继续有效的规范性文件目录\n1 某县见习补贴办法 某政办发〔2016〕9号", nil},
		{"a proposal", "拟废止的规范性文件目录\n1 某县见习补贴办法 某政办发〔2016〕9号", nil},
		{"documents amended", "决定修改的规范性文件目录\n1 某县见习补贴办法 某政办发〔2016〕9号", nil},
		{"the table ends at the next annex", "决定废止的规范性文件目录\n1 某县见习补贴办法 某政办发〔2016〕9号\n附件3\n继续有效的规范性文件目录\n1 某县就业补贴办法 某政发〔2015〕3号",
			[]model.Relation{rel(model.Repeals, "某县见习补贴办法", "某政办发〔2016〕9号")}},
	}
	tests = append(tests, struct {
		name, table string
		want        []model.Relation
	}{"a draft for comment", "决定废止的规范性文件目录\n1 某县见习补贴办法 某政办发〔2016〕9号", nil})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			title := "某县人民政府关于公布规范性文件清理结果的通知"
			if tt.name == "a draft for comment" {
				title = "某县规范性文件清理结果（征求意见稿）"
			}
			var got []model.Relation
			for _, r := range Extract(intro+tt.table, Hint{Title: title}).Relations {
				if r.Type != model.Cites {
					if r.Evidence == "" {
						t.Errorf("%s without evidence", r.Target)
					}
					r.Evidence, r.Origin = "", ""
					got = append(got, r)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("relations\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// A decision titled for what it does (关于废止部分规范性文件的决定) may give its annex as
// the table alone: the rows are repealed. A table under a heading of documents kept is
// not, whatever the title.
func TestTableOfADecisionTitledForIt(t *testing.T) {
	const body = "经研究，决定废止2件规范性文件（见附件）。\n本决定自印发之日起施行。\n\n某县人民政府\n2022年3月1日\n\n附件\n\n"
	rows := "序号\t文件名称\t文号\n1\t某县就业补贴办法\t某政发〔2018〕2号\n2\t某县创业补贴办法\t某政发〔2019〕5号\n"
	for _, tt := range []struct {
		name, title, text string
		want              []model.Relation
	}{
		{"repealed", "某县人民政府关于废止部分规范性文件的决定", body + rows, []model.Relation{
			{Type: model.Repeals, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号"},
			{Type: model.Repeals, Target: "某县创业补贴办法", TargetNumber: "某政发〔2019〕5号"}}},
		{"declared lapsed", "某县人民政府关于宣布失效部分规范性文件的决定", body + rows, []model.Relation{
			{Type: model.Lapses, Target: "某县就业补贴办法", TargetNumber: "某政发〔2018〕2号"},
			{Type: model.Lapses, Target: "某县创业补贴办法", TargetNumber: "某政发〔2019〕5号"}}},
		{"both, the table not saying which", "某县人民政府关于废止和宣布失效部分规范性文件的决定", body + rows, nil},
		{"documents kept", "某县人民政府关于废止部分规范性文件的决定", body + "继续有效的规范性文件\n" + rows, nil},
		{"another title", "某县人民政府关于做好就业工作的通知", body + rows, nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var got []model.Relation
			for _, r := range Extract(tt.title+"\n某政发〔2022〕9号\n\n"+tt.text, Hint{Title: tt.title}).Relations {
				if r.Type != model.Cites {
					r.Evidence, r.Origin = "", ""
					got = append(got, r)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("relations\n got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
