import { existsSync } from "node:fs";
import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { basename } from "node:path";
import { stringify } from "yaml";
import { type ScanReport, scanPaths } from "../scan/scan.js";
import { EXIT, UsageError } from "./errors.js";

export interface ScanCliOptions {
  format: string;
  sample: string;
  asOf?: string;
  emitDataset?: boolean;
}

/** A data-map `datasets` entry and the `persons` counts, from a scan (contracts §1). */
export function datasetEntry(r: ScanReport, id: string) {
  const pi = r.persons.distinct > 0 || Object.keys(r.entities).some((t) => t !== "uscc");
  return {
    dataset: { id, personalInformation: pi, sensitive: Object.keys(r.sensitiveCategories).sort() },
    persons: { general: r.persons.distinct, sensitive: r.persons.sensitive },
  };
}

export async function runScan(paths: string[], o: ScanCliOptions, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (o.format !== "json" && o.format !== "text") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  const sample = Number(o.sample);
  if (!Number.isInteger(sample) || sample < 0)
    throw new UsageError(`--sample: expected a whole number ≥ 0, got ${JSON.stringify(o.sample)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  for (const p of paths) if (!existsSync(p)) throw new UsageError(`${p}: no such file or folder`);
  const r = await scanPaths(paths, { asOf: o.asOf ?? todayInShanghai(), sample });
  if (o.emitDataset) {
    const id = basename(paths[0] ?? "dataset").replace(/\.[^.]+$/, "") || "dataset";
    const e = datasetEntry(r, id);
    out(
      o.format === "json"
        ? `${JSON.stringify(e, null, 2)}\n`
        : `# from xborder scan ${r.asOf}: paste into your data map\n${stringify({ datasets: [e.dataset] })}# and in the transfer that sends it:\n${stringify({ persons: e.persons })}`,
    );
  } else if (o.format === "json") out(`${JSON.stringify(r, null, 2)}\n`);
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
