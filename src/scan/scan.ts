/**
 * The scanner (contracts §4): files in, validated entities, column types, people and
 * sensitive categories out. A record's person is its strongest identifier (ID number, then
 * mobile, then e-mail), normalised and held only as a keyed hash under a key made for this scan.
 */
import { createHmac, randomBytes } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse as csvParse } from "csv-parse";
import { mask } from "../identity/normalize.js";
import { csvProblem } from "../ledger/events.js";
import { type Encoding, detectEncoding } from "./decode.js";
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

/** A file's detected encoding, and its text chunk by chunk (BOM skipped). */
async function openDecoded(path: string): Promise<{ encoding: Encoding; chunks: AsyncGenerator<string> }> {
  const fd = await open(path);
  let encoding: Encoding;
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await fd.read(head, 0, head.length, 0);
    encoding = detectEncoding(head.subarray(0, bytesRead));
  } catch (e) {
    await fd.close();
    throw e;
  }
  const skip = encoding === "utf-8-bom" ? 3 : encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 0;
  const decoder = new TextDecoder(encoding === "gb18030" ? "gb18030" : encoding.startsWith("utf-16") ? "utf-16le" : "utf-8");
  async function* chunks(): AsyncGenerator<string> {
    try {
      for await (const raw of fd.createReadStream({ start: skip, autoClose: false })) {
        let chunk = raw as Buffer;
        if (encoding === "utf-16be") {
          chunk = Buffer.from(chunk);
          chunk.swap16();
        }
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield text;
      }
      const tail = decoder.decode();
      if (tail) yield tail;
    } finally {
      await fd.close();
    }
  }
  return { encoding, chunks: chunks() };
}

async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = "";
  for await (const c of chunks) {
    rest += c;
    const parts = rest.split(/\r?\n/);
    rest = parts.pop() ?? "";
    yield* parts;
  }
  if (rest) yield rest;
}

/**
 * Records of a file, streamed: tables keep their columns (CSV/TSV, JSON Lines flattened by path);
 * plain text is one record per line. A whole-document .json file is the one format read at once.
 */
async function* rowsOf(chunks: AsyncGenerator<string>, format: ReturnType<typeof formatOf>, shown: string): AsyncGenerator<Row> {
  if (format === "csv" || format === "tsv") {
    // The delimiter is guessed from the header line (the first text chunk holds it).
    const head = await chunks.next();
    const firstText = head.done ? "" : (head.value as string);
    const line = firstText.slice(0, firstText.indexOf("\n") >>> 0 || firstText.length);
    const delimiter =
      format === "tsv" ? "\t" : ([",", "\t", ";", "|"].sort((a, b) => line.split(b).length - line.split(a).length)[0] ?? ",");
    const parser = csvParse({ columns: true, skip_empty_lines: true, relax_column_count: true, trim: true, delimiter, info: true });
    const feed = (async () => {
      try {
        if (firstText && !parser.write(firstText)) await new Promise<void>((r) => parser.once("drain", () => r()));
        for await (const c of chunks) if (!parser.write(c)) await new Promise<void>((r) => parser.once("drain", () => r()));
        parser.end();
      } catch (e) {
        parser.destroy(e as Error);
      }
    })();
    try {
      for await (const rec of parser as AsyncIterable<{ record: Row }>) yield rec.record;
    } catch (e) {
      throw new Error(`${shown}${csvProblem(e)}`, { cause: e });
    }
    await feed;
    return;
  }
  if (format === "json") {
    let text = "";
    for await (const c of chunks) text += c;
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      throw new Error(`${shown}: not valid JSON`);
    }
    for (const d of [doc].flat()) {
      const r: Row = {};
      flatten(d, "", r);
      yield r;
    }
    return;
  }
  let n = 0;
  for await (const line of linesOf(chunks)) {
    n++;
    if (!line.trim()) continue;
    if (format === "jsonl") {
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        throw new Error(`${shown}:${n}: not valid JSON`);
      }
      const r: Row = {};
      flatten(v, "", r);
      yield r;
    } else yield { text: line };
  }
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

export async function scanPaths(paths: string[], opts: { asOf: string; sample?: number; root?: string }): Promise<ScanReport> {
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
    let encoding = "utf-8" as Encoding;
    try {
      const tabular = format !== "text";
      let records = 0;
      const columnTypes = new Map<string, Map<string, number>>();
      const columnFilled = new Map<string, number>();
      const decoded = await openDecoded(file);
      encoding = decoded.encoding;
      // What a header says about its column, worked out once per column, not once per row.
      const headerCategories = new Map<string, string[]>();
      const categoriesOf = (col: string) => {
        let cats = headerCategories.get(col);
        if (!cats) {
          cats = HEADER_SENSITIVE.filter(([re]) => re.test(col)).map(([, cat]) => cat);
          headerCategories.set(col, cats);
        }
        return cats;
      };
      for await (const row of rowsOf(decoded.chunks, format, shown)) {
        records++;
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
            for (const cat of categoriesOf(col)) categories.add(cat);
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
        const fromHeader = categoriesOf(name);
        const type = filled > 0 && n / filled >= 0.5 ? top : (fromHeader[0] ?? "unknown");
        const sensitive = type === "bank_card" || fromHeader.length > 0;
        report.columns.push({ file: shown, name, type, sensitive });
      }
      report.files.push({ path: shown, format, encoding: encoding === "utf-8-bom" ? "utf-8" : encoding, records });
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
