package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"

	"github.com/guifan/guifan/internal/textnorm"
)

// pdftotextPath returns poppler's pdftotext, or "" when it is not installed.
func pdftotextPath() string {
	p, err := exec.LookPath("pdftotext")
	if err != nil {
		return ""
	}
	return p
}

// ocrTools returns pdftoppm and tesseract when both are installed and tesseract has
// the simplified-Chinese model; ok is false otherwise.
func ocrTools() (pdftoppm, tesseract string, ok bool) {
	pdftoppm, err1 := exec.LookPath("pdftoppm")
	tesseract, err2 := exec.LookPath("tesseract")
	if err1 != nil || err2 != nil {
		return "", "", false
	}
	return pdftoppm, tesseract, tesseractHasChiSim(tesseract)
}

var (
	chiSimOnce sync.Once
	chiSimOK   bool
)

func tesseractHasChiSim(tesseract string) bool {
	chiSimOnce.Do(func() {
		out, err := exec.Command(tesseract, "--list-langs").CombinedOutput()
		chiSimOK = err == nil && bytes.Contains(out, []byte("chi_sim"))
	})
	return chiSimOK
}

// withTempPDF writes data to a temporary file for the command-line tools.
func withTempPDF(data []byte, f func(dir, path string) error) error {
	dir, err := os.MkdirTemp("", "guifan-pdf-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return err
	}
	return f(dir, path)
}

// pdftotextPages runs pdftotext (reading order, not -layout, unless args say otherwise)
// and splits its output into pages at form feeds.
func pdftotextPages(ctx context.Context, tool string, data []byte, args ...string) (*pdfPages, error) {
	var out []byte
	err := withTempPDF(data, func(_, path string) error {
		var stderr bytes.Buffer
		cmd := exec.CommandContext(ctx, tool, append(append([]string{"-q", "-enc", "UTF-8"}, args...), path, "-")...)
		cmd.Stderr = &stderr
		var err error
		out, err = cmd.Output()
		if err != nil {
			return fmt.Errorf("pdftotext: %v %s", err, strings.TrimSpace(stderr.String()))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return textPages(strings.Split(strings.TrimSuffix(string(out), "\f"), "\f")), nil
}

// textPages turns plain page texts into page lines; blank lines are kept because they
// are the external tools' paragraph breaks.
func textPages(texts []string) *pdfPages {
	p := &pdfPages{lines: make([][]layoutLine, len(texts))}
	for i, t := range texts {
		for _, line := range strings.Split(t, "\n") {
			line = strings.TrimSpace(line)
			if line == "" && len(p.lines[i]) == 0 {
				continue
			}
			p.lines[i] = append(p.lines[i], layoutLine{text: line})
			p.glyphs += len([]rune(line))
		}
		for n := len(p.lines[i]); n > 0 && p.lines[i][n-1].text == ""; n-- {
			p.lines[i] = p.lines[i][:n-1]
		}
	}
	return p
}

// OCR resolution and parallelism: 200 dpi grey is enough for 仿宋 body text, and two
// pages at a time keep a small server responsive.
const (
	ocrDPI      = 200
	ocrParallel = 2
)

// ocrPages renders each page with pdftoppm and reads it with tesseract chi_sim.
func ocrPages(ctx context.Context, pdftoppm, tesseract string, data []byte, pages int) (*pdfPages, error) {
	texts := make([]string, pages)
	errs := make([]error, pages)
	err := withTempPDF(data, func(dir, path string) error {
		sem := make(chan struct{}, ocrParallel)
		var wg sync.WaitGroup
		for i := 0; i < pages; i++ {
			if ctx.Err() != nil {
				break
			}
			sem <- struct{}{}
			wg.Add(1)
			go func(i int) {
				defer func() { <-sem; wg.Done() }()
				texts[i], errs[i] = ocrPage(ctx, pdftoppm, tesseract, dir, path, i+1)
			}(i)
		}
		wg.Wait()
		return ctx.Err()
	})
	if err != nil {
		return nil, Errorf(ReasonTimeout, "OCR: %v", err)
	}
	p := textPages(texts)
	for i, e := range errs {
		if e != nil {
			p.warnings = append(p.warnings, fmt.Sprintf("第%d页 OCR 识别失败：%v", i+1, e))
		}
	}
	return p, nil
}

func ocrPage(ctx context.Context, pdftoppm, tesseract, dir, path string, page int) (string, error) {
	prefix := filepath.Join(dir, fmt.Sprintf("p%d", page))
	n := fmt.Sprint(page)
	render := exec.CommandContext(ctx, pdftoppm, "-r", fmt.Sprint(ocrDPI), "-gray", "-f", n, "-l", n, "-singlefile", path, prefix)
	if out, err := render.CombinedOutput(); err != nil {
		return "", fmt.Errorf("pdftoppm: %v %s", err, strings.TrimSpace(string(out)))
	}
	defer os.Remove(prefix + ".pgm")
	read := exec.CommandContext(ctx, tesseract, prefix+".pgm", "stdout", "-l", "chi_sim")
	// Each tesseract gets one thread: pages already run side by side.
	read.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
	var stderr bytes.Buffer
	read.Stderr = &stderr
	out, err := read.Output()
	if err != nil {
		return "", fmt.Errorf("tesseract: %v %s", err, strings.TrimSpace(stderr.String()))
	}
	return joinCJKSpaces(string(out)), nil
}

// joinCJKSpaces removes the spaces tesseract puts between Chinese characters
// ("农 机 购 置"), keeping those between Latin words and numbers.
func joinCJKSpaces(s string) string {
	rs := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == ' ' {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if i > 0 && j < len(rs) && (isCJK(rs[i-1]) || isCJK(rs[j])) {
				i = j - 1
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isCJK(r rune) bool {
	return textnorm.IsHan(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
