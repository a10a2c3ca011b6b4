#!/usr/bin/env node
/**
 * Regenerate data/bank-bins.txt from bankcardinfo (npm, ISC licence: the BIN table the review
 * checked xborder against): every issuer prefix with the card length it is issued at. A card
 * number is a bank card when it passes Luhn and its brand's prefix rule (validate.ts) or a prefix
 * and length listed here. Run after updating the bankcardinfo devDependency.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const main = require.resolve("bankcardinfo");
const pkg = JSON.parse(readFileSync(join(dirname(main), "package.json"), "utf8"));
const src = readFileSync(main, "utf8");
const rows = new Set();
// Each bank's patterns: reg: /^(prefix|prefix…)\d{N}$/g, cardType: "DC", in a block with bankCode.
const bank = /bankCode: "([A-Z0-9]+)",\s*patterns: \[([\s\S]*?)\]\s*\}/g;
for (const b of src.matchAll(bank)) {
  for (const p of b[2].matchAll(/reg: \/\^\(([0-9|]+)\)\\d\{(\d+)\}\$\/g,\s*cardType: "([A-Z]+)"/g)) {
    for (const prefix of p[1].split("|")) rows.add(`${prefix} ${prefix.length + Number(p[2])} ${b[1]} ${p[3]}`);
  }
}
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "data", "bank-bins.txt");
const header = [
  `# Bank card issuer prefixes (BIN) and card lengths: prefix, length, bank code, card type (DC debit, CC credit, SCC, PC).`,
  `# Source: bankcardinfo ${pkg.version} (npm, ISC licence, ${pkg.repository?.url ?? ""}). Regenerate: node scripts/build-bank-bins.mjs`,
];
writeFileSync(out, `${header.join("\n")}\n${[...rows].sort().join("\n")}\n`);
console.log(`${rows.size} prefixes → ${out}`);
