/** Properties of the engine over random data maps (fast-check). */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { assess } from "../src/engine/assess.js";
import { PURPOSES, SENSITIVE_CATEGORIES } from "../src/engine/datamap.js";
import { severity } from "../src/engine/types.js";
import { provisionAt } from "../src/law/index.js";
import { type TransferSpec, mapOf } from "./helpers.js";

const count = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.constantFrom(0, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000));
const spec: fc.Arbitrary<TransferSpec> = fc.record({
  general: count,
  sensitive: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20_000 })),
  purpose: fc.constantFrom(...PURPOSES),
  necessary: fc.boolean(),
  recipientRegion: fc.constantFrom("US", "HK", "MO", "SG", "TW", "110105"),
  onwardOutsideGBA: fc.boolean(),
  dataset: fc.record({
    personalInformation: fc.boolean(),
    importantData: fc.boolean(),
    coreData: fc.boolean(),
    collectedAbroad: fc.boolean(),
    domesticDataIntroduced: fc.boolean(),
    inNegativeList: fc.boolean(),
    sensitive: fc.subarray([...SENSITIVE_CATEGORIES], { maxLength: 2 }),
  }),
});
const processor = fc.record({
  region: fc.constantFrom("440300", "440106", "110105", "120116"),
  ciio: fc.boolean(),
  ftz: fc.constantFrom(null, "tianjin"),
  personsProcessed: fc.integer({ min: 0, max: 3_000_000 }),
});
const asOf = fc.constantFrom("2022-09-01", "2023-05-31", "2023-10-20", "2024-03-21", "2024-03-22", "2024-11-01", "2026-06-30");
const RUNS = { numRuns: 300 };

describe("engine properties", () => {
  test("more people never gives a lighter pathway", () => {
    fc.assert(
      fc.property(
        processor,
        fc.array(spec, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.boolean(),
        asOf,
        (p, specs, pick, extra, sens, date) => {
          const i = pick % specs.length;
          const before = assess(mapOf(p, specs), { asOf: date }).transfers;
          const more = specs.map((s, j) =>
            j === i
              ? { ...s, general: sens ? s.general : (s.general ?? 0) + extra, sensitive: sens ? (s.sensitive ?? 0) + extra : s.sensitive }
              : s,
          );
          const after = assess(mapOf(p, more), { asOf: date }).transfers;
          after.forEach((t, j) =>
            assert.ok(
              severity(t.pathway) >= severity(before[j]?.pathway ?? "exempt"),
              `transfer ${j}: ${before[j]?.pathway} → ${t.pathway}`,
            ),
          );
        },
      ),
      RUNS,
    );
  });

  test("an exempt transfer that is not counted never changes another transfer's pathway", () => {
    fc.assert(
      fc.property(processor, fc.array(spec, { minLength: 2, maxLength: 4 }), asOf, (p, specs, date) => {
        const all = assess(mapOf(p, specs), { asOf: date }).transfers;
        all.forEach((t, i) => {
          if (t.pathway !== "exempt" || t.counted) return;
          const rest = specs.filter((_, j) => j !== i);
          const without = assess(mapOf(p, rest), { asOf: date }).transfers;
          const others = all.filter((_, j) => j !== i);
          // ids differ after removal (t0, t1, …), so compare by position
          assert.deepEqual(
            without.map((x) => x.pathway),
            others.map((x) => x.pathway),
          );
        });
      }),
      RUNS,
    );
  });

  test("every decision has at least one citation, and every citation is a provision we encode", () => {
    fc.assert(
      fc.property(processor, fc.array(spec, { minLength: 1, maxLength: 4 }), asOf, (p, specs, date) => {
        for (const t of assess(mapOf(p, specs), { asOf: date }).transfers) {
          assert.ok(t.basis.length > 0, t.id);
          for (const b of [...t.basis, ...t.obligations.flatMap((o) => o.basis), ...Object.values(t.optionBasis).flat()]) {
            assert.ok(b && provisionAt(b), `unknown citation ${JSON.stringify(b)}`);
          }
          assert.ok(t.explanation.length > 0, "every decision says why");
          if (t.pathway === "exempt" || t.pathway === "prohibited") assert.deepEqual(t.options, []);
          else assert.ok(t.options.length > 0);
        }
      }),
      RUNS,
    );
  });
});
