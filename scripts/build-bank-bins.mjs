#!/usr/bin/env node
/**
 * Regenerate data/bank-bins.txt from bankcardinfo (npm, ISC licence: the BIN table the review
 * checked xborder against): every issuer prefix with the card length it is issued at; and from
 * banks-db (npm, CC BY 4.0, ramoona/banks-db: a maintained, community BIN database) its Chinese
 * banks' prefixes bankcardinfo lacks (955880 ICBC, 911121 CGB … issue 31 §2). banks-db gives no
 * lengths: its prefixes are listed at 16 (credit) and 19 (debit) digits, the lengths Chinese banks
 * issue (Visa, Mastercard and JCB prefixes, 3–5…, at 16 only). A card number is a bank card when it passes Luhn and its brand's prefix rule
 * (validate.ts) or a prefix and length listed here. Run after updating either devDependency.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const main = require.resolve("bankcardinfo");
const pkg = JSON.parse(readFileSync(join(dirname(main), "package.json"), "utf8"));
const src = readFileSync(main, "utf8");
const rows = new Set();
const listed = new Set();
// Each bank's patterns: reg: /^(prefix|prefix…)\d{N}$/g, cardType: "DC", in a block with bankCode.
const bank = /bankCode: "([A-Z0-9]+)",\s*patterns: \[([\s\S]*?)\]\s*\}/g;
for (const b of src.matchAll(bank)) {
  for (const p of b[2].matchAll(/reg: \/\^\(([0-9|]+)\)\\d\{(\d+)\}\$\/g,\s*cardType: "([A-Z]+)"/g)) {
    for (const prefix of p[1].split("|")) {
      const length = prefix.length + Number(p[2]);
      rows.add(`${prefix} ${length} ${b[1]} ${p[3]}`);
      listed.add(`${prefix} ${length}`);
    }
  }
}
// banks-db: banks/cn/*.json, { name, prefixes: [number …] }.
const banksDb = dirname(require.resolve("banks-db/package.json"));
const banksDbPkg = JSON.parse(readFileSync(join(banksDb, "package.json"), "utf8"));
let added = 0;
for (const f of readdirSync(join(banksDb, "banks", "cn")).filter((f) => f.endsWith(".json"))) {
  const b = JSON.parse(readFileSync(join(banksDb, "banks", "cn", f), "utf8"));
  for (const prefix of b.prefixes.map(String)) {
    for (const length of /^[345]/.test(prefix) ? [16] : [16, 19]) {
      if (listed.has(`${prefix} ${length}`)) continue;
      rows.add(`${prefix} ${length} ${b.name.toUpperCase()} banks-db`);
      added++;
    }
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "bank-bins.txt");
const header = [
  `# Bank card issuer prefixes (BIN) and card lengths: prefix, length, bank code, card type (DC debit, CC credit, SCC, PC; banks-db: from banks-db, at 16 and 19).`,
  `# Sources: bankcardinfo ${pkg.version} (npm, ISC licence, ${pkg.repository?.url ?? ""}); banks-db ${banksDbPkg.version} (npm, CC BY 4.0, ${banksDbPkg.repository}), Chinese banks. Regenerate: node scripts/build-bank-bins.mjs`,
];
writeFileSync(out, `${header.join("\n")}\n${[...rows].sort().join("\n")}\n`);
console.log(`${rows.size} prefixes (${added} from banks-db) → ${out}`);
