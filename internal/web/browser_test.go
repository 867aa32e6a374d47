package web_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// chromium finds a Chromium to drive: GUIFAN_CHROMIUM, else the Debian package's.
func chromium(t *testing.T) string {
	t.Helper()
	for _, p := range []string{os.Getenv("GUIFAN_CHROMIUM"), "/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p == "" {
			continue
		}
		if path, err := exec.LookPath(p); err == nil {
			return path
		}
	}
	t.Skip("browser tests need Chromium (Debian package chromium, or set GUIFAN_CHROMIUM); none found")
	return ""
}

// artifacts is where screenshots go: GUIFAN_ARTIFACTS, else artifacts/screenshots
// (git-ignored). A relative folder is taken from the repository root, where
// `go test ./...` is run, not from this package's folder.
func artifacts(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("GUIFAN_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join("artifacts", "screenshots")
	}
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", "..", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// cspProbe records Content-Security-Policy violations; the browser injects it into
// every page itself, so the page's own policy does not apply to it.
const cspProbe = `window.__csp = [];
document.addEventListener('securitypolicyviolation', function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });`

type viewport struct {
	name          string
	width, height int64
	mobile        bool
}

// TestBrowserFlows drives a real headless Chromium through the core flows at phone
// and desktop widths: search from the home page, open a result, follow a version,
// compare versions and run a batch check, taking screenshots along the way.
func TestBrowserFlows(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	exe := chromium(t)
	s := newSite(t)
	out := artifacts(t)
	for _, vp := range []viewport{{"phone", 375, 812, true}, {"desktop", 1280, 900, false}} {
		t.Run(vp.name, func(t *testing.T) {
			ctx := browser(t, exe)
			b := &flow{t: t, ctx: ctx, site: s, vp: vp, out: out}
			opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(1)}
			if vp.mobile {
				opts = append(opts, chromedp.EmulateMobile)
			}
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(vp.width, vp.height, opts...)); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspProbe}); err != nil {
				t.Fatal(err)
			}
			b.run()
		})
	}
}

func browser(t *testing.T, exe string) context.Context {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("lang", "zh-CN"),
		chromedp.UserDataDir(t.TempDir()),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelTab(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		t.Fatalf("start Chromium: %v", err)
	}
	return ctx
}

// stepTimeout bounds one browser step, so a missing element fails the test quickly.
const stepTimeout = 20 * time.Second

type flow struct {
	t    *testing.T
	ctx  context.Context
	site *site
	vp   viewport
	out  string
}

func (f *flow) run() {
	t := f.t
	// Home: search box, topic shortcuts, keyboard focus reaches the skip link first.
	f.open("/")
	f.shot("home")
	if got := f.eval(`(function(){ document.activeElement.blur(); return true })()`); got != "true" {
		t.Fatal(got)
	}
	f.do(chromedp.KeyEvent("\t"))
	if got := f.eval(`document.activeElement.className + '|' + (document.activeElement.getBoundingClientRect().top >= 0) + '|' + getComputedStyle(document.activeElement).outlineStyle`); got != "skip|true|solid" {
		t.Errorf("first Tab: focused %q, want the visible skip link with an outline", got)
	}

	// Search from the home page.
	f.do(chromedp.SendKeys(chromedp.ID("q-home"), "生育"))
	f.navigate(chromedp.Submit(chromedp.ID("q-home")))
	f.waitVisible("ol.hits")
	f.contains("main", "某市城乡居民生育保险办法", "现行有效", "政策解读")
	f.shot("search")

	// Open the result.
	f.navigate(chromedp.Click(chromedp.CSS(`ol.hits a[href^="/works/fx:work:shengyu"]`)))
	f.contains("h1", "某市城乡居民生育保险办法")
	f.contains(".text", "第七条", "本办法自2022年7月1日起施行")
	f.shot("document")
	// An article number links to its own anchor.
	f.do(chromedp.Click(chromedp.CSS(`a.artno[href="#第四条"]`)))
	if got := f.eval(`document.querySelector(':target') ? document.querySelector(':target').id : ''`); got != "第四条" {
		t.Errorf("article link: target %q, want 第四条", got)
	}

	// Follow the older version from the timeline.
	f.navigate(chromedp.Click(chromedp.CSS(`.timeline a[href*="fx:shengyu-2019"]`)))
	f.contains(".text", "每次定额补助二千元")
	f.contains(".version-note", "已修改", "与下一版本对照")
	f.shot("version")

	// Compare it with the version after it.
	f.navigate(chromedp.Click(chromedp.CSS(`.version-note a[href*="/diff"]`)))
	f.waitVisible("table.diff")
	f.contains("table.diff", "第四条", "修改")
	if n := f.eval(`String(document.querySelectorAll('table.diff del').length + document.querySelectorAll('table.diff ins').length)`); n == "0" {
		t.Error("comparison marks no changed characters")
	}
	if f.vp.mobile {
		// The two columns stack on a phone: the new text sits below the old one.
		got := f.eval(`(function(){ var o = document.querySelector('tr.op-changed td.old').getBoundingClientRect(), n = document.querySelector('tr.op-changed td.new').getBoundingClientRect(); return String(n.top >= o.bottom - 1) })()`)
		if got != "true" {
			t.Error("comparison columns do not stack on a phone")
		}
	}
	f.shot("diff")

	// Batch check.
	f.open("/check")
	f.do(chromedp.SendKeys(chromedp.ID("q"), "某政规〔2019〕3号\n某人社发〔2015〕8号\n没有这个文件"))
	f.navigate(chromedp.Submit(chromedp.ID("q")))
	f.waitVisible("table.check")
	f.contains("table.check", "已废止", "未找到", "某市城乡居民生育保险办法")
	if n := f.eval(`String(document.querySelectorAll('table.check tbody tr').length)`); n != "3" {
		t.Errorf("check rows: %s, want 3", n)
	}
	f.shot("check")

	// Staff sign in, then open the clean-up list (定期清理).
	f.open("/staff/login")
	f.do(chromedp.SendKeys(chromedp.ID("token"), staffToken))
	f.navigate(chromedp.Submit(chromedp.ID("token")))
	f.open("/staff/cleanup")
	f.contains("h1", "定期清理")
	f.contains("main", "下载")
	f.shot("cleanup")
}

// open loads a page and checks it for what every page must satisfy.
func (f *flow) open(path string) {
	f.t.Helper()
	f.navigate(chromedp.Navigate(f.site.URL + path))
}

func (f *flow) navigate(action chromedp.Action[chromedp.Void]) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, action)
	if err != nil {
		f.t.Fatalf("navigate: %v", err)
	}
	if resp.Status != 200 {
		f.t.Fatalf("%s: status %d", resp.URL, resp.Status)
	}
	f.checkPage()
}

// checkPage: no policy violations, nothing wider than the screen, Chinese text.
func (f *flow) checkPage() {
	f.t.Helper()
	if v := f.eval(`(window.__csp || []).join('; ')`); v != "" {
		f.t.Errorf("%s: content security policy violations: %s", f.location(), v)
	}
	if w := f.eval(`String(document.documentElement.scrollWidth > window.innerWidth + 1)`); w != "false" {
		f.t.Errorf("%s: page is wider than the %d px screen (%s px)", f.location(), f.vp.width, f.eval(`String(document.documentElement.scrollWidth)`))
	}
	if lang := f.eval(`document.documentElement.lang`); lang != "zh-CN" {
		f.t.Errorf("lang %q", lang)
	}
}

func (f *flow) location() string {
	loc, _ := chromedp.Run(f.ctx, chromedp.Location())
	return loc
}

func (f *flow) do(actions ...chromedp.Action[chromedp.Void]) {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(f.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		f.t.Fatalf("%s: %v", f.location(), err)
	}
}

func (f *flow) waitVisible(css string) {
	f.t.Helper()
	f.do(chromedp.WaitVisible(chromedp.CSS(css)))
}

func (f *flow) eval(js string) string {
	f.t.Helper()
	v, err := chromedp.Run(f.ctx, chromedp.Evaluate[any](js))
	if err != nil {
		f.t.Fatalf("evaluate %s: %v", js, err)
	}
	switch v := v.(type) {
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return "false"
	}
	return ""
}

func (f *flow) contains(css string, wants ...string) {
	f.t.Helper()
	text, err := chromedp.Run(f.ctx, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		f.t.Fatalf("%s: read %s: %v", f.location(), css, err)
	}
	for _, w := range wants {
		if !strings.Contains(text, w) {
			f.t.Errorf("%s: %s lacks %q", f.location(), css, w)
		}
	}
}

// shot saves a screenshot of the viewport (and for the desktop, of the whole page).
func (f *flow) shot(name string) {
	f.t.Helper()
	buf, err := chromedp.Run(f.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		f.t.Fatalf("screenshot: %v", err)
	}
	path := filepath.Join(f.out, f.vp.name+"-"+name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		f.t.Fatal(err)
	}
	f.t.Logf("screenshot %s", path)
}
