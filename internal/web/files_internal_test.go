package web

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/guifan/guifan/internal/model"
)

// A recorded path is only ever resolved inside the library: no "..", no absolute
// path, no symbolic link out of it.
func TestOpenInLibraryStaysInside(t *testing.T) {
	dir := t.TempDir()
	lib := filepath.Join(dir, "library")
	if err := os.MkdirAll(filepath.Join(lib, "files"), 0o755); err != nil {
		t.Fatal(err)
	}
	secret := filepath.Join(dir, "secret.txt")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(secret, "secret")
	write(filepath.Join(lib, "files", "a.pdf"), "%PDF-1.4 inside")
	if err := os.Symlink(secret, filepath.Join(lib, "files", "link.pdf")); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	if err := os.Symlink("a.pdf", filepath.Join(lib, "files", "inner.pdf")); err != nil {
		t.Fatal(err)
	}
	sum := func(s string) string { h := sha256.Sum256([]byte(s)); return hex.EncodeToString(h[:]) }
	tests := []struct {
		path, sha string
		ok        bool
	}{
		{"files/a.pdf", sum("%PDF-1.4 inside"), true},
		{"files/a.pdf", "", true},
		{"files/inner.pdf", "", true}, // a link that stays inside is followed
		{"files/a.pdf", sum("something else"), false},
		{"../secret.txt", "", false},
		{"files/../../secret.txt", "", false},
		{secret, "", false},
		{"files/link.pdf", "", false},
		{"files", "", false},
		{"files/missing.pdf", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		f, _, err := openInLibrary(lib, model.SourceFile{Path: tc.path, SHA256: tc.sha})
		if f != nil {
			f.Close()
		}
		if (err == nil) != tc.ok {
			t.Errorf("%q (sha %v): err %v, want ok=%v", tc.path, tc.sha != "", err, tc.ok)
		}
	}
	if _, _, err := openInLibrary("", model.SourceFile{Path: "files/a.pdf"}); err == nil {
		t.Error("opened a file with no library folder configured")
	}
}

func TestContentDisposition(t *testing.T) {
	tests := []struct {
		name string
		ids  []string
		want string
	}{
		{"report.pdf", []string{"v-1"}, `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`},
		{"通知.pdf", []string{"v-3848616a0c8f55f5", "w-1"}, `attachment; filename="v-3848616a0c8f55f5.pdf"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.pdf`},
		{`a"b;c.txt`, nil, `attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%3Bc.txt`},
		// Not the digits left over from the Chinese (20241.docx), but the version id.
		{"2024年 第1号.docx", []string{"fx:work:1/2"}, `attachment; filename="fx_work_1_2.docx"; filename*=UTF-8''2024%E5%B9%B4%20%E7%AC%AC1%E5%8F%B7.docx`},
		// A version id of Chinese only: the work id; neither: a plain word.
		{"通知.txt", []string{"生育", "w-9"}, `attachment; filename="w-9.txt"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.txt`},
		{"通知.txt", []string{"生育"}, `attachment; filename="document.txt"; filename*=UTF-8''%E9%80%9A%E7%9F%A5.txt`},
	}
	for _, tc := range tests {
		if got := contentDisposition(tc.name, tc.ids...); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.name, got, tc.want)
		}
	}
}

func TestMarkedKeepsOnlyMarks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"某市<mark>生育</mark>办法", "某市<mark>生育</mark>办法"},
		{"&lt;script&gt;<mark>x</mark>", "&lt;script&gt;<mark>x</mark>"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{"<mark><b>x</b>", "<mark>&lt;b&gt;x&lt;/b&gt;</mark>"},
		{"a</mark>b", "a&lt;/mark&gt;b"},
		{"&amp;&quot;", "&amp;&#34;"},
	}
	for _, tc := range tests {
		if got := string(marked(tc.in)); got != tc.want {
			t.Errorf("marked(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSafeNext(t *testing.T) {
	for in, want := range map[string]string{
		"/works/x":            "/works/x",
		"/search?q=a":         "/search?q=a",
		"//evil.example":      "",
		"https://evil.test/":  "",
		"/\\evil.example":     "",
		"javascript:alert(1)": "",
		"/staff/login":        "",
		"/search?q=\uFFFD":    "", // bytes that were not text
		"":                    "",
	} {
		if got := safeNext(in); got != want {
			t.Errorf("safeNext(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextTypeCharset(t *testing.T) {
	gbk := []byte{0xC9, 0xFA, 0xD3, 0xFD} // 生育 in GBK
	for _, tc := range []struct {
		data      []byte
		extractor string
		want      string
	}{
		{[]byte("生育"), "text/utf-8", "text/plain; charset=utf-8"},
		{[]byte("生育"), "", "text/plain; charset=utf-8"}, // an index that did not record the encoding
		{gbk, "text/gb18030", "text/plain; charset=gb18030"},
		{gbk, "", "text/plain"}, // unknown: no charset rather than a wrong one
		{[]byte{'a', 0, 'b', 0}, "text/utf-16le", "text/plain; charset=utf-16le"},
		{append([]byte("ok"), 0xFF), "text/utf-8", "text/plain"}, // damaged bytes the ingester replaced
	} {
		f := bytes.NewReader(tc.data)
		got, err := textType("text/plain", f, int64(len(tc.data)), tc.extractor)
		if err != nil || got != tc.want {
			t.Errorf("%x (%s): %q, %v; want %q", tc.data, tc.extractor, got, err, tc.want)
		}
		if pos, _ := f.Seek(0, io.SeekCurrent); pos != 0 {
			t.Errorf("%x: not rewound (at %d)", tc.data, pos)
		}
	}
}
