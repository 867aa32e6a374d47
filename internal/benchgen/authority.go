package benchgen

import "strings"

// dept is a government department as it is named at each tier. code starts the
// local doc numbers (浙人社发); natPrefix is the national one (人社部发).
type dept struct {
	natName, provName, localName string
	shortName                    string // how notices address its counterparts (教育)
	code, natPrefix              string
	tax                          bool // 国家税务总局X税务局: the national body's local office
}

var depts = []dept{
	{"教育部", "教育厅", "教育局", "教育", "教", "教发", false},
	{"人力资源和社会保障部", "人力资源和社会保障厅", "人力资源和社会保障局", "人力资源社会保障", "人社", "人社部发", false},
	{"国家卫生健康委员会", "卫生健康委员会", "卫生健康委员会", "卫生健康", "卫健", "国卫发", false},
	{"国家医疗保障局", "医疗保障局", "医疗保障局", "医疗保障", "医保", "医保发", false},
	{"国家税务总局", "税务局", "税务局", "税务", "税", "税总发", true},
	{"民政部", "民政厅", "民政局", "民政", "民", "民发", false},
	{"住房和城乡建设部", "住房和城乡建设厅", "住房和城乡建设局", "住房城乡建设", "建", "建房", false},
	{"财政部", "财政厅", "财政局", "财政", "财", "财预", false},
	{"国家发展和改革委员会", "发展和改革委员会", "发展和改革委员会", "发展改革", "发改", "发改规划", false},
	{"国家市场监督管理总局", "市场监督管理局", "市场监督管理局", "市场监管", "市监", "国市监", false},
	{"生态环境部", "生态环境厅", "生态环境局", "生态环境", "环", "环发", false},
	{"自然资源部", "自然资源厅", "自然资源和规划局", "自然资源", "自然资", "自然资发", false},
	{"交通运输部", "交通运输厅", "交通运输局", "交通运输", "交", "交发", false},
	{"农业农村部", "农业农村厅", "农业农村局", "农业农村", "农", "农发", false},
	{"公安部", "公安厅", "公安局", "公安", "公", "公通字", false},
	{"司法部", "司法厅", "司法局", "司法行政", "司", "司发", false},
	{"文化和旅游部", "文化和旅游厅", "文化和旅游局", "文化和旅游", "文旅", "文旅发", false},
	{"应急管理部", "应急管理厅", "应急管理局", "应急管理", "应急", "应急", false},
	{"商务部", "商务厅", "商务局", "商务", "商", "商发", false},
	{"科学技术部", "科学技术厅", "科学技术局", "科技", "科", "国科发", false},
	{"工业和信息化部", "工业和信息化厅", "工业和信息化局", "工业和信息化", "工信", "工信部发", false},
	{"退役军人事务部", "退役军人事务厅", "退役军人事务局", "退役军人事务", "退役军人", "退役军人部发", false},
	{"水利部", "水利厅", "水务局", "水利", "水", "水发", false},
	{"国家林业和草原局", "林业局", "林业局", "林业", "林", "林发", false},
}

// name is the department's full name in a region: 浙江省教育厅, 杭州市教育局, 教育部,
// 国家税务总局杭州市税务局.
func (d *dept) name(r *region) string {
	switch {
	case r.tier == tierNational:
		return d.natName
	case d.tax:
		return "国家税务总局" + r.name + "税务局"
	case r.tier == tierProvince:
		return r.name + d.provName
	}
	return r.name + d.localName
}

// domain ties words of a subject to the department that would issue on it and to the
// service topic (主题) a service-hall agent would file it under.
type domain struct {
	keys  []string
	dept  int
	topic string
}

// Topics is the fixed list of service topics (主题分类) generated documents carry.
var Topics = []string{"生育", "上学", "就业", "创业", "养老", "医疗", "纳税", "社保", "住房", "交通出行",
	"社会救助", "户籍", "环境保护", "三农", "文化旅游", "安全生产", "退役军人", "科技创新"}

const (
	dEdu = iota
	dHRSS
	dHealth
	dMedIns
	dTax
	dCivil
	dHousing
	dFinance
	dNDRC
	dSAMR
	dEco
	dLand
	dTransport
	dAgri
	dPolice
	dJustice
	dCulture
	dEmergency
	dCommerce
	dScience
	dMIIT
	dVeterans
	dWater
	dForestry
)

// domains are matched in order: the first whose key occurs in the subject wins.
var domains = []domain{
	{[]string{"社会保险", "社保", "工伤", "失业", "住房公积金", "养老保险"}, dHRSS, "社保"},
	{[]string{"医疗保障", "医保"}, dMedIns, "医疗"},
	{[]string{"养老", "老年", "老龄"}, dCivil, "养老"},
	{[]string{"生育", "人口", "母婴", "计划生育", "妇女", "儿童", "未成年人", "家庭"}, dHealth, "生育"},
	{[]string{"教育", "学校", "教师", "学位", "学生", "幼儿", "学前", "教学"}, dEdu, "上学"},
	{[]string{"就业", "劳动", "职业", "工资", "人才", "技能", "职工"}, dHRSS, "就业"},
	{[]string{"医疗", "医院", "医师", "药", "卫生", "疾病", "传染病", "中医", "护士", "献血", "疫苗", "医疗器械"}, dHealth, "医疗"},
	{[]string{"税", "发票", "关税", "征收"}, dTax, "纳税"},
	{[]string{"创业", "中小企业", "企业", "市场主体", "个体", "私营", "营商", "商事"}, dSAMR, "创业"},
	{[]string{"住房", "房屋", "物业", "建筑", "建设工程", "房地产", "燃气", "供水"}, dHousing, "住房"},
	{[]string{"交通", "道路", "公路", "铁路", "航空", "船舶", "港口", "出租汽车", "运输", "机动车", "航道"}, dTransport, "交通出行"},
	{[]string{"婚姻", "收养", "殡葬", "救助", "慈善", "残疾人", "优抚", "社会组织", "基金会"}, dCivil, "社会救助"},
	{[]string{"户口", "户籍", "居民身份证", "出境入境", "治安", "消防", "枪支", "爆炸"}, dPolice, "户籍"},
	{[]string{"环境", "污染", "排污", "生态", "噪声", "大气", "废物", "自然保护区", "湿地"}, dEco, "环境保护"},
	{[]string{"土地", "矿产", "测绘", "海域", "不动产", "地质"}, dLand, ""},
	{[]string{"农业", "农村", "农民", "种子", "畜", "渔业", "农产品", "粮食", "兽药", "饲料", "农药"}, dAgri, "三农"},
	{[]string{"文物", "文化", "旅游", "广播", "电影", "出版", "图书馆", "体育", "健身", "非物质文化遗产"}, dCulture, "文化旅游"},
	{[]string{"安全生产", "应急", "灾害", "防汛", "地震", "危险化学品", "突发", "煤矿", "事故"}, dEmergency, "安全生产"},
	{[]string{"退役军人", "军人", "兵役", "国防", "烈士", "民兵", "军事"}, dVeterans, "退役军人"},
	{[]string{"科技", "科学技术", "专利", "技术", "知识产权", "数字", "信息化"}, dScience, "科技创新"},
	{[]string{"价格", "统计", "能源", "节能", "电力", "规划"}, dNDRC, ""},
	{[]string{"财政", "预算", "资金", "国有资产", "采购", "会计", "审计", "国库"}, dFinance, ""},
	{[]string{"水", "河道", "防洪", "河湖"}, dWater, ""},
	{[]string{"森林", "林", "草原", "野生"}, dForestry, ""},
	{[]string{"贸易", "商务", "外商", "进出口", "口岸"}, dCommerce, ""},
	{[]string{"工业", "电信", "无线电", "互联网", "集成电路", "软件"}, dMIIT, ""},
	{[]string{"行政", "法律", "调解", "仲裁", "公证", "律师"}, dJustice, ""},
}

// fallbackDepts issue on subjects no domain claims.
var fallbackDepts = []int{dNDRC, dFinance, dSAMR, dCommerce, dMIIT, dScience}

// subjectDomain returns the department index and topic ("" for none) for a subject.
func subjectDomain(s string, h uint64) (int, string) {
	for _, d := range domains {
		for _, k := range d.keys {
			if strings.Contains(s, k) {
				return d.dept, d.topic
			}
		}
	}
	return fallbackDepts[h%uint64(len(fallbackDepts))], ""
}

// organ is which body of a region issues a document.
type organ uint8

const (
	organGov      organ = iota // 人民政府 / 国务院
	organOffice                // 人民政府办公厅(室) / 国务院办公厅
	organDept                  // the department the subject belongs to
	organCongress              // 人民代表大会常务委员会
	organCourt                 // 最高人民法院
)

// govName is the name of a region's government or its general office.
func govName(r *region, office bool) string {
	if r.tier == tierNational {
		if office {
			return "国务院办公厅"
		}
		return "国务院"
	}
	if !office {
		return r.name + "人民政府"
	}
	if r.tier == tierProvince || r.tier == tierMunicipality {
		return r.name + "人民政府办公厅"
	}
	return r.name + "人民政府办公室"
}

// numberPrefix is the doc-number prefix of a body (浙政办发, 穗府办规, 杭教发, 国办发).
// Normative documents from 2018 on are often numbered in a separate 规 series.
func numberPrefix(r *region, o organ, d *dept, gui bool) string {
	suffix := "发"
	if gui {
		suffix = "规"
	}
	if r.tier == tierNational {
		switch o {
		case organGov:
			return "国" + suffix
		case organOffice:
			return "国办" + suffix
		}
		if strings.HasSuffix(d.natPrefix, "发") && gui {
			return strings.TrimSuffix(d.natPrefix, "发") + "规"
		}
		return d.natPrefix
	}
	gov := "政"
	if r.fu {
		gov = "府"
	}
	switch o {
	case organGov:
		return r.abbr + gov + suffix
	case organOffice:
		return r.abbr + gov + "办" + suffix
	}
	return r.abbr + d.code + suffix
}
