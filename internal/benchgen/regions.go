package benchgen

// tier is a region's place in the administrative hierarchy; it decides how its bodies
// are named (厅 or 局, 办公厅 or 办公室) and whom its notices are addressed to.
type tier uint8

const (
	tierNational     tier = iota // 国务院 and its ministries
	tierProvince                 // 省, 自治区
	tierMunicipality             // 直辖市
	tierCity                     // 设区的市, 自治州
	tierCounty                   // 县, 县级市
	tierDistrict                 // 市辖区
)

// region is an issuing area. abbr starts its bodies' doc numbers (浙政办发); fu marks
// areas whose government numbers use 府 instead of 政 (沪府发, 穗府办).
type region struct {
	name string
	abbr string
	tier tier
	fu   bool
}

// regions are real place names; abbreviations follow common use where it is unique
// and are made unique otherwise, so every generated doc number names one body.
var regions = []region{
	{"", "国", tierNational, false},
	{"北京市", "京", tierMunicipality, false}, {"天津市", "津", tierMunicipality, false},
	{"上海市", "沪", tierMunicipality, true}, {"重庆市", "渝", tierMunicipality, true},
	{"河北省", "冀", tierProvince, false}, {"山西省", "晋", tierProvince, false},
	{"辽宁省", "辽", tierProvince, false}, {"吉林省", "吉", tierProvince, false},
	{"黑龙江省", "黑", tierProvince, false}, {"江苏省", "苏", tierProvince, false},
	{"浙江省", "浙", tierProvince, false}, {"安徽省", "皖", tierProvince, false},
	{"福建省", "闽", tierProvince, false}, {"江西省", "赣", tierProvince, true},
	{"山东省", "鲁", tierProvince, false}, {"河南省", "豫", tierProvince, false},
	{"湖北省", "鄂", tierProvince, false}, {"湖南省", "湘", tierProvince, false},
	{"广东省", "粤", tierProvince, true}, {"海南省", "琼", tierProvince, false},
	{"四川省", "川", tierProvince, true}, {"贵州省", "黔", tierProvince, true},
	{"云南省", "云", tierProvince, false}, {"陕西省", "陕", tierProvince, false},
	{"甘肃省", "甘", tierProvince, false}, {"青海省", "青", tierProvince, false},
	{"内蒙古自治区", "内", tierProvince, false}, {"广西壮族自治区", "桂", tierProvince, false},
	{"西藏自治区", "藏", tierProvince, false}, {"宁夏回族自治区", "宁", tierProvince, false},
	{"新疆维吾尔自治区", "新", tierProvince, false},
	{"石家庄市", "石", tierCity, false}, {"唐山市", "唐", tierCity, false}, {"保定市", "保", tierCity, false},
	{"邯郸市", "邯", tierCity, false}, {"太原市", "并", tierCity, false}, {"大同市", "同", tierCity, false},
	{"沈阳市", "沈", tierCity, false}, {"大连市", "大", tierCity, false}, {"鞍山市", "鞍", tierCity, false},
	{"抚顺市", "抚", tierCity, false}, {"长春市", "长府", tierCity, false}, {"吉林市", "吉市", tierCity, false},
	{"哈尔滨市", "哈", tierCity, false}, {"大庆市", "庆", tierCity, false}, {"南京市", "宁市", tierCity, false},
	{"苏州市", "苏府", tierCity, false}, {"无锡市", "锡", tierCity, false}, {"常州市", "常", tierCity, false},
	{"徐州市", "徐", tierCity, false}, {"南通市", "通", tierCity, false}, {"杭州市", "杭", tierCity, false},
	{"宁波市", "甬", tierCity, false}, {"温州市", "温", tierCity, false}, {"绍兴市", "绍", tierCity, false},
	{"嘉兴市", "嘉", tierCity, false}, {"金华市", "金", tierCity, false}, {"台州市", "台", tierCity, false},
	{"合肥市", "合", tierCity, false}, {"芜湖市", "芜", tierCity, false}, {"福州市", "榕", tierCity, false},
	{"厦门市", "厦", tierCity, false}, {"泉州市", "泉", tierCity, false}, {"漳州市", "漳", tierCity, false},
	{"南昌市", "洪", tierCity, true}, {"九江市", "浔", tierCity, false}, {"赣州市", "赣市", tierCity, false},
	{"济南市", "济", tierCity, false}, {"青岛市", "青岛", tierCity, false}, {"烟台市", "烟", tierCity, false},
	{"潍坊市", "潍", tierCity, false}, {"临沂市", "临", tierCity, false}, {"郑州市", "郑", tierCity, false},
	{"洛阳市", "洛", tierCity, false}, {"武汉市", "武", tierCity, false}, {"宜昌市", "宜", tierCity, false},
	{"襄阳市", "襄", tierCity, false}, {"长沙市", "长", tierCity, false}, {"株洲市", "株", tierCity, false},
	{"岳阳市", "岳", tierCity, false}, {"广州市", "穗", tierCity, true}, {"深圳市", "深", tierCity, true},
	{"珠海市", "珠", tierCity, true}, {"佛山市", "佛", tierCity, true}, {"东莞市", "东", tierCity, true},
	{"中山市", "中", tierCity, true}, {"惠州市", "惠", tierCity, true}, {"汕头市", "汕", tierCity, true},
	{"南宁市", "邕", tierCity, false}, {"桂林市", "桂市", tierCity, false}, {"海口市", "海", tierCity, false},
	{"三亚市", "三", tierCity, false}, {"成都市", "成", tierCity, true}, {"绵阳市", "绵", tierCity, true},
	{"贵阳市", "筑", tierCity, true}, {"遵义市", "遵", tierCity, true}, {"昆明市", "昆", tierCity, false},
	{"大理白族自治州", "大理", tierCity, false}, {"西安市", "市", tierCity, false}, {"宝鸡市", "宝", tierCity, false},
	{"兰州市", "兰", tierCity, false}, {"天水市", "天水", tierCity, false}, {"西宁市", "西宁", tierCity, false},
	{"银川市", "银", tierCity, false}, {"乌鲁木齐市", "乌", tierCity, false}, {"拉萨市", "拉", tierCity, false},
	{"呼和浩特市", "呼", tierCity, false}, {"包头市", "包", tierCity, false},
	{"抚顺县", "抚县", tierCounty, false}, {"安吉县", "安吉", tierCounty, false}, {"德清县", "德", tierCounty, false},
	{"桐乡市", "桐", tierCounty, false}, {"平湖市", "平湖", tierCounty, false}, {"慈溪市", "慈", tierCounty, false},
	{"诸暨市", "诸", tierCounty, false}, {"义乌市", "义", tierCounty, false}, {"永康市", "永康", tierCounty, false},
	{"仙居县", "仙", tierCounty, false}, {"昆山市", "昆山", tierCounty, false}, {"江阴市", "澄", tierCounty, false},
	{"张家港市", "张", tierCounty, false}, {"寿光市", "寿", tierCounty, false}, {"曲阜市", "曲", tierCounty, false},
	{"荣成市", "荣", tierCounty, false}, {"新郑市", "新郑", tierCounty, false}, {"巩义市", "巩", tierCounty, false},
	{"仙桃市", "仙桃", tierCounty, false}, {"浏阳市", "浏", tierCounty, false}, {"醴陵市", "醴", tierCounty, false},
	{"都江堰市", "都", tierCounty, true}, {"仁怀市", "仁", tierCounty, true}, {"腾冲市", "腾", tierCounty, false},
	{"神木市", "神", tierCounty, false}, {"敦煌市", "敦", tierCounty, false}, {"格尔木市", "格", tierCounty, false},
	{"满洲里市", "满", tierCounty, false}, {"凭祥市", "凭", tierCounty, false}, {"琼海市", "琼海", tierCounty, false},
	{"文昌市", "文", tierCounty, false}, {"延吉市", "延", tierCounty, false}, {"瑞金市", "瑞", tierCounty, true},
	{"婺源县", "婺", tierCounty, false}, {"歙县", "歙", tierCounty, false}, {"石狮市", "石狮", tierCounty, false},
	{"平潭县", "平潭", tierCounty, false}, {"晋江市", "晋江", tierCounty, false},
	{"海淀区", "海淀", tierDistrict, false}, {"朝阳区", "朝", tierDistrict, false}, {"昌平区", "昌", tierDistrict, false},
	{"浦东新区", "浦", tierDistrict, true}, {"闵行区", "闵", tierDistrict, true}, {"渝北区", "渝北", tierDistrict, true},
	{"余杭区", "余", tierDistrict, false}, {"萧山区", "萧", tierDistrict, false}, {"鄞州区", "鄞", tierDistrict, false},
	{"顺德区", "顺", tierDistrict, true}, {"南海区", "南海", tierDistrict, true}, {"宝安区", "宝安", tierDistrict, true},
	{"龙岗区", "龙岗", tierDistrict, true}, {"黄埔区", "埔", tierDistrict, true}, {"武侯区", "武侯", tierDistrict, true},
}

// legislates reports whether the region's people's congress and government make
// 地方性法规 and 地方政府规章 (provinces, municipalities and cities with districts).
func (r region) legislates() bool {
	return r.tier == tierProvince || r.tier == tierMunicipality || r.tier == tierCity
}

// self is how a document of the region refers to its own area (结合本省实际).
func (r region) self() string {
	switch r.tier {
	case tierNational:
		return "我国"
	case tierProvince:
		if len(r.name) > 9 && r.name[len(r.name)-9:] == "自治区" {
			return "自治区"
		}
		return "省"
	case tierCounty:
		if r.name[len(r.name)-3:] == "县" {
			return "县"
		}
		return "市"
	case tierDistrict:
		return "区"
	}
	if r.name[len(r.name)-3:] == "州" {
		return "州"
	}
	return "市"
}

// addressee is the 主送机关 line of a government notice of the region.
func (r region) addressee() string {
	switch r.tier {
	case tierNational:
		return "各省、自治区、直辖市人民政府，国务院各部委、各直属机构："
	case tierProvince:
		if r.self() == "自治区" {
			return "各市人民政府，自治区人民政府各组成部门、各直属机构："
		}
		return "各市、县（市、区）人民政府，省政府各部门、各直属机构："
	case tierMunicipality:
		return "各区人民政府，市政府各委、办、局："
	case tierCity:
		return "各区、县（市）人民政府，市政府各部门、各直属机构："
	case tierCounty:
		return "各乡镇人民政府、街道办事处，" + r.self() + "政府各部门："
	}
	return "各街道办事处，区政府各部门："
}

// deptAddressee is the 主送机关 line of a department's notice.
func (r region) deptAddressee(d *dept) string {
	switch r.tier {
	case tierNational:
		return "各省、自治区、直辖市及新疆生产建设兵团" + d.shortName + "主管部门："
	case tierProvince:
		return "各设区的市" + d.shortName + "主管部门，各有关单位："
	case tierMunicipality, tierCity:
		return "各区县" + d.shortName + "主管部门，各有关单位："
	}
	return "各乡镇（街道）、各有关单位："
}
