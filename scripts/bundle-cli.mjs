#!/usr/bin/env node
/**
 * Bundles the command line (dist/cli/main.js and what it imports from dist/) into dist/bundle/,
 * which bin/xborder.js runs. Why: Node 20 loads each ES module on its own (read, parse, link),
 * about a millisecond apiece on the project's machines; `xborder scan` loaded 26 of them before
 * reading a byte. Commands still load only what they run: every dynamic import() becomes a chunk
 * of its own (esbuild's code splitting). Packages from node_modules are not bundled, and worker
 * threads start from dist/ as before (src/paths.ts finds the package's files from either place).
 * Run by `npm run build`, after tsc; without esbuild (an install without devDependencies) it
 * says so and bin/xborder.js runs dist/cli/main.js unbundled.
 */
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outdir = join(root, "dist", "bundle");
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import("esbuild");
} catch {
  console.error("esbuild is not installed: the command line runs unbundled (dist/cli/main.js)");
  process.exit(0);
}
await esbuild.build({
  entryPoints: { main: join(root, "dist", "cli", "main.js") },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
