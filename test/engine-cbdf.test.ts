/** CBDF-2024 (from 2024-03-22): every band at its boundary, every exemption, CIIO, important and core data. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import type { DataMap } from "../src/engine/datamap.js";
import { mapOf } from "./helpers.js";

const AS_OF = "2026-06-30";
const run = (map: DataMap, asOf = AS_OF) => assess(map, { asOf });
const only = (map: DataMap, asOf = AS_OF) => {
  const t = run(map, asOf).transfers[0];
  assert.ok(t);
  return t;
};
const cite = (article: number, paragraph?: number, item?: number) => ({
  instrument: "CBDF-2024",
  article,
  ...(paragraph === undefined ? {} : { paragraph }),
  ...(item === undefined ? {} : { item }),
});

describe("ordinary PI bands (Arts 5(1)(4), 8, 7(1)(2))", () => {
  const cases: [number, string, object][] = [
    [0, "exempt", cite(5, 1, 4)],
    [99_999, "exempt", cite(5, 1, 4)],
    [100_000, "standard_contract_or_certification", cite(8)],
    [999_999, "standard_contract_or_certification", cite(8)],
    [1_000_000, "security_assessment", cite(7, 1, 2)],
  ];
  for (const [general, pathway, basis] of cases) {
    test(`${general} people → ${pathway}`, () => {
      const t = only(mapOf({}, [{ general }]));
      assert.equal(t.pathway, pathway);
      assert.deepEqual(t.basis, [basis]);
      assert.equal(t.counted, true, "Art 5(1)(4) transfers are counted (Q11)");
    });
  }
  test("options follow the pathway", () => {
    assert.deepEqual(only(mapOf({}, [{ general: 99_999 }])).options, []);
    assert.deepEqual(only(mapOf({}, [{ general: 100_000 }])).options, ["standard_contract", "certification"]);
    assert.deepEqual(only(mapOf({}, [{ general: 1_000_000 }])).options, ["security_assessment"]);
  });
});

describe("sensitive PI bands (Arts 8, 7(1)(2))", () => {
  test("any sensitive PI below 10,000 people → standard contract or certification", () => {
    for (const sensitive of [1, 9_999]) {
      const t = only(mapOf({}, [{ general: 10, sensitive }]));
      assert.equal(t.pathway, "standard_contract_or_certification", `${sensitive}`);
      assert.deepEqual(t.basis, [cite(8)]);
    }
  });
  test("10,000 people's sensitive PI → security assessment", () => {
    const t = only(mapOf({}, [{ general: 10, sensitive: 10_000 }]));
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis, [cite(7, 1, 2)]);
  });
  test("a dataset declaring sensitive categories is treated as sending sensitive PI", () => {
    const t = only(mapOf({}, [{ general: 50, dataset: { sensitive: ["financial_account"] } }]));
    assert.equal(t.pathway, "standard_contract_or_certification");
  });
});

describe("aggregation over transfers (Q&A Q11)", () => {
  test("counted transfers add up: 60,000 + 40,000 reaches the Art 8 band for both", () => {
    const a = run(mapOf({}, [{ general: 60_000 }, { general: 40_000 }]));
    assert.deepEqual(a.processor.cumulative, { general: 100_000, sensitive: 0 });
    assert.deepEqual(
      a.transfers.map((t) => t.pathway),
      ["standard_contract_or_certification", "standard_contract_or_certification"],
    );
  });
  test("60,000 + 39,999 stays exempt", () => {
    const a = run(mapOf({}, [{ general: 60_000 }, { general: 39_999 }]));
    assert.deepEqual(
      a.transfers.map((t) => t.pathway),
      ["exempt", "exempt"],
    );
  });
  test("exempt transfers are not counted: a 900,000-person contract transfer leaves a 60,000 flow exempt", () => {
    const a = run(mapOf({}, [{ general: 900_000, purpose: "contract_with_individual" }, { general: 60_000 }]));
    assert.equal(a.transfers[0]?.counted, false);
    assert.equal(a.transfers[1]?.pathway, "exempt");
    assert.deepEqual(a.processor.cumulative, { general: 60_000, sensitive: 0 });
  });
  test("processor.cumulative (already de-duplicated) replaces the sum", () => {
    const m = mapOf({ cumulative: { general: 1_000_000, sensitive: 0 } }, [{ general: 5 }]);
    const a = run(m);
    assert.equal(a.processor.cumulativeSource, "data_map");
    assert.equal(a.transfers[0]?.pathway, "security_assessment");
  });
  test("a sensitive-only transfer is not lifted by the ordinary-PI total", () => {
    const a = run(mapOf({}, [{ general: 1_200_000 }, { general: 0, sensitive: 50 }]));
    assert.equal(a.transfers[0]?.pathway, "security_assessment");
    assert.equal(a.transfers[1]?.pathway, "standard_contract_or_certification");
  });
});

describe("exemptions (Arts 3, 4, 5(1)(1)–(3), 6)", () => {
  test("Art 3: no PI and no important data", () => {
    const t = only(mapOf({}, [{ general: 0, purpose: "international_trade", dataset: { personalInformation: false } }]));
    assert.equal(t.pathway, "exempt");
    assert.equal(t.counted, false);
    assert.deepEqual(t.basis, [cite(3)]);
    assert.deepEqual(t.options, []);
  });
  test("Art 4: PI collected abroad, nothing from the mainland mixed in", () => {
    const t = only(mapOf({}, [{ general: 2_000_000, dataset: { collectedAbroad: true } }]));
    assert.equal(t.pathway, "exempt");
    assert.deepEqual(t.basis, [cite(4)]);
    assert.equal(t.counted, false);
  });
  test("Art 4 does not apply once mainland PI is introduced", () => {
    const t = only(mapOf({}, [{ general: 2_000_000, dataset: { collectedAbroad: true, domesticDataIntroduced: true } }]));
    assert.equal(t.pathway, "security_assessment");
  });
  const purposes: [string, number][] = [
    ["contract_with_individual", 1],
    ["cross_border_hr", 2],
    ["emergency", 3],
  ];
  /** The facts Art 5(1)(2) needs besides 确需 (regulations.md §0): employees' PI, labour rules, a collective contract. */
  const HR_FACTS = { dataset: { subjects: ["employees"] }, transfer: { labourRules: true, collectiveContract: true } };
  for (const [purpose, item] of purposes) {
    test(`Art 5(1)(${item}): ${purpose}, truly necessary, even with sensitive PI`, () => {
      const facts = purpose === "cross_border_hr" ? HR_FACTS : {};
      const t = only(mapOf({}, [{ general: 5_000_000, sensitive: 50_000, purpose, necessary: true, ...facts }]));
      assert.equal(t.pathway, "exempt");
      assert.deepEqual(t.basis, [cite(5, 1, item)]);
      assert.equal(t.counted, false);
    });
    test(`Art 5(1)(${item}) needs necessity: ${purpose} with necessary: false is counted`, () => {
      const t = only(mapOf({}, [{ general: 5_000_000, purpose, necessary: false }]));
      assert.equal(t.pathway, "security_assessment");
      assert.equal(t.counted, true);
    });
  }
  test("a missing necessary flag is read as false, and the explanation names the field to declare (§0)", () => {
    const m = mapOf({}, [{ general: 500_000, purpose: "cross_border_hr", ...HR_FACTS }]);
    delete (m.transfers[0] as { necessary?: boolean }).necessary;
    const t = only(m);
    assert.equal(t.pathway, "standard_contract_or_certification");
    assert.equal(t.counted, true);
    assert.ok(t.explanation.some((e) => /declare necessary: true/.test(e)));
  });
  test("Art 6: a free-trade-zone processor sending data outside the negative list", () => {
    const t = only(mapOf({ ftz: "tianjin", region: "120116" }, [{ general: 3_000_000 }]));
    assert.equal(t.pathway, "exempt");
    assert.deepEqual(t.basis, [cite(6, 2)]);
    assert.equal(t.counted, false);
  });
  test("Art 6 does not cover data on the negative list", () => {
    const t = only(mapOf({ ftz: "tianjin", region: "120116" }, [{ general: 300_000, dataset: { inNegativeList: true } }]));
    assert.equal(t.pathway, "standard_contract_or_certification");
    assert.equal(t.counted, true);
  });
  test("inNegativeList means nothing without an FTZ", () => {
    const t = only(mapOf({}, [{ general: 300_000, dataset: { inNegativeList: false } }]));
    assert.equal(t.pathway, "standard_contract_or_certification");
  });
});

describe("CIIOs (Art 7(1)(1))", () => {
  test("a CIIO sending any PI needs an assessment; Art 5(1)(4) is not open to it", () => {
    const t = only(mapOf({ ciio: true }, [{ general: 1 }]));
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis, [cite(7, 1, 1)]);
  });
  test("the exemptions of Arts 3–6 still prevail for a CIIO", () => {
    assert.equal(only(mapOf({ ciio: true }, [{ general: 10, purpose: "contract_with_individual" }])).pathway, "exempt");
    assert.equal(only(mapOf({ ciio: true }, [{ dataset: { personalInformation: false } }])).pathway, "exempt");
  });
  test("a CIIO's important data → Art 7(1)(1)", () => {
    const t = only(mapOf({ ciio: true }, [{ dataset: { personalInformation: false, importantData: true } }]));
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis[0], cite(7, 1, 1));
  });
});

describe("important data (Arts 2, 7, 5 para 2; Q&A Q12)", () => {
  test("non-CIIO important data → assessment, whatever the volume", () => {
    const t = only(mapOf({}, [{ general: 0, dataset: { personalInformation: false, importantData: true } }]));
    assert.equal(t.pathway, "security_assessment");
    assert.deepEqual(t.basis[0], cite(7, 1, 2));
    assert.deepEqual(t.options, ["security_assessment"]);
  });
  test("PI that is important data loses the Art 5 exemptions (Art 5 para 2)", () => {
    const t = only(mapOf({}, [{ general: 10, purpose: "contract_with_individual", dataset: { importantData: true } }]));
    assert.equal(t.pathway, "security_assessment");
    assert.ok(t.basis.some((b) => b.article === 5 && b.paragraph === 2));
  });
  test("important data in an FTZ outside the negative list still needs an assessment (Q12)", () => {
    const t = only(mapOf({ ftz: "shanghai-lingang" }, [{ general: 10, dataset: { importantData: true } }]));
    assert.equal(t.pathway, "security_assessment");
  });
});

describe("core data", () => {
  test("core data is prohibited, with no options, and not counted", () => {
    const t = only(mapOf({}, [{ general: 10, purpose: "contract_with_individual", dataset: { coreData: true } }]));
    assert.equal(t.pathway, "prohibited");
    assert.deepEqual(t.options, []);
    assert.equal(t.counted, false);
    assert.deepEqual(t.basis, [{ instrument: "DSL", article: 21, paragraph: 2 }]);
  });
});

describe("scope", () => {
  test("a recipient in the mainland is not an outbound transfer", () => {
    const t = only(mapOf({}, [{ general: 2_000_000, recipientRegion: "110105" }]));
    assert.equal(t.pathway, "exempt");
    assert.equal(t.counted, false);
  });
  test("Hong Kong, Macao and Taiwan are outside the mainland", () => {
    assert.equal(only(mapOf({}, [{ general: 2_000_000, recipientRegion: "TW" }])).pathway, "security_assessment");
  });
});

describe("obligations carry their citations", () => {
  test("an exempt PI transfer still owes notice and a PIPIA (Art 10); consent only where the law asks for it", () => {
    const t = only(mapOf({}, [{ general: 10 }]));
    const ids = t.obligations.map((o) => o.id);
    assert.equal(t.basis[0]?.item, 4, "Art 5(1)(4): consent is still the basis");
    assert.ok(ids.includes("notice_and_separate_consent"));
    assert.ok(ids.includes("pipia"));
    assert.ok(ids.includes("pipia_records_kept_3_years"));
    assert.ok(t.obligations.find((o) => o.id === "pipia")?.basis.some((b) => b.instrument === "PIPL" && b.article === 55));
  });
  test("standard contract: filing within 10 working days (SCM-2023 Art 7)", () => {
    const t = only(mapOf({}, [{ general: 200_000 }]));
    const filing = t.obligations.find((o) => o.id === "standard_contract_filing");
    assert.deepEqual(filing?.basis, [{ instrument: "SCM-2023", article: 7 }]);
    assert.equal(filing?.option, "standard_contract");
  });
  test("children's PI needs a guardian's consent (PIPL Art 31)", () => {
    const t = only(mapOf({}, [{ general: 10, sensitive: 10, dataset: { sensitive: ["minor_under_14"] } }]));
    assert.ok(t.obligations.some((o) => o.id === "guardian_consent"));
  });
  test("every obligation has at least one citation", () => {
    const a = run(mapOf({ ciio: true }, [{ general: 10, dataset: { importantData: true } }, { general: 1 }]));
    for (const t of a.transfers) for (const o of t.obligations) assert.ok(o.basis.length > 0, o.id);
  });
});
