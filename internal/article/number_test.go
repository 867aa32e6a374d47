package article

import "testing"

func TestChineseNumber(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "零"}, {1, "一"}, {10, "十"}, {11, "十一"}, {20, "二十"}, {99, "九十九"},
		{100, "一百"}, {101, "一百零一"}, {105, "一百零五"}, {110, "一百一十"}, {119, "一百一十九"},
		{1000, "一千"}, {1005, "一千零五"}, {1010, "一千零一十"}, {1050, "一千零五十"}, {1100, "一千一百"},
		{1260, "一千二百六十"}, {9999, "九千九百九十九"}, {10000, "一万"}, {10010, "一万零一十"},
		{12345, "一万二千三百四十五"}, {100000, "十万"},
	}
	for _, tt := range tests {
		if got := ChineseNumber(tt.n); got != tt.want {
			t.Errorf("ChineseNumber(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

func TestParseChineseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"一千二百六十", 1260, true},
		{"十", 10, true},
		{"十五", 15, true},
		{"一百零五", 105, true},
		{"一百〇五", 105, true},
		{"二百零一十", 210, true}, // a redundant 零 is read, not refused
		{"一千零一十", 1010, true},
		{"两百", 200, true},
		{"二〇二二", 2022, true},
		{"二零二二", 2022, true},
		{"零", 0, true},
		{"〇", 0, true},
		{"10", 10, true},
		{"１２６０", 1260, true},
		{"一万零一十", 10010, true},
		{"十十", 0, false},
		{"五三十", 0, false},
		{"百", 0, false},
		{"一百十", 0, false},
		{"千百", 0, false},
		{"", 0, false},
		{"第十", 0, false},
		{"1a", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseChineseNumber(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("ParseChineseNumber(%q) = %d, %v, want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// Every number an article can carry survives writing and reading back.
func TestChineseNumberRoundTrip(t *testing.T) {
	for n := 0; n <= 20000; n++ {
		s := ChineseNumber(n)
		got, ok := ParseChineseNumber(s)
		if !ok || got != n {
			t.Fatalf("ParseChineseNumber(ChineseNumber(%d) = %q) = %d, %v", n, s, got, ok)
		}
	}
}
