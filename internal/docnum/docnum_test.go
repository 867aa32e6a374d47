package docnum

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		// Written forms seen in the corpus and the seed.
		{"农办机〔 2019〕7 号", "农办机〔2019〕7号"},
		{"农办机〔2024〕3 号", "农办机〔2024〕3号"},
		{"国办发〔2022〕8号", "国办发〔2022〕8号"},
		{"法释〔2023〕13号", "法释〔2023〕13号"},
		{"法释[2022]17号", "法释〔2022〕17号"},
		{"法释［2022］17号", "法释〔2022〕17号"},
		{"法释（2022）17号", "法释〔2022〕17号"},
		{"法释(2022)17号", "法释〔2022〕17号"},
		{"法释【2022】17号", "法释〔2022〕17号"},
		{"法释｛2022｝17号", "法释〔2022〕17号"},
		{"法释〔２０２２〕１７号", "法释〔2022〕17号"},
		// Small-form and white brackets, as pasted from web pages and some PDFs.
		{"法释﹝2022﹞9号", "法释〔2022〕9号"},
		{"法释﹙2022﹚9号", "法释〔2022〕9号"},
		{"法释〖2022〗9号", "法释〔2022〕9号"},
		{"法释〘2022〙9号", "法释〔2022〕9号"},
		// Angle brackets and title marks around the year (U+3008/3009, U+2329/232A, 《》).
		{"抚县政公领发〈2022〉3号", "抚县政公领发〔2022〕3号"},
		{"抚县政公领发\u23292022\u232a3号", "抚县政公领发〔2022〕3号"},
		{"抚县政公领发《2022》3号", "抚县政公领发〔2022〕3号"},
		{"抚县政公领发〈２０２２〉第003号", "抚县政公领发〔2022〕3号"},
		{"（抚县政公领发《2022》3号）", "抚县政公领发〔2022〕3号"},
		// Around anything but a year they are titles.
		{"抚县政公领发《22》3号", ""},
		{"抚县政公领发《2022年》3号", ""},
		{"《某办法》3号", ""},
		// Spaces anywhere inside the number.
		{"法 释〔2022〕9号", "法释〔2022〕9号"},
		{"国 办 发 〔 2022 〕 8 号", "国办发〔2022〕8号"},
		{"抚县政公领发〔2022〕3号", "抚县政公领发〔2022〕3号"},
		{"辽政公领发〔2022〕1 号", "辽政公领发〔2022〕1号"},
		{"临翔发改复[2018]172号", "临翔发改复〔2018〕172号"},
		{"财税〔2019〕13号", "财税〔2019〕13号"},
		{"劳社部发[2008]3号", "劳社部发〔2008〕3号"},
		{"人薪发［1995］32号", "人薪发〔1995〕32号"},
		{"高检发释字〔2025〕1号", "高检发释字〔2025〕1号"},
		{"法（研）发〔1987〕32号", "法（研）发〔1987〕32号"},
		// Leading zeros and 第 in the serial.
		{"国办发〔2022〕008号", "国办发〔2022〕8号"},
		{"国办发〔2022〕第007号", "国办发〔2022〕7号"},
		{"市政服〔2024〕03号", "市政服〔2024〕3号"},
		// A query without 号.
		{"国办发〔2022〕8", "国办发〔2022〕8号"},
		// Pasted with the parentheses it was cited in.
		{"（国办发〔2022〕8 号）", "国办发〔2022〕8号"},
		// Orders: Chinese numerals to digits, 第N号令 to 令第N号.
		{"国务院令第709号", "国务院令第709号"},
		{"国务院令709号", "国务院令第709号"},
		{"国务院令第0709号", "国务院令第709号"},
		// 国令 is the State Council's own short form of 国务院令.
		{"国令第752号", "国务院令第752号"},
		{"国令258号", "国务院令第258号"},
		{"（国令第752号）", "国务院令第752号"},
		{"中华人民共和国主席令第三十一号", "中华人民共和国主席令第31号"},
		{"中华人民共和国国务院令第659号", "中华人民共和国国务院令第659号"},
		{"北京市人民政府第15号令", "北京市人民政府令第15号"},
		{"国家市场监督管理总局令第46号", "国家市场监督管理总局令第46号"},
		{"国家税务总局公告2019年第5号", "国家税务总局公告2019年第5号"},
		{"农业农村部令2019年第2号", "农业农村部令2019年第2号"},
		// Not document numbers.
		{"", ""},
		{"2022年6月20日", ""},
		{"第十条", ""},
		{"〔2022〕8号", ""},
		{"国务院令", ""},
		{"命令第3号", ""},
		{"国办发〔22〕8号", ""},
		{"国办发〔2022〕号", ""},
		{"关于国办发〔2022〕8号", ""},
		{"国办发〔2022〕8号文件", ""},
		{"电话（0411）12345678", ""},
		{"国务院令三号", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := IsDocNumber(tt.in); got != (tt.want != "") {
			t.Errorf("IsDocNumber(%q) = %v", tt.in, got)
		}
	}
}

func TestKey(t *testing.T) {
	pairs := [][2]string{
		{"中华人民共和国国务院令第709号", "国务院令第709号"},
		{"法释[2022]17号", "法释〔2022〕17号"},
		{"国务院第14号令", "国务院令第14号"},
		{"国家税务总局公告〔2021〕30号", "国家税务总局公告2021年第30号"},
		{"财政部 税务总局公告[2023]第1号", "财政部税务总局公告2023年第1号"},
		{"抚县政公领发〈2022〉3号", "抚县政公领发〔2022〕3号"},
		{"抚县政公领发《2022》3号", "抚县政公领发〔2022〕3号"},
	}
	for _, p := range pairs {
		if Key(p[0]) != Key(p[1]) || Key(p[0]) == "" {
			t.Errorf("Key(%q) = %q, Key(%q) = %q: want equal", p[0], Key(p[0]), p[1], Key(p[1]))
		}
	}
	for _, p := range [][2]string{
		{"国办发〔2022〕8号", "国办发〔2022〕9号"},
		{"国家税务总局公告〔2021〕30号", "国家税务总局公告2021年第31号"},
		{"国家税务总局公告〔2021〕30号", "国家税务总局公告2020年第30号"},
		{"国家税务总局公告〔2021〕30号", "国家税务总局〔2021〕30号"},
	} {
		if Key(p[0]) == Key(p[1]) {
			t.Errorf("%s and %s share a key", p[0], p[1])
		}
	}
}

func TestParseNumeral(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"709", 709, true}, {"００７", 7, true}, {"三十一", 31, true}, {"十二", 12, true},
		{"一百零五", 105, true}, {"二〇二二", 2022, true}, {"二○二二", 2022, true}, {"两", 2, true},
		{"二十", 20, true}, {"十", 10, true}, {"", 0, false}, {"三五十", 0, false}, {"12a", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumeral(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseNumeral(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func numbers(ms []Match) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Number)
	}
	return out
}

// TestFindAll runs on snippets of the real documents in testdata (see testdata/README.md).
func TestFindAll(t *testing.T) {
	tests := []struct {
		file string
		want []string
	}{
		{"seed_opening.txt", []string{"抚县政公领发〔2022〕3号", "国办发〔2022〕8号", "辽政公领发〔2022〕1号", "抚政办公开〔2022〕3号"}},
		// An OFD red-header notice whose citations break across lines.
		{"ofd_n.txt", []string{"路卫发〔2011〕76号", "路中医发〔2011〕10号", "浙人才〔1993〕73号"}},
		{"hainan_opening.txt", []string{"农办机〔2024〕3号", "农办机〔2017〕10号"}},
		{"laws_numbers.txt", []string{
			"中华人民共和国国务院令第659号",
			"中华人民共和国国务院、中华人民共和国中央军事委员会令第578号",
			"北京市人民政府令第14号", "北京市人民政府令第15号",
			"法〔1998〕86号", "国办发〔1985〕49号",
			// One paragraph of 北京市市容环境卫生条例 listing the rules it repeals.
			"市人民政府令第17号", "市人民政府令第12号", "京政发〔1985〕167号", "市人民政府令第20号",
			"京政发〔1986〕148号", "市人民政府令第20号", "市人民政府令第12号",
			"法（研）发〔1987〕32号", "国家教育委员会令第8号", "国家体育运动委员会令第11号",
			"中中华人民共和国主席令第3号", "法释〔2023〕8号",
		}},
		// Dates, articles, amounts, telephone numbers, 责令 and 命令: nothing.
		{"laws_negative.txt", nil},
	}
	for _, tt := range tests {
		b, err := os.ReadFile(filepath.Join("testdata", tt.file))
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		ms := FindAll(text)
		if got := numbers(ms); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: FindAll = %q\nwant %q", tt.file, got, tt.want)
		}
		for _, m := range ms {
			if text[m.Start:m.End] != m.Raw {
				t.Errorf("%s: Raw %q is not text[%d:%d] %q", tt.file, m.Raw, m.Start, m.End, text[m.Start:m.End])
			}
		}
	}
}

// A title pasted right before its number is not part of the issuer.
func TestFindAllAfterTitle(t *testing.T) {
	for text, want := range map[string]string{
		"医疗保障基金使用监督管理条例国务院令第735号":      "国务院令第735号",
		"《医疗保障基金使用监督管理条例》国务院令第735号":    "国务院令第735号",
		"社会救助暂行办法中华人民共和国国务院令第649号":     "中华人民共和国国务院令第649号",
		"网络预约出租汽车经营服务管理暂行办法交通运输部令第35号": "交通运输部令第35号",
	} {
		if got := numbers(FindAll(text)); len(got) != 1 || got[0] != want {
			t.Errorf("%s: %q, want %s", text, got, want)
		}
	}
}

func TestFindAllInTitle(t *testing.T) {
	text := "《国务院办公厅关于印发2022年政务公开工作要点的通知（国办发〔2022〕8号）》"
	if got := numbers(FindAll(text)); !reflect.DeepEqual(got, []string{"国办发〔2022〕8号"}) {
		t.Errorf("FindAll = %q", got)
	}
}

// Small-form brackets in running text are found like 〔〕, so a citation written that
// way resolves to the number it names.
func TestFindAllSmallBrackets(t *testing.T) {
	text := "根据《最高人民法院关于适用〈民法典〉时间效力的若干规定》（法释﹝2020﹞15号）和法释〖2022〗9号的规定"
	if got := numbers(FindAll(text)); !reflect.DeepEqual(got, []string{"法释〔2020〕15号", "法释〔2022〕9号"}) {
		t.Errorf("FindAll = %q", got)
	}
}

// A year in angle brackets or title marks is a number's year; titles in those marks
// around it are still titles, and a title that is only a year is no number.
func TestFindAllAngleBrackets(t *testing.T) {
	text := "根据《抚顺县人民政府关于〈政务公开〉工作的通知》（抚县政公领发〈2022〉3号）、抚政办公开《2022》4号和《2035》5号文件"
	if got := numbers(FindAll(text)); !reflect.DeepEqual(got, []string{"抚县政公领发〔2022〕3号", "抚政办公开〔2022〕4号"}) {
		t.Errorf("FindAll = %q", got)
	}
	if got := StripNumbers("关于转发《某县就业补贴办法》（某政发《2020》1号）的通知"); got != "关于转发《某县就业补贴办法》的通知" {
		t.Errorf("StripNumbers = %q", got)
	}
}

// LooseKey folds a year's angle brackets like Key does and leaves title marks elsewhere.
func TestLooseKeyAngleBrackets(t *testing.T) {
	if a, b := LooseKey("某市人民代表大会常务委员会公告〈2022〉第9号"), LooseKey("某市人民代表大会常务委员会公告〔2022〕第9号"); a != b || a == "" {
		t.Errorf("LooseKey: %q and %q, want equal", a, b)
	}
	if a, b := LooseKey("《某办法》第9号"), LooseKey("〔某办法〕第9号"); a == b {
		t.Errorf("LooseKey folds title marks around a title: %q", a)
	}
}

func TestFindAllRaw(t *testing.T) {
	text := "你院《关于给张阿三同志辞职的请示》（路中医发\n〔2011〕10号）收悉。"
	ms := FindAll(text)
	if len(ms) != 1 || ms[0].Raw != "路中医发\n〔2011〕10号" {
		t.Fatalf("FindAll = %+v", ms)
	}
}

// FuzzFindAll checks that FindAll never panics, that its offsets point at what it
// reports and that its numbers are in normal form.
func FuzzFindAll(f *testing.F) {
	for _, s := range []string{"国办发〔2022〕8 号", "中华人民共和国主席令第三十一号", "北京市人民政府第15号令", "公告2019年第5号",
		"（路中医发\n〔2011〕10号）", "令第", "〔", "号令", "财政部 税务总局公告2019年第39号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range FindAll(s) {
			if m.Start < 0 || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Raw {
				t.Fatalf("bad offsets %+v in %q", m, s)
			}
			if Normalize(m.Number) != m.Number {
				t.Fatalf("number %q not normal", m.Number)
			}
		}
		if n := Normalize(s); n != "" && Normalize(n) != n {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, n, Normalize(n))
		}
	})
}

func TestStripNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复（临翔发改复[2018]172号）": "临沧市临翔区发展和改革局关于同意临翔区棚户区改造安置房建设项目的可行性研究报告的批复",
		"关于转发《某市养老服务办法》（某政发〔2020〕1 号）的通知":                             "关于转发《某市养老服务办法》的通知",
		"国务院办公厅关于印发2022年政务公开工作要点的通知(国办发〔2022〕8号)":                     "国务院办公厅关于印发2022年政务公开工作要点的通知",
		"最高人民法院关于审理劳动争议案件适用法律问题的解释（一）":                                "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）",
		"抚顺县2022年政务公开工作要点":                                            "抚顺县2022年政务公开工作要点",
	} {
		if got := StripNumbers(in); got != want {
			t.Errorf("StripNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTrailingNumber(t *testing.T) {
	tests := []struct{ in, number, before string }{
		{"某局关于同意某项目可行性研究报告的批复（临翔发改复[2018]172号）", "临翔发改复〔2018〕172号", "某局关于同意某项目可行性研究报告的批复"},
		{"关于印发《某办法》的通知 ( 国办发〔2019〕6号 ) ", "国办发〔2019〕6号", "关于印发《某办法》的通知"},
		{"《某办法》（国办发〔2019〕6号）", "国办发〔2019〕6号", "《某办法》"},
		// Not at the end, not in parentheses, or nothing before it.
		{"关于转发《某办法》（国办发〔2019〕6号）的通知", "", ""},
		{"某办法 国办发〔2019〕6号", "", ""},
		{"（国办发〔2019〕6号）", "", ""},
		{"某办法（试行）", "", ""},
	}
	for _, tt := range tests {
		if n, b := TrailingNumber(tt.in); n != tt.number || b != tt.before {
			t.Errorf("TrailingNumber(%q) = %q, %q; want %q, %q", tt.in, n, b, tt.number, tt.before)
		}
	}
}

// A bracketed number typed without its brackets is read when a person types it as a
// whole (a query, a line of a batch check), never in text, where it is not a citation.
func TestNormalizeTyped(t *testing.T) {
	for in, want := range map[string]string{
		"国办发〔2022〕8号":   "国办发〔2022〕8号",
		"国办发2022年8号":    "国办发〔2022〕8号",
		"国办发2022 8号":    "国办发〔2022〕8号",
		"国办发 2022 8号":   "国办发〔2022〕8号",
		"国办发2022-8号":    "国办发〔2022〕8号",
		"国发2022年第08号":   "国发〔2022〕8号",
		"法释2023 7号":     "法释〔2023〕7号",
		"抚县政公领发2022 3号": "抚县政公领发〔2022〕3号",
		"公司法2018年修正":    "",
		"2022年8号":       "",
		"国办发2022年8":     "", // without 号 the year and serial are not told apart from a date
	} {
		if got := NormalizeTyped(in); got != want {
			t.Errorf("NormalizeTyped(%q) = %q, want %q", in, got, want)
		}
	}
	if ms := FindAll("根据国办发2022年8号文件精神"); len(ms) != 0 {
		t.Errorf("FindAll read %v in text", ms)
	}
}

func TestNormalizeNumbers(t *testing.T) {
	for in, want := range map[string]string{
		"关于贯彻落实财税[2016]25号文件的实施意见":   "关于贯彻落实财税〔2016〕25号文件的实施意见",
		"关于转发《某办法》（某政发（2020）01号）的通知": "关于转发《某办法》（某政发〔2020〕1号）的通知",
		"某市养老服务条例":                   "某市养老服务条例",
	} {
		if got := NormalizeNumbers(in); got != want {
			t.Errorf("NormalizeNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}
