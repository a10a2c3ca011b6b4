/** Every example in examples/ assesses to its reviewed expected output, through the real CLI. */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { describe, test } from "node:test";
import { ROOT, xborder } from "./helpers.js";

const examples = readdirSync(`${ROOT}examples`).filter((f) => f.endsWith(".yaml"));

function run(name: string) {
  const r = xborder(["assess", `examples/${name}`, "--format", "json"]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}
const pathways = (a: { transfers: { id: string; pathway: string }[] }) => Object.fromEntries(a.transfers.map((t) => [t.id, t.pathway]));

describe("examples", () => {
  test("there are the five worked examples and the fully answered one", () => {
    assert.deepEqual(examples.sort(), [
      "answered-shenzhen-health.yaml",
      "ciio-bank.yaml",
      "legacy-2023.yaml",
      "multinational-hr-crm.yaml",
      "shenzhen-ecommerce.yaml",
      "tianjin-ftz-trader.yaml",
    ]);
  });
  for (const f of examples) {
    test(`${f} matches ${f.replace(".yaml", ".expected.json")}`, () => {
      const expected = JSON.parse(readFileSync(`${ROOT}examples/${f.replace(".yaml", ".expected.json")}`, "utf8"));
      assert.deepEqual(run(f), expected);
    });
    test(`${f}'s filing documents match the golden outlines of ${f.replace(".yaml", ".documents.json")}`, async () => {
      const { buildDocument, DOCUMENT_KINDS } = await import("../src/report/documents/index.js");
      const { outlineOf } = await import("../src/report/documents/outline.js");
      const { loadDataMap } = await import("../src/engine/load.js");
      const map = loadDataMap(`${ROOT}examples/${f}`);
      const golden = JSON.parse(readFileSync(`${ROOT}examples/${f.replace(".yaml", ".documents.json")}`, "utf8"));
      for (const kind of DOCUMENT_KINDS)
        assert.deepEqual(outlineOf(buildDocument(kind, { map, asOf: map.asOf!, lang: "zh" })), golden[kind], kind);
    });
    test(`${f} also reads as a text report in both languages`, () => {
      for (const lang of ["en", "zh"]) {
        const r = xborder(["assess", `examples/${f}`, "--lang", lang]);
        assert.equal(r.code, 0, r.stderr);
        assert.ok(r.stdout.length > 200);
      }
    });
  }

  test("Shenzhen e-commerce: delivery exempt, Macao analytics may use the GBA contract, filing across National Day", () => {
    const a = run("shenzhen-ecommerce.yaml");
    assert.deepEqual(pathways(a), {
      delivery: "exempt",
      "marketing-sg": "standard_contract_or_certification",
      "analytics-mo": "standard_contract_or_certification",
    });
    assert.ok(a.transfers[2].options.includes("gba_standard_contract"));
    assert.equal(a.deadlines[0].date, "2026-10-15");
  });
  test("CIIO bank: Art 7(1)(1) for the group feed, 3-year validity, extension window provisional", () => {
    const a = run("ciio-bank.yaml");
    assert.deepEqual(pathways(a), { "swift-remittance": "exempt", "group-risk": "security_assessment", "market-feed": "exempt" });
    assert.deepEqual(a.transfers[1].basis, [{ instrument: "CBDF-2024", article: 7, paragraph: 1, item: 1 }]);
    assert.equal(a.deadlines.find((d: { kind: string }) => d.kind === "assessment_expires").date, "2027-05-10");
  });
  test("Tianjin FTZ trader: Art 3, Art 6, and the negative-list dataset under Art 8", () => {
    const a = run("tianjin-ftz-trader.yaml");
    assert.deepEqual(pathways(a), { "trade-docs": "exempt", "contacts-kr": "exempt", "kyc-ae": "standard_contract_or_certification" });
    assert.deepEqual(a.transfers[1].basis, [{ instrument: "CBDF-2024", article: 6, paragraph: 2 }]);
  });
  test("2023 case: old rules, no contract exemption, filing across National Day 2023", () => {
    const a = run("legacy-2023.yaml");
    assert.equal(a.regime, "SAM-2022");
    assert.deepEqual(a.window, { from: "2022-01-01", to: "2023-10-20" });
    assert.equal(a.transfers[0].pathway, "standard_contract_or_certification");
    assert.equal(a.deadlines[0].date, "2023-10-17");
  });
});
