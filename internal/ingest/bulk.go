package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/guifan/guifan/internal/catalog"
	"github.com/guifan/guifan/internal/library"
	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/snapshot"
	"github.com/guifan/guifan/internal/textnorm"
)

type bulkLine struct {
	key     string
	line    int
	fields  *library.Fields
	parts   int      // >1 when several records were joined into one document
	partIDs []string // the ids of the joined records after the first
}

// readBulk reads a JSON Lines file. Lines already ingested (same content) keep their
// records; only new or changed lines are read again.
func readBulk(ctx context.Context, e library.Entry, hash, fileHash string, prev map[string]*catalog.Record, opt Options, sp *spool, progress func()) fileResult {
	fr := fileResult{entry: e, state: snapshot.FileState{Hash: hash, Size: e.Size, Extractor: "jsonl"}}
	f, err := os.Open(e.Abs)
	if err != nil {
		fr.err = &FileError{Path: e.Path, Reason: "unreadable", Detail: err.Error()}
		return fr
	}
	defer f.Close()
	var todo []bulkLine
	var lineErrs []string
	err = library.EachLine(f, func(line int, raw []byte, fields *library.Fields, err error) error {
		if err != nil {
			lineErrs = append(lineErrs, err.Error())
			return nil
		}
		sum := sha256.Sum256(raw)
		todo = append(todo, bulkLine{key: e.Path + "#" + hex.EncodeToString(sum[:8]), line: line, fields: fields})
		return ctx.Err()
	})
	// Lines already ingested (same content, so the same key) keep their records.
	all := joinParts(todo)
	todo = nil
	for _, l := range all {
		fr.state.Keys = append(fr.state.Keys, l.key)
		if r, ok := prev[l.key]; ok {
			r.Version.Source.Line = l.line
			fr.kept = append(fr.kept, r)
			continue
		}
		todo = append(todo, l)
	}
	if err != nil {
		fr.err = &FileError{Path: e.Path, Reason: "unreadable", Detail: err.Error()}
	}
	if len(lineErrs) > 0 {
		detail := strings.Join(lineErrs[:min(len(lineErrs), 20)], "; ")
		fr.err = &FileError{Path: e.Path, Reason: "bad records", Detail: detail, Count: len(lineErrs)}
	}
	// A record dated after another of its work is a later version: its text's closing
	// 自公布之日起施行 may be the original law's.
	firstOf := map[string]model.Date{}
	for _, l := range todo {
		if k, d := l.fields.VersionOf, l.fields.PublishDate; k != "" && d != 0 && (firstOf[k] == 0 || d < firstOf[k]) {
			firstOf[k] = d
		}
	}
	fr.reads = parallel(ctx, todo, opt.Workers, func(_ context.Context, l bulkLine) read {
		raw := textnorm.Clean(textnorm.FoldWidth(l.fields.Text))
		text := plainMarkdown(raw)
		src := source{
			key: l.key, fields: l.fields, text: text, raw: raw, fileStem: stem(e.Path), refusePrivate: opt.RefusePrivate,
			amended: l.fields.VersionOf != "" && l.fields.PublishDate > firstOf[l.fields.VersionOf],
			file:    model.SourceFile{Path: e.Path, Format: "jsonl", SHA256: fileHash, Extractor: "jsonl", Line: l.line, Record: l.key},
		}
		r := buildRecord(src)
		r.AliasIDs = l.partIDs
		if l.parts > 1 {
			r.Version.Warnings = append(r.Version.Warnings, fmt.Sprintf("由来源中同一文件夹下的%d个部分合并而成", l.parts))
		}
		if l.fields.Collection != "" {
			r.Version.Source.Extractor = "jsonl/" + l.fields.Collection
		}
		r.Version.Articles = provisionHeadings(r, l.fields, text)
		if err := sp.Put(r.Key, text); err != nil {
			r.Version.Warnings = append(r.Version.Warnings, "正文暂存失败："+err.Error())
		}
		l.fields.Text = "" // the record is read; free the line's text
		return read{record: r, bytes: len(text)}
	}, progress)
	out := fr.reads[:0]
	for _, r := range fr.reads {
		if r.record != nil { // nil when cancelled before the line was read
			out = append(out, r)
		}
	}
	fr.reads = out
	return fr
}

// plainMarkdown drops the Markdown marks bulk texts carry (LawRefBook: "# 标题",
// "## 第一章 总则", <!-- INFO END -->) so the text reads as the document does.
func plainMarkdown(s string) string {
	if !strings.Contains(s, "#") && !strings.Contains(s, "<!--") {
		return s
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "<!--") && strings.HasSuffix(t, "-->") {
			continue
		}
		if strings.HasPrefix(t, "#") {
			l = strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
		out = append(out, l)
	}
	return textnorm.Clean(strings.Join(out, "\n"))
}
