/**
 * Filing documents benchmark (issue 17's goal: all documents for a 1,000-transfer map in under 2 s):
 * build each kind from a 1,000-transfer map and write it as HTML and DOCX (PDF is Chromium's
 * printing, timed apart where Chromium is installed). Writes bench/results/documents.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { hasChromium } from "../src/chromium.js";
import { join } from "node:path";
import { parseDataMap } from "../src/engine/load.js";
import { buildDocument, DOCUMENT_KINDS, documentToDocx, documentToHtml, htmlToPdf } from "../src/report/documents/index.js";

const lines = ["xborder: 1", 'asOf: "2026-06-30"', 'processor: { name: 基准测试有限公司, region: "310115" }', "recipients:"];
for (let i = 0; i < 50; i++) lines.push(`  - { id: r${i}, name: Recipient ${i}, region: ${["US", "DE", "SG", "HK", "MO"][i % 5]} }`);
lines.push("datasets:");
for (let i = 0; i < 100; i++) lines.push(`  - { id: d${i}, sensitive: [${i % 3 === 0 ? "financial_account" : ""}] }`);
lines.push("transfers:");
for (let i = 0; i < 1000; i++)
  lines.push(
    `  - { id: t${i}, dataset: d${i % 100}, recipient: r${i % 50}, necessary: true, storagePlace: Singapore, recipientUse: 分析, persons: { general: ${(i * 37) % 500} } }`,
  );
lines.push("scenarios:");
for (let s = 0; s < 20; s++) {
  lines.push(
    `  - { id: s${s}, name: 场景${s}, transfers: [t${s}], items: [${Array.from({ length: 30 }, (_, k) => `{ name: 数据项${k}, description: 描述, necessity: 必要 }`).join(", ")}] }`,
  );
}
const map = parseDataMap(`${lines.join("\n")}\n`, "bench-map.yaml");

const results: Record<string, unknown> = { date: new Date().toISOString(), transfers: map.transfers.length };
const t0 = performance.now();
const sizes: Record<string, { html: number; docx: number }> = {};
for (const kind of DOCUMENT_KINDS) {
  const d = buildDocument(kind, { map, asOf: "2026-06-30", lang: "zh" });
  sizes[kind] = { html: documentToHtml(d).length, docx: (await documentToDocx(d)).length };
}
const ms = performance.now() - t0;
results.allDocumentsHtmlAndDocxMs = Math.round(ms);
results.sizes = sizes;
results.goalUnder2s = ms < 2000;
if (hasChromium()) {
  const t1 = performance.now();
  for (const kind of DOCUMENT_KINDS) await htmlToPdf(documentToHtml(buildDocument(kind, { map, asOf: "2026-06-30", lang: "zh" })));
  results.allDocumentsPdfMs = Math.round(performance.now() - t1);
}
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const out = join(import.meta.dirname, "results", "documents.json");
writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
console.log(`${out}:\n${JSON.stringify(results, null, 2)}`);
