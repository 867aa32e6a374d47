package snapshot

import (
	"os"
	"testing"
)

func TestDiscardRefusesWhatIsNotAnUnpublishedSnapshot(t *testing.T) {
	r := Root(t.TempDir())
	a, err := r.Create()
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Publish(a); err != nil {
		t.Fatal(err)
	}
	b, _ := r.Create()
	for _, name := range []string{"", ".", "..", "../x", a} {
		if err := r.Discard(name); err == nil {
			t.Errorf("Discard(%q) succeeded", name)
		}
	}
	if _, err := os.Stat(r.Path(a)); err != nil {
		t.Fatalf("published snapshot removed: %v", err)
	}
	if err := r.Discard(b); err != nil {
		t.Errorf("Discard(unpublished) = %v", err)
	}
	if cur, err := r.Current(); err != nil || cur != a {
		t.Errorf("Current = %q, %v", cur, err)
	}
}
