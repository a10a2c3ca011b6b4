/**
 * Regenerate examples/*.expected.json from the current engine. Run it only after reviewing
 * the change in behaviour: the tests compare every example against these files.
 *   npx tsx scripts/update-examples.ts
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { assess } from "../src/engine/assess.js";
import { loadDataMap } from "../src/engine/load.js";
import { buildDocument, DOCUMENT_KINDS } from "../src/report/documents/index.js";
import { outlineOf } from "../src/report/documents/outline.js";

const dir = new URL("../examples/", import.meta.url).pathname;
for (const f of readdirSync(dir).filter((x) => x.endsWith(".yaml"))) {
  const map = loadDataMap(join(dir, f));
  if (!map.asOf) throw new Error(`${f}: examples must fix asOf so their output is stable`);
  const out = assess(map, { asOf: map.asOf, lang: "en" });
  writeFileSync(join(dir, f.replace(/\.yaml$/, ".expected.json")), `${JSON.stringify(out, null, 2)}\n`);
  console.log(`wrote ${f.replace(/\.yaml$/, ".expected.json")}`);
  // The filing documents' golden outlines (issue 17): headings, tables, the people counted.
  const outlines = Object.fromEntries(DOCUMENT_KINDS.map((k) => [k, outlineOf(buildDocument(k, { map, asOf: map.asOf!, lang: "zh" }))]));
  writeFileSync(join(dir, f.replace(/\.yaml$/, ".documents.json")), `${JSON.stringify(outlines, null, 2)}\n`);
  console.log(`wrote ${f.replace(/\.yaml$/, ".documents.json")}`);
}
