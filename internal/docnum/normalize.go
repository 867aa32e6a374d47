// Package docnum reads 发文字号 (document numbers such as 国办发〔2022〕8号).
package docnum

import (
	"regexp"
	"strings"

	"github.com/guifan/guifan/internal/textnorm"
)

var (
	bracketFold = strings.NewReplacer("[", "〔", "]", "〕", "［", "〔", "］", "〕", "（", "〔", "）", "〕", "(", "〔", ")", "〕", "【", "〔", "】", "〕", "｛", "〔", "｝", "〕", "{", "〔", "}", "〕", "﹝", "〔", "﹞", "〕")
	shape       = regexp.MustCompile(`^(\p{Han}[\p{Han}A-Za-z0-9]*?)〔(\d{4})〕第?0*(\d+)号$`)
)

// Normalize folds a doc number to its canonical form: brackets to 〔〕, digits to
// ASCII, no spaces, no leading zeros in the serial. It returns "" when s is not
// shaped like a doc number.
func Normalize(s string) string {
	s = bracketFold.Replace(textnorm.Compact(textnorm.FoldWidth(s)))
	m := shape.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1] + "〔" + m[2] + "〕" + m[3] + "号"
}
