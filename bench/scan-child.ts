/**
 * One measured run of the scanner benchmark, in its own process so that its peak memory is
 * its own (bench/scan.ts starts it, pinned to one core with taskset where asked).
 *   tsx bench/scan-child.ts <reference|xborder|openredaction|redact-pii> FILE [workers]
 * Prints {seconds, bytes, peakRssMB, found} as JSON.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { referenceLoop } from "./reference.mjs";

/** The built module (what `xborder scan` runs), else its source. */
async function load<T>(dist: string, source: string): Promise<T> {
  const built = fileURLToPath(new URL(dist, import.meta.url));
  return (await import(existsSync(built) ? pathToFileURL(built).href : source)) as T;
}

const [mode, file, workersArg] = process.argv.slice(2);
if (!mode || !file) throw new Error("usage: scan-child MODE FILE [workers]");

/** Lines grouped into blocks of about 4 KB: the text size these libraries are made for. */
function blocks(path: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (const line of readFileSync(path, "utf8").split("\n")) {
    cur += `${line}\n`;
    if (cur.length >= 4096) {
      out.push(cur);
      cur = "";
    }
  }
  if (cur) out.push(cur);
  return out;
}

const tally = (types: string[]) => {
  const m: Record<string, number> = {};
  for (const t of types) m[t] = (m[t] ?? 0) + 1;
  return m;
};

const bytes = statSync(file).size;
const small = bytes < 16 << 20;
/** Runs `f` ten times to warm up (small inputs only: start-up and JIT would dominate), then once timed. */
async function timed<T>(f: () => Promise<T> | T): Promise<{ seconds: number; value: T }> {
  if (small) for (let k = 0; k < 10; k++) await f();
  const t0 = performance.now();
  const value = await f();
  return { seconds: (performance.now() - t0) / 1000, value };
}

let m: { seconds: number; value: unknown };
if (mode === "reference") m = await timed(() => referenceLoop(file));
else if (mode === "xborder") {
  // Loaded here only: a process that has loaded the scanner's modules runs the reference loop
  // ~15 % slower on one core (V8's background threads share it), which would flatter xborder.
  const { scanPaths } = await load<typeof import("../src/scan/scan.js")>("../dist/scan/scan.js", "../src/scan/scan.js");
  m = await timed(async () => {
    const r = await scanPaths([file], { asOf: "2026-11-22", workers: Number(workersArg ?? 1) });
    return { entities: r.entities, persons: r.persons, sensitiveCategories: r.sensitiveCategories };
  });
} else if (mode === "openredaction") {
  const { OpenRedaction } = await import("@openredaction/openredaction");
  const shield = new OpenRedaction();
  const text = blocks(file);
  m = await timed(async () => {
    const types: string[] = [];
    for (const b of text) for (const d of (await shield.detect(b)).detections) types.push(d.type);
    return tally(types);
  });
} else if (mode === "redact-pii") {
  const { SyncRedactor } = await import("redact-pii");
  const redactor = new SyncRedactor();
  const text = blocks(file);
  // What it found: the placeholders it wrote (EMAIL_ADDRESS, PHONE_NUMBER, …).
  m = await timed(() =>
    tally(text.flatMap((b) => [...redactor.redact(b).matchAll(/(?<![A-Za-z])[A-Z][A-Z_]{3,}[A-Z](?![a-z])/g)].map((x) => x[0]))),
  );
} else throw new Error(`unknown mode ${mode}`);
const { seconds, value: found } = m;
let core: string | undefined;
if (mode === "xborder") {
  const { nativeCsvCore } = await load<typeof import("../src/scan/core/native.js")>(
    "../dist/scan/core/native.js",
    "../src/scan/core/native.js",
  );
  core = nativeCsvCore() ? "native" : "js";
}
process.stdout.write(`${JSON.stringify({ seconds, bytes, peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024), core, found })}\n`);
