package web

import (
	"net/http"
	"net/url"
	"time"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
	"github.com/guifan/guifan/internal/validity"
)

// topic is a shortcut for a question asked at a service-hall window (政务服务大厅).
// Each query was checked against the sample library to lead to documents in force.
type topic struct {
	Label string // what the window agent is asked about
	Query string // what is searched
	Hint  string // the kinds of questions it covers
}

var topics = []topic{
	{"生育", "生育", "产假、生育保险、生育登记"},
	{"上学", "上学", "入学、义务教育"},
	{"就业", "就业", "就业援助、就业促进"},
	{"创业", "创业 中小企业", "创业扶持、中小企业"},
	{"养老", "养老", "居家养老、养老保险、老年人权益"},
	{"医疗", "医疗保障", "医保、就医、医疗费用"},
	{"纳税", "纳税 税收", "税收征管、个人所得税、纳税申报"},
	{"社保", "社保", "社会保险缴费与待遇"},
	{"住房", "住房", "住房公积金、房屋租赁"},
	{"婚姻家庭", "婚姻", "结婚离婚登记、家庭关系"},
	{"劳动用工", "劳动合同", "劳动合同、工资、劳动争议"},
	{"工伤", "工伤", "工伤认定、工伤保险"},
	{"失业", "失业金", "失业保险金、失业登记"},
	{"社会救助", "低保", "最低生活保障、临时救助"},
	{"残疾人", "残疾人", "残疾人保障、就业、教育"},
	{"未成年人", "未成年人", "未成年人保护"},
	{"消费维权", "消费者权益", "消费投诉、退换货"},
}

// URL is the search a topic leads to: documents in force (on the date chosen, if any).
func (t topic) URL() string { return t.urlAsOf("") }

func (t topic) urlAsOf(asof string) string {
	v := url.Values{"q": {t.Query}, "status": {string(validity.InForce)}}
	if asof != "" {
		v.Set("asof", asof)
	}
	return "/search?" + v.Encode()
}

// topicLink is a topic with its link on this page.
type topicLink struct {
	topic
	Link string
}

// currency is the data-currency line (数据更新至…): when the snapshot was built and
// how many documents the viewer can see.
type currency struct {
	Built    time.Time
	Works    int
	Versions int
}

// BuiltDate is the build date in China time, where the documents are published.
func (c currency) BuiltDate() model.Date { return model.DateOf(c.Built.In(chinaTime)) }

var chinaTime = time.FixedZone("CST", 8*3600)

func (h *Handler) dataCurrency(st *service.State, who service.Viewer) currency {
	key := st.Name + "|public"
	if who.Staff {
		key = st.Name + "|staff"
	}
	if c, ok := h.counts.Load(key); ok {
		return c.(currency)
	}
	n := st.Counts(who)
	c := currency{Built: st.BuiltAt, Works: n.Works, Versions: n.Versions}
	h.counts.Store(key, c)
	return c
}

type homeView struct {
	Topics      []topicLink
	Currency    currency
	Today       model.Date
	AsOf        model.Date
	AsOfSet     bool
	AsOfQ       string
	ExpiringURL string
}

// Home is GET /.
func (h *Handler) Home(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/" {
		h.NotFound(w, r)
		return
	}
	d, explicit, ok := h.asof(w, r)
	if !ok {
		return
	}
	st, release, ok := h.state(w, r)
	if !ok {
		return
	}
	defer release()
	v := homeView{Currency: h.dataCurrency(st, h.viewer(r)), Today: h.svc.Today(), AsOf: d, AsOfSet: explicit, AsOfQ: asofQuery(d, explicit)}
	asof := ""
	if explicit {
		asof = d.String()
	}
	for _, t := range topics {
		v.Topics = append(v.Topics, topicLink{t, t.urlAsOf(asof)})
	}
	ev := url.Values{"status": {search.ExpiringStatus}, "sort": {"date"}}
	if explicit {
		ev.Set("asof", asof)
	}
	v.ExpiringURL = searchURL(ev)
	h.render(w, r, http.StatusOK, "home", page{Nav: "home", Data: v})
}
