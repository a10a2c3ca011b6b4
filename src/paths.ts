/**
 * Where the package's own files are — data/, build/ (the native addon), package.json — and its
 * worker modules, wherever the running code came from: src/ under tsx (tests, benchmarks), dist/,
 * or the command line's bundle in dist/bundle/ (scripts/bundle-cli.mjs), which sits one folder
 * deeper. Found once: the nearest folder above this module holding a package.json.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const self = fileURLToPath(import.meta.url);
/** Running from the TypeScript sources (tsx): workers are started from src/*.ts too. */
const fromSources = self.endsWith(".ts");

function packageRoot(from: string): string {
  for (let dir = dirname(from); ;) {
    if (existsSync(join(dir, "package.json"))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error(`xborder: no package.json above ${from}`);
    dir = up;
  }
}

export const PACKAGE_ROOT = packageRoot(self);

/** A file of the package, by its path from the package's root. */
export const packageFile = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);

/** A module to start as a worker thread, by its path under src/ without extension ("scan/worker"). */
export const workerModule = (name: string): URL =>
  pathToFileURL(join(PACKAGE_ROOT, fromSources ? "src" : "dist", `${name}${fromSources ? ".ts" : ".js"}`));
