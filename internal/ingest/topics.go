package ingest

import "strings"

// topicWords are the 主题分类 given to a document whose source gives none, read from its
// title: the questions service-hall windows answer (the home page's shortcuts), so the
// topic filter finds the documents each question needs.
var topicWords = []struct {
	topic string
	words []string
}{
	{"生育", []string{"生育", "母婴", "妇幼", "产假", "托育", "女职工劳动保护"}},
	{"上学", []string{"教育", "学校", "学前", "教师", "学位", "入学"}},
	{"就业", []string{"就业", "职业培训", "职业技能", "人力资源市场"}},
	{"创业", []string{"创业", "中小企业", "个体工商户", "市场主体", "营商环境", "民营经济"}},
	{"养老", []string{"养老", "老年人"}},
	{"医疗", []string{"医疗", "医保", "医师", "药品", "疫苗", "传染病", "卫生", "健康", "母婴保健"}},
	{"纳税", []string{"税", "发票"}},
	{"社保", []string{"社会保险", "养老保险", "医疗保险", "失业保险", "工伤保险", "生育保险", "社保"}},
	{"住房", []string{"住房", "公积金", "物业", "房屋", "租赁"}},
	{"婚姻家庭", []string{"婚姻", "家庭", "继承", "收养"}},
	{"劳动用工", []string{"劳动合同", "劳动法", "工资", "劳动争议", "劳动保障", "集体合同", "劳动保护"}},
	{"工伤", []string{"工伤", "职业病"}},
	{"失业", []string{"失业"}},
	{"社会救助", []string{"救助", "最低生活保障", "低保", "特困"}},
	{"残疾人", []string{"残疾人"}},
	{"未成年人", []string{"未成年人", "儿童"}},
	{"消费维权", []string{"消费者", "产品质量", "食品安全", "价格", "广告", "电子商务"}},
}

// InferTopics lists the topics a title names, in the order of topicWords.
func InferTopics(title string) []string {
	var out []string
	for _, t := range topicWords {
		for _, w := range t.words {
			if strings.Contains(title, w) {
				out = append(out, t.topic)
				break
			}
		}
	}
	return out
}
