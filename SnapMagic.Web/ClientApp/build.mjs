// Builds the page's bundle: npm ci when the repository's node_modules is missing or older than
// package-lock.json, type check (tsc --noEmit), then esbuild bundles src/main.ts with
// @microsoft/signalr from node_modules into ../wwwroot/dist/app.js, and src/organizer.ts with Chart.js
// into ../wwwroot/dist/organizer.js (the organizer's dashboard), and copies MediaPipe Hands (hands.js, its
// WASM, models and graph) into ../wwwroot/dist/mediapipe: the page loads it from there, never from a CDN.
// Run from anywhere: `node SnapMagic.Web/ClientApp/build.mjs` (MSBuild and `npm run build:web` do).
// A lock directory serialises concurrent builds (parallel MSBuild nodes, two `dotnet build`s), so
// one never deletes node_modules or half-writes the bundle under another.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const clientApp = dirname(fileURLToPath(import.meta.url));
const webProject = dirname(clientApp);
const repoRoot = dirname(webProject);
const outDir = join(webProject, "wwwroot", "dist");
const lockDir = join(webProject, "obj", "clientapp-build.lock");
const staleLockMs = 10 * 60 * 1000;

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

function run(command, args, what) {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", shell: process.platform === "win32" });
  if (result.error) fail(`${what} could not start: ${result.error.message}`);
  if (result.status !== 0) fail(`${what} failed (exit code ${result.status}).`);
}

function ownerIsGone() {
  try {
    const pid = Number(readFileSync(join(lockDir, "owner"), "utf8"));
    if (!pid) return Date.now() - statSync(lockDir).mtimeMs > staleLockMs;
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // ESRCH: that build no longer runs (killed, crashed). ENOENT: the owner is still writing its pid.
    return error.code === "ESRCH";
  }
}

async function acquireLock() {
  mkdirSync(dirname(lockDir), { recursive: true });
  const deadline = Date.now() + staleLockMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, "owner"), String(process.pid));
      return;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (ownerIsGone()) rmSync(lockDir, { recursive: true, force: true });
    else if (Date.now() > deadline) fail(`another page build held ${lockDir} for 10 minutes; delete it if no build is running.`);
    else await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function nodeModulesAreCurrent() {
  const installed = join(repoRoot, "node_modules", ".package-lock.json");
  if (!existsSync(installed)) return false;
  for (const pkg of ["esbuild", "typescript", "@microsoft/signalr", "chart.js", "@mediapipe/hands"])
    if (!existsSync(join(repoRoot, "node_modules", pkg, "package.json"))) return false;
  return statSync(installed).mtimeMs >= statSync(join(repoRoot, "package-lock.json")).mtimeMs;
}

// Everything the package ships but its type declarations and notes: hands.js fetches the rest by name.
function copyMediaPipeHands() {
  const source = join(repoRoot, "node_modules", "@mediapipe", "hands");
  const target = join(outDir, "mediapipe");
  mkdirSync(target, { recursive: true });
  const files = readdirSync(source).filter((name) => !/^(package\.json|README\.md|index\.d\.ts)$/.test(name));
  for (const name of files) {
    const from = join(source, name);
    const to = join(target, name);
    if (existsSync(to) && statSync(to).size === statSync(from).size && statSync(to).mtimeMs >= statSync(from).mtimeMs) continue;
    const temporary = `${to}.${process.pid}.tmp`;
    copyFileSync(from, temporary);
    renameSync(temporary, to);
  }
  console.log(`build.mjs: MediaPipe Hands (${files.length} files) in wwwroot/dist/mediapipe`);
}

try {
  await acquireLock();
  try {
    if (!nodeModulesAreCurrent()) {
      console.log("build.mjs: installing npm packages (npm ci) at the repository root");
      run("npm", ["ci", "--no-audit", "--no-fund"], "npm ci");
    }

    run(process.execPath, [join(repoRoot, "node_modules", "typescript", "bin", "tsc"), "-p", clientApp, "--noEmit", "--pretty", "false"], "Type check (tsc)");

    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: { app: join(clientApp, "src", "main.ts"), organizer: join(clientApp, "src", "organizer.ts") },
      bundle: true,
      format: "iife",
      platform: "browser",
      target: ["es2020", "chrome100", "firefox100", "safari15"],
      minify: true,
      sourcemap: "linked",
      outdir: outDir,
      write: false,
      logLevel: "warning",
    });

    // Write next to the target, then rename: a reader never sees half a file.
    mkdirSync(outDir, { recursive: true });
    for (const file of result.outputFiles) {
      const temporary = `${file.path}.${process.pid}.tmp`;
      writeFileSync(temporary, file.contents);
      renameSync(temporary, file.path);
    }
    copyMediaPipeHands();
    console.log(`build.mjs: wrote ${result.outputFiles.map((f) => f.path.slice(webProject.length + 1)).join(", ")}`);
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
} catch (error) {
  // MSBuild shows lines of this shape as build errors.
  console.error(`build.mjs : error SM0001: ${error instanceof BuildError ? error.message : error?.stack ?? error}`);
  process.exitCode = 1;
}
