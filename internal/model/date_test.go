package model

import (
	"encoding/json"
	"testing"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want Date
		ok   bool
	}{
		{"2022-06-20", 20220620, true}, {"2022/06/20", 20220620, true}, {"20220620", 20220620, true},
		{"2024-02-29", 20240229, true}, {"2023-02-29", 0, false}, {"2022-13-01", 0, false}, {"2022-6-20", 0, false}, {"", 0, false},
	}
	for _, tt := range tests {
		got, err := ParseDate(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseDate(%q) = %v, %v", tt.in, got, err)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	if got := Date(20200101).AddYears(5).AddDays(-1); got != 20241231 {
		t.Errorf("有效期5年 from 2020-01-01 ends %s", got)
	}
	if got := Date(20200229).AddYears(1); got != 20210301 {
		t.Errorf("2020-02-29 + 1 year = %s", got)
	}
	if Date(20221231).AddDays(1) != 20230101 {
		t.Error("year rollover")
	}
}

func TestDateJSON(t *testing.T) {
	var v struct{ D, E, F Date }
	if err := json.Unmarshal([]byte(`{"D":"2021-01-01","E":null,"F":"2021-01-01T00:00:00Z"}`), &v); err != nil || v.D != 20210101 || v.E != 0 || v.F != 20210101 {
		t.Errorf("%+v %v", v, err)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"D":"2021-01-01","E":null,"F":"2021-01-01"}` {
		t.Errorf("marshal: %s", b)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2022-06-20", "20220620", "2022/06/20", "9999-12-31", "0000-00-00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			return
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %v → %q → %v, %v", s, d, d.String(), back, err)
		}
	})
}
