package extract

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
)

// manyZipEntries is a zip listing more entries than any real package.
func manyZipEntries(t testing.TB, n int) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for i := 0; i < n; i++ {
		if _, err := zw.CreateHeader(&zip.FileHeader{Name: fmt.Sprintf("%x", i), Method: zip.Store}); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestFormatReadErrors(t *testing.T) {
	small := Options{MaxTextBytes: 1 << 20}
	tests := []struct {
		name    string
		file    string // fixture under testdata, or
		data    []byte // bytes named by file
		opt     Options
		want    Reason
		comment string
	}{
		{name: "docx zip bomb", file: "docx/bomb.docx", opt: small, want: ReasonTooLarge},
		{name: "docx truncated", file: "docx/truncated.docx", want: ReasonCorrupt},
		{name: "docx entry count", file: "x.docx", data: manyZipEntries(t, maxZipEntries+1), want: ReasonTooLarge},
		{name: "docx not zip", file: "x.docx", data: []byte("hello, not a zip"), want: ReasonCorrupt},
		{name: "docx without document", file: "x.docx", data: buildZip(t, "a.txt", "x"), want: ReasonCorrupt},
		{name: "docx broken xml", file: "x.docx", data: buildZip(t, "word/document.xml", "<w:document><w:bo"), want: ReasonCorrupt},
		{name: "docx empty body", file: "x.docx", data: buildZip(t, "word/document.xml", `<w:document `+wordNS+`><w:body/></w:document>`), want: ReasonEmpty},
		{name: "ofd zip bomb", file: "ofd/bomb.ofd", opt: small, want: ReasonTooLarge},
		{name: "ofd truncated", file: "ofd/truncated.ofd", want: ReasonCorrupt},
		{name: "ofd without OFD.xml", file: "x.ofd", data: buildZip(t, "Doc_0/Document.xml", "<Document/>"), want: ReasonCorrupt},
		{name: "ofd entry count", file: "x.ofd", data: manyZipEntries(t, maxZipEntries+1), want: ReasonTooLarge},
		{name: "ofd missing document", file: "x.ofd", data: buildZip(t, "OFD.xml", `<OFD><DocBody><DocRoot>nope.xml</DocRoot></DocBody></OFD>`), want: ReasonCorrupt},
		{name: "doc encrypted", file: "doc/encrypted.doc", want: ReasonEncrypted},
		{name: "doc random bytes", file: "x.doc", data: bytes.Repeat([]byte{0x5A}, 600), want: ReasonCorrupt},
		{name: "doc rtf", file: "x.doc", data: []byte(`{\rtf1\ansi hello}`), want: ReasonUnsupported},
		{name: "doc truncated compound file", file: "x.doc", data: readFormatFixture(t, "doc/built.doc")[:700], want: ReasonCorrupt},
		{name: "text too large", file: "x.txt", data: bytes.Repeat([]byte("条"), 1<<19), opt: small, want: ReasonTooLarge},
		{name: "html too large", file: "x.html", data: bytes.Repeat([]byte("<p>条</p>"), 1<<18), opt: small, want: ReasonTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			if data == nil {
				data = readFormatFixture(t, tt.file)
			}
			res, err := Bytes(context.Background(), filepath.Base(tt.file), data, tt.opt)
			if err == nil {
				t.Fatalf("read succeeded with %d bytes of text, want %s", len(res.Text), tt.want)
			}
			if got := ReasonOf(err); got != tt.want {
				t.Errorf("reason = %q (%v), want %q", got, err, tt.want)
			}
		})
	}
}

func TestZipKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/Doc_0/Document.xml", "doc_0/document.xml"},
		{`Doc_0\Pages\Page_0\Content.xml`, "doc_0/pages/page_0/content.xml"},
		{"Doc_0/../OFD.xml", "ofd.xml"},
		{"../../etc/passwd", "etc/passwd"},
	}
	for _, tt := range tests {
		if got := zipKey(tt.in); got != tt.want {
			t.Errorf("zipKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
