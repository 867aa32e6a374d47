package privacy_test

import (
	"fmt"

	"github.com/guifan/guifan/internal/privacy"
)

func ExampleScan() {
	text := "联系人：赵某\n手机：138-0013-8000，监督电话 12345"
	fs := privacy.Scan(text)
	for _, f := range fs {
		fmt.Printf("%s line %d %s: %s\n", f.Kind, f.Line, f.Masked, f.Context)
	}
	fmt.Println(privacy.Mask(text, fs))
	// Output:
	// mobile line 2 138****8000: 联系人：赵某 手机：138-****-8000，监督电话 12345
	// 联系人：赵某
	// 手机：138-****-8000，监督电话 12345
}
