package search

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/validity"
)

// Limits on what a search may ask for.
const (
	DefaultSize = 10
	MaxSize     = 100
	MaxDepth    = 10000 // page × size; deeper pages would make every search slow (use after= cursors)
)

// ExpiringStatus is the filter value for 即将到期, a flag rather than a status.
const ExpiringStatus = "即将到期"

// FromValues turns whitelisted request parameters into a Query. It is the one place
// the JSON API and the HTML pages build searches; every bad value is a problem.Invalid
// with a message that says what is allowed.
func FromValues(v url.Values, today model.Date) (Query, error) {
	q := Query{AsOf: today, Size: DefaultSize}
	q.Text = strings.TrimSpace(v.Get("q"))
	if n := utf8.RuneCountInString(q.Text); n > MaxQueryRunes {
		return q, problem.Invalidf("q", "检索词过长（%d 字），最多 %d 字", n, MaxQueryRunes)
	}
	var err error
	if q.AsOf, err = DateParam(v, "asof", today); err != nil {
		return q, err
	}
	for _, s := range v["status"] {
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			switch {
			case part == "":
			case part == ExpiringStatus || part == "expiring":
				q.Expiring = true
			default:
				st, ok := validity.ParseStatus(part)
				if !ok {
					return q, problem.Invalidf("status", "未知的效力状态 %q（可选：现行有效、尚未生效、已修改、已废止、已失效、即将到期）", part)
				}
				q.Statuses = append(q.Statuses, st)
			}
		}
	}
	if q.Level = strings.TrimSpace(v.Get("level")); q.Level != "" && !knownLevel(q.Level) {
		return q, problem.Invalidf("level", "未知的效力级别 %q", q.Level)
	}
	if q.Authority, err = shortParam(v, "authority"); err != nil {
		return q, err
	}
	if q.Topic, err = shortParam(v, "topic"); err != nil {
		return q, err
	}
	switch k := v.Get("kind"); k {
	case "":
	case "解读", "interpretation":
		q.Kind = string(model.KindInterpretation)
	default:
		return q, problem.Invalidf("kind", "未知的文件类型 %q（可选：解读）", k)
	}
	if s := v.Get("year"); s != "" {
		y, err := strconv.Atoi(s)
		switch {
		case err != nil:
			return q, problem.Invalidf("year", "年份 %q 无效，应为四位数字（如 2024）", s)
		case y < 1900 || y > 2200:
			return q, problem.Invalidf("year", "年份 %d 超出范围（1900–2200）", y)
		}
		q.Year = y
	}
	if q.From, err = DateParam(v, "from", 0); err != nil {
		return q, err
	}
	if q.To, err = DateParam(v, "to", 0); err != nil {
		return q, err
	}
	if q.From != 0 && q.To != 0 && q.From > q.To {
		return q, problem.Invalidf("from", "起始日期 %s 晚于截止日期 %s", q.From, q.To)
	}
	switch s := v.Get("sort"); s {
	case "", "relevance":
	case "date":
		q.SortDate = true
	default:
		return q, problem.Invalidf("sort", "排序方式 %q 无效（可选：relevance、date）", s)
	}
	page, err := IntParam(v, "page", 1, 1, MaxDepth)
	if err != nil {
		return q, err
	}
	if q.Size, err = IntParam(v, "size", DefaultSize, 1, MaxSize); err != nil {
		return q, err
	}
	if page*q.Size > MaxDepth {
		return q, problem.Invalidf("page", "最多可翻看前 %d 条结果，请缩小检索范围", MaxDepth)
	}
	q.Offset = (page - 1) * q.Size
	if a := strings.TrimSpace(v.Get("after")); a != "" {
		if page > 1 {
			return q, problem.Invalidf("after", "after 与 page 不能同时使用")
		}
		if q.After, err = ParseCursor(a); err != nil {
			return q, err
		}
	}
	return q, nil
}

// Page is the 1-based page number of the query.
func (q Query) Page() int { return q.Offset/q.Size + 1 }

// DateParam reads an optional YYYY-MM-DD parameter.
func DateParam(v url.Values, name string, def model.Date) (model.Date, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	d, err := model.ParseDate(s)
	switch {
	case err != nil:
		return 0, problem.Invalidf(name, "日期 %q 无效，应为 YYYY-MM-DD（如 2024-01-01）", s)
	case d < 18000101 || d > 29991231:
		return 0, problem.Invalidf(name, "日期 %s 超出范围（1800-01-01 至 2999-12-31）", d)
	}
	return d, nil
}

// IntParam reads an optional integer parameter within [lo, hi].
func IntParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := strings.TrimSpace(v.Get(name))
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, problem.Invalidf(name, "%s 应为 %d 到 %d 之间的整数，收到 %q", name, lo, hi, s)
	}
	return n, nil
}

func shortParam(v url.Values, name string) (string, error) {
	s := strings.TrimSpace(v.Get(name))
	if utf8.RuneCountInString(s) > 100 {
		return "", problem.Invalidf(name, "%s 过长", name)
	}
	return s, nil
}

func knownLevel(s string) bool {
	for _, l := range model.Levels {
		if string(l) == s {
			return true
		}
	}
	return false
}
