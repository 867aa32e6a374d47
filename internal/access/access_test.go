package access

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http/httptest"
	"testing"
)

func TestGate(t *testing.T) {
	const token = "correct-horse-battery"
	sum := sha256.Sum256([]byte(token))
	for _, g := range []func() (*Gate, error){
		func() (*Gate, error) { return NewGate(token, "") },
		func() (*Gate, error) { return NewGate("", hex.EncodeToString(sum[:])) },
	} {
		gate, err := g()
		if err != nil {
			t.Fatal(err)
		}
		r := httptest.NewRequest("GET", "/", nil)
		if gate.IsStaff(r) {
			t.Error("anonymous request counted as staff")
		}
		r.Header.Set("Authorization", "Bearer "+token)
		if !gate.IsStaff(r) {
			t.Error("bearer token not accepted")
		}
		r.Header.Set("Authorization", "Bearer "+token+"x")
		if gate.IsStaff(r) {
			t.Error("wrong token accepted")
		}
	}
	if _, err := NewGate("short", ""); err == nil {
		t.Error("short token accepted")
	}
	if _, err := NewGate("", "zz"); err == nil {
		t.Error("bad hash accepted")
	}
	open, _ := NewGate("", "")
	r := httptest.NewRequest("GET", "/", nil)
	r.Header.Set("Authorization", "Bearer ")
	if open.IsStaff(r) {
		t.Error("no token configured, yet a request counted as staff")
	}
}
