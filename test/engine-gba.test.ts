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
  test("a CIIO: not offered in place of the security assessment, and the explanation says why (§0, CSL Art 37)", () => {
    const t = assess(mapOf({ region: "440300", ciio: true }, [{ general: 10, recipientRegion: "HK" }]), { asOf: "2026-06-30" })
      .transfers[0];
    assert.deepEqual(t?.options, ["security_assessment"]);
    assert.ok(t?.explanation.some((e) => /CIIO: the GBA contract is not offered in place of the security assessment \(CSL Art 37/.test(e)));
  });
  test("a Shenzhen CIIO sending to Hong Kong is not also told the GBA contract is available (GBA-HK-2023 Art 2; CSL Art 37), in either language", () => {
    const map = mapOf({ region: "440300", ciio: true }, [{ general: 10, recipientRegion: "HK" }]);
    const en = assess(map, { asOf: "2026-06-30" }).transfers[0]?.explanation ?? [];
    assert.ok(!en.some((e) => /also available/.test(e)), en.join("\n"));
    assert.equal(en.filter((e) => /GBA/.test(e)).length, 1, "only the line saying it is not offered");
    const zh = assess(map, { asOf: "2026-06-30", lang: "zh" }).transfers[0]?.explanation ?? [];
    assert.ok(!zh.some((e) => /可选用大湾区标准合同/.test(e)), zh.join("\n"));
    assert.ok(zh.some((e) => /大湾区标准合同不能替代数据出境安全评估/.test(e)));
  });
  test("the volume band of Art 7(1)(2): offered, with a notice that this is our reading (§0)", () => {
    for (const spec of [{ general: 1_000_000 }, { general: 10, sensitive: 10_000 }]) {
      const t = assess(mapOf({ region: "440300" }, [{ ...spec, recipientRegion: "MO" }]), { asOf: "2026-06-30" }).transfers[0];
      assert.deepEqual(t?.options, ["security_assessment", "gba_standard_contract"]);
      assert.ok(t?.explanation.some((e) => /is our reading \(PIPL Art 40/.test(e)));
    }
    const below = assess(mapOf({ region: "440300" }, [{ general: 999_999, recipientRegion: "MO" }]), { asOf: "2026-06-30" });
    assert.ok(!below.transfers[0]?.explanation.some((e) => /our reading/.test(e)), "no such notice below the band");
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
    assert.ok(options({ region: "440300", sector: "other" }, spec, "2024-11-01").includes("gba_standard_contract"));
  });
  test("Hong Kong pilot: banking, credit referencing and healthcare from 2023-12-13 (secondary)", () => {
    const spec = { general: 200_000, recipientRegion: "HK" };
    for (const sector of ["banking", "credit_referencing", "healthcare"]) {
      assert.ok(!options({ region: "440300", sector }, spec, "2023-12-12").includes("gba_standard_contract"), `${sector} 12-12`);
      assert.ok(options({ region: "440300", sector }, spec, "2023-12-13").includes("gba_standard_contract"), `${sector} 12-13`);
      assert.ok(options({ region: "440300", sector }, spec, "2024-10-31").includes("gba_standard_contract"), `${sector} 10-31`);
    }
    assert.ok(!options({ region: "440300", sector: "insurance" }, spec, "2024-10-31").includes("gba_standard_contract"));
    // the sector may be the transfer's
    assert.ok(
      options({ region: "440300" }, { ...spec, transfer: { sector: "healthcare" } }, "2024-06-03").includes("gba_standard_contract"),
    );
  });
  test("Hong Kong pilot: the explanation says which way the sector decides", () => {
    const why = (processor: Record<string, unknown>, asOf: string) =>
      assess(mapOf({ region: "440300", ...processor }, [{ general: 200_000, recipientRegion: "HK" }]), { asOf }).transfers[0]
        ?.explanation ?? [];
    assert.ok(why({}, "2024-06-03").some((e) => /depends on the sector — declare processor.sector/.test(e)));
    assert.ok(why({ sector: "banking" }, "2024-06-03").some((e) => /early and pilot implementation, open to banking/.test(e)));
    assert.ok(
      why({ sector: "insurance" }, "2024-06-03").some((e) =>
        /only to the banking, credit referencing, healthcare pilot: not to this sector/.test(e),
      ),
    );
    assert.ok(why({}, "2023-12-12").some((e) => /in force from 2023-12-13/.test(e)));
  });
  test("Macao: no sector phasing; the message says in force, not open to all sectors", () => {
    const t = assess(mapOf({ region: "440300" }, [{ general: 200_000, recipientRegion: "MO" }]), { asOf: "2024-09-09" }).transfers[0];
    assert.ok(t?.explanation.some((e) => /GBA-MO-2024 is in force from 2024-09-10/.test(e)));
    assert.ok(!t?.explanation.some((e) => /sectors/.test(e)));
  });
  test("a Hong Kong transfer cites the Hong Kong guideline, never the Macao one", () => {
    const a = assess(
      mapOf({ region: "440300" }, [
        { general: 200_000, recipientRegion: "HK", onwardOutsideGBA: true },
        { general: 200_000, recipientRegion: "HK" },
      ]),
      { asOf: "2026-06-30" },
    );
    assert.ok(a.transfers[0]?.explanation.some((e) => /GBA-HK-2023 Art 4, item 2/.test(e)));
    for (const t of a.transfers) {
      assert.ok(!JSON.stringify(t).includes("GBA-MO-2024"), t.id);
    }
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
  test("the GBA route's notice-or-consent and PIPIA cite Art 4(1) and Art 5 of the governing guideline", () => {
    for (const [region, inst] of [
      ["MO", "GBA-MO-2024"],
      ["HK", "GBA-HK-2023"],
    ] as const) {
      const t = assess(mapOf({ region: "440300" }, [{ general: 200_000, recipientRegion: region }]), { asOf: "2026-06-30" }).transfers[0];
      const notice = t?.obligations.find((x) => x.id === "gba_notice_or_consent");
      const pipia = t?.obligations.find((x) => x.id === "gba_pipia");
      assert.deepEqual(notice?.basis, [{ instrument: inst, article: 4, item: 1 }]);
      assert.deepEqual(pipia?.basis, [{ instrument: inst, article: 5 }]);
      assert.equal(pipia?.option, "gba_standard_contract");
      assert.match(pipia?.description ?? "", /necessity.*rights.*recipient/);
    }
  });
});
