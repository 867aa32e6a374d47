package meta

import (
	"regexp"
	"strings"

	"github.com/guifan/guifan/internal/model"
)

// processingForm is an office's form for handling a document (收文处理单, 收文登记表,
// 发文稿纸, 办文单): it names the document it handles, its number and its title, but
// it is not that document.
type processingForm struct {
	heading string // the form's printed heading: XX市政府文件处理
	subject string // the title of the document it handles, when the form gives it
}

// formHeadingRe matches a form's heading: 收文处理单, XX市政府文件处理, 发文稿纸 ….
var formHeadingRe = regexp.MustCompile(`^\P{P}{0,20}?(?:(?:收文|发文|来文|文件|公文|办文|阅文)(?:处理|登记|办理|阅办|传阅|呈批|审批|运转)[单表笺卡簿]?|发文稿纸|(?:办文|阅文|收文|发文)单)$`)

// formLabels are the printed labels of such forms; a heading alone is not enough, a
// notice may well be titled …文件处理….
var formLabels = []string{"来文文号", "来文单位", "来文机关", "来文日期", "收文日期", "收文编号", "收文号", "公文标题",
	"文件标题", "来文标题", "拟办意见", "批办意见", "领导批示", "处理意见", "办理结果", "阅文时限", "拟稿", "核稿", "会签", "印数"}

// formTitleLabels label the title of the handled document on the form.
var formTitleLabels = []string{"公文标题", "文件标题", "来文标题", "文件名称", "标题", "事由"}

// findForm says whether the text is a processing form, with its heading and the
// title of the document it handles.
func findForm(d *doc) (processingForm, bool) {
	var f processingForm
	for i := 0; i < len(d.lines) && i < 4; i++ {
		c := compact(d.lines[i].s)
		if !formHeadingRe.MatchString(c) {
			continue
		}
		// A heading set in two pieces: XX / 市政府文件处理.
		if i > 0 {
			if p := compact(d.lines[i-1].s); runeLen(p) <= 8 && !d.isNumberLine(i-1) {
				c = p + c
			}
		}
		f.heading = c
		break
	}
	if f.heading == "" {
		return f, false
	}
	n := 0
	top := d.lines[:min(len(d.lines), 60)]
	for _, label := range formLabels {
		for _, l := range top {
			if strings.Contains(compact(l.s), label) {
				n++
				break
			}
		}
	}
	if n < 2 {
		return f, false
	}
	for i, l := range top {
		c := compact(l.s)
		for _, label := range formTitleLabels {
			if !strings.HasPrefix(c, label) {
				continue
			}
			v := strings.TrimLeft(strings.TrimPrefix(c, label), "：:")
			if v == "" && i+1 < len(top) {
				v = compact(top[i+1].s)
			}
			if v != "" && !isFormLabel(v) {
				f.subject = v
			}
			break
		}
		if f.subject != "" {
			break
		}
	}
	return f, true
}

func isFormLabel(s string) bool {
	for _, l := range formLabels {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// title is the form's heading with the title of the document it handles.
func (f processingForm) title() string {
	if f.subject == "" {
		return f.heading
	}
	return f.heading + "：" + f.subject
}

// handledNumber is the relation a form keeps to the document whose number it shows:
// a citation, with the line that shows the number as evidence.
func (f processingForm) handledNumber(d *doc, number string) model.Relation {
	ev := number
	for _, l := range d.lines[:min(len(d.lines), 60)] {
		if ownNumberOfLine(l.s) == number || strings.Contains(compact(l.s), strings.TrimSuffix(number, "号")) {
			ev = l.s
			break
		}
	}
	return model.Relation{Type: model.Cites, Target: number, Evidence: ev, Origin: originText}
}
