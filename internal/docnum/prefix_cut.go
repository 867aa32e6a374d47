package docnum

import (
	"strings"
	"unicode/utf8"
)

// stopWords never occur inside a 机关代字 or an issuing body's name; in running text
// (按国办发〔1985〕49号文件, 我院以法〔1998〕86号通知) the number starts after the last one.
var stopWords = []string{
	"的", "了", "以", "按", "据", "照", "于", "在", "即", "见", "是", "为", "将", "把", "被",
	"与", "及", "或", "原", "等", "其", "该", "此", "本", "号", "日", "年", "月", "条", "款", "项",
	"并", "凡", "如", "若", "均", "已", "但", "而", "则", "又", "也", "都", "还", "就",
	"印发", "转发", "发布", "公布", "下发", "颁布", "根据", "依据", "按照", "参照", "执行", "贯彻",
	"落实", "通过", "关于", "文件", "请示", "通知", "批复", "意见", "决定",
	"我院", "我部", "我局", "我委", "我厅", "我省", "我市", "我县", "本院",
	// A title pasted before its number: 医疗保障基金使用监督管理条例国务院令第735号.
	"条例", "办法", "规定", "细则", "》",
}

// bodyWords end an issuing body's name; a 机关代字 follows them directly in
// 北京市人民政府京政发〔1985〕167号, so a bracketed number starts after them.
var bodyWords = []string{"人民政府", "政府", "人民法院", "人民检察院", "委员会", "办公厅", "办公室", "小组"}

// cutPrefix returns the part of p after the last stop word (and, for bracketed
// numbers, after the last body word).
func cutPrefix(p string, f form) string {
	cut := 0
	for _, w := range stopWords {
		for i := strings.LastIndex(p, w); i >= 0; i = strings.LastIndex(p[:i], w) {
			e := i + len(w)
			if utf8.RuneCountInString(w) == 1 && typeOnly(p[e:]) {
				// 京人社就发: a code holds the character (就业), for 发 alone names no issuer.
				continue
			}
			if e > cut {
				cut = e
			}
			break
		}
	}
	// 和 joins two bodies, but 中华人民共和国 has one too.
	for i := strings.LastIndex(p, "和"); i >= 0; i = strings.LastIndex(p[:i], "和") {
		if strings.HasPrefix(p[i:], "和国") && strings.HasSuffix(p[:i], "共") {
			continue
		}
		if e := i + len("和"); e > cut {
			cut = e
		}
		break
	}
	if f == formBracket {
		for _, w := range bodyWords {
			if i := strings.LastIndex(p, w); i >= 0 && i+len(w) > cut {
				cut = i + len(w)
			}
		}
	}
	return p[cut:]
}

// typeOnly reports whether s is a lone document-type character, the last character of
// many 机关代字 (国办发, 国办函, 高检发释字, 沪府规) that is no code by itself.
func typeOnly(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	return w == len(s) && w > 1 && strings.ContainsRune("发函字规复电", r)
}

// issuerEnd reports whether an order or notice prefix (ending in 令 or 公告) names an
// issuing body: 国务院令, 主席令, 财政部令, 海关总署公告 — not 命令 or 法令.
func issuerEnd(p string) bool {
	p = strings.TrimSuffix(p, "公告")
	p = strings.TrimSuffix(p, "令")
	r, _ := utf8.DecodeLastRuneInString(p)
	return strings.ContainsRune("院席部局署会行府委厅办室社", r)
}
