package chromium_test

import (
	"bufio"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// A minimal client of the Chrome DevTools Protocol over one WebSocket
// (RFC 6455), written on the standard library so that the test needs no
// module beyond the project's: text frames only, masked as a client must
// mask them (RFC 6455, 5.3), with the payload lengths of 5.2.

// devtools is a connection to one page target.
type devtools struct {
	conn net.Conn
	r    *bufio.Reader
	next int
}

// dialDevTools opens the WebSocket of a page target, given its
// webSocketDebuggerUrl (ws://127.0.0.1:PORT/devtools/page/ID).
func dialDevTools(wsURL string) (*devtools, error) {
	u, err := url.Parse(wsURL)
	if err != nil {
		return nil, err
	}
	conn, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, 16)
	rand.Read(nonce)
	key := base64.StdEncoding.EncodeToString(nonce)
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: %s\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n", u.RequestURI(), u.Host, key)
	r := bufio.NewReader(conn)
	resp, err := http.ReadResponse(r, &http.Request{Method: http.MethodGet})
	if err != nil {
		conn.Close()
		return nil, fmt.Errorf("websocket handshake: %w", err)
	}
	resp.Body.Close()
	sum := sha1.Sum([]byte(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) // RFC 6455, 1.3
	if resp.StatusCode != http.StatusSwitchingProtocols || resp.Header.Get("Sec-WebSocket-Accept") != base64.StdEncoding.EncodeToString(sum[:]) {
		conn.Close()
		return nil, fmt.Errorf("websocket handshake: %s", resp.Status)
	}
	return &devtools{conn: conn, r: r}, nil
}

func (d *devtools) Close() error { return d.conn.Close() }

// writeText sends one masked text frame.
func (d *devtools) writeText(p []byte) error {
	hdr := []byte{0x81} // FIN, text
	switch n := len(p); {
	case n < 126:
		hdr = append(hdr, 0x80|byte(n))
	case n < 1<<16:
		hdr = append(hdr, 0x80|126, byte(n>>8), byte(n))
	default:
		hdr = binary.BigEndian.AppendUint64(append(hdr, 0x80|127), uint64(n))
	}
	mask := make([]byte, 4)
	rand.Read(mask)
	body := make([]byte, len(p))
	for i := range p {
		body[i] = p[i] ^ mask[i%4]
	}
	_, err := d.conn.Write(append(append(hdr, mask...), body...))
	return err
}

// readMessage reads one whole message, joining continuation frames and
// skipping control frames.
func (d *devtools) readMessage() ([]byte, error) {
	var msg []byte
	for {
		var h [2]byte
		if _, err := io.ReadFull(d.r, h[:]); err != nil {
			return nil, err
		}
		n := uint64(h[1] & 0x7F)
		switch n {
		case 126:
			var b [2]byte
			if _, err := io.ReadFull(d.r, b[:]); err != nil {
				return nil, err
			}
			n = uint64(binary.BigEndian.Uint16(b[:]))
		case 127:
			var b [8]byte
			if _, err := io.ReadFull(d.r, b[:]); err != nil {
				return nil, err
			}
			n = binary.BigEndian.Uint64(b[:])
		}
		if n > 64<<20 {
			return nil, errors.New("websocket frame over 64 MB")
		}
		var mask []byte
		if h[1]&0x80 != 0 {
			mask = make([]byte, 4)
			if _, err := io.ReadFull(d.r, mask); err != nil {
				return nil, err
			}
		}
		p := make([]byte, n)
		if _, err := io.ReadFull(d.r, p); err != nil {
			return nil, err
		}
		if mask != nil {
			for i := range p {
				p[i] ^= mask[i%4]
			}
		}
		switch op := h[0] & 0x0F; op {
		case 0x8:
			return nil, errors.New("websocket closed by the browser")
		case 0x9, 0xA:
			continue // ping, pong
		default:
			msg = append(msg, p...)
		}
		if h[0]&0x80 != 0 {
			return msg, nil
		}
	}
}

// call sends a command and waits, at most timeout, for its reply,
// dropping the events that come before it.
func (d *devtools) call(method string, params any, result any, timeout time.Duration) error {
	d.next++
	id := d.next
	req, err := json.Marshal(map[string]any{"id": id, "method": method, "params": params})
	if err != nil {
		return err
	}
	d.conn.SetDeadline(time.Now().Add(timeout))
	if err := d.writeText(req); err != nil {
		return err
	}
	for {
		data, err := d.readMessage()
		if err != nil {
			return fmt.Errorf("%s: %w", method, err)
		}
		var reply struct {
			ID     int             `json:"id"`
			Result json.RawMessage `json:"result"`
			Error  *struct {
				Message string `json:"message"`
			} `json:"error"`
		}
		if json.Unmarshal(data, &reply) != nil || reply.ID != id {
			continue // an event
		}
		if reply.Error != nil {
			return fmt.Errorf("%s: %s", method, reply.Error.Message)
		}
		if result == nil {
			return nil
		}
		return json.Unmarshal(reply.Result, result)
	}
}

// eval evaluates a JavaScript expression in the page and returns its
// value as JSON-decoded Go data; an exception is an error.
func (d *devtools) eval(expr string) (any, error) {
	var out struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		Exception *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := d.call("Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &out, 10*time.Second); err != nil {
		return nil, err
	}
	if out.Exception != nil {
		return nil, errors.New(out.Exception.Text)
	}
	return out.Result.Value, nil
}

// screenshot captures the page's viewport as PNG.
func (d *devtools) screenshot() ([]byte, error) {
	var out struct {
		Data string `json:"data"`
	}
	if err := d.call("Page.captureScreenshot", map[string]any{"format": "png"}, &out, 30*time.Second); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(out.Data)
}

// pageTarget asks the browser at debugging address addr for its first
// page's WebSocket.
func pageTarget(addr string) (string, error) {
	client := &http.Client{Timeout: 5 * time.Second}
	list := url.URL{Scheme: "http", Host: addr, Path: "json/list"} // DevTools' list of targets
	resp, err := client.Get(list.String())
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var targets []struct {
		Type, WebSocketDebuggerURL string
	}
	if err := json.NewDecoder(resp.Body).Decode(&targets); err != nil {
		return "", err
	}
	for _, t := range targets {
		if t.Type == "page" && strings.HasPrefix(t.WebSocketDebuggerURL, "ws://") {
			return t.WebSocketDebuggerURL, nil
		}
	}
	return "", errors.New("no page target")
}
