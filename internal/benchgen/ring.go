package benchgen

import "github.com/guifan/guifan/internal/model"

// ref is what later documents need to know about an earlier generated work to repeal,
// cite, extend or base themselves on it. Only the last few works per region are kept.
type ref struct {
	title     string // the work's title
	name      string // how documents cite it: the issued document's own name, or the title
	prefix    string // doc number parts, prefix "" when the number is not of the 〔year〕 shape
	year      int
	serial    int
	number    string // as the record wrote it (any shape)
	authority string
	level     int        // index into levelSpecs
	last      model.Date // publish date of its latest version
	effective model.Date // effective date of its latest version
	expiry    model.Date // 有效期 end of its latest version, 0 for none
	ended     bool       // a repeals or lapses relation names it
	extended  bool
	public    bool
	expired   bool // counted in Stats.Expired
	soon      bool // counted in Stats.ExpiringSoon
}

// ring keeps the last cap refs.
type ring struct {
	items []*ref
	next  int
}

func newRing(capacity int) ring { return ring{items: make([]*ref, 0, capacity)} }

func (r *ring) push(x *ref) {
	if len(r.items) < cap(r.items) {
		r.items = append(r.items, x)
		return
	}
	r.items[r.next] = x
	r.next = (r.next + 1) % len(r.items)
}

// pick chooses up to k distinct refs that satisfy ok, scanning from a random start so
// the choice does not favour the oldest entries.
func (r *ring) pick(g *rng, k int, ok func(*ref) bool) []*ref {
	n := len(r.items)
	if n == 0 || k <= 0 {
		return nil
	}
	var out []*ref
	start := g.intn(n)
	for i := 0; i < n && len(out) < k; i++ {
		x := r.items[(start+i)%n]
		if ok(x) {
			out = append(out, x)
		}
	}
	return out
}

// target is how a relation names a ref: usually its doc number, in any written form,
// otherwise its title.
func (x *ref) target(g *rng) string {
	if x.prefix != "" && g.chance(0.65) {
		w, _ := shapedNumber(g, x.prefix, x.year, x.serial, true)
		return w
	}
	return x.title
}

// citation is how a sentence names a ref: 《name》（number）.
func (x *ref) citation() string {
	if x.number != "" {
		return "《" + x.name + "》（" + x.number + "）"
	}
	return "《" + x.name + "》"
}
