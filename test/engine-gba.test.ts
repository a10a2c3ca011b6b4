/** Greater Bay Area standard contracts (GBA-HK-2023, GBA-MO-2024): eligibility and dates. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { mapOf } from "./helpers.js";

const options = (processor: Record<string, unknown>, spec: Parameters<typeof mapOf>[1][number], asOf = "2026-06-30") =>
  assess(mapOf(processor, [spec]), { asOf }).transfers[0]?.options ?? [];

describe("GBA standard contract eligibility", () => {
  test("a Shenzhen district processor and a Macao recipient: listed beside the national options", () => {
    assert.deepEqual(options({ region: "440305" }, { general: 200_000, recipientRegion: "MO" }), [
      "standard_contract",
      "certification",
      "gba_standard_contract",
    ]);
  });
  test("all nine cities qualify, by prefecture", () => {
    for (const region of ["440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000"]) {
      assert.ok(options({ region }, { general: 200_000, recipientRegion: "HK" }).includes("gba_standard_contract"), region);
    }
  });
  test("other Guangdong cities and the rest of the mainland do not", () => {
    for (const region of ["440500", "445100", "110105", "310115"]) {
      assert.ok(!options({ region }, { general: 200_000, recipientRegion: "HK" }).includes("gba_standard_contract"), region);
    }
  });
  test("only Hong Kong and Macao recipients", () => {
    assert.ok(!options({ region: "440300" }, { general: 200_000, recipientRegion: "TW" }).includes("gba_standard_contract"));
    assert.ok(!options({ region: "440300" }, { general: 200_000, recipientRegion: "SG" }).includes("gba_standard_contract"));
  });
  test("individuals located in Macao qualify too", () => {
    assert.ok(
      options({ region: "440400" }, { general: 200_000, recipientRegion: "MO", recipientKind: "individual" }).includes(
        "gba_standard_contract",
      ),
    );
  });
  test("not for important data, nor onward transfer outside the GBA", () => {
    assert.ok(
      !options({ region: "440300" }, { general: 10, recipientRegion: "MO", dataset: { importantData: true } }).includes(
        "gba_standard_contract",
      ),
    );
    assert.ok(
      !options({ region: "440300" }, { general: 200_000, recipientRegion: "MO", onwardOutsideGBA: true }).includes("gba_standard_contract"),
    );
  });
  test("no volume threshold and no CIIO exclusion: listed beside a security assessment", () => {
    assert.deepEqual(options({ region: "440300", ciio: true }, { general: 10, recipientRegion: "HK" }), [
      "security_assessment",
      "gba_standard_contract",
    ]);
  });
  test("not listed when the transfer is exempt (no route is needed)", () => {
    assert.deepEqual(options({ region: "440300" }, { general: 10, recipientRegion: "MO" }), []);
  });
});

describe("GBA effective dates", () => {
  test("Macao: from 2024-09-10", () => {
    const spec = { general: 200_000, recipientRegion: "MO" };
    assert.ok(!options({ region: "440300" }, spec, "2024-09-09").includes("gba_standard_contract"));
    assert.ok(options({ region: "440300" }, spec, "2024-09-10").includes("gba_standard_contract"));
  });
  test("Hong Kong: open to all sectors from 2024-11-01", () => {
    const spec = { general: 200_000, recipientRegion: "HK" };
    assert.ok(!options({ region: "440300" }, spec, "2024-10-31").includes("gba_standard_contract"));
    assert.ok(options({ region: "440300" }, spec, "2024-11-01").includes("gba_standard_contract"));
  });
  test("the option carries its own basis", () => {
    const t = assess(mapOf({ region: "440300" }, [{ general: 200_000, recipientRegion: "HK" }]), { asOf: "2026-01-05" }).transfers[0];
    assert.deepEqual(t?.optionBasis.gba_standard_contract, [{ instrument: "GBA-HK-2023", article: 2 }]);
    assert.deepEqual(t?.basis, [{ instrument: "CBDF-2024", article: 8 }], "the GBA contract does not change the pathway's basis");
  });
});

describe("GBA obligations", () => {
  test("the GBA filing duty appears only where the GBA contract is an option, citing its guideline", () => {
    const t = assess(mapOf({ region: "440300" }, [{ general: 200_000, recipientRegion: "MO" }]), { asOf: "2026-06-30" }).transfers[0];
    const o = t?.obligations.find((x) => x.id === "gba_standard_contract_filing");
    assert.deepEqual(o?.basis, [{ instrument: "GBA-MO-2024", article: 7 }]);
    assert.equal(o?.option, "gba_standard_contract");
    const other = assess(mapOf({ region: "110105" }, [{ general: 200_000, recipientRegion: "MO" }]), { asOf: "2026-06-30" }).transfers[0];
    assert.ok(!other?.obligations.some((x) => x.id === "gba_standard_contract_filing"));
  });
});
