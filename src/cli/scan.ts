import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { basename } from "node:path";
import { datasetEntry } from "../scan/dataset.js";
import { type ScanFinding, type ScanProgress, scanDatabase, scanPaths } from "../scan/scan.js";
import { EXIT, UsageError } from "./errors.js";

export interface ScanCliOptions {
  format: string;
  sample: string;
  asOf?: string;
  emitDataset?: boolean;
  table?: string;
  schema?: string;
  progress?: boolean;
  findings?: string;
}

/**
 * `--findings FILE.jsonl`: one JSON line per finding, written to a temporary file beside FILE and
 * renamed to it only when the scan has finished (an interrupted scan leaves no half file).
 */
function findingsFile(path: string): { add: (f: ScanFinding) => void; commit: () => void; abort: () => void } {
  const tmp = `${path}.tmp-${process.pid}`;
  let fd: number;
  try {
    fd = openSync(tmp, "wx", 0o600);
  } catch (e) {
    throw new UsageError(`--findings: cannot write ${path} (${(e as Error).message})`);
  }
  let pending: string[] = [];
  let size = 0;
  const flush = () => {
    if (pending.length) writeSync(fd, pending.join(""));
    pending = [];
    size = 0;
  };
  return {
    add(f) {
      const line = `${JSON.stringify(f)}\n`;
      pending.push(line);
      size += line.length;
      if (size >= 1 << 16) flush();
    },
    commit() {
      flush();
      closeSync(fd);
      renameSync(tmp, path);
    },
    abort() {
      closeSync(fd);
      rmSync(tmp, { force: true });
    },
  };
}

const isDatabaseUrl = (p: string) => /^postgres(?:ql)?:\/\//i.test(p);

/** Progress on a terminal: one line on stderr, redrawn at most twice a second. */
function progressLine(err: (s: string) => void): (p: ScanProgress) => void {
  let last = 0;
  const started = Date.now();
  return (p) => {
    const now = Date.now();
    if (now - last < 500 && p.bytesDone < p.bytesTotal) return;
    last = now;
    const pct = p.bytesTotal ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
    const mbps = p.bytesDone / 1e6 / Math.max(0.001, (now - started) / 1000);
    err(`\r\x1b[Kscanning ${p.file}: ${pct}% (${(p.bytesDone / 1e6).toFixed(0)} MB, ${mbps.toFixed(0)} MB/s)`);
  };
}

export async function runScan(paths: string[], o: ScanCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (o.format !== "json" && o.format !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  const sample = Number(o.sample);
  if (!Number.isInteger(sample) || sample < 0)
    throw new UsageError(`--sample: expected a whole number ≥ 0, got ${JSON.stringify(o.sample)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  const urls = paths.filter(isDatabaseUrl);
  if (urls.length > 0 && paths.length > 1) throw new UsageError("a postgres:// URL is scanned on its own: give it as the only path");
  if (urls.length === 0 && (o.table || o.schema)) throw new UsageError("--table and --schema go with a postgres:// URL");
  if (o.table && o.schema) throw new UsageError("give --table or --schema, not both");
  for (const p of paths) if (!isDatabaseUrl(p) && !existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
  const showProgress = o.progress !== false && process.stderr.isTTY === true;
  const findings = o.findings ? findingsFile(o.findings) : undefined;
  const opts = {
    asOf: o.asOf ?? todayInShanghai(),
    sample,
    onProgress: showProgress ? progressLine(err) : undefined,
    onFinding: findings?.add,
  };
  let r;
  try {
    r = urls[0] ? await scanDatabase(urls[0], { table: o.table, schema: o.schema }, opts) : await scanPaths(paths, opts);
    findings?.commit();
  } catch (e) {
    findings?.abort();
    throw e;
  }
  if (showProgress) err("\r\x1b[K");
  if (o.emitDataset) {
    const from = o.table ? o.table.split(".").pop() : (o.schema ?? basename(paths[0] ?? "dataset").replace(/\.[^.]+$/, ""));
    const id = from?.replace(/[^\p{L}\p{N}_-]+/gu, "-") || "dataset";
    const e = datasetEntry(r, id);
    const { stringify } = await import("yaml"); // only for --emit-dataset's text form
    out(
      o.format === "json"
        ? `${JSON.stringify(e, null, 2)}\n`
        : `# from xborder scan ${r.asOf}: paste into your data map\n${stringify({ datasets: [e.dataset] })}# and in the transfer that sends it:\n${stringify({ persons: e.persons })}`,
    );
  } else if (o.format === "json") out(`${JSON.stringify(r, null, 2)}\n`);
  else {
    const lines = [`Scanned ${r.files.length} file(s) as of ${r.asOf}`];
    for (const f of r.files)
      lines.push(
        `  ${f.path}: ${f.error ? `ERROR ${f.error}` : `${f.format}, ${f.encoding}${f.encodingGuessed ? " (guessed)" : ""}, ${f.records} records`}`,
      );
    if (r.skipped.length) lines.push(`Skipped ${r.skipped.length}:`);
    for (const s of r.skipped) lines.push(`  ${s.path}: ${s.reason}`);
    lines.push("Entities:");
    for (const [t, n] of Object.entries(r.entities))
      lines.push(`  ${t}: ${n} (e.g. ${(r.samples[t as keyof typeof r.samples] ?? []).join(", ")})`);
    lines.push(`People: ${r.persons.distinct} distinct, ${r.persons.sensitive} with sensitive PI`);
    for (const [c, n] of Object.entries(r.sensitiveCategories)) lines.push(`  ${c}: ${n}`);
    if (r.columns.length) lines.push("Columns:");
    for (const c of r.columns)
      lines.push(
        `  ${c.file} ${c.name}: ${c.type}${c.sensitive ? " (sensitive)" : ""}${c.warning ? ` — ${c.lostDigits} cells ${c.warning}` : ""}`,
      );
    out(`${lines.join("\n")}\n`);
  }
  if (o.format === "json")
    for (const c of r.columns) if (c.warning) err(`xborder: ${c.file} ${c.name}: ${c.lostDigits} cells ${c.warning}\n`);
  if (r.skipped.length && o.format === "json")
    err(`xborder: ${r.skipped.length} entr${r.skipped.length === 1 ? "y" : "ies"} skipped (see "skipped" in the report)\n`);
  const failed = r.files.filter((f) => f.error);
  for (const f of failed) err(`xborder: ${f.error?.startsWith(f.path) ? "" : `${f.path}: `}${f.error}\n`);
  return failed.length ? EXIT.input : EXIT.ok;
}
