package privacy

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// The specimens printed in GB 11643-1999 itself; they check the weight table and
// the check-character mapping against the standard's own worked examples.
func TestIDCheckCharStandardSpecimens(t *testing.T) {
	for _, tc := range []struct {
		d17  string
		want byte
	}{
		{"11010519491231002", 'X'},
		{"44052418800101001", '4'},
	} {
		if got := IDCheckChar(tc.d17); got != tc.want {
			t.Errorf("IDCheckChar(%s) = %c, want %c", tc.d17, got, tc.want)
		}
		if got := checkChar(tc.d17); got != tc.want {
			t.Errorf("test checkChar(%s) = %c, want %c", tc.d17, got, tc.want)
		}
	}
	for _, bad := range []string{"", "1101051949123100", "1101051949123100A"} {
		if IDCheckChar(bad) != 0 {
			t.Errorf("IDCheckChar(%q) accepted", bad)
		}
	}
}

func TestIDCheckCharAgreesWithDerivation(t *testing.T) {
	for i := 0; i < 5000; i++ {
		d := fmt.Sprintf("%017d", uint64(i)*1000003217%100000000000000000)
		if IDCheckChar(d) != checkChar(d) {
			t.Fatalf("%s: %c vs %c", d, IDCheckChar(d), checkChar(d))
		}
	}
}

func TestScanIDNumbers(t *testing.T) {
	valid := makeID("110105", "19850612", "123")
	withX := idWithX("440305", "19991231")
	leap := makeID("310104", "20000229", "051")
	y, m, d := time.Now().AddDate(1, 0, 0).Date()
	future := makeID("320102", fmt.Sprintf("%04d%02d%02d", y, m, d), "007")

	type tc struct {
		name, text string
		want       []string // Masked values
	}
	tests := []tc{
		{"plain", "身份证号码：" + valid + "，", []string{"110105********1234"[:6] + "********" + valid[14:]}},
		{"check X", "公民身份号码" + withX + "。", []string{withX[:6] + "********" + withX[14:]}},
		{"check x lower case", "号码" + strings.ToLower(withX) + "。", []string{withX[:6] + "********" + withX[14:]}},
		{"leap day 2000", leap, []string{leap[:6] + "********" + leap[14:]}},
		{"full-width digits", "身份证：" + fullWidth(valid), []string{valid[:6] + "********" + valid[14:]}},
		{"full-width X", "身份证：" + fullWidth(withX), []string{withX[:6] + "********" + withX[14:]}},
		{"grouped 6-8-4", "身份证 " + valid[:6] + " " + valid[6:14] + " " + valid[14:] + " 号", []string{valid[:6] + "********" + valid[14:]}},
		{"grouped 6-8-4 with X", withX[:6] + "-" + withX[6:14] + "-" + withX[14:], []string{withX[:6] + "********" + withX[14:]}},
		{"two in a list", valid + "、" + withX, []string{valid[:6] + "********" + valid[14:], withX[:6] + "********" + withX[14:]}},

		{"province 99", makeID("990105", "19850612", "123"), nil},
		{"province 00", makeID("000105", "19850612", "123"), nil},
		{"30 February", makeID("110105", "19900230", "123"), nil},
		{"1900 is not a leap year", makeID("110105", "19000229", "123"), nil},
		{"born 1899", makeID("110105", "18991231", "123"), nil},
		{"born next year", future, nil},
		{"month 13", makeID("110105", "19901301", "123"), nil},
		{"day 00", makeID("110105", "19900100", "123"), nil},
		{"inside a 19-digit run", "1" + valid, nil},
		{"followed by a digit", valid + "7", nil},
		{"after a letter", "NO" + valid, nil},
		{"before a letter", valid + "A", nil},
		{"17 digits then X then letter", withX + "Y", nil},
		{"decimal fraction", "0." + valid, nil},
		{"group row continues", valid[:6] + " " + valid[6:14] + " " + valid[14:] + " 2024", nil},
		{"group row starts earlier", "12 " + valid[:6] + " " + valid[6:14] + " " + valid[14:], nil},
		{"mixed separators", valid[:6] + " " + valid[6:14] + "-" + valid[14:], nil},
		{"15-digit legacy number", "110105850612123", nil},
	}
	for _, w := range wrongCheck(valid) {
		tests = append(tests, tc{"wrong check " + w[17:], "身份证号码：" + w + "。", nil})
	}
	for _, w := range wrongCheck(withX) {
		tests = append(tests, tc{"wrong check for X " + w[17:], w, nil})
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Scan(tt.text)
			checkInvariants(t, tt.text, fs)
			var got []string
			for _, f := range fs {
				if f.Kind != KindID {
					t.Errorf("kind %s", f.Kind)
				}
				got = append(got, f.Masked)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Scan(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestScanMobiles(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // the exact text each finding spans
	}{
		{"plain", "联系电话：13800138000。", []string{"13800138000"}},
		{"spaces", "手机 138 0013 8000 张", []string{"138 0013 8000"}},
		{"hyphens", "手机138-0013-8000", []string{"138-0013-8000"}},
		{"full-width hyphens", "手机138－0013－8000", []string{"138－0013－8000"}},
		{"+86 spaced", "Tel: +86 138 0013 8000", []string{"+86 138 0013 8000"}},
		{"+86 hyphens", "+86-138-0013-8000", []string{"+86-138-0013-8000"}},
		{"+86 whole", "+8613800138000", []string{"+8613800138000"}},
		{"86 whole", "电话8613800138000", []string{"8613800138000"}},
		{"86 space", "86 13800138000", []string{"86 13800138000"}},
		{"full-width plus", "＋86 13800138000", []string{"＋86 13800138000"}},
		{"full-width digits", "电话：１３８００１３８０００", []string{"１３８００１３８０００"}},
		{"every second digit 3-9", "13012345678 14012345678 15912345678 16612345678 17712345678 18812345678 19912345678",
			[]string{"13012345678", "14012345678", "15912345678", "16612345678", "17712345678", "18812345678", "19912345678"}},
		{"list", "13800138000、13900139000,13700137000", []string{"13800138000", "13900139000", "13700137000"}},
		{"row number before", "1 13800138000", []string{"13800138000"}},
		{"start and end of text", "13800138000", []string{"13800138000"}},
		{"hyphen after landline-like prefix", "2024-13800138000", []string{"13800138000"}},
		{"followed by Chinese", "13800138000（张先生）", []string{"13800138000"}},

		{"12x is no mobile", "12345678901", nil},
		{"11x is no mobile", "11012345678", nil},
		{"10 digits", "1380013800", nil},
		{"12 digits", "138001380001", nil},
		{"amount with decimals", "合计13800138000.50元", nil},
		{"decimal fraction", "0.13800138000", nil},
		{"code with letters", "合同编号HT13800138000", nil},
		{"letter after", "13800138000A", nil},
		{"row of groups before", "12 138 0013 8000", nil},
		{"row of groups after", "138 0013 8000 12", nil},
		{"mixed separators", "138-0013 8000", nil},
		{"table columns", "138  0013  8000", nil},
		{"4-4-3 groups", "1380 0138 000", nil},
		{"86 then a landline", "86 021 62345678", nil},
		{"86 alone", "共86人", nil},
		{"86 prefix inside a longer run", "9986 13800138000", []string{"13800138000"}},
		{"landline", "021-62345678、0571-88888888、400-800-8888", nil},
		{"doc number and date", "国办发〔2022〕8号 2024年7月1日 20240701 2024-2026年", nil},
		{"thousands", "1,380,013,800.00", nil},
		{"budget codes", "2080501 2080502 2101101", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Scan(tt.text)
			checkInvariants(t, tt.text, fs)
			var got []string
			for _, f := range fs {
				if f.Kind != KindMobile {
					t.Errorf("kind %s", f.Kind)
				}
				digits := digitsOf(tt.text[f.Start:f.End])
				if want := digits[len(digits)-11:len(digits)-8] + "****" + digits[len(digits)-4:]; f.Masked != want {
					t.Errorf("masked %q, want %q", f.Masked, want)
				}
				got = append(got, tt.text[f.Start:f.End])
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Scan(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestLineAndContext(t *testing.T) {
	id := makeID("110105", "19850612", "123")
	text := "关于张三的公示\n\n经办人：李四，手机13800138000、13900139000\n身份证号码：" + id + "\n（此件主动公开）"
	fs := Scan(text)
	checkInvariants(t, text, fs)
	if len(fs) != 3 {
		t.Fatalf("got %d findings: %+v", len(fs), fs)
	}
	want := []struct {
		line    int
		context string
	}{
		// 12 characters each side, line breaks as spaces, the neighbour masked too.
		{3, "示  经办人：李四，手机138****8000、139****9000"},
		{3, "138****8000、139****9000 身份证号码：11010"},
		{4, "*9000 身份证号码：110105********" + id[14:] + " （此件主动公开）"},
	}
	for i, w := range want {
		if fs[i].Line != w.line || fs[i].Context != w.context {
			t.Errorf("finding %d: line %d context %q, want line %d context %q", i, fs[i].Line, fs[i].Context, w.line, w.context)
		}
	}
}

func TestMask(t *testing.T) {
	id := makeID("110105", "19850612", "123")
	text := "手机138-0013-8000，身份证" + fullWidth(id) + "，+86 139 0013 9000"
	fs := Scan(text)
	got := Mask(text, fs)
	want := "手机138-****-8000，身份证" + fullWidth(id[:6]) + "＊＊＊＊＊＊＊＊" + fullWidth(id[14:]) + "，+86 139 **** 9000"
	if got != want {
		t.Errorf("Mask = %q\nwant   %q", got, want)
	}
	// Findings that do not fit the text are ignored, not a crash.
	if got := Mask("短", []Finding{{Kind: KindMobile, Start: 2, End: 40}, {Kind: KindID, Start: -1, End: 1}}); got != "短" {
		t.Errorf("Mask with bad offsets = %q", got)
	}
	if got := Mask(text, nil); got != text {
		t.Errorf("Mask without findings changed the text")
	}
}
