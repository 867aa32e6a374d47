package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
	"github.com/guifan/guifan/internal/validity"
)

// facetGroup is one facet as links: following one adds its filter, following a chosen
// one removes it.
type facetGroup struct {
	Name  string
	Items []facetItem // shown at once
	More  []facetItem // behind 更多
}

type facetItem struct {
	Label    string
	Count    int
	URL      string
	Selected bool
	Class    string // a status badge class for status values
}

// chip is a filter in force, with the link that removes it.
type chip struct {
	Label  string
	Remove string
}

// facetShown is how many values a facet lists before 更多.
const facetShown = 8

func facetGroups(cur url.Values, f service.Facets, q search.Query) ([]facetGroup, []chip) {
	var groups []facetGroup
	var chips []chip

	// Status is repeatable: each value toggles itself in the list. Counts depend on
	// the as-of date, since a status is computed for that day.
	chosen := statusValues(cur)
	sg := facetGroup{Name: "效力状态"}
	for _, s := range validity.WorkStatuses {
		name := string(s)
		sel := contains(chosen, name)
		n := f.Status[name]
		if n == 0 && !sel {
			continue
		}
		u := searchURL(withStatuses(cur, toggle(chosen, name)))
		sg.Items = append(sg.Items, facetItem{Label: name, Count: n, URL: u, Selected: sel, Class: statusClass(name)})
		if sel {
			chips = append(chips, chip{"效力状态：" + name, u})
		}
	}
	exp := search.ExpiringStatus
	expSel := q.Expiring
	eu := searchURL(withStatuses(cur, toggle(chosen, exp)))
	if f.Expiring > 0 || expSel {
		sg.Items = append(sg.Items, facetItem{Label: exp + "（180天内）", Count: f.Expiring, URL: eu, Selected: expSel, Class: "flag"})
	}
	if expSel {
		chips = append(chips, chip{"效力状态：" + exp, eu})
	}
	groups = append(groups, sg)

	single := func(name, param string, order []string, counts map[string]int, label func(string) string, ok func(string) bool) {
		g := facetGroup{Name: name}
		curVal := cur.Get(param)
		seen := false
		for _, val := range order {
			if val == "" || !ok(val) {
				continue // a value the filter would refuse cannot be offered as one
			}
			sel := val == curVal
			seen = seen || sel
			u := searchURL(with(cur, param, val))
			if sel {
				u = searchURL(without(cur, param))
			}
			it := facetItem{Label: label(val), Count: counts[val], URL: u, Selected: sel}
			if len(g.Items) < facetShown || sel {
				g.Items = append(g.Items, it)
			} else {
				g.More = append(g.More, it)
			}
		}
		if curVal != "" {
			remove := searchURL(without(cur, param))
			if !seen {
				// The filter is in force but matched nothing: still show it, to undo.
				g.Items = append(g.Items, facetItem{Label: label(curVal), URL: remove, Selected: true})
			}
			chips = append(chips, chip{name + "：" + label(curVal), remove})
		}
		if len(g.Items) > 0 {
			groups = append(groups, g)
		}
	}
	plain := func(s string) string { return s }
	short := func(s string) bool { return len([]rune(s)) <= 100 }
	isYear := func(s string) bool { y, err := strconv.Atoi(s); return err == nil && y >= 1900 && y <= 2200 }
	single("效力级别", "level", f.Order.Level, f.Level, plain, levelKnown)
	single("发文机关", "authority", f.Order.Authority, f.Authority, plain, short)
	single("主题", "topic", f.Order.Topic, f.Topic, plain, short)
	single("发布年份", "year", f.Order.Year, f.Year, func(s string) string { return s + "年" }, isYear)
	if k := cur.Get("kind"); k != "" {
		chips = append(chips, chip{"类型：政策解读", searchURL(without(cur, "kind"))})
	}
	if q.From != 0 || q.To != 0 {
		label := "发布日期："
		if q.From != 0 {
			label += q.From.Chinese() + "起"
		}
		if q.To != 0 {
			label += "至" + q.To.Chinese()
		}
		chips = append(chips, chip{label, searchURL(without(cur, "from", "to"))})
	}
	return groups, chips
}

// statusValues lists the chosen statuses, splitting comma-separated values.
func statusValues(v url.Values) []string {
	var out []string
	for _, s := range v["status"] {
		for _, part := range strings.Split(s, ",") {
			part = strings.TrimSpace(part)
			if part == "expiring" {
				part = search.ExpiringStatus
			}
			if st, ok := validity.ParseStatus(part); ok {
				part = string(st) // English codes show as the Chinese name
			}
			if part != "" && !contains(out, part) {
				out = append(out, part)
			}
		}
	}
	return out
}

func withStatuses(v url.Values, statuses []string) url.Values {
	out := without(v, "status")
	for _, s := range statuses {
		out.Add("status", s)
	}
	return out
}

func toggle(list []string, s string) []string {
	var out []string
	found := false
	for _, x := range list {
		if x == s {
			found = true
			continue
		}
		out = append(out, x)
	}
	if !found {
		out = append(out, s)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// levelKnown says whether a level value can be offered as a filter.
func levelKnown(s string) bool {
	for _, l := range model.Levels {
		if string(l) == s {
			return true
		}
	}
	return false
}
