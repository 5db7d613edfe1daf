package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"sync"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/mekong-briefs/briefs/internal/settings"
)

func serveCommand() *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "build, serve the output folder on a loopback address, and rebuild when briefs/ or locales/ change",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1:8080", Usage: "loopback host:port to listen on (port 0 picks a free one)"},
			&cli.StringFlag{Name: "out", Value: "dist", Usage: "output folder"},
			&cli.DurationFlag{Name: "poll", Value: time.Second, Usage: "how often to look for changed sources"},
			&cli.StringFlag{Name: "bind", Usage: "serve on this host:port beyond loopback (e.g. 0.0.0.0:8080, to preview on a phone on the office network); anyone who can reach it can read the PDFs"},
		},
		Action: runServe,
	}
}

// runServe serves until SIGINT or SIGTERM (or the app's context ends).
func runServe(c *cli.Context) error {
	set, _ := settings.Load(c.String("root")) // each build reports what is wrong with it
	root, out := c.String("root"), outFolder(c, set)
	if err := outsideSources(root, out); err != nil {
		return cli.Exit("serve: "+err.Error(), 2) // a build into the sources would start the next one
	}
	if err := sourceDateValid("serve"); err != nil {
		return err
	}
	s := &server{
		Addr:     c.String("addr"),
		Out:      out,
		Watch:    watched(root, set),
		Interval: c.Duration("poll"),
		Log:      c.App.Writer,
	}
	if bind := c.String("bind"); bind != "" {
		s.Addr, s.Remote = bind, true
		fmt.Fprintf(c.App.ErrWriter, "warning: serving beyond loopback on %s: anyone on the network can read the output folder\n", bind)
	}
	var last lockedBuffer // what the last build printed to stderr, for the page
	s.Build = func(ctx context.Context) error {
		last.Reset()
		return buildVia(ctx, c.App.Writer, io.MultiWriter(c.App.ErrWriter, &last), root, out)
	}
	s.Report = last.String
	ctx, stop := signal.NotifyContext(c.Context, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := s.Run(ctx); err != nil {
		return cli.Exit(err.Error(), 2)
	}
	return nil
}

// buildVia runs `briefs --root root build --out out` in a fresh app, so
// that serve builds exactly as the build command does. The app returns a
// failed build's error instead of exiting the process.
func buildVia(ctx context.Context, stdout, stderr io.Writer, root, out string) error {
	app := newApp(stdout, stderr)
	app.ExitErrHandler = func(*cli.Context, error) {}
	return app.RunContext(ctx, []string{"briefs", "--root", root, "build", "--out", out})
}

// server serves an output folder over HTTP and rebuilds it when the
// watched folders change. Its fields are plain so tests can set them.
type server struct {
	Addr     string   // loopback host:port; port 0 picks a free one
	Out      string   // folder served
	Watch    []string // folders polled for changes
	Interval time.Duration
	Log      io.Writer
	Build    func(context.Context) error
	// Ready, when set, is called with the address the server listens on,
	// once it accepts connections.
	Ready func(addr string)
	// Remote allows an address other than loopback (serve --bind).
	Remote bool
	// Report, when set, returns what the last build printed, for the
	// banner a failed build shows on the open page.
	Report func() string

	live *reloader
}

// Run builds, serves, and rebuilds on change until ctx ends. A failed
// build is reported and the server keeps serving the last good tree.
func (s *server) Run(ctx context.Context) error {
	if err := loopbackOnly(s.Addr); err != nil && !s.Remote {
		return fmt.Errorf("serve: %w (serve --bind %s opts in)", err, s.Addr)
	}
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return fmt.Errorf("serve: %w", err) // before --out is made: a port in use leaves no empty folder
	}
	if err := os.MkdirAll(s.Out, 0o755); err != nil {
		ln.Close()
		return fmt.Errorf("serve: %w", err)
	}
	s.live = newReloader()
	// Requests live in base, which ends before Shutdown: an open page's
	// event stream (livereload) never goes idle by itself, and Shutdown
	// waited its 5 s for it and exited 2 on every Ctrl-C.
	base, endRequests := context.WithCancel(context.Background())
	defer endRequests()
	srv := &http.Server{Handler: noStore(s.live.inject(confinedFS{root: s.Out}, http.FileServer(confinedFS{root: s.Out}))), ReadHeaderTimeout: 10 * time.Second,
		BaseContext: func(net.Listener) context.Context { return base }}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	fmt.Fprintf(s.Log, "serving %s at http://%s/ (Ctrl-C stops)\n", s.Out, ln.Addr())
	if s.Ready != nil {
		s.Ready(ln.Addr().String())
	}

	err = s.watch(ctx)
	endRequests()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if serr := srv.Shutdown(shutdown); serr != nil && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	if serr := <-served; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = fmt.Errorf("serve: %w", serr)
	}
	return err
}

// watch builds once, then polls the watched folders and rebuilds when
// their fingerprint changes, until ctx ends.
func (s *server) watch(ctx context.Context) error {
	interval := s.Interval
	if interval <= 0 {
		interval = time.Second
	}
	last := ""
	tick := time.NewTicker(interval)
	defer tick.Stop()
	for {
		if fp := fingerprint(s.Watch); fp != last {
			last = fp
			s.rebuild(ctx)
		}
		select {
		case <-ctx.Done():
			fmt.Fprintln(s.Log, "serve: stopped")
			return nil
		case <-tick.C:
		}
	}
}

// rebuild builds, prints one summary line, and tells the open pages.
func (s *server) rebuild(ctx context.Context) {
	start := time.Now()
	err := s.Build(ctx)
	report := ""
	if s.Report != nil {
		report = s.Report()
	}
	if s.live != nil {
		s.live.built(err, report)
	}
	if err != nil {
		fmt.Fprintf(s.Log, "serve: build failed after %v: %v\n", time.Since(start).Round(time.Millisecond), err)
		return
	}
	fmt.Fprintf(s.Log, "serve: built in %v; open pages reload\n", time.Since(start).Round(time.Millisecond))
}

// fingerprint digests the path, size, mode and modification time of
// everything under the folders: any edit, addition, removal or rename
// changes it. A missing folder digests as missing.
func fingerprint(dirs []string) string {
	h := sha256.New()
	for _, d := range dirs {
		fmt.Fprintf(h, "dir %s\x00", d)
		filepath.WalkDir(d, func(path string, e fs.DirEntry, err error) error {
			if err != nil {
				fmt.Fprintf(h, "err %s\x00", path)
				return nil
			}
			info, err := e.Info()
			if err != nil {
				fmt.Fprintf(h, "gone %s\x00", path)
				return nil
			}
			fmt.Fprintf(h, "%s\x00%d\x00%v\x00%d\x00", path, info.Size(), info.Mode(), info.ModTime().UnixNano())
			return nil
		})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// watched are what serve rebuilds on: briefs/ and locales/, and
// briefs.toml, whose settings (the page size, the accent, the logo)
// reach every PDF, and the project's logo, which may lie outside both.
func watched(root string, set settings.Settings) []string {
	w := []string{filepath.Join(root, "briefs"), filepath.Join(root, "locales"), filepath.Join(root, settings.FileName)}
	if set.Logo != "" {
		w = append(w, filepath.Join(root, filepath.FromSlash(set.Logo)))
	}
	return w
}

// loopbackOnly refuses addresses other than loopback ones: serve is a
// preview for the editor at the keyboard, not a web server.
func loopbackOnly(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		return nil
	}
	return fmt.Errorf("address %q is not a loopback address (use 127.0.0.1:PORT or [::1]:PORT)", addr)
}

// noStore tells the browser not to cache, so a reload shows the rebuilt PDFs.
func noStore(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		h.ServeHTTP(w, r)
	})
}

// lockedBuffer is a bytes.Buffer safe for one writer and other readers.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) Reset() { l.mu.Lock(); l.b.Reset(); l.mu.Unlock() }

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
