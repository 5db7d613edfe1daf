package parallel

import (
	"sync"
	"sync/atomic"
	"testing"
)

// TestOnceComputesEachKeyOnce: callers of one key on many goroutines get
// one computation's value; another key, and a forgotten one, compute anew.
func TestOnceComputesEachKeyOnce(t *testing.T) {
	var o Once[string, int]
	var calls atomic.Int32
	var wg sync.WaitGroup
	got := make([]int, 16)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = o.Do("a", func() int { return int(calls.Add(1)) * 10 })
		}()
	}
	wg.Wait()
	for i, v := range got {
		if v != 10 {
			t.Fatalf("caller %d got %d, want the one value 10", i, v)
		}
	}
	if v := o.Do("b", func() int { calls.Add(1); return 2 }); v != 2 || calls.Load() != 2 {
		t.Errorf("another key: %d, %d calls", v, calls.Load())
	}
	o.Forget("a")
	if v := o.Do("a", func() int { return 3 }); v != 3 {
		t.Errorf("a forgotten key gave %d, want it computed again", v)
	}
}

// TestOncePanicLeavesNoValue: a computation that panics leaves the key
// unset, so the next call computes again rather than getting a zero value.
func TestOncePanicLeavesNoValue(t *testing.T) {
	var o Once[int, *int]
	func() {
		defer func() { _ = recover() }()
		o.Do(1, func() *int { panic("decode") })
	}()
	v := 7
	if got := o.Do(1, func() *int { return &v }); got == nil || *got != 7 {
		t.Errorf("after a panic: %v", got)
	}
	o.Reset()
	if got := o.Do(1, func() *int { w := 8; return &w }); *got != 8 {
		t.Errorf("after Reset: %d", *got)
	}
}
