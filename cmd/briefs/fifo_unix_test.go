//go:build unix

package main

import "syscall"

// mkfifo makes a named pipe, for the cases that check a pipe is refused
// rather than read (which would wait for ever).
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }
