/** The flow map as SVG: one box per transfer in its pathway's colour and named, recipients under their country or region. */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { loadDataMap } from "../src/engine/load.js";
import { flowMapSvg, PATHWAY_STYLE } from "../src/report/flow-map.js";
import { filterTransfers, transferRows } from "../src/server/pages/transfer-list.js";
import { ROOT } from "./helpers.js";

describe("flowMapSvg", () => {
  const map = loadDataMap(join(ROOT, "examples/shenzhen-ecommerce.yaml"));
  const a = assess(map, { asOf: map.asOf!, lang: "zh" });
  const svg = flowMapSvg(map, new Map(a.transfers.map((t) => [t.id, t.pathway])), { lang: "zh" });
  test("one group per transfer, drawn in its pathway's colour with the pathway's name", () => {
    const groups = [...svg.matchAll(/<g class="transfer" data-transfer="([^"]+)" data-pathway="([^"]*)">([\s\S]*?)<\/g>/g)];
    assert.deepEqual(
      groups.map((g) => g[1]),
      map.transfers.map((t) => t.id),
    );
    for (const [, id, pathway, body] of groups) {
      const p = a.transfers.find((t) => t.id === id)!.pathway;
      assert.equal(pathway, p);
      assert.ok(body!.includes(`stroke="${PATHWAY_STYLE[p].colour}"`), `${id} in ${p}'s colour`);
      assert.match(body!, /<text class="pathway"[^>]*>(免予申报|订立标准合同|申报数据出境安全评估|禁止出境)/);
    }
  });
  test("recipients under their country or region by name; a legend; an accessible name", () => {
    assert.match(svg, /中国澳门特别行政区 \(MO\)/);
    assert.match(svg, /新加坡 \(SG\)/);
    assert.equal((svg.match(/class="legend-item"/g) ?? []).length, 4);
    assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="flowmap-title flowmap-desc"/);
  });
  test("text from the map is escaped", () => {
    const odd = { ...map, processor: { ...map.processor, name: "<A&B>" } };
    assert.match(flowMapSvg(odd, new Map(), { lang: "en" }), /&lt;A&amp;B&gt;/);
  });
});

describe("the transfers list's filters", () => {
  const map = loadDataMap(join(ROOT, "examples/shenzhen-ecommerce.yaml"));
  const a = assess(map, { asOf: map.asOf!, lang: "zh" });
  const rows = transferRows(map, new Map(a.transfers.map((t) => [t.id, t.pathway])));
  const ids = (q: Parameters<typeof filterTransfers>[1]) => filterTransfers(rows, q, "zh").map((r) => r.id);
  test("search by id, dataset, recipient or place name; filter by pathway and region", () => {
    assert.deepEqual(ids({ q: "澳门" }), ["analytics-mo", "delivery"]);
    assert.deepEqual(ids({ q: "ORDERS" }), ["delivery"]);
    assert.deepEqual(ids({ region: "SG" }), ["marketing-sg"]);
    assert.deepEqual(ids({ pathway: "exempt" }), ["delivery"]);
    assert.deepEqual(ids({ pathway: "prohibited" }), []);
  });
  test("sort: strictest pathway first, most persons first, unknown sort by id", () => {
    assert.equal(ids({ sort: "pathway" }).at(-1), "delivery");
    const persons = filterTransfers(rows, { sort: "persons" }, "zh").map((r) => r.general + r.sensitive);
    assert.deepEqual(
      persons,
      [...persons].sort((x, y) => y - x),
    );
    assert.deepEqual(ids({ sort: "nonsense" }), ["analytics-mo", "delivery", "marketing-sg"]);
  });
});

test("a large map draws its first transfers and says how many are left out", () => {
  const map = loadDataMap(join(ROOT, "examples/shenzhen-ecommerce.yaml"));
  const many = { ...map, transfers: Array.from({ length: 500 }, (_, i) => ({ ...map.transfers[i % 3]!, id: `t${i}` })) };
  const svg = flowMapSvg(many, new Map(), { lang: "zh", max: 100 });
  assert.equal((svg.match(/<g class="transfer"/g) ?? []).length, 100);
  assert.match(svg, /另有400项出境活动未画出/);
});
