package parallel

import "sync"

// Once computes a value once per key for the life of the process: the
// first caller of a key computes it, and callers that come meanwhile
// wait for that result rather than computing it again (jobs on every
// core that each need the same figure decoded). The zero Once is ready.
type Once[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*onceEntry[V]
}

type onceEntry[V any] struct {
	once sync.Once
	v    V
}

// Do returns the value of key, computing it with f if no call has.
func (o *Once[K, V]) Do(key K, f func() V) V {
	o.mu.Lock()
	if o.m == nil {
		o.m = map[K]*onceEntry[V]{}
	}
	e, ok := o.m[key]
	if !ok {
		e = &onceEntry[V]{}
		o.m[key] = e
	}
	o.mu.Unlock()
	e.once.Do(func() {
		defer func() {
			if r := recover(); r != nil {
				o.Forget(key) // a panic leaves no zero value behind
				panic(r)
			}
		}()
		e.v = f()
	})
	return e.v
}

// Reset forgets every key.
func (o *Once[K, V]) Reset() {
	o.mu.Lock()
	clear(o.m)
	o.mu.Unlock()
}

// Forget drops key's value, so that the next Do computes it again: for a
// result too large to keep, or one that should be tried again.
func (o *Once[K, V]) Forget(key K) {
	o.mu.Lock()
	delete(o.m, key)
	o.mu.Unlock()
}
