package ingest

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
)

// Print writes the report for a person: a summary line, the extractors used and every
// file that could not be read, grouped by reason.
func (r *Report) Print(w io.Writer) {
	if r.Unchanged {
		fmt.Fprintf(w, "无变化 (unchanged): %d files checked in %s; serving snapshot %s\n", r.Files, r.Duration.Round(time.Millisecond), r.Snapshot)
	} else {
		fmt.Fprintf(w, "snapshot %s built in %s\n", r.Snapshot, r.Duration.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "files %d (read %d, unchanged %d, removed %d) · versions %d · works %d · relations %d (resolved %d) · indexed %d, deleted %d · errors %d\n",
		r.Files, r.FilesRead, r.FilesReused, r.FilesRemoved, r.Versions, r.Works, r.Relations, r.Resolved, r.Indexed, r.Deleted, len(r.Errors))
	if len(r.Extractors) > 0 {
		var names []string
		for k := range r.Extractors {
			names = append(names, k)
		}
		sort.Strings(names)
		var parts []string
		for _, k := range names {
			parts = append(parts, fmt.Sprintf("%s %d", k, r.Extractors[k]))
		}
		fmt.Fprintf(w, "extractors: %s\n", strings.Join(parts, ", "))
	}
	if len(r.Skipped) > 0 {
		shown := r.Skipped[:min(len(r.Skipped), 5)]
		more := ""
		if len(r.Skipped) > len(shown) {
			more = fmt.Sprintf(" … and %d more", len(r.Skipped)-len(shown))
		}
		fmt.Fprintf(w, "not read, no reader for their type (%d): %s%s\n", len(r.Skipped), strings.Join(shown, ", "), more)
	}
	if len(r.Privacy) > 0 {
		fmt.Fprintf(w, "personal information in public documents (%d):\n", len(r.Privacy))
		for _, p := range r.Privacy {
			where := p.Path
			if p.Record > 0 {
				where += fmt.Sprintf(" record line %d", p.Record)
			}
			state := "flagged"
			if p.Refused {
				state = "withheld from the public"
			}
			fmt.Fprintf(w, "  %s, text line %d: %s %s (%s) — %s\n", where, p.Line, p.Kind, p.Masked, p.Context, state)
		}
	}
	if len(r.Errors) == 0 {
		return
	}
	byReason := map[string][]FileError{}
	var reasons []string
	for _, e := range r.Errors {
		if _, ok := byReason[e.Reason]; !ok {
			reasons = append(reasons, e.Reason)
		}
		byReason[e.Reason] = append(byReason[e.Reason], e)
	}
	sort.Strings(reasons)
	fmt.Fprintln(w, "errors:")
	for _, reason := range reasons {
		fmt.Fprintf(w, "  %s (%d)\n", reason, len(byReason[reason]))
		for _, e := range byReason[reason] {
			detail := firstLine(e.Detail)
			if e.Count > 0 {
				detail = fmt.Sprintf("%d bad records: %s", e.Count, detail)
			}
			fmt.Fprintf(w, "    %s: %s\n", e.Path, detail)
		}
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len([]rune(s)) > 300 {
		s = string([]rune(s)[:300]) + "…"
	}
	return s
}

// Bar is a terminal progress bar.
type Bar struct {
	out io.Writer
	bar *progressbar.ProgressBar
}

// NewBar draws progress on out, which should be a terminal.
func NewBar(out io.Writer) *Bar { return &Bar{out: out} }

// Stage starts a new stage; total 0 shows a spinner.
func (b *Bar) Stage(name string, total int) {
	if b.bar != nil {
		_ = b.bar.Finish()
	}
	if total <= 0 {
		total = -1
	}
	b.bar = progressbar.NewOptions(total,
		progressbar.OptionSetWriter(b.out), progressbar.OptionSetDescription(name),
		progressbar.OptionShowCount(), progressbar.OptionSetWidth(30), progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("项"))
}

// Add advances the current stage.
func (b *Bar) Add(n int) {
	if b.bar != nil {
		_ = b.bar.Add(n)
	}
}

// Done clears the bar.
func (b *Bar) Done() {
	if b.bar != nil {
		_ = b.bar.Finish()
		b.bar = nil
	}
}
