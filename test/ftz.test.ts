/**
 * CBDF-2024 Art 6, zone by zone and date by date (regulations.md §0; ftz-negative-lists.md):
 * every list edition in data/ftz is tested the day before and the day it can be relied on, and
 * each of the five conditions is tested failing on its own.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import { addDays } from "../src/calendar/date.js";
import { assess } from "../src/engine/assess.js";
import { ftzLists, FtzListError, parseFtzList, resetFtzLists, zoneOf } from "../src/law/ftz.js";
import { mapOf, xborder } from "./helpers.js";

const lists = ftzLists();
const ART6 = { instrument: "CBDF-2024", article: 6, paragraph: 2 };

/** A processor of `zone` that meets every condition, sending 3,000,000 people's PI (an assessment without Art 6). */
function transferIn(
  zone: string,
  province: string,
  asOf: string,
  processor: Record<string, unknown> = {},
  transfer: Record<string, unknown> = {},
  dataset: Record<string, unknown> = {},
) {
  const m = mapOf({ ftz: zone, region: `${province}0101`, ftzListFiled: true, ...processor }, [
    { general: 3_000_000, transfer: { ftzCovered: true, ...transfer }, dataset },
  ]);
  const t = assess(m, { asOf }).transfers[0];
  assert.ok(t);
  return t;
}

describe("the bundled lists", () => {
  test("one file per zone edition, every one with a source and dates; the zones of the research note", () => {
    assert.deepEqual([...new Set(lists.map((l) => l.zone))].sort(), [
      "beijing",
      "chongqing",
      "fujian",
      "guangxi",
      "hainan",
      "jiangsu",
      "shanghai",
      "tianjin",
      "zhejiang",
    ]);
    for (const l of lists) assert.ok(l.sources.length > 0 && l.from >= l.published.date, l.file);
    assert.equal(zoneOf("天津"), "tianjin");
    assert.equal(zoneOf("Guangdong"), undefined, "no Guangdong list confirmed");
  });
  for (const l of lists) {
    test(`${l.zone} ${l.edition}: not on ${addDays(l.from, -1)}, yes on ${l.from}`, () => {
      const before = transferIn(l.zone, l.province, addDays(l.from, -1));
      const earlier = lists.find((x) => x.zone === l.zone && x.from < l.from);
      if (earlier) {
        // the day before, the earlier edition still applies
        assert.match(before.explanation.join("\n"), new RegExp(earlier.zoneName.en.replace(/[()]/g, "\\$&")));
      } else {
        assert.equal(before.pathway, "security_assessment");
        assert.ok(before.explanation.some((e) => /no negative list in force \(its first applies from/.test(e)));
      }
      const on = transferIn(l.zone, l.province, l.from);
      assert.equal(on.pathway, "exempt", on.explanation.join("\n"));
      assert.deepEqual(on.basis, [ART6]);
      assert.equal(on.counted, false, "Q&A Q11");
      assert.ok(
        on.explanation.some((e) => e.includes(`(from ${l.from})`)),
        "names the edition relied on",
      );
    });
  }
});

describe("each condition, failing on its own (Tianjin and Beijing, 2026-06-30)", () => {
  const asOf = "2026-06-30";
  test("a zone with no known list: national rules, Q&A Q8", () => {
    const t = transferIn("guangdong", "44", asOf);
    assert.equal(t.pathway, "security_assessment");
    assert.ok(t.explanation.some((e) => /No negative list is known for the "guangdong" zone.*Q&A Q8/.test(e)));
  });
  test("registered outside the zone's province", () => {
    const t = transferIn("tianjin", "12", asOf, { region: "310115" });
    assert.equal(t.pathway, "security_assessment");
    assert.ok(t.explanation.some((e) => /registered in 310115, outside the China \(Tianjin\)/.test(e)));
  });
  test("a CIIO", () => {
    const t = transferIn("tianjin", "12", asOf, { ciio: true });
    assert.equal(t.pathway, "security_assessment");
    assert.ok(t.explanation.some((e) => /A CIIO cannot use a zone's negative list/.test(e)));
  });
  test("a scenario list and a transfer not shown to be covered (absent, then false); Tianjin's list covers every sector", () => {
    const absent = transferIn("beijing", "11", asOf, {}, { ftzCovered: undefined });
    assert.equal(absent.pathway, "security_assessment");
    assert.ok(absent.explanation.some((e) => /declare ftzCovered: true/.test(e)));
    const no = transferIn("beijing", "11", asOf, {}, { ftzCovered: false });
    assert.ok(no.explanation.some((e) => /not among those .* covers: outside them the national duties are unchanged/.test(e)));
    assert.equal(transferIn("tianjin", "12", asOf, {}, { ftzCovered: undefined }).pathway, "exempt");
  });
  test("a listed row", () => {
    const t = transferIn("tianjin", "12", asOf, {}, {}, { inNegativeList: true });
    assert.equal(t.pathway, "security_assessment");
    assert.equal(t.counted, true);
    assert.ok(t.explanation.some((e) => /The data is on /.test(e)));
  });
  test("the zone's procedure not done (Beijing's filing with its FTZ cluster)", () => {
    const t = transferIn("beijing", "11", asOf, { ftzListFiled: undefined });
    assert.equal(t.pathway, "security_assessment");
    assert.ok(t.explanation.some((e) => /declare processor.ftzListFiled: true once it is/.test(e)));
    assert.equal(transferIn("tianjin", "12", asOf, { ftzListFiled: undefined }).pathway, "exempt", "Tianjin: no such step found");
  });
  test("important data and core data are never lifted by a zone's list", () => {
    assert.equal(transferIn("tianjin", "12", asOf, {}, {}, { importantData: true }).pathway, "security_assessment");
    assert.equal(transferIn("tianjin", "12", asOf, {}, {}, { coreData: true }).pathway, "prohibited");
  });
  test("the notice says the same as the pathway", () => {
    const none = assess(mapOf({ ftz: "tianjin", region: "120116" }, [{ general: 10 }]), { asOf: "2024-05-08" });
    assert.ok(
      none.notices.some((n) => /no negative list in force on this date: every transfer is decided under the national rules/.test(n)),
    );
    assert.ok(!none.notices.some((n) => /is exempt/.test(n)));
    const some = assess(mapOf({ ftz: "tianjin", region: "120116" }, [{ general: 10 }]), { asOf });
    assert.ok(some.notices.some((n) => /Art 6 exempts only where each of its conditions holds/.test(n)));
  });
  test("Beijing's 2025 list is city-wide: a Beijing processor without `ftz` is told how to use it", () => {
    const a = assess(mapOf({ region: "110105" }, [{ general: 10 }]), { asOf });
    assert.ok(a.notices.some((n) => /applies city-wide in Beijing/.test(n)));
    assert.ok(!assess(mapOf({ region: "110105" }, [{ general: 10 }]), { asOf: "2026-05-10" }).notices.some((n) => /city-wide/.test(n)));
  });
});

describe("list files are validated on load", () => {
  test("an error names the file and the field", () => {
    assert.throws(
      () => parseFtzList(JSON.stringify({ zone: "x" }), "x.json"),
      (e: Error) => e instanceof FtzListError && /^x\.json: zoneName: /.test(e.message),
    );
    const good = JSON.parse(JSON.stringify(lists[0]));
    good.effective.date = "2000-01-01";
    assert.throws(() => parseFtzList(JSON.stringify(good), "y.json"), /y\.json: effective\.date: 2000-01-01 is before published\.date/);
    assert.throws(() => parseFtzList("{", "z.json"), /z\.json: not valid JSON/);
  });
  test("XBORDER_FTZ_DIR adds or replaces an edition without changing the package", () => {
    const dir = mkdtempSync(join(tmpdir(), "xborder-ftz-"));
    const guangdong = { ...JSON.parse(JSON.stringify(lists[0])), zone: "guangdong", aliases: ["广东"], province: "44", edition: "2027" };
    guangdong.published.date = "2027-01-05";
    guangdong.effective.date = "2027-01-05";
    delete guangdong.from;
    delete guangdong.file;
    writeFileSync(join(dir, "guangdong-2027.json"), JSON.stringify(guangdong));
    process.env.XBORDER_FTZ_DIR = dir;
    resetFtzLists();
    try {
      assert.equal(transferIn("guangdong", "44", "2027-01-05").pathway, "exempt");
      assert.equal(transferIn("guangdong", "44", "2027-01-04").pathway, "security_assessment");
    } finally {
      delete process.env.XBORDER_FTZ_DIR;
      resetFtzLists();
    }
  });
});

describe("xborder ftz", () => {
  test("lists in force on a date, with sources and what is unverified; JSON and both languages", () => {
    const r = xborder(["ftz", "--as-of", "2025-03-01", "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as {
      asOf: string;
      inForce: { zone: string; edition: string; sources: unknown[]; unverified: string[] }[];
      notYet: { zone: string }[];
    };
    assert.deepEqual(
      out.inForce.map((l) => `${l.zone}/${l.edition}`),
      ["beijing/2024", "hainan/2024", "shanghai/2024", "tianjin/2024"],
    );
    assert.ok(out.inForce.every((l) => l.sources.length > 0 && Array.isArray(l.unverified)));
    assert.ok(out.notYet.some((l) => l.zone === "fujian"));
    const zh = xborder(["ftz", "--as-of", "2026-06-30", "--lang", "zh", "--zone", "beijing"]);
    assert.equal(zh.code, 0, zh.stderr);
    assert.match(zh.stdout, /中国（北京）自由贸易试验区和国家服务业扩大开放综合示范区数据出境管理清单/);
    assert.match(zh.stdout, /未核实/);
    const bad = xborder(["ftz", "--as-of", "2026-13-01"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--as-of: expected a date/);
  });
});
