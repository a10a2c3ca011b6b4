/** Before 2024-03-22: SAM-2022 (from 2022-09-01) and SCM-2023 (from 2023-06-01). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { NoRulesError } from "../src/engine/regimes/index.js";
import { mapOf } from "./helpers.js";

const AS_OF = "2023-10-20";
const only = (processor: Record<string, unknown>, spec: Parameters<typeof mapOf>[1][number], asOf = AS_OF) => {
  const a = assess(mapOf(processor, [spec]), { asOf });
  const t = a.transfers[0];
  assert.ok(t);
  return { a, t };
};

describe("regime by date", () => {
  test("2024-03-21 is decided by the old rules, 2024-03-22 by the Provisions", () => {
    assert.equal(only({}, { general: 10 }, "2024-03-21").a.regime, "SAM-2022");
    assert.equal(only({}, { general: 10 }, "2024-03-22").a.regime, "CBDF-2024");
  });
  test("the old window starts on 1 January of the previous year", () => {
    assert.deepEqual(only({}, { general: 10 }).a.window, { from: "2022-01-01", to: AS_OF });
    assert.deepEqual(only({}, { general: 10 }, "2024-03-22").a.window, { from: "2024-01-01", to: "2024-03-22" });
  });
  test("before 2022-09-01 no rules are encoded: a clear error", () => {
    assert.throws(
      () => only({}, { general: 10 }, "2022-08-31"),
      (e: Error) => e instanceof NoRulesError && /2022-09-01/.test(e.message),
    );
    assert.equal(only({}, { general: 10 }, "2022-09-01").a.regime, "SAM-2022");
  });
});

describe("SAM-2022 Art 4 and SCM-2023 Art 4", () => {
  test("no exemptions: a necessary contract transfer needs the standard contract", () => {
    const { t } = only({}, { general: 10, purpose: "contract_with_individual", necessary: true });
    assert.equal(t.pathway, "standard_contract_or_certification");
    assert.deepEqual(t.basis, [{ instrument: "SCM-2023", article: 4 }]);
    assert.equal(t.counted, true);
  });
  test("PI of 100,000 people since 1 January of last year → assessment (Art 4(3)); 99,999 → contract", () => {
    assert.equal(only({}, { general: 99_999 }).t.pathway, "standard_contract_or_certification");
    const { t } = only({}, { general: 100_000 });
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis, [{ instrument: "SAM-2022", article: 4, item: 3 }]);
  });
  test("sensitive PI of 10,000 people → assessment; 9,999 → contract", () => {
    assert.equal(only({}, { general: 1, sensitive: 9_999 }).t.pathway, "standard_contract_or_certification");
    assert.equal(only({}, { general: 1, sensitive: 10_000 }).t.pathway, "security_assessment");
  });
  test("processing PI of 1,000,000 people (total processed) → assessment (Art 4(2))", () => {
    assert.equal(only({ personsProcessed: 999_999 }, { general: 10 }).t.pathway, "standard_contract_or_certification");
    const { t } = only({ personsProcessed: 1_000_000 }, { general: 10 });
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis, [{ instrument: "SAM-2022", article: 4, item: 2 }]);
  });
  test("the total-processed test is gone under the Provisions", () => {
    assert.equal(only({ personsProcessed: 5_000_000 }, { general: 10 }, "2024-03-22").t.pathway, "exempt");
  });
  test("CIIO → Art 4(2); important data → Art 4(1)", () => {
    assert.deepEqual(only({ ciio: true }, { general: 1 }).t.basis, [{ instrument: "SAM-2022", article: 4, item: 2 }]);
    assert.deepEqual(only({}, { general: 1, dataset: { importantData: true } }).t.basis, [{ instrument: "SAM-2022", article: 4, item: 1 }]);
  });
  test("before 2023-06-01 the contract route rests on PIPL Art 38", () => {
    const { t, a } = only({}, { general: 10 }, "2023-05-31");
    assert.equal(t.pathway, "standard_contract_or_certification");
    assert.ok(t.basis.every((b) => b.instrument === "PIPL" && b.article === 38));
    assert.ok(!a.instruments.includes("SCM-2023"));
  });
  test("data with neither PI nor important data is outside the Measures", () => {
    const { t } = only({}, { dataset: { personalInformation: false } });
    assert.equal(t.pathway, "exempt");
    assert.deepEqual(t.basis, [{ instrument: "SAM-2022", article: 2 }]);
  });
});
