package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"strings"
	"sync"
)

// Live preview: every page serve sends that is HTML gets a small script
// (no external JavaScript) that listens to /_briefs/events, a stream of
// server-sent events (HTML Living Standard, "Server-sent events"). After a
// rebuild the stream says "reload" and the page reloads; after a failed
// one it says "failed" with the build's report, which the page shows in a
// banner until the next good build.

const eventsPath = "/_briefs/events"

// status is what the page learns after each build.
type status struct {
	Build  int    `json:"build"`  // counts builds, from 1
	OK     bool   `json:"ok"`     // the build succeeded
	Report string `json:"report"` // the failed build's diagnostics and summary
}

// reloader tells open pages about builds.
type reloader struct {
	mu   sync.Mutex
	last status
	subs map[chan status]struct{}
}

func newReloader() *reloader { return &reloader{subs: map[chan status]struct{}{}} }

// built records a build's outcome and tells every open page.
func (r *reloader) built(err error, report string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.last = status{Build: r.last.Build + 1, OK: err == nil}
	if err != nil {
		r.last.Report = strings.TrimSpace(report + "\n" + err.Error())
	}
	for ch := range r.subs {
		select {
		case ch <- r.last:
		default: // a page that does not keep up gets the next one
		}
	}
}

// events streams build statuses to one page until it goes away.
func (r *reloader) events(w http.ResponseWriter, req *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan status, 4)
	r.mu.Lock()
	r.subs[ch] = struct{}{}
	first := r.last
	r.mu.Unlock()
	defer func() {
		r.mu.Lock()
		delete(r.subs, ch)
		r.mu.Unlock()
	}()
	send := func(s status) {
		data, _ := json.Marshal(s)
		fmt.Fprintf(w, "event: build\ndata: %s\n\n", data)
		flusher.Flush()
	}
	if first.Build > 0 {
		send(first) // the page learns the build it shows, and a failure since
	}
	for {
		select {
		case <-req.Context().Done():
			return
		case s := <-ch:
			send(s)
		}
	}
}

// liveScript reloads the page when a newer build succeeds, and shows a
// failed build's report in a banner.
const liveScript = `<script>
(function () {
  var seen = -1;
  var es = new EventSource("` + eventsPath + `");
  es.addEventListener("build", function (e) {
    var s = JSON.parse(e.data);
    if (seen >= 0 && s.ok && s.build > seen) { location.reload(); return; }
    if (seen < 0) seen = s.build;
    var b = document.getElementById("briefs-build-error");
    if (s.ok) { if (b) b.remove(); return; }
    if (!b) {
      b = document.createElement("pre");
      b.id = "briefs-build-error";
      b.setAttribute("role", "alert");
      b.style.cssText = "position:fixed;left:0;right:0;bottom:0;max-height:45vh;overflow:auto;margin:0;padding:1em;background:#fff3f0;color:#8a1c00;border-top:3px solid #c0392b;font:13px/1.4 monospace;white-space:pre-wrap;z-index:9999";
      document.body.appendChild(b);
    }
    b.textContent = "Build failed (briefs serve keeps the last good PDFs):\n\n" + s.report;
  });
})();
</script>
`

// inject serves HTML files of the output folder, read through files (the
// same confined view the file server has), with liveScript before
// </body>; everything else passes through to next.
func (r *reloader) inject(files http.FileSystem, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if req.URL.Path == eventsPath {
			r.events(w, req)
			return
		}
		name := req.URL.Path
		if strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		if !strings.HasSuffix(name, ".html") {
			next.ServeHTTP(w, req)
			return
		}
		f, err := files.Open(path.Clean(name))
		if err != nil {
			next.ServeHTTP(w, req) // the file server says what is wrong
			return
		}
		data, err := io.ReadAll(f)
		f.Close()
		if err != nil {
			next.ServeHTTP(w, req)
			return
		}
		if i := bytes.LastIndex(data, []byte("</body>")); i >= 0 {
			data = append(data[:i:i], append([]byte(liveScript), data[i:]...)...)
		} else {
			data = append(data, liveScript...)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
}
