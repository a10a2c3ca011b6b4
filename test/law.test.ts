import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { CBDF_2024_BANDS, INSTRUMENTS, SAM_2022_BANDS, formatCitation, meets, provisionAt } from "../src/law/index.js";

describe("boundaries as the law words them (regulations.md §0)", () => {
  test("以上 includes the number", () => {
    assert.equal(meets({ atLeast: 1_000_000 }, 1_000_000), true);
    assert.equal(meets({ atLeast: 1_000_000 }, 999_999), false);
  });
  test("不满 excludes it", () => {
    assert.equal(meets({ below: 100_000 }, 99_999), true);
    assert.equal(meets({ below: 100_000 }, 100_000), false);
  });
  test("超过 excludes it", () => {
    assert.equal(meets({ over: 10_000_000 }, 10_000_000), false);
    assert.equal(meets({ over: 10_000_000 }, 10_000_001), true);
  });
  test("the bands carry the numbers of CBDF-2024 Arts 5, 7, 8 and SAM-2022 Art 4", () => {
    assert.deepEqual(CBDF_2024_BANDS.assessmentGeneral, { atLeast: 1_000_000 });
    assert.deepEqual(CBDF_2024_BANDS.assessmentSensitive, { atLeast: 10_000 });
    assert.deepEqual(CBDF_2024_BANDS.contractGeneral, { atLeast: 100_000 });
    assert.deepEqual(CBDF_2024_BANDS.exemptGeneral, { below: 100_000 });
    assert.deepEqual(SAM_2022_BANDS.sentGeneral, { atLeast: 100_000 });
  });
});

describe("instruments are data", () => {
  test("every provision cites its own instrument and reads in both languages", () => {
    for (const inst of INSTRUMENTS) {
      assert.match(inst.source, /\S/, `${inst.id} has no source`);
      assert.ok(inst.inForce === null || /^\d{4}-\d{2}-\d{2}$/.test(inst.inForce), `${inst.id} in-force date`);
      for (const [key, p] of Object.entries(inst.provisions)) {
        assert.equal(p.cite.instrument, inst.id, `${inst.id}.${key}`);
        assert.ok(p.summary.zh.length > 0 && p.summary.en.length > 0, `${inst.id}.${key} summary`);
        assert.equal(provisionAt(p.cite), p, `${inst.id}.${key} is found by its citation`);
      }
    }
  });
  test("citations read like the source", () => {
    assert.equal(formatCitation({ instrument: "CBDF-2024", article: 5, paragraph: 1, item: 4 }), "CBDF-2024 Art 5(1)(4)");
    assert.equal(formatCitation({ instrument: "CBDF-2024", article: 5, paragraph: 1, item: 4 }, "zh"), "CBDF-2024 第五条第一款第（四）项");
    assert.equal(formatCitation({ instrument: "SAM-2022", article: 14 }, "zh"), "SAM-2022 第十四条");
    assert.equal(formatCitation({ instrument: "SAM-2022", article: 4, item: 3 }), "SAM-2022 Art 4, item 3");
  });
});
