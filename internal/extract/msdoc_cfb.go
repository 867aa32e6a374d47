package extract

import (
	"bytes"
	"io"

	"github.com/richardlehane/mscfb"
)

// compoundStreams returns the wanted top-level streams of a compound file
// (复合文档), each bounded by the file's own size: a stream cannot honestly be
// larger than the file holding it.
func compoundStreams(data []byte, names ...string) (streams map[string][]byte, err error) {
	defer func() {
		// Damaged sector chains can trip the parser; that is a corrupt file, not a crash.
		if p := recover(); p != nil {
			streams, err = nil, Errorf(ReasonCorrupt, "compound file: %v", p)
		}
	}()
	r, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, Errorf(ReasonCorrupt, "compound file: %v", err)
	}
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	streams = map[string][]byte{}
	for {
		f, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, Errorf(ReasonCorrupt, "compound file: %v", err)
		}
		if !want[f.Name] || len(f.Path) > 0 || streams[f.Name] != nil {
			continue
		}
		if f.Size < 0 || f.Size > int64(len(data)) {
			return nil, Errorf(ReasonCorrupt, "stream %s claims %d bytes in a %d-byte file", f.Name, f.Size, len(data))
		}
		buf := make([]byte, f.Size)
		n, err := io.ReadFull(f, buf)
		if err != nil && n == 0 && f.Size > 0 {
			return nil, Errorf(ReasonCorrupt, "stream %s: %v", f.Name, err)
		}
		streams[f.Name] = buf[:n]
	}
	return streams, nil
}
