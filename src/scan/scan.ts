/**
 * The scanner (contracts §4): files in, validated entities, column types, people and
 * sensitive categories out. A record's person is its strongest identifier (ID number, then
 * mobile, then e-mail), normalised and held only as a keyed hash under a key made for this scan.
 */
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { mask } from "../identity/normalize.js";
import { type Encoding, decode, detectEncoding } from "./decode.js";
import { type EntityType, type Finding, detect } from "./detectors/index.js";

export interface ScanReport {
  asOf: string;
  files: { path: string; format: string; encoding: string; records: number; error?: string }[];
  entities: Partial<Record<EntityType, number>>;
  columns: { file: string; name: string; type: string; sensitive: boolean }[];
  persons: { distinct: number; sensitive: number };
  sensitiveCategories: Record<string, number>;
  samples: Partial<Record<EntityType, string[]>>;
}

type Row = Record<string, string>;

/** Headers that say what a column holds when its values do not (Chinese and English). */
const HEADER_SENSITIVE: [RegExp, string][] = [
  [/诊断|病历|病史|疾病|医疗|健康|diagnos|medical|health|illness|disease/i, "medical_health"],
  [/宗教|信仰|religio/i, "religious_belief"],
  [/指纹|人脸|虹膜|biometric|fingerprint|face/i, "biometric"],
];

const PERSON_RANK: EntityType[] = ["cn_resident_id", "cn_mobile", "email"];

function formatOf(path: string): "csv" | "tsv" | "jsonl" | "json" | "text" {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.tsv$/i.test(path)) return "tsv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.json$/i.test(path)) return "json";
  return "text";
}

function flatten(v: unknown, prefix: string, out: Row): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) v.forEach((x, i) => flatten(x, `${prefix}[${i}]`, out));
  else if (typeof v === "object") for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  else out[prefix || "value"] = String(v);
}

/** Rows of a file: tables keep their columns; plain text is one record per line. */
function rowsOf(text: string, format: ReturnType<typeof formatOf>, path: string): { rows: Row[]; tabular: boolean } {
  if (format === "csv" || format === "tsv") {
    const first = text.slice(0, text.indexOf("\n") >>> 0 || text.length);
    const delimiter = format === "tsv" ? "\t" : [",", "\t", ";", "|"].sort((a, b) => first.split(b).length - first.split(a).length)[0];
    const rows = parseCsv(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true }) as Row[];
    return { rows, tabular: true };
  }
  if (format === "jsonl" || format === "json") {
    const rows: Row[] = [];
    const docs = format === "json" ? [JSON.parse(text) as unknown].flat() : text.split(/\r?\n/).filter((l) => l.trim());
    docs.forEach((d, i) => {
      let v: unknown = d;
      if (format === "jsonl") {
        try {
          v = JSON.parse(d as string);
        } catch {
          throw new Error(`${path}:${i + 1}: not valid JSON`);
        }
      }
      const r: Row = {};
      flatten(v, "", r);
      rows.push(r);
    });
    return { rows, tabular: true };
  }
  return {
    rows: text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l) => ({ text: l })),
    tabular: false,
  };
}

function listFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const st = statSync(p);
    if (st.isDirectory())
      out.push(
        ...listFiles(
          readdirSync(p)
            .sort()
            .map((f) => join(p, f)),
        ),
      );
    else out.push(p);
  }
  return out;
}

export function scanPaths(paths: string[], opts: { asOf: string; sample?: number; root?: string }): ScanReport {
  const key = randomBytes(32);
  const hash = (s: string) => createHmac("sha256", key).update(s).digest("base64");
  const people = new Map<string, Set<string>>(); // person key → sensitive categories
  const report: ScanReport = {
    asOf: opts.asOf,
    files: [],
    entities: {},
    columns: [],
    persons: { distinct: 0, sensitive: 0 },
    sensitiveCategories: {},
    samples: {},
  };
  const sampleMax = opts.sample ?? 3;

  for (const file of listFiles(paths)) {
    const shown = opts.root ? relative(opts.root, file) || file : file;
    const format = formatOf(file);
    let encoding: Encoding = "utf-8";
    try {
      const buf = readFileSync(file);
      encoding = detectEncoding(buf.subarray(0, 64 * 1024));
      const { rows, tabular } = rowsOf(decode(buf, encoding), format, shown);
      const columnTypes = new Map<string, Map<string, number>>();
      const columnFilled = new Map<string, number>();
      for (const row of rows) {
        const found: Finding[] = [];
        const categories = new Set<string>();
        for (const [col, value] of Object.entries(row)) {
          if (!value) continue;
          const f = detect(value, opts.asOf);
          found.push(...f);
          if (tabular) {
            columnFilled.set(col, (columnFilled.get(col) ?? 0) + 1);
            const types = columnTypes.get(col) ?? new Map<string, number>();
            for (const x of f) types.set(x.type, (types.get(x.type) ?? 0) + 1);
            columnTypes.set(col, types);
            for (const [re, cat] of HEADER_SENSITIVE) if (re.test(col)) categories.add(cat);
          }
        }
        for (const x of found) {
          report.entities[x.type] = (report.entities[x.type] ?? 0) + 1;
          const s = (report.samples[x.type] ??= []);
          if (s.length < sampleMax) s.push(mask(x.value));
          if (x.type === "bank_card") categories.add("financial_account");
          if (x.minor) categories.add("minor_under_14");
        }
        const strongest = PERSON_RANK.map((t) => found.find((x) => x.type === t)).find(Boolean);
        if (!strongest?.canonical) continue;
        const k = hash(`${strongest.type}:${strongest.canonical}`);
        const cats = people.get(k) ?? new Set<string>();
        for (const c of categories) cats.add(c);
        people.set(k, cats);
      }
      for (const [name, types] of columnTypes) {
        const filled = columnFilled.get(name) ?? 0;
        const [top, n] = [...types.entries()].sort((a, b) => b[1] - a[1])[0] ?? ["unknown", 0];
        const type = filled > 0 && n / filled >= 0.5 ? top : (HEADER_SENSITIVE.find(([re]) => re.test(name))?.[1] ?? "unknown");
        const sensitive = type === "bank_card" || HEADER_SENSITIVE.some(([re]) => re.test(name));
        report.columns.push({ file: shown, name, type, sensitive });
      }
      report.files.push({ path: shown, format, encoding: encoding === "utf-8-bom" ? "utf-8" : encoding, records: rows.length });
    } catch (e) {
      report.files.push({ path: shown, format, encoding, records: 0, error: (e as Error).message.split("\n")[0] ?? "unreadable" });
    }
  }
  report.persons.distinct = people.size;
  for (const cats of people.values()) {
    if (cats.size > 0) report.persons.sensitive++;
    for (const c of cats) report.sensitiveCategories[c] = (report.sensitiveCategories[c] ?? 0) + 1;
  }
  return report;
}
