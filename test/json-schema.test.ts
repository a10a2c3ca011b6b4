/**
 * The data map's JSON Schema: generated from the zod schema, shipped in schema/, printed by
 * `xborder schema`; it accepts every example and rejects what the validation rejects by type.
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { dataMapJsonSchema } from "../src/engine/json-schema.js";
import { ROOT, xborder } from "./helpers.js";

const shipped = JSON.parse(readFileSync(`${ROOT}schema/data-map.schema.json`, "utf8"));
const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(shipped);
const examples = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith(".yaml"));

describe("the data map's JSON Schema", () => {
  test("the shipped file is what the zod schema generates (npm run schema:update), and what `xborder schema` prints", () => {
    assert.deepEqual(shipped, dataMapJsonSchema());
    const r = xborder(["schema"]);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), shipped);
  });
  for (const f of examples) {
    test(`${f} names the schema for editors and is valid against it`, () => {
      const text = readFileSync(`${ROOT}examples/${f}`, "utf8");
      assert.match(text, /^# yaml-language-server: \$schema=\.\.\/schema\/data-map\.schema\.json\n/);
      assert.ok(validate(parse(text)), JSON.stringify(validate.errors));
    });
  }
  test("it rejects wrong types and values as the validation does", () => {
    const base = parse(readFileSync(`${ROOT}examples/shenzhen-ecommerce.yaml`, "utf8"));
    const bad = [
      { ...base, xborder: 2 },
      { ...base, asOf: "22/11/2026" },
      { ...base, transfers: [{ ...base.transfers[0], purpose: "fun" }] },
      { ...base, transfers: [{ ...base.transfers[0], persons: { general: -1 } }] },
      { ...base, datasets: [{ ...base.datasets[0], subjects: ["aliens"] }] },
      { ...base, processor: undefined },
    ];
    for (const m of bad) assert.equal(validate(m), false, JSON.stringify(m).slice(0, 80));
  });
});
