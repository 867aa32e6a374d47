package docnum

import "testing"

// A 机关代字 can hold a character that is a stop word in running text: 就 in 京人社就发
// (北京市人力资源和社会保障局, 就业). When only a type character such as 发 or 函 would be
// left after it, the character is part of the code: the number is read whole, both
// given on its own (a pasted validity check) and in a red header.
func TestCodeHoldingAStopWordCharacter(t *testing.T) {
	for in, want := range map[string]string{
		"京人社就发〔2021〕8号":  "京人社就发〔2021〕8号",
		"京人社就发[2021]08号": "京人社就发〔2021〕8号",
		"人社就函〔2019〕3号":   "人社就函〔2019〕3号",
		"法〔1998〕86号":     "法〔1998〕86号",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
	text := "北京市人力资源和社会保障局关于做好就业补贴工作的通知\n京人社就发〔2021〕8号\n\n现就京人社就发〔2020〕3号文件的执行提出以下意见。我院以法〔1998〕86号通知。"
	want := []string{"京人社就发〔2021〕8号", "京人社就发〔2020〕3号", "法〔1998〕86号"}
	got := numbers(FindAll(text))
	if len(got) != len(want) {
		t.Fatalf("FindAll = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("FindAll = %q, want %q", got, want)
			break
		}
	}
}
