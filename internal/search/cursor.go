package search

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
)

// Cursor is where a page ended (search-after): the sort key and document number of
// its last hit in one snapshot. The next page starts after it however deep it is,
// at the cost of a first page; document numbers mean nothing in another snapshot,
// so a cursor from an older one is refused.
//
// Clients get it sealed (AES-GCM under the snapshot's cursor key): a raw score is
// weighted by how often the words occur in every document, restricted ones included,
// and document numbers count them, so neither may be read by the public.
type Cursor struct {
	Snapshot string
	Score    float64
	Publish  model.Date
	Doc      uint64

	sealed string // as handed to the client
}

// String is the opaque form handed to clients.
func (c Cursor) String() string {
	if c.sealed != "" {
		return c.sealed
	}
	return base64.RawURLEncoding.EncodeToString([]byte(c.plain()))
}

func (c Cursor) plain() string {
	return fmt.Sprintf("1|%s|%x|%d|%d", c.Snapshot, math.Float64bits(c.Score), c.Publish, c.Doc)
}

func badCursor(s string) error {
	return problem.Invalidf("after", "翻页游标 %q 无效：请使用上一页结果中的 next 值", s)
}

// ParseCursor reads a cursor from a request; the index that issued it opens it.
func ParseCursor(s string) (*Cursor, error) {
	if len(s) > 300 {
		return nil, badCursor(s)
	}
	if _, err := base64.RawURLEncoding.DecodeString(s); err != nil || s == "" {
		return nil, badCursor(s)
	}
	return &Cursor{sealed: s}, nil
}

// NewCursorKey is a fresh key for a snapshot's cursors.
func NewCursorKey() []byte {
	k := make([]byte, 32)
	if _, err := rand.Read(k); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return k
}

func cursorAEAD(key []byte) cipher.AEAD {
	if len(key) != 32 {
		return nil
	}
	b, err := aes.NewCipher(key)
	if err != nil {
		return nil
	}
	g, err := cipher.NewGCM(b)
	if err != nil {
		return nil
	}
	return g
}

// seal makes the client's form of c.
func (x *Index) seal(c *Cursor) {
	g := x.cursorAEAD
	if g == nil {
		return
	}
	nonce := make([]byte, g.NonceSize(), g.NonceSize()+len(c.plain())+g.Overhead())
	if _, err := rand.Read(nonce); err != nil {
		return
	}
	c.sealed = base64.RawURLEncoding.EncodeToString(g.Seal(nonce, nonce, []byte(c.plain()), []byte(x.tag)))
}

// open reads a client's cursor. One this snapshot did not issue — an older snapshot's,
// or one altered — is refused as stale: the client starts again from the first page.
func (x *Index) open(c *Cursor) (*Cursor, error) {
	stale := problem.Invalidf("after", "翻页游标来自已被替换的索引版本，请从第一页重新检索")
	raw, err := base64.RawURLEncoding.DecodeString(c.sealed)
	if err != nil {
		return nil, badCursor(c.sealed)
	}
	if g := x.cursorAEAD; g != nil {
		if len(raw) < g.NonceSize() {
			return nil, stale
		}
		if raw, err = g.Open(nil, raw[:g.NonceSize()], raw[g.NonceSize():], []byte(x.tag)); err != nil {
			return nil, stale
		}
	}
	f := strings.Split(string(raw), "|")
	if len(f) != 5 || f[0] != "1" || f[1] == "" {
		return nil, stale
	}
	bits, err1 := strconv.ParseUint(f[2], 16, 64)
	pub, err2 := strconv.ParseInt(f[3], 10, 32)
	doc, err3 := strconv.ParseUint(f[4], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, badCursor(c.sealed)
	}
	score := math.Float64frombits(bits)
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return nil, badCursor(c.sealed)
	}
	if f[1] != x.tag {
		return nil, stale
	}
	return &Cursor{Snapshot: f[1], Score: score, Publish: model.Date(pub), Doc: doc}, nil
}
