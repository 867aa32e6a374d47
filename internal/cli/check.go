package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/guifan/guifan/internal/model"
	"github.com/guifan/guifan/internal/problem"
	"github.com/guifan/guifan/internal/search"
	"github.com/guifan/guifan/internal/service"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c Config
	fs := newFlagSet("check [-asof DATE] [-index DIR] [-json] NUMBER_OR_TITLE… (or - to read them from standard input)", stderr)
	c.commonFlags(fs)
	asof := fs.String("asof", "", "date to check validity on, YYYY-MM-DD (default today)")
	asJSON := fs.Bool("json", false, "print results as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := c.validate(); err != nil {
		return badUsage(fs, err)
	}
	items := fs.Args()
	if len(items) == 1 && items[0] == "-" {
		items = nil
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" {
				items = append(items, line)
			}
		}
	}
	if len(items) == 0 {
		return badUsage(fs, errors.New("name at least one doc number or title (or - to read them from standard input)"))
	}
	d, err := search.DateParam(map[string][]string{"asof": {*asof}}, "asof", model.Today())
	if err != nil {
		if p, ok := problem.As(err); ok {
			err = errors.New(p.Message)
		}
		return badUsage(fs, fmt.Errorf("-asof: %w", err))
	}
	svc := service.New(c.Index, nil)
	if _, err := svc.Reload(); err != nil {
		return fmt.Errorf("%w (run guifan ingest first)", err)
	}
	defer svc.Close()
	st, release, err := svc.Acquire()
	if err != nil {
		return err
	}
	defer release()
	results, err := st.Validity(items, d, service.Viewer{Staff: true})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"asof": d, "results": results})
	}
	fmt.Fprintf(stdout, "效力核对（截至 %s）\n", d)
	for _, r := range results {
		status := "未找到"
		if r.Status != nil {
			status = *r.Status
			if r.ExpiresSoon {
				status += "·即将到期"
			}
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s", r.Input, status, r.StatusReason)
		if r.Title != nil {
			fmt.Fprintf(stdout, "\t《%s》", *r.Title)
		}
		if len(r.Suggestions) > 0 {
			var ts []string
			for _, sg := range r.Suggestions {
				ts = append(ts, "《"+sg.Title+"》（"+sg.Status+"）")
			}
			fmt.Fprintf(stdout, "\t是否要找：%s", strings.Join(ts, "、"))
		}
		fmt.Fprintln(stdout)
	}
	return nil
}
