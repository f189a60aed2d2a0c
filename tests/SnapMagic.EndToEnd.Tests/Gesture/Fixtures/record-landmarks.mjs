// Records MediaPipe Hands' landmarks for each photo in ./photos into ./landmarks/<name>.json, by running the
// same @mediapipe/hands package (and options) as the page in Debian's headless Chromium. Offline: a local
// server on an ephemeral port serves node_modules/@mediapipe/hands and the photos; the page posts its
// results back and the browser is stopped.
//   node tests/SnapMagic.EndToEnd.Tests/Gesture/Fixtures/record-landmarks.mjs [/usr/bin/chromium]
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:http";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..", "..", "..");
const mediapipe = join(repoRoot, "node_modules", "@mediapipe", "hands");
const photos = readdirSync(join(here, "photos")).filter((name) => name.endsWith(".jpg")).sort();
const chromium = process.argv[2] ?? "/usr/bin/chromium";
// Keep in step with handsOptions in SnapMagic.Web/ClientApp/src/gesture/handTracker.ts.
const handsOptions = { maxNumHands: 1, modelComplexity: 1, minDetectionConfidence: 0.5, minTrackingConfidence: 0.5, selfieMode: false };

const page = `<!doctype html><meta charset="utf-8"><script src="/mediapipe/hands.js"></script><script>
(async () => {
  const report = (body) => fetch("/done", { method: "POST", body: JSON.stringify(body) });
  try {
    const hands = new Hands({ locateFile: (file) => "/mediapipe/" + file });
    hands.setOptions(${JSON.stringify(handsOptions)});
    let last = null;
    hands.onResults((results) => (last = results));
    await hands.initialize();
    const out = {};
    for (const name of ${JSON.stringify(photos)}) {
      const image = new Image();
      image.src = "/photos/" + name;
      await image.decode();
      hands.reset(); // each photo on its own: no tracking from the previous one
      last = null;
      const started = performance.now();
      await hands.send({ image });
      console.log("record-landmarks: " + name + " in " + Math.round(performance.now() - started) + " ms");
      const landmarks = last?.multiHandLandmarks?.[0] ?? null;
      out[name] = {
        width: image.naturalWidth,
        height: image.naturalHeight,
        handedness: last?.multiHandedness?.[0] ?? null,
        landmarks: landmarks && landmarks.map((p) => ({ x: p.x, y: p.y, z: p.z })),
      };
    }
    await report({ ok: true, out });
  } catch (error) {
    await report({ ok: false, error: String(error && error.stack || error) });
  }
})();
</script>`;

const types = { ".js": "text/javascript", ".wasm": "application/wasm", ".jpg": "image/jpeg" };
let finish;
const finished = new Promise((resolve) => (finish = resolve));
const server = createServer((request, response) => {
  const url = new URL(request.url, "http://localhost");
  if (url.pathname === "/") return response.writeHead(200, { "Content-Type": "text/html" }).end(page);
  if (url.pathname === "/done") {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      response.end();
      finish(JSON.parse(body));
    });
    return;
  }
  const [, folder, name] = url.pathname.split("/");
  const root = folder === "mediapipe" ? mediapipe : folder === "photos" ? join(here, "photos") : null;
  if (!root || !name || name.includes("..")) return response.writeHead(404).end();
  try {
    const file = readFileSync(join(root, name));
    response.writeHead(200, { "Content-Type": types[extname(name)] ?? "application/octet-stream" }).end(file);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const profile = mkdtempSync(join(tmpdir(), "record-landmarks-"));
const browser = spawn(chromium, ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--enable-logging=stderr", "--remote-debugging-port=0", `--user-data-dir=${profile}`, url], { stdio: ["ignore", "ignore", "pipe"] });
// The page's console (and Chromium's own complaints) go to stderr: kept for a failure's report.
let browserLog = "";
browser.stderr.on("data", (chunk) => (browserLog = (browserLog + chunk).slice(-20_000)));
const timeout = setTimeout(() => finish({ ok: false, error: "no answer from the page in 600 s" }), 600_000);
const result = await finished;
clearTimeout(timeout);
browser.kill("SIGTERM");
await new Promise((resolve) => browser.once("exit", resolve));
rmSync(profile, { recursive: true, force: true });
server.close();
if (!result.ok) {
  console.error(browserLog);
  console.error(result.error);
  process.exit(1);
}
mkdirSync(join(here, "landmarks"), { recursive: true });
for (const [name, recorded] of Object.entries(result.out)) {
  const file = join(here, "landmarks", name.replace(/\.jpg$/, ".json"));
  writeFileSync(file, JSON.stringify({ photo: `photos/${name}`, recordedWith: "@mediapipe/hands 0.4.1675469240, headless Chromium", options: handsOptions, ...recorded }, null, 2) + "\n");
  console.log(`${name}: ${recorded.landmarks ? `hand (${recorded.handedness?.label})` : "no hand"}`);
}
