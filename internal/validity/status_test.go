package validity

import "testing"

func TestWorkStatusPositions(t *testing.T) {
	for pos, want := range map[int]Status{PosInForce: InForce, PosNotYetEffective: NotYetEffective, PosRepealed: Repealed, PosLapsed: Lapsed} {
		if WorkStatuses[pos] != want {
			t.Errorf("WorkStatuses[%d] = %s, want %s", pos, WorkStatuses[pos], want)
		}
	}
}
