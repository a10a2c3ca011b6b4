/**
 * docs/data-map.md stays in step with the validation and with the interface contract: every field
 * and every allowed value the schema knows, and every field the contract names, is on the page.
 */
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, test } from "node:test";
import { z } from "zod";
import {
  CHANGE_KINDS,
  CONTRACT_CLAUSES,
  DataMapSchema,
  FILING_TYPES,
  LAWFUL_BASES,
  MANNERS,
  OUTCOMES,
  PURPOSES,
  SECTORS,
  SENSITIVE_CATEGORIES,
  SERVICE_KINDS,
  SUBJECTS,
} from "../src/engine/datamap.js";
import { ROOT } from "./helpers.js";

const doc = readFileSync(`${ROOT}docs/data-map.md`, "utf8");
const documented = (name: string) => doc.includes(`\`${name}\``);

/** Every object key the schema validates, at any depth. */
function keysOf(schema: z.ZodType, out = new Set<string>()): Set<string> {
  let s: z.ZodType = schema;
  // unwrap optional / default / nullable / arrays
  for (;;) {
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType; element?: z.ZodType } }).def;
    if (def.innerType) s = def.innerType;
    else if (def.type === "array" && def.element) s = def.element;
    else break;
  }
  if (s instanceof z.ZodObject) {
    for (const [k, v] of Object.entries(s.shape as Record<string, z.ZodType>)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe("docs/data-map.md", () => {
  test("names every field the validation knows", () => {
    const keys = [...keysOf(DataMapSchema)];
    assert.ok(keys.length > 30, `${keys.length} keys found`);
    assert.deepEqual(
      keys.filter((k) => !documented(k)),
      [],
    );
  });
  test("names every allowed value", () => {
    const values = [
      ...SENSITIVE_CATEGORIES,
      ...PURPOSES,
      ...SUBJECTS,
      ...LAWFUL_BASES,
      ...SECTORS,
      ...FILING_TYPES,
      ...OUTCOMES,
      ...MANNERS,
      ...CHANGE_KINDS,
      ...SERVICE_KINDS,
      ...CONTRACT_CLAUSES,
    ];
    assert.deepEqual(
      values.filter((v) => !documented(v)),
      [],
    );
  });
  const contract = `${ROOT}../shared/contracts/README.md`;
  test(
    "names every field of the interface contract's §1",
    { skip: existsSync(contract) ? false : "../shared is not beside this checkout" },
    () => {
      const text = readFileSync(contract, "utf8");
      const section = text.slice(text.indexOf("## 1."), text.indexOf("## 2."));
      const fields = new Set<string>();
      for (const block of section.match(/```yaml\n[\s\S]*?```/g) ?? []) {
        for (const m of block.matchAll(/^\s*(?:- )?([a-zA-Z]+):/gm)) if (m[1]) fields.add(m[1]);
      }
      assert.ok(fields.size > 20);
      assert.deepEqual(
        [...fields].filter((f) => !documented(f)),
        [],
      );
    },
  );
});
