package benchgen

import "github.com/guifan/guifan/internal/model"

// record is one version as written to the output.
type record struct {
	id, title, number, versionOf, label, kind, disclosure, status, interprets string
	authority                                                                 []string
	level                                                                     model.Level
	publish, effective, expiry                                                model.Date
	topics                                                                    []string
	relations                                                                 []relation
	// Facts for Stats that are not fields.
	restricted    bool
	statesExpiry  bool
	numberVariant bool
}

type relation struct {
	typ         model.RelationType
	target      string
	date, until model.Date
	evidence    string
}

// textWriter appends a text, JSON-escaped, straight into the record being written.
type textWriter struct {
	o   *jsonObject
	raw int
}

func (t *textWriter) s(v string) {
	t.o.buf = appendEscaped(t.o.buf, v)
	t.raw += len(v)
}

// line writes v and a line break.
func (t *textWriter) line(v string) {
	t.s(v)
	t.o.buf = append(t.o.buf, '\\', 'n')
	t.raw++
}

func (t *textWriter) item(it *item) {
	t.o.buf = append(t.o.buf, it.esc...)
	t.raw += it.raw
}

func (t *textWriter) newline() {
	t.o.buf = append(t.o.buf, '\\', 'n')
	t.raw++
}

// emit writes one record; body writes its text.
func (g *gen) emit(rec *record, body func(t *textWriter)) error {
	o := &g.obj
	o.buf = o.buf[:0]
	o.begin()
	o.str("id", rec.id)
	o.str("title", rec.title)
	o.str("doc_number", rec.number)
	if len(rec.authority) == 1 {
		o.str("authority", rec.authority[0])
	} else {
		o.strings("authority", rec.authority)
	}
	o.str("level", string(rec.level))
	o.date("publish_date", rec.publish)
	o.date("effective_date", rec.effective)
	o.date("expiry_date", rec.expiry)
	o.str("status", rec.status)
	o.str("version_of", rec.versionOf)
	if rec.label != "" {
		o.str("label", rec.label)
	}
	if rec.kind != "" {
		o.str("kind", rec.kind)
	}
	o.str("disclosure", rec.disclosure)
	o.strings("topics", rec.topics)
	if rec.interprets != "" {
		o.str("interprets", rec.interprets)
	}
	o.key("relations")
	o.buf = append(o.buf, '[')
	for i, r := range rec.relations {
		if i > 0 {
			o.buf = append(o.buf, ',')
		}
		ro := jsonObject{buf: o.buf}
		ro.begin()
		ro.str("type", string(r.typ))
		ro.str("target", r.target)
		ro.date("date", r.date)
		ro.date("until", r.until)
		ro.str("evidence", r.evidence)
		ro.end()
		o.buf = ro.buf
	}
	o.buf = append(o.buf, ']')
	o.key("text")
	o.buf = append(o.buf, '"')
	t := textWriter{o: o}
	body(&t)
	// Texts end without a line break.
	if n := len(o.buf); n >= 2 && o.buf[n-2] == '\\' && o.buf[n-1] == 'n' {
		o.buf = o.buf[:n-2]
		t.raw--
	}
	o.buf = append(o.buf, '"')
	o.end()
	o.buf = append(o.buf, '\n')
	if _, err := g.out.Write(o.buf); err != nil {
		return err
	}
	g.emitted++
	st := g.st
	st.Versions++
	st.TextBytes += int64(t.raw)
	st.VersionsByLevel[string(rec.level)]++
	if rec.restricted {
		st.Restricted++
	}
	if rec.effective > g.opt.AsOf {
		st.Future++
	}
	if rec.statesExpiry {
		st.WithExpiry++
		if rec.expiry == 0 {
			st.ExpiryTextOnly++
		}
	}
	if rec.numberVariant {
		st.DocNumberVariants++
	}
	if rec.versionOf == "" {
		st.WithoutVersionOf++
	}
	for _, r := range rec.relations {
		st.Relations[string(r.typ)]++
	}
	if rec.interprets != "" {
		st.Relations[string(model.Interprets)]++
	}
	return nil
}
