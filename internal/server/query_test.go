package server

import (
	"net/url"
	"testing"
)

func TestFixQuery(t *testing.T) {
	for raw, want := range map[string]string{
		"q=%C9%FA%D3%FD&asof=2024-01-01": "生育",     // GBK from an older site
		"q=%E7%94%9F%E8%82%B2":           "生育",     // UTF-8: untouched
		"q=%ff":                          "\uFFFD", // neither
		"q=%E7%94%9F%ff":                 "生\uFFFD",
	} {
		fixed, _ := fixQuery(raw)
		v, err := url.ParseQuery(fixed)
		if err != nil || v.Get("q") != want {
			t.Errorf("%s → %s: q=%q (%v), want %q", raw, fixed, v.Get("q"), err, want)
		}
	}
	if _, changed := fixQuery("q=%E7%94%9F&page=2"); changed {
		t.Error("a valid query was rewritten")
	}
}
