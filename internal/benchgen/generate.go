package benchgen

import (
	"bufio"
	"context"
	"errors"
	"io"
	"strconv"
	"time"

	"github.com/guifan/guifan/internal/model"
)

// Defaults of Options.
const (
	// DefaultAvgTextBytes is the mean text size of laws.jsonl (18,033 bytes of UTF-8 per
	// version; with metadata a record is about 18.6 KB, the corpus's 19 KB less its
	// provisions lists). 1M versions at this size are about 19 GB of JSON Lines.
	DefaultAvgTextBytes = 18000
	// ShortAvgTextBytes suits a 1M-version run on one machine: about 2.6 GB of JSON Lines,
	// still a real distribution of lengths (short notices to long regulations).
	ShortAvgTextBytes = 2000
)

// DefaultAsOf is the date the generated validity features are arranged around: some
// documents expire within 180 days after it and some take effect after it.
var DefaultAsOf = model.NewDate(2026, 11, 27)

// Options configure a generation. Zero values take the defaults.
type Options struct {
	N            int        // versions (records) to write
	Seed         int64      // same N and Seed give byte-identical output
	AvgTextBytes int        // target mean text size in bytes; DefaultAvgTextBytes when 0
	AsOf         model.Date // reference date of the validity features; DefaultAsOf when 0
}

// Generate writes n version records in the JSON Lines format of laws.jsonl (SPEC
// "Library"), built by recombining the corpus read from src, with the default text
// size and reference date.
func Generate(ctx context.Context, src io.Reader, n int, seed int64, w io.Writer) (Stats, error) {
	return GenerateWith(ctx, src, w, Options{N: n, Seed: seed})
}

// GenerateWith is Generate with every option.
func GenerateWith(ctx context.Context, src io.Reader, w io.Writer, opt Options) (Stats, error) {
	if opt.N < 0 {
		return Stats{}, errors.New("benchgen: negative number of versions")
	}
	if opt.AvgTextBytes <= 0 {
		opt.AvgTextBytes = DefaultAvgTextBytes
	}
	if opt.AsOf == 0 {
		opt.AsOf = DefaultAsOf
	}
	st := newStats(opt)
	start := time.Now()
	p, err := loadPool(ctx, src)
	if err != nil {
		return *st, err
	}
	st.SourceLoad = time.Since(start)
	err = generateFrom(ctx, p, w, opt, st)
	return *st, err
}

// generateFrom writes the records from an already read pool.
func generateFrom(ctx context.Context, p *pool, w io.Writer, opt Options, st *Stats) error {
	st.Subjects = len(p.subjects)
	for _, it := range p.items {
		if !it.heading {
			st.SourceArticles++
		}
	}
	start := time.Now()
	cw := &countingWriter{w: w}
	g := newGen(opt, p, bufio.NewWriterSize(cw, 1<<20), st)
	err := g.run(ctx)
	if ferr := g.out.Flush(); err == nil {
		err = ferr
	}
	st.Bytes = cw.n
	st.Elapsed = time.Since(start)
	return err
}

type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// gen holds the state of one generation. Everything it keeps is bounded: the pool by
// the source, the rings and numbering by the regions, bodies and years there are.
type gen struct {
	opt      Options
	pool     *pool
	spaces   []*space
	nums     *numbering
	out      *bufio.Writer
	st       *Stats
	obj      jsonObject
	emitted  int
	workSeq  uint64
	rings    []ring // per region: recent works others may repeal, cite or extend
	national ring   // recent laws, regulations and rules: bases of other documents
	cleanups []int  // per region: clean-up decisions so far (第k批)
	weights  []float64
	scratch  [2][]int32
}

func newGen(opt Options, p *pool, out *bufio.Writer, st *Stats) *gen {
	g := &gen{opt: opt, pool: p, spaces: newSpaces(len(p.subjects), opt.Seed), nums: newNumbering(), out: out, st: st,
		rings: make([]ring, len(regions)), national: newRing(64), cleanups: make([]int, len(regions))}
	for i := range g.rings {
		g.rings[i] = newRing(12)
	}
	for _, s := range levelSpecs {
		g.weights = append(g.weights, s.weight)
	}
	return g
}

func (g *gen) run(ctx context.Context) error {
	for g.emitted < g.opt.N {
		if g.workSeq%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		if err := g.work(); err != nil {
			return err
		}
		g.workSeq++
	}
	return nil
}

func (g *gen) full() bool { return g.emitted >= g.opt.N }

// workID names a generated work; version ids add -v1, -v2.
func (g *gen) workID(kind string) string {
	return "g" + strconv.FormatInt(g.opt.Seed, 10) + "-" + kind + strconv.FormatUint(g.workSeq, 10)
}
