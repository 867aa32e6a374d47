package search

import (
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
type Cursor struct {
	Snapshot string
	Score    float64
	Publish  model.Date
	Doc      uint64
}

// String is the opaque form handed to clients.
func (c Cursor) String() string {
	raw := fmt.Sprintf("1|%s|%x|%d|%d", c.Snapshot, math.Float64bits(c.Score), c.Publish, c.Doc)
	return base64.RawURLEncoding.EncodeToString([]byte(raw))
}

// ParseCursor reads a cursor from a request.
func ParseCursor(s string) (*Cursor, error) {
	bad := problem.Invalidf("after", "翻页游标 %q 无效：请使用上一页结果中的 next 值", s)
	if len(s) > 200 {
		return nil, bad
	}
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, bad
	}
	f := strings.Split(string(raw), "|")
	if len(f) != 5 || f[0] != "1" || f[1] == "" {
		return nil, bad
	}
	bits, err1 := strconv.ParseUint(f[2], 16, 64)
	pub, err2 := strconv.ParseInt(f[3], 10, 32)
	doc, err3 := strconv.ParseUint(f[4], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil {
		return nil, bad
	}
	score := math.Float64frombits(bits)
	if math.IsNaN(score) || math.IsInf(score, 0) {
		return nil, bad
	}
	return &Cursor{Snapshot: f[1], Score: score, Publish: model.Date(pub), Doc: doc}, nil
}
