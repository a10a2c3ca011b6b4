/**
 * What a change sets off (`xborder diff`, issue 18 part 1): each trigger alone and several
 * together under a standard contract (SCM-2023 Art 8), a GBA contract (guideline Art 8) and a
 * security assessment (SAM-2022 Art 14 para 2); a change that is no trigger; pathways heavier and
 * lighter; parts added and removed; the gates and the formats.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { stringify } from "yaml";
import { validateDataMap } from "../src/engine/datamap.js";
import { diffMaps } from "../src/engine/diff.js";
import { xborder } from "./helpers.js";

const AS_OF = "2026-06-30";
type Raw = Record<string, unknown> & {
  transfers: Record<string, unknown>[];
  datasets: Record<string, unknown>[];
  recipients: Record<string, unknown>[];
};
const base = (): Raw => ({
  xborder: 1,
  asOf: AS_OF,
  processor: { name: "A", region: "440300" },
  recipients: [
    { id: "hq", region: "US" },
    { id: "mo", region: "MO" },
  ],
  datasets: [{ id: "c", personalInformation: true, sensitive: [] }],
  transfers: [
    {
      id: "crm",
      dataset: "c",
      recipient: "hq",
      purpose: "other",
      necessary: true,
      manner: "transmitted",
      retentionAbroad: 365,
      persons: { general: 150_000 },
    },
  ],
  filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2026-01-05" }],
});
const diff = (a: Raw, b: Raw) => diffMaps(validateDataMap(a), validateDataMap(b), { asOf: AS_OF });
const ids = (d: ReturnType<typeof diff>) => d.consequences.map((c) => `${c.transfer}:${c.id}`);
const SCM8 = [{ instrument: "SCM-2023", article: 8 }];

describe("redo triggers during a standard contract's term (SCM-2023 Art 8)", () => {
  const cases: [string, (m: Raw) => void][] = [
    ["purpose", (m) => (m.transfers[0]!.purpose = "marketing")],
    ["manner", (m) => (m.transfers[0]!.manner = "stored_abroad")],
    ["storage place", (m) => (m.transfers[0]!.storagePlace = "Frankfurt")],
    ["recipient's use", (m) => (m.transfers[0]!.recipientUse = "profiling")],
    ["longer retention abroad", (m) => (m.transfers[0]!.retentionAbroad = 730)],
    ["sensitivity (a sensitive category added)", (m) => (m.datasets[0]!.sensitive = ["financial_account"])],
    ["the recipient's country", (m) => (m.recipients[0]!.region = "SG")],
  ];
  for (const [name, change] of cases) {
    test(`${name} alone: a new PIPIA, contract and filing`, () => {
      const after = base();
      change(after);
      const d = diff(base(), after);
      assert.ok(d.refile, name);
      const c = d.consequences.find((x) => x.id === "refile");
      assert.equal(c?.transfer, "crm");
      assert.deepEqual(c?.basis, SCM8);
      assert.match(c?.description ?? "", /a new PIPIA, a supplemented or new contract, and a new filing/);
    });
  }
  test("several together: one consequence naming them all", () => {
    const after = base();
    after.transfers[0]!.purpose = "marketing";
    after.transfers[0]!.retentionAbroad = 3650;
    const d = diff(base(), after);
    assert.deepEqual(ids(d), ["crm:refile"]);
    assert.match(d.consequences[0]!.description, /the purpose, a longer retention abroad changed/);
  });
  test("no trigger: a shorter retention, a category removed, a renamed recipient, nothing at all", () => {
    const shorter = base();
    shorter.transfers[0]!.retentionAbroad = 30;
    assert.equal(diff(base(), shorter).refile, false);
    const withCat = base();
    withCat.datasets[0]!.sensitive = ["financial_account"];
    withCat.transfers[0]!.persons = { general: 150_000, sensitive: 10 };
    const fewer = base();
    fewer.transfers[0]!.persons = { general: 150_000, sensitive: 10 };
    assert.equal(diff(withCat, fewer).refile, false, "removing a category is no trigger");
    const renamed = base();
    renamed.recipients[0]!.name = "HQ GmbH";
    assert.equal(diff(base(), renamed).refile, false);
    const d = diff(base(), base());
    assert.deepEqual([d.changes, d.consequences], [[], []]);
  });
  test("before the contract takes effect there is nothing to re-file: a new PIPIA is enough", () => {
    const before = base();
    (before.filings as { effectiveDate: string }[])[0]!.effectiveDate = "2026-07-01";
    const after = base();
    (after.filings as { effectiveDate: string }[])[0]!.effectiveDate = "2026-07-01";
    after.transfers[0]!.purpose = "marketing";
    assert.deepEqual(ids(diff(before, after)), ["crm:reassess"]);
  });
});

describe("other routes", () => {
  test("a GBA contract (Macao): the guideline's Art 8", () => {
    const m = (purpose: string): Raw => {
      const x = base();
      x.transfers[0]!.recipient = "mo";
      x.transfers[0]!.purpose = purpose;
      x.filings = [{ type: "gba_standard_contract", transfer: "crm", effectiveDate: "2026-01-05" }];
      return x;
    };
    const c = diff(m("other"), m("marketing")).consequences.find((x) => x.id === "refile");
    assert.deepEqual(c?.basis, [{ instrument: "GBA-MO-2024", article: 8 }]);
  });
  test("a security assessment within its validity: a new application (SAM-2022 Art 14 para 2)", () => {
    const m = (purpose: string): Raw => {
      const x = base();
      x.transfers[0]!.persons = { general: 2_000_000 };
      x.transfers[0]!.purpose = purpose;
      x.filings = [{ type: "security_assessment", transfer: "crm", resultDate: "2025-03-01" }];
      return x;
    };
    const c = diff(m("other"), m("marketing")).consequences.find((x) => x.id === "refile");
    assert.deepEqual(c?.basis, [{ instrument: "SAM-2022", article: 14, paragraph: 2 }]);
    assert.match(c?.description ?? "", /re-declare the security assessment/);
  });
});

describe("re-declaring a security assessment: only where the change affects the security of the exported data (SAM-2022 Art 14 para 2 (1)/(3))", () => {
  const sa = (change: (x: Raw) => void = () => {}): Raw => {
    const x = base();
    x.transfers[0]!.persons = { general: 2_000_000 };
    x.filings = [{ type: "security_assessment", transfer: "crm", resultDate: "2025-03-01" }];
    change(x);
    return x;
  };
  test("the storage place alone (not in item 1): re-declare if the change affects security, item 3 cited", () => {
    const c = diff(
      sa(),
      sa((x) => (x.transfers[0]!.storagePlace = "Frankfurt")),
    ).consequences.find((x) => x.id === "refile");
    assert.equal(c?.condition, "if the change affects the security of the exported data (SAM-2022 Art 14(2)(3))");
    assert.match(c?.description ?? "", /the storage place changed: re-declare the security assessment if the change affects the security/);
    assert.doesNotMatch(c?.description ?? "", /is needed/);
  });
  test("the purpose (item 1, 影响出境数据安全的): conditional, item 1 cited; with the storage place, items 1 and 3", () => {
    const c = diff(
      sa(),
      sa((x) => (x.transfers[0]!.purpose = "marketing")),
    ).consequences[0];
    assert.match(c?.condition ?? "", /\(SAM-2022 Art 14\(2\)\(1\)\)$/);
    const both = diff(
      sa(),
      sa((x) => {
        x.transfers[0]!.purpose = "marketing";
        x.transfers[0]!.storagePlace = "Frankfurt";
      }),
    ).consequences[0];
    assert.match(both?.condition ?? "", /\(1\)\/\(3\)\)$/);
  });
  test("a longer retention abroad is a trigger as such (item 1, second limb): no condition", () => {
    const c = diff(
      sa(),
      sa((x) => (x.transfers[0]!.retentionAbroad = 730)),
    ).consequences[0];
    assert.equal(c?.id, "refile");
    assert.equal(c?.condition, undefined);
    assert.match(c?.description ?? "", /a longer retention abroad changed: re-declare the security assessment$/);
  });
  test("in Chinese: 如变更影响出境数据安全，with the article's items as cross-references write them", () => {
    const d = diffMaps(validateDataMap(sa()), validateDataMap(sa((x) => (x.transfers[0]!.storagePlace = "Frankfurt"))), {
      asOf: AS_OF,
      lang: "zh",
    });
    assert.match(
      d.consequences[0]!.description,
      /保存地点发生变化：如变更影响出境数据安全（《数据出境安全评估办法》第十四条第二款第三项），应当重新申报数据出境安全评估/,
    );
  });
  test("under a standard contract the storage place is in SCM-2023 Art 8's own list: no condition", () => {
    const after = base();
    after.transfers[0]!.storagePlace = "Frankfurt";
    assert.equal(diff(base(), after).consequences[0]?.condition, undefined);
  });
});

describe("important data without personal information: no PIPIA (PIPL Art 55 and CBDF-2024 Art 10 are about PI; CBDF-2024 Art 7, SAM-2022 Art 5)", () => {
  const geo = (storagePlace?: string): Raw => {
    const x = base();
    x.datasets = [{ id: "c", personalInformation: false, importantData: true }];
    x.transfers[0]!.persons = { general: 0 };
    if (storagePlace) x.transfers[0]!.storagePlace = storagePlace;
    x.filings = [];
    return x;
  };
  test("a change with no filed route: the risk self-assessment and the declaration, not a PIPIA", () => {
    const c = diff(geo(), geo("Frankfurt")).consequences.find((x) => x.id === "reassess");
    assert.match(c?.description ?? "", /a new data-export risk self-assessment and the security assessment declared/);
    assert.doesNotMatch(c?.description ?? "", /a new PIPIA/);
    assert.deepEqual(c?.basis, [
      { instrument: "CBDF-2024", article: 7, paragraph: 1, item: 2 },
      { instrument: "SAM-2022", article: 5 },
    ]);
  });
  test("with PI the same change still asks for a new PIPIA (PIPL Art 55)", () => {
    const pi = (sp?: string) => {
      const x = geo(sp);
      x.datasets = [{ id: "c", personalInformation: true, importantData: true }];
      return x;
    };
    const c = diff(pi(), pi("Frankfurt")).consequences.find((x) => x.id === "reassess");
    assert.match(c?.description ?? "", /a new PIPIA/);
    assert.ok(c?.basis.some((b) => b.instrument === "PIPL" && b.article === 55));
  });
});

describe("more people under a filed standard contract, no band crossed: a change to review (SCM-2023 Art 8, 范围 unsettled)", () => {
  const people = (general: number): Raw => {
    const x = base();
    x.transfers[0]!.persons = { general };
    return x;
  };
  test("150,000 → 300,000 (the same Art 8 band): review, citing SCM-2023 Art 8; not a refile", () => {
    const d = diff(people(150_000), people(300_000));
    assert.deepEqual(ids(d), ["crm:review"]);
    assert.equal(d.refile, false);
    assert.deepEqual(d.consequences[0]!.basis, SCM8);
    assert.match(d.consequences[0]!.description, /150,000 → 300,000 people.*unsettled/);
  });
  test("fewer people, or the same: nothing; a band crossed: heavier, not review", () => {
    assert.deepEqual(ids(diff(people(300_000), people(150_000))), []);
    assert.deepEqual(ids(diff(people(150_000), people(1_000_000))), ["crm:pathway_heavier"]);
  });
  test("no filed route: silence (the bands decide the pathway)", () => {
    const a = people(150_000);
    const b = people(300_000);
    a.filings = [];
    b.filings = [];
    assert.deepEqual(ids(diff(a, b)), []);
  });
});

describe("pathways and parts", () => {
  test("a threshold crossed: heavier; an exemption now applying: lighter, with what stays", () => {
    const more = base();
    more.transfers[0]!.persons = { general: 1_000_000 };
    const d = diff(base(), more);
    assert.ok(d.heavier);
    assert.deepEqual(ids(d), ["crm:pathway_heavier"]);
    assert.deepEqual(d.consequences[0]!.basis, [{ instrument: "CBDF-2024", article: 7, paragraph: 1, item: 2 }]);
    const exempt = base();
    exempt.transfers[0]!.persons = { general: 50_000 };
    const l = diff(base(), exempt);
    assert.equal(l.heavier, false);
    assert.deepEqual(ids(l), ["crm:pathway_lighter"]);
    assert.match(l.consequences[0]!.description, /may stop; the notice, the PIPIA and its records \(kept three years\) still apply/);
  });
  test("important data notified: heavier, and a trigger during the contract", () => {
    const after = base();
    after.datasets[0]!.importantData = true;
    assert.deepEqual(ids(diff(base(), after)).sort(), ["crm:pathway_heavier", "crm:refile"]);
  });
  test("recipients, datasets and transfers added and removed", () => {
    const after = base();
    after.datasets.push({ id: "staff", personalInformation: true });
    after.transfers.push({ id: "hr", dataset: "staff", recipient: "hq", necessary: true, persons: { general: 10 } });
    const d = diff(base(), after);
    assert.deepEqual(
      d.changes.filter((c) => c.kind === "added").map((c) => `${c.subject}:${c.id}`),
      ["dataset:staff", "transfer:hr"],
    );
    assert.ok(ids(d).includes("hr:new_transfer"));
    const gone = diff(after, base());
    assert.ok(ids(gone).includes("hr:transfer_stopped"));
    assert.deepEqual(gone.consequences.find((c) => c.id === "transfer_stopped")?.basis, [
      { instrument: "PIPL", article: 56, paragraph: 2 },
    ]);
  });
});

describe("xborder diff", () => {
  const dir = mkdtempSync(join(tmpdir(), "xborder-diff-"));
  const write = (name: string, m: Raw) => {
    const p = join(dir, name);
    writeFileSync(p, stringify(m));
    return p;
  };
  const after = base();
  after.transfers[0]!.purpose = "marketing";
  const a = write("old.yaml", base());
  const b = write("new.yaml", after);
  test("text, json and markdown; Chinese too", () => {
    const t = xborder(["diff", a, b]);
    assert.equal(t.code, 0, t.stderr);
    assert.match(t.stdout, /changed transfer crm purpose: other → marketing/);
    assert.match(t.stdout, /SCM-2023 Art 8/);
    const j = JSON.parse(xborder(["diff", a, b, "--format", "json"]).stdout);
    assert.equal(j.refile, true);
    const md = xborder(["diff", a, b, "--format", "markdown"]).stdout;
    assert.match(md, /^## What the change to the data map sets off/m);
    assert.match(md, /\*\*`crm`|- \*\*/);
    const zh = xborder(["diff", a, b, "--lang", "zh"]).stdout;
    assert.match(zh, /《个人信息出境标准合同办法》（以下简称《标准合同办法》）第八条/);
  });
  test("--fail-on refile and pathway: exit 1 with the report still printed; 0 when the gate is not met", () => {
    const r = xborder(["diff", a, b, "--fail-on", "refile"]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /--fail-on refile: crm/);
    assert.ok(r.stdout.length > 0);
    assert.equal(xborder(["diff", a, b, "--fail-on", "pathway"]).code, 0);
    assert.equal(xborder(["diff", a, b, "--fail-on", "nothing"]).code, 2);
  });
});
