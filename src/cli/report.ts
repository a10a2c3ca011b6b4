import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { loadDataMap } from "../engine/load.js";
import type { Lang } from "../law/index.js";
import { buildDocument, DOCUMENT_KINDS, type DocumentKind, documentToDocx, documentToHtml, openItems } from "../report/documents/index.js";
import { htmlToPdf, PdfUnavailable } from "../report/documents/pdf.js";
import { NotFileable } from "../report/documents/render.js";
import type { ScanReport } from "../scan/scan.js";
import { ledgerCounts } from "./assess.js";
import { EXIT, UsageError } from "./errors.js";

export interface ReportCliOptions {
  out?: string;
  asOf?: string;
  lang: string;
  ledger?: boolean;
  db?: string;
  scan?: string[];
  route?: string;
  transfer?: string[];
  final?: boolean;
}

function readScan(file: string): ScanReport {
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new UsageError(`--scan ${file}: not a scan report (xborder scan --format json): ${(e as Error).message}`);
  }
  const r = v as Partial<ScanReport>;
  if (!r || typeof r !== "object" || !Array.isArray(r.columns) || typeof r.persons !== "object" || typeof r.samples !== "object")
    throw new UsageError(`--scan ${file}: not a scan report (xborder scan --format json)`);
  return r as ScanReport;
}

async function documentFor(kind: string, file: string, o: ReportCliOptions) {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind))
    throw new UsageError(`KIND: expected one of ${DOCUMENT_KINDS.join(" | ")}, got ${JSON.stringify(kind)}`);
  if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(o.lang)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  if (o.route !== undefined && o.route !== "sc" && o.route !== "gba")
    throw new UsageError(`--route: expected sc or gba, got ${JSON.stringify(o.route)}`);
  if (o.route !== undefined && kind !== "pipia") throw new UsageError("--route goes with pipia");
  if (o.final && o.lang === "en")
    throw new UsageError("--final: the filing copy is the Chinese one (--lang zh); English is a working translation");
  const scans = (o.scan ?? []).map(readScan);
  const map = loadDataMap(file);
  const asOf = o.asOf ?? map.asOf ?? todayInShanghai();
  return buildDocument(kind as DocumentKind, {
    map,
    asOf,
    lang: o.lang as Lang,
    ledger: await ledgerCounts(file, map, asOf, o),
    scans,
    route: o.route as "sc" | "gba" | undefined,
    transfers: o.transfer,
  });
}

/** `xborder report KIND MAP --out FILE`: written whole or not at all (a temporary file renamed). */
export async function runReport(kind: string, file: string, o: ReportCliOptions, out: (s: string) => void): Promise<number> {
  if (!o.out) throw new UsageError("--out FILE.docx|FILE.pdf|FILE.html is required");
  const ext = extname(o.out).toLowerCase();
  if (![".docx", ".pdf", ".html", ".htm"].includes(ext))
    throw new UsageError(`--out: expected a .docx, .pdf or .html file, got ${JSON.stringify(o.out)}`);
  const d = await documentFor(kind, file, o);
  // A package that does not apply is refused with its reason, whatever the copy.
  if (d.notApplicable) throw new UsageError(`${kind} does not apply: ${d.notApplicable}`);
  const render = { final: !!o.final };
  let bytes: Buffer;
  try {
    bytes =
      ext === ".docx"
        ? await documentToDocx(d, render)
        : ext === ".pdf"
          ? await htmlToPdf(documentToHtml(d, render))
          : Buffer.from(documentToHtml(d, render));
  } catch (e) {
    if (e instanceof PdfUnavailable) throw new UsageError(`--out ${o.out}: ${e.message}`);
    if (e instanceof NotFileable) {
      out(`${o.out}: not written — the filing copy (--final) needs every item answered:\n${e.message.split("\n").slice(1).join("\n")}\n`);
      return EXIT.failure;
    }
    throw e;
  }
  const tmp = join(dirname(o.out), `.${Date.now()}-${process.pid}.xborder-tmp`);
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, o.out);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`--out ${o.out}: cannot write it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const todo = openItems(d);
  out(
    o.final
      ? `${o.out}: ${d.title}, the filing copy\n`
      : `${o.out}: ${d.title}, working copy, ${todo.length} item(s) open (xborder report check ${kind} ${file})\n`,
  );
  return EXIT.ok;
}

/**
 * `xborder report check KIND MAP`: every open item — placeholders, materials still to sign, seal or
 * copy, a late filing's explanation, a stale assessment — as the provincial office's completeness
 * review would ask. Exit 0 exactly when `--final` would succeed; 1 while something is open; 2 when
 * the package does not apply (with the reason).
 */
export async function runReportCheck(kind: string, file: string, o: ReportCliOptions, out: (s: string) => void): Promise<number> {
  const d = await documentFor(kind, file, o);
  out(`${d.title} — ${d.processor} — ${d.asOf}\n`);
  if (d.notApplicable) {
    out(`  does not apply: ${d.notApplicable}\n`);
    return EXIT.input;
  }
  const todo = openItems(d);
  out(
    todo.length
      ? todo.map((t) => `  ${t.id}  ${t.text}\n${t.key ? `      ${t.key}\n` : ""}`).join("")
      : "  nothing open: ready for the filing copy (--final)\n",
  );
  return todo.length ? EXIT.failure : EXIT.ok;
}
