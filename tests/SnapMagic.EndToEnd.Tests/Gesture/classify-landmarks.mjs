// Runs the page's thumb classifier (SnapMagic.Web/ClientApp/src/gesture/thumbGesture.ts, bundled on the fly by
// the project's esbuild) on every recorded landmark set in Fixtures/landmarks, and prints one JSON object:
// { "<fixture>.json": "up" | "down" | "none" }. GestureClassifierTests runs it and judges the answers.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const classifierSource = join(here, "..", "..", "..", "SnapMagic.Web", "ClientApp", "src", "gesture", "thumbGesture.ts");
const bundle = await build({ entryPoints: [classifierSource], bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error" });
const { classifyThumb } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);

const folder = join(here, "Fixtures", "landmarks");
const answers = {};
for (const name of readdirSync(folder).filter((file) => file.endsWith(".json")).sort()) {
  const recorded = JSON.parse(readFileSync(join(folder, name), "utf8"));
  const hand = recorded.landmarks
    ? { landmarks: recorded.landmarks, handedness: recorded.handedness?.label ?? "Right", imageAspect: recorded.width / recorded.height }
    : null;
  answers[name] = classifyThumb(hand);
}
console.log(JSON.stringify(answers));
