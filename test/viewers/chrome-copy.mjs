// chrome-copy.mjs prints, as one JSON object, the text Chromium's built-in
// PDF viewer copies from each PDF named on the command line (select all,
// then the viewer's own getSelectedText, which is what Ctrl+C puts on the
// clipboard): {"file.pdf": "..."}. It starts headless Chromium (CHROMIUM,
// or chromium on PATH) with remote debugging, opens each PDF, and talks to
// the viewer's frame, which DevTools lists as a target of its own, over
// the DevTools protocol. Node 20 needs --experimental-websocket.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function targets(port) {
  const res = await fetch(`http://127.0.0.1:${port}/json/list`);
  return res.json();
}

// evaluate runs an expression, awaiting its promise, in the target whose
// DevTools WebSocket is ws.
function evaluate(ws, expression) {
  return new Promise((done, fail) => {
    const sock = new WebSocket(ws);
    const timer = setTimeout(() => { sock.close(); fail(new Error("DevTools did not answer")); }, 30000);
    sock.onerror = () => { clearTimeout(timer); fail(new Error("DevTools socket failed")); };
    sock.onopen = () => sock.send(JSON.stringify({ id: 1, method: "Runtime.evaluate",
      params: { expression, awaitPromise: true, returnByValue: true } }));
    sock.onmessage = (m) => {
      const reply = JSON.parse(m.data);
      if (reply.id !== 1) return;
      clearTimeout(timer);
      sock.close();
      if (reply.result?.exceptionDetails) fail(new Error(reply.result.exceptionDetails.text));
      else done(reply.result?.result?.value);
    };
  });
}

// copied is the viewer's text once the document is in: null while the
// viewer is still loading it.
const copied = `(async () => {
  const v = document.querySelector("pdf-viewer");
  if (!v || !v.pluginController_ || !(v.docLength_ > 0)) return null;
  v.pluginController_.selectAll();
  await new Promise((r) => setTimeout(r, 300));
  return (await v.pluginController_.getSelectedText()).selectedText;
})()`;

const browser = process.env.CHROMIUM || "chromium";
const out = {};
for (const file of process.argv.slice(2)) {
  const port = 9200 + Math.floor(Math.random() * 700);
  const profile = mkdtempSync(join(tmpdir(), "briefs-chrome-"));
  const chrome = spawn(browser, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, pathToFileURL(resolve(file)).href],
  { stdio: "ignore" });
  try {
    let text = null;
    for (let i = 0; i < 150 && text === null; i++) {
      await sleep(200);
      try {
        const viewer = (await targets(port)).find((t) => t.url.startsWith("chrome-extension://") && t.webSocketDebuggerUrl);
        if (viewer) text = await evaluate(viewer.webSocketDebuggerUrl, copied);
      } catch {} // not up yet
    }
    if (text === null) throw new Error(`${file}: Chromium's PDF viewer gave no text`);
    out[file] = text;
  } finally {
    chrome.kill();
    await sleep(200);
    rmSync(profile, { recursive: true, force: true });
  }
}
console.log(JSON.stringify(out));
