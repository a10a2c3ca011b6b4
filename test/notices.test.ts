/**
 * Processor-level notices. Tianjin's classification standard (seed 003): all four criteria,
 * read on the PI the processor holds (personsProcessed and the datasets' categories), not on
 * what it sends; 以上 includes the number.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { mapOf } from "./helpers.js";

const tianjin = (processor: Record<string, unknown>, sensitive: string[] = [], general = 10) =>
  assess(mapOf({ region: "120116", ftz: "tianjin", ...processor }, [{ general, dataset: { sensitive } }]), {
    asOf: "2026-06-30",
  }).notices.filter((n) => /Tianjin FTZ data classification standard this data is likely important/.test(n));

describe("Tianjin likely-important-data criteria (on PI held)", () => {
  test("1. PI of 10,000,000 people held: flagged; 9,999,999: not", () => {
    assert.equal(tianjin({ personsProcessed: 10_000_000 }).length, 1);
    assert.equal(tianjin({ personsProcessed: 9_999_999 }).length, 0);
  });
  test("2. sensitive PI held by a processor of 1,000,000 people: flagged; 999,999: not", () => {
    assert.match(tianjin({ personsProcessed: 1_000_000 }, ["biometric"])[0] ?? "", /if that sensitive PI covers 1,000,000/);
    assert.equal(tianjin({ personsProcessed: 999_999 }, ["biometric"]).length, 0);
    assert.equal(tianjin({ personsProcessed: 5_000_000 }, []).length, 0, "no sensitive PI held");
  });
  test("3. accounts or medical records held by a processor of 100,000 people: flagged; 99,999: not", () => {
    assert.match(tianjin({ personsProcessed: 100_000 }, ["financial_account"])[0] ?? "", /bank, insurance or registered accounts/);
    assert.match(tianjin({ personsProcessed: 100_000 }, ["medical_health"])[0] ?? "", /medical records/);
    assert.equal(tianjin({ personsProcessed: 99_999 }, ["medical_health"]).length, 0);
    assert.equal(tianjin({ personsProcessed: 500_000 }, ["biometric"]).length, 0, "other sensitive PI below 1,000,000");
  });
  test("4. sensitive PI held by a CIIO, whatever the number", () => {
    assert.match(tianjin({ ciio: true, personsProcessed: 10 }, ["biometric"])[0] ?? "", /sensitive PI held by a CIIO/);
    assert.equal(tianjin({ ciio: true, personsProcessed: 10 }, []).length, 0);
  });
  test("what is sent does not count: a large cumulative count alone flags nothing", () => {
    assert.equal(tianjin({ personsProcessed: 10, cumulative: { general: 20_000_000, sensitive: 2_000_000 } }, ["biometric"]).length, 0);
  });
  test("without personsProcessed the notice says the criteria cannot be checked", () => {
    const n = assess(mapOf({ region: "120116", ftz: "tianjin" }, [{ general: 10 }]), { asOf: "2026-06-30" }).notices;
    assert.ok(n.some((x) => /does not give personsProcessed/.test(x)));
  });
  test("only for Tianjin processors", () => {
    assert.equal(tianjin({ region: "310115", ftz: null, personsProcessed: 20_000_000 }).length, 0);
  });
  test("the standard is the Tianjin FTZ's (seed 003): a Tianjin company outside the zone (region 12…, no ftz: tianjin) gets it as a reference only", () => {
    const notices = (processor: Record<string, unknown>) =>
      assess(mapOf({ region: "120101", ...processor }, [{ general: 10 }]), { asOf: "2026-06-30" }).notices;
    const outside = notices({ personsProcessed: 10_000_000 });
    assert.equal(outside.filter((n) => /likely important data:/.test(n)).length, 0, "not told its data is likely important");
    assert.ok(outside.some((n) => /applies to enterprises in the zone.*for reference only: PI of 10,000,000 people held/.test(n)));
    assert.ok(!notices({}).some((n) => /personsProcessed/.test(n)), "no request for a count it need not give");
    assert.equal(notices({ personsProcessed: 9_999_999 }).filter((n) => /Tianjin/.test(n)).length, 0, "below every criterion: nothing");
    const zh = assess(mapOf({ region: "120101", personsProcessed: 10_000_000 }, [{ general: 10 }]), { asOf: "2026-06-30", lang: "zh" });
    assert.ok(zh.notices.some((n) => /适用于自贸试验区内企业.*仅供参考/.test(n)));
  });
});

describe("processor-level duties", () => {
  test("CBDF-2024 Art 2: every processor identifies and reports important data, always shown", () => {
    const a = assess(mapOf({}, [{ general: 10 }]), { asOf: "2026-06-30" });
    assert.deepEqual(
      a.processorObligations.map((o) => [o.id, o.basis]),
      [["identify_and_report_important_data", [{ instrument: "CBDF-2024", article: 2 }]]],
    );
    assert.deepEqual(assess(mapOf({}, []), { asOf: "2026-06-30" }).processorObligations.length, 1, "even with no transfer");
    assert.equal(assess(mapOf({}, [{ general: 10 }]), { asOf: "2024-03-21" }).processorObligations.length, 0, "not before CBDF-2024");
  });
});
