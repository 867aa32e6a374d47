package privacy

import "testing"

func FuzzScan(f *testing.F) {
	id := makeID("110105", "19850612", "123")
	for _, s := range []string{
		"", "1", "13800138000", "+86 138 0013 8000", "+8613800138000", "86-138-0013-8000",
		"138-0013-8000-1", "12 138 0013 8000", id, id[:6] + " " + id[6:14] + " " + id[14:],
		idWithX("440305", "19991231"), fullWidth(id), "１３８００１３８０００", "0.13800138000",
		"手机13800138000、13900139000，身份证" + id + "\n第二行",
		"\xef\xbc", "\xef\xbc\x91\xef", "＋86－138－0013－8000", "86 86 13800138000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkInvariants(t, s, Scan(s))
	})
}
