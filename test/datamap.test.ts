/** Bad input gets an error that names the field path (and the line, from a file). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DataMapError, validateDataMap } from "../src/engine/datamap.js";
import { InputError, parseDataMap } from "../src/engine/load.js";

const valid = () => ({
  xborder: 1,
  processor: { name: "x", region: "440300", ciio: false },
  recipients: [{ id: "hq", region: "US", kind: "organization" }],
  datasets: [{ id: "c", personalInformation: true, sensitive: [] }],
  transfers: [
    { id: "a", dataset: "c", recipient: "hq", purpose: "other", persons: { general: 1, sensitive: 0 } },
    { id: "b", dataset: "c", recipient: "hq", purpose: "other", persons: { general: 1, sensitive: 0 } },
  ],
});

function messageOf(input: unknown): string {
  try {
    validateDataMap(input);
  } catch (e) {
    assert.ok(e instanceof DataMapError);
    return e.message;
  }
  assert.fail("expected a DataMapError");
}

describe("data map validation", () => {
  test("a valid map passes, unknown fields are kept and ignored", () => {
    const m = valid() as Record<string, unknown>;
    m.owner = "privacy team";
    const parsed = validateDataMap(m);
    assert.equal((parsed as Record<string, unknown>).owner, "privacy team");
  });
  test("a negative or fractional count names its field path", () => {
    const m = valid();
    (m.transfers[1] as { persons: { general: number } }).persons.general = -1;
    assert.equal(messageOf(m), "transfers[1].persons.general: expected a whole number ≥ 0");
    (m.transfers[1] as { persons: { general: number } }).persons.general = 1.5;
    assert.equal(messageOf(m), "transfers[1].persons.general: expected a whole number ≥ 0");
  });
  test("an unknown enum value says which values are allowed", () => {
    const m = valid();
    (m.transfers[0] as { purpose: string }).purpose = "shopping";
    assert.match(messageOf(m), /^transfers\[0\]\.purpose: expected one of international_trade \| .* \| other, got "shopping"$/);
    const n = valid();
    n.datasets[0] = { ...n.datasets[0], sensitive: ["health"] } as never;
    assert.match(messageOf(n), /^datasets\[0\]\.sensitive\[0\]: expected one of biometric/);
  });
  test("a dangling reference names the field", () => {
    const m = valid();
    (m.transfers[1] as { recipient: string }).recipient = "nobody";
    assert.equal(messageOf(m), 'transfers[1].recipient: no recipient with id "nobody"');
  });
  test("duplicate ids are refused", () => {
    const m = valid();
    (m.transfers[1] as { id: string }).id = "a";
    assert.equal(messageOf(m), 'transfers[1].id: duplicate id "a"');
  });
  test("format version, dates, regions", () => {
    const { xborder: _, ...noVersion } = valid();
    assert.match(messageOf(noVersion), /^xborder: required/);
    assert.equal(messageOf({ ...valid(), asOf: "2026-02-30" }), "asOf: expected a date YYYY-MM-DD");
    assert.match(messageOf({ ...valid(), processor: { region: "4403" } }), /^processor\.region: expected a 6-digit GB\/T 2260/);
    const m = valid();
    m.recipients[0] = { ...m.recipients[0], region: "usa" } as never;
    assert.match(messageOf(m), /^recipients\[0\]\.region: expected an ISO 3166-1 alpha-2 code/);
  });
  test("filings need their dates and an existing transfer", () => {
    assert.equal(
      messageOf({ ...valid(), filings: [{ type: "standard_contract", transfer: "a" }] }),
      "filings[0].effectiveDate: required for a standard_contract filing",
    );
    assert.equal(
      messageOf({ ...valid(), filings: [{ type: "security_assessment", transfer: "zz", resultDate: "2024-05-10" }] }),
      'filings[0].transfer: no transfer with id "zz"',
    );
  });
});

describe("reading files", () => {
  test("errors from a YAML file carry the file and line", () => {
    const yaml = [
      "xborder: 1",
      "processor:",
      "  name: x",
      "transfers:",
      "  - id: a",
      "    dataset: d",
      "    recipient: r",
      "    persons:",
      "      general: lots",
    ].join("\n");
    assert.throws(
      () => parseDataMap(yaml, "map.yaml"),
      (e: Error) => e.message.includes("map.yaml:9: transfers[0].persons.general: expected a whole number ≥ 0"),
    );
  });
  test("a syntax error names the line", () => {
    assert.throws(
      () => parseDataMap("xborder: 1\nprocessor: [\n", "bad.yaml"),
      (e: Error) => e instanceof InputError && /^bad\.yaml:\d+:\d+: not valid YAML or JSON/.test(e.message),
    );
  });
  test("JSON is read as well", () => {
    const m = parseDataMap(JSON.stringify(valid()), "map.json");
    assert.equal(m.transfers.length, 2);
  });
});
