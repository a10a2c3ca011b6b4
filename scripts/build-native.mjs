#!/usr/bin/env node
/**
 * Builds the native addon (build/Release/xborder_scan.node) with node-gyp, which npm runs its
 * scripts with: the scanner's CSV core (native/scan_core.cc), its mapped files
 * (native/mapped_file.cc) and the ledger's batched person keys (native/person_keys.cc). Skipped
 * when the addon is newer than its sources. Without a C++ compiler (or node-gyp) the build is
 * skipped with a notice: the scanner then runs its JavaScript core and reads files with read(2),
 * and the ledger keys people with node:crypto, with the same results; `--require` makes that an
 * error.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const addon = join(root, "build", "Release", "xborder_scan.node");
const sources = [
  join(root, "native", "scan_core.cc"),
  join(root, "native", "person_keys.cc"),
  join(root, "native", "mapped_file.cc"),
  join(root, "binding.gyp"),
];
const require = process.argv.includes("--require");

const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs));
if (existsSync(addon) && statSync(addon).mtimeMs >= newest) process.exit(0);

// npm puts its own node-gyp on PATH for scripts and names it in npm_config_node_gyp.
const gyp = process.env.npm_config_node_gyp;
const [cmd, args] = gyp ? [process.execPath, [gyp, "rebuild"]] : ["node-gyp", ["rebuild"]];
console.error("building the native addon (node-gyp rebuild) …");
const r = spawnSync(cmd, args, { cwd: root, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
if (r.status === 0 && existsSync(addon)) process.exit(0);
const why = r.error
  ? r.error.message
  : (r.stderr ?? "")
      .split("\n")
      .filter((l) => /error/i.test(l))
      .slice(0, 5)
      .join("\n");
console.error(
  `the native addon was not built; the scanner uses its JavaScript core and the ledger node:crypto (same results, slower).\n${why}`,
);
process.exit(require ? 1 : 0);
