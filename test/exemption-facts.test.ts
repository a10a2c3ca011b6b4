/**
 * An exemption needs its facts (regulations.md §0): 确需 absent is false; the HR exemption needs
 * employees' PI, lawful labour rules and a lawful collective contract; the contract exemption
 * covers only the party's own PI; consent is owed only where the law asks for it.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import type { DataMap } from "../src/engine/datamap.js";
import { mapOf, type TransferSpec } from "./helpers.js";

const AS_OF = "2026-06-30";
const one = (spec: TransferSpec, processor: Record<string, unknown> = {}, lang: "zh" | "en" = "en") => {
  const t = assess(mapOf(processor, [spec]), { asOf: AS_OF, lang }).transfers[0];
  assert.ok(t);
  return t;
};
const withoutNecessary = (m: DataMap, i = 0) => {
  delete (m.transfers[i] as { necessary?: boolean }).necessary;
  return m;
};
const HR = { purpose: "cross_border_hr", dataset: { subjects: ["employees"] }, transfer: { labourRules: true, collectiveContract: true } };

describe("确需: absent is false", () => {
  test("the review's case: a 2,000,000-person booking flow without `necessary` is not exempt, and a second flow stays in assessment", () => {
    const m = withoutNecessary(
      mapOf({}, [
        { id: "booking", general: 2_000_000, purpose: "contract_with_individual" },
        { id: "crm", general: 150_000 },
      ]),
    );
    const a = assess(m, { asOf: AS_OF });
    assert.equal(a.transfers[0]?.pathway, "security_assessment");
    assert.equal(a.transfers[0]?.counted, true);
    assert.equal(a.transfers[1]?.pathway, "security_assessment", "2,150,000 people counted together");
    assert.ok(
      a.transfers[0]?.explanation.some((e) =>
        /declare necessary: true if the PI sent is what a contract with the individual truly needs/.test(e),
      ),
    );
  });
  for (const purpose of ["contract_with_individual", "cross_border_hr", "emergency"]) {
    test(`${purpose}: necessary absent → the exemption does not apply`, () => {
      const facts = purpose === "cross_border_hr" ? HR : { purpose };
      const m = withoutNecessary(mapOf({}, [{ general: 50_000, ...facts }]));
      const t = assess(m, { asOf: AS_OF }).transfers[0];
      assert.equal(t?.pathway, "exempt");
      assert.deepEqual(t?.basis, [{ instrument: "CBDF-2024", article: 5, paragraph: 1, item: 4 }], "only the volume exemption");
      assert.equal(t?.counted, true);
    });
  }
  test("the Chinese explanation names the field too", () => {
    const m = withoutNecessary(mapOf({}, [{ general: 200_000, purpose: "emergency" }]));
    const t = assess(m, { asOf: AS_OF, lang: "zh" }).transfers[0];
    assert.ok(t?.explanation.some((e) => /未写明.*确需（necessary）.*necessary: true/.test(e)));
  });
});

describe("HR (Art 5(1)(2)): employees' PI, labour rules and a collective contract, read literally", () => {
  test("all facts present → exempt under Art 5(1)(2)", () => {
    const t = one({ general: 300_000, ...HR });
    assert.equal(t.pathway, "exempt");
    assert.deepEqual(t.basis, [{ instrument: "CBDF-2024", article: 5, paragraph: 1, item: 2 }]);
  });
  const cases: [string, TransferSpec, RegExp][] = [
    ["subjects absent", { ...HR, dataset: {} }, /declare subjects: \[employees\]/],
    ["subjects not employees", { ...HR, dataset: { subjects: ["customers"] } }, /subjects are not employees/],
    [
      "labourRules absent",
      { ...HR, transfer: { collectiveContract: true } },
      /labour rules made according to law \(labourRules\): read as not/,
    ],
    ["labourRules false", { ...HR, transfer: { labourRules: false, collectiveContract: true } }, /labourRules: false/],
    [
      "collectiveContract absent",
      { ...HR, transfer: { labourRules: true } },
      /collective contract signed according to law exists \(collectiveContract\)/,
    ],
    ["collectiveContract false", { ...HR, transfer: { labourRules: true, collectiveContract: false } }, /collectiveContract: false/],
  ];
  for (const [name, spec, why] of cases) {
    test(`${name} → not exempt, and the explanation says which fact`, () => {
      const t = one({ general: 300_000, ...spec });
      assert.equal(t.pathway, "standard_contract_or_certification");
      assert.equal(t.counted, true);
      assert.ok(
        t.explanation.some((e) => why.test(e)),
        t.explanation.join("\n"),
      );
    });
  }
  test("without the collective contract, it says Art 5(1)(1) may cover what the employment contract needs", () => {
    const t = one({ general: 300_000, ...HR, transfer: { labourRules: true } });
    assert.ok(t.explanation.some((e) => /employment contract itself needs may be covered by Art 5\(1\)\(1\)/.test(e)));
  });
});

describe("contract (Art 5(1)(1)): the party's own PI", () => {
  test("the explanation reminds that co-travellers' and emergency contacts' PI is not covered", () => {
    const t = one({ general: 10, purpose: "contract_with_individual" });
    assert.equal(t.pathway, "exempt");
    assert.ok(t.explanation.some((e) => /not that of co-travellers, emergency contacts/.test(e)));
  });
});

describe("notice is always owed; separate consent only where the law asks (PIPL Art 13 para 2; CBDF Art 10)", () => {
  const ids = (t: { obligations: { id: string }[] }) => t.obligations.map((o) => o.id);
  test("exempt under Art 5(1)(1)–(3): notice, no separate consent", () => {
    for (const spec of [{ purpose: "contract_with_individual" }, { purpose: "emergency" }, HR]) {
      const t = one({ general: 10, ...spec });
      assert.ok(ids(t).includes("notice"), spec.purpose);
      assert.ok(!ids(t).includes("notice_and_separate_consent"), spec.purpose);
      const notice = t.obligations.find((o) => o.id === "notice");
      assert.ok(notice?.basis.some((b) => b.instrument === "PIPL" && b.article === 39));
      assert.ok(notice?.basis.some((b) => b.instrument === "PIPL" && b.article === 13 && b.paragraph === 2));
    }
  });
  test("a lawful basis of PIPL Art 13(1)(2)–(7): notice, no consent — even on a contract route", () => {
    for (const lawfulBasis of ["contract", "hr", "legal_duty", "emergency", "news_reporting", "public_information"]) {
      const t = one({ general: 200_000, sensitive: 5, transfer: { lawfulBasis } });
      assert.equal(t.pathway, "standard_contract_or_certification");
      assert.deepEqual(
        ids(t).filter((i) => /consent|notice/.test(i)),
        ["notice"],
        lawfulBasis,
      );
    }
  });
  test("consent (the default basis), not exempt by purpose: the old id, notice and separate consent", () => {
    const t = one({ general: 200_000, sensitive: 5 });
    assert.deepEqual(
      ids(t).filter((i) => /consent|notice/.test(i)),
      ["notice_and_separate_consent", "sensitive_pi_separate_consent"],
    );
  });
  test("an unknown lawful basis is an input error naming the field", () => {
    assert.throws(() => mapOf({}, [{ transfer: { lawfulBasis: "interest" } }]), /transfers\[0\]\.lawfulBasis: expected one of consent/);
  });
});

describe("duties the engine used to leave out", () => {
  test("a CIIO files its security assessment offline through the provincial CAC: a direction, not a may (CBDF-2024 Q&A Q15)", () => {
    const t = one({ general: 10 }, { ciio: true });
    const text = t.obligations.find((o) => o.id === "security_assessment_application")?.description ?? "";
    assert.match(text, /A CIIO files offline, through the provincial CAC \(Q&A Q15\)/);
    assert.doesNotMatch(text, /may file/);
    const zh = one({ general: 10 }, { ciio: true }, "zh").obligations.find((o) => o.id === "security_assessment_application")?.description;
    assert.match(zh ?? "", /关键信息基础设施运营者采用线下方式通过所在地省级网信部门申报/);
    assert.doesNotMatch(zh ?? "", /可以采用线下/);
    assert.match(
      one({ general: 2_000_000 }).obligations.find((o) => o.id === "security_assessment_application")?.description ?? "",
      /online data-export system; a processor unsuited to it files offline/,
    );
  });
  test("incidents go to the provincial-level CAC and the other competent departments (Art 11)", () => {
    assert.match(
      one({ general: 10 }).obligations.find((o) => o.id === "incident_reporting")?.description ?? "",
      /provincial-level \(or higher\) CAC and the other competent departments/,
    );
  });
  test("certification cites CERT-2025 beside PIPL Art 38(1)(2) from 2026-01-01", () => {
    const basis = (asOf: string) =>
      assess(mapOf({}, [{ general: 200_000 }]), { asOf }).transfers[0]?.obligations.find((o) => o.id === "certification")?.basis;
    assert.deepEqual(basis("2025-12-31"), [{ instrument: "PIPL", article: 38, paragraph: 1, item: 2 }]);
    assert.deepEqual(basis("2026-01-01"), [
      { instrument: "PIPL", article: 38, paragraph: 1, item: 2 },
      { instrument: "CERT-2025", article: 3 },
    ]);
  });
});
