import { existsSync } from "node:fs";
import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { scanPaths } from "../scan/scan.js";
import { EXIT, UsageError } from "./errors.js";

export function runScan(
  paths: string[],
  o: { format: string; sample: string; asOf?: string },
  out: (s: string) => void,
  err: (s: string) => void,
): number {
  if (o.format !== "json" && o.format !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  const sample = Number(o.sample);
  if (!Number.isInteger(sample) || sample < 0)
    throw new UsageError(`--sample: expected a whole number ≥ 0, got ${JSON.stringify(o.sample)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  for (const p of paths) if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
  const r = scanPaths(paths, { asOf: o.asOf ?? todayInShanghai(), sample });
  if (o.format === "json") out(`${JSON.stringify(r, null, 2)}\n`);
  else {
    const lines = [`Scanned ${r.files.length} file(s) as of ${r.asOf}`];
    for (const f of r.files)
      lines.push(`  ${f.path}: ${f.error ? `ERROR ${f.error}` : `${f.format}, ${f.encoding}, ${f.records} records`}`);
    lines.push("Entities:");
    for (const [t, n] of Object.entries(r.entities))
      lines.push(`  ${t}: ${n} (e.g. ${(r.samples[t as keyof typeof r.samples] ?? []).join(", ")})`);
    lines.push(`People: ${r.persons.distinct} distinct, ${r.persons.sensitive} with sensitive PI`);
    for (const [c, n] of Object.entries(r.sensitiveCategories)) lines.push(`  ${c}: ${n}`);
    if (r.columns.length) lines.push("Columns:");
    for (const c of r.columns) lines.push(`  ${c.file} ${c.name}: ${c.type}${c.sensitive ? " (sensitive)" : ""}`);
    out(`${lines.join("\n")}\n`);
  }
  const failed = r.files.filter((f) => f.error);
  for (const f of failed) err(`xborder: ${f.path}: ${f.error}\n`);
  return failed.length ? EXIT.input : EXIT.ok;
}
