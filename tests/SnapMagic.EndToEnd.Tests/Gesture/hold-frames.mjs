// Feeds one sequence of per-frame gestures to the page's hold filter (SnapMagic.Web/ClientApp/src/gesture/
// stableGesture.ts, bundled on the fly by the project's esbuild) and prints what it answered for each frame.
//   node hold-frames.mjs '{"holdMs":1000,"minFrames":5,"frames":[["up",0],["up",250],...]}'
// prints e.g. [null,null,null,null,"up"]. StableGestureTests runs it and judges the answers.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "..", "..", "..", "SnapMagic.Web", "ClientApp", "src", "gesture", "stableGesture.ts");
const bundle = await build({ entryPoints: [source], bundle: true, format: "esm", platform: "neutral", write: false, logLevel: "error" });
const { StableGesture } = await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString("base64")}`);

const { holdMs, minFrames, frames } = JSON.parse(process.argv[2]);
const hold = new StableGesture({ holdMs, minFrames });
console.log(JSON.stringify(frames.map(([gesture, time]) => hold.observe(gesture, time))));
