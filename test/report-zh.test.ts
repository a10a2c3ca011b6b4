/**
 * The Chinese report reads as a Chinese compliance officer expects: instruments by their names
 * (the full name once, then the short name), Chinese numbering throughout, Chinese place names,
 * and no English left but the data map's own field names where it says what to declare.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { mapOf, xborder } from "./helpers.js";

/** Field names of the data map: the only Latin a Chinese report may hold (they are what the user types). */
const FIELD_NAMES = new Set([
  "necessary",
  "true",
  "collectiveContract",
  "labourRules",
  "subjects",
  "employees",
  "ftzCovered",
  "processor.ftz",
  "processor.ftzListFiled",
  "processor.sector",
  "transfers",
  "sector",
  "datasets",
  "personsProcessed",
  "beijing",
  "xborder",
  "ftz",
]);

describe("the Chinese report", () => {
  const r = xborder(["assess", "test/fixtures/zh-report.yaml", "--lang", "zh"]);
  test("runs", () => assert.equal(r.code, 0, r.stderr));
  const out = r.stdout;
  test("instruments by their names, not ids: the full name with its short name once, then the short name", () => {
    assert.doesNotMatch(out, /CBDF-2024|SAM-2022|SCM-2023|PIPL|GBA-MO-2024|GBA-HK-2023|CERT-2025/);
    assert.equal(out.split("《促进和规范数据跨境流动规定》（以下简称《规定》）").length - 1, 1);
    assert.match(out, /《规定》第八条/);
    assert.equal(out.split("（以下简称《个人信息保护法》）").length - 1, 1);
  });
  test("Chinese numbering throughout, items as official cross-references write them (CBDF-2024 Q&A Q11: 第五条第一款第一项至第三项)", () => {
    assert.doesNotMatch(out, /第（[^）]*）项|）至（|第\d+条|第\d+款/);
    assert.match(out, /第五条第一款第一项/);
    assert.match(out, /第三十八条第一款第二项/);
  });
  test("Chinese place names and no English left", () => {
    assert.match(out, /处理者在深圳市、接收方在澳门/);
    assert.doesNotMatch(out, /Shenzhen|source|transfers\b(?!\[)/);
    const latin = [...new Set(out.match(/[A-Za-z][A-Za-z._-]*/g) ?? [])].filter((w) => !FIELD_NAMES.has(w));
    assert.deepEqual(latin, [], `English left in the Chinese report: ${latin.join(", ")}`);
  });
  test("a deadline's condition is stated under it", () => {
    assert.match(out, /可申请延期自 2027-02-12[^\n]*\n\s+条件：仅在有效期届满需要继续开展数据出境活动且未发生需要重新申报/);
  });
});

describe("Chinese explanations across the new rules carry no English but field names", () => {
  const FIELD =
    /^(?:necessary|true|false|collectiveContract|labourRules|subjects|employees|ftzCovered|ftzListFiled|processor\.ftzListFiled|processor\.sector|transfers|sector|datasets|personsProcessed|processor\.ftz|beijing|xborder|ftz|regulations\.md|guangdong)$/; // guangdong: the user's own zone text, echoed
  const cases: [string, Record<string, unknown>, Parameters<typeof mapOf>[1][number], string][] = [
    [
      "an FTZ list whose procedure is not done",
      { ftz: "beijing", region: "110105" },
      { general: 3_000_000, transfer: { ftzCovered: true } },
      "2026-06-30",
    ],
    [
      "an FTZ scenario list, coverage not declared",
      { ftz: "shanghai", region: "310115", ftzListFiled: true },
      { general: 3_000_000 },
      "2026-06-30",
    ],
    ["an FTZ list not yet published", { ftz: "fujian", region: "350203" }, { general: 3_000_000 }, "2025-12-24"],
    ["a zone with no list", { ftz: "guangdong", region: "440300" }, { general: 3_000_000 }, "2026-06-30"],
    ["HR facts missing", {}, { general: 300_000, purpose: "cross_border_hr" }, "2026-06-30"],
    ["the Hong Kong pilot without a sector", { region: "440300" }, { general: 200_000, recipientRegion: "HK" }, "2024-06-03"],
    ["a CIIO and a GBA recipient", { region: "440300", ciio: true }, { general: 10, recipientRegion: "MO" }, "2026-06-30"],
    ["the assessment band and a GBA recipient", { region: "440300" }, { general: 1_000_000, recipientRegion: "MO" }, "2026-06-30"],
  ];
  for (const [name, processor, spec, asOf] of cases) {
    test(name, () => {
      const a = assess(mapOf(processor, [spec]), { asOf, lang: "zh" });
      const text = [...a.transfers.flatMap((t) => [...t.explanation, ...t.obligations.map((o) => o.description)]), ...a.notices].join("\n");
      const latin = [...new Set(text.match(/[A-Za-z][A-Za-z._-]*/g) ?? [])].filter((w) => !FIELD.test(w));
      assert.deepEqual(latin, [], `${name}: ${text}`);
    });
  }
});
