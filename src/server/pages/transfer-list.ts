/**
 * The Data map page's transfers as a list: search, filters (pathway, country or region) and sorting
 * through a GET form, so it works without script and a filtered view is a link to pass on.
 */
import { html } from "hono/html";
import type { DataMap } from "../../engine/datamap.js";
import { PATHWAY_NAMES, regionName } from "../../engine/names.js";
import { PATHWAYS, type Pathway } from "../../engine/types.js";
import type { Lang } from "../../law/index.js";

export interface TransferRow {
  id: string;
  dataset: string;
  recipient: string;
  region: string;
  pathway?: Pathway;
  general: number;
  sensitive: number;
}

export interface TransferQuery {
  q?: string;
  pathway?: string;
  region?: string;
  sort?: string;
}

export const SORTS = ["id", "pathway", "region", "persons"] as const;

/** Rows shown at most; the count says how many matched, the search and filters narrow it. */
export const MAX_ROWS = 200;

/** Each transfer with its recipient's country or region and the pathway the assessment gave it. */
export function transferRows(map: DataMap, pathways: ReadonlyMap<string, Pathway>): TransferRow[] {
  const regionOf = new Map(map.recipients.map((r) => [r.id, r.region]));
  return map.transfers.map((t) => ({
    id: t.id,
    dataset: t.dataset,
    recipient: t.recipient,
    region: regionOf.get(t.recipient) ?? "",
    pathway: pathways.get(t.id),
    general: t.persons.general,
    sensitive: t.persons.sensitive,
  }));
}

/** The rows the query asks for: a search over id, dataset, recipient and place name; filters; a sort (persons: most first). */
export function filterTransfers(rows: TransferRow[], query: TransferQuery, lang: Lang): TransferRow[] {
  const q = (query.q ?? "").trim().toLowerCase();
  const hit = (r: TransferRow) =>
    [r.id, r.dataset, r.recipient, r.region, regionName(r.region, lang)].some((s) => s.toLowerCase().includes(q));
  const out = rows.filter(
    (r) => (!q || hit(r)) && (!query.pathway || r.pathway === query.pathway) && (!query.region || r.region === query.region),
  );
  const rank = (p?: Pathway) => (p ? PATHWAYS.indexOf(p) : -1);
  const by: Record<(typeof SORTS)[number], (a: TransferRow, b: TransferRow) => number> = {
    id: (a, b) => a.id.localeCompare(b.id),
    pathway: (a, b) => rank(b.pathway) - rank(a.pathway) || a.id.localeCompare(b.id),
    region: (a, b) =>
      regionName(a.region, lang).localeCompare(regionName(b.region, lang), lang === "zh" ? "zh-CN" : "en") || a.id.localeCompare(b.id),
    persons: (a, b) => b.general + b.sensitive - (a.general + a.sensitive) || a.id.localeCompare(b.id),
  };
  const sort = (SORTS as readonly string[]).includes(query.sort ?? "") ? (query.sort as (typeof SORTS)[number]) : "id";
  return out.sort(by[sort]);
}

export function transferList(rows: TransferRow[], query: TransferQuery, lang: Lang, base: string) {
  const zh = lang === "zh";
  const shown = filterTransfers(rows, query, lang);
  const regions = [...new Set(rows.map((r) => r.region))].sort();
  const sortNames: Record<(typeof SORTS)[number], string> = zh
    ? { id: "编号", pathway: "出境路径（从严到宽）", region: "国家或者地区", persons: "人数（从多到少）" }
    : { id: "ID", pathway: "pathway (strictest first)", region: "country or region", persons: "persons (most first)" };
  return html`<section class="card" id="transfer-list" aria-labelledby="transfer-list-h">
    <h2 id="transfer-list-h">${zh ? "出境活动列表" : "Transfers"}</h2>
    <form class="inline" method="get" action="${base}/datamap#transfer-list" role="search">
      <div><label for="tl-q">${zh ? "搜索" : "Search"}</label><input id="tl-q" name="q" type="search" value="${query.q ?? ""}" /></div>
      <div>
        <label for="tl-pathway">${zh ? "出境路径" : "Pathway"}</label
        ><select id="tl-pathway" name="pathway">
          <option value="">${zh ? "全部" : "all"}</option>
          ${PATHWAYS.map((p) => html`<option value="${p}" ${query.pathway === p ? "selected" : ""}>${PATHWAY_NAMES[p][lang]}</option>`)}
        </select>
      </div>
      <div>
        <label for="tl-region">${zh ? "国家或者地区" : "Country or region"}</label
        ><select id="tl-region" name="region">
          <option value="">${zh ? "全部" : "all"}</option>
          ${regions.map((r) => html`<option value="${r}" ${query.region === r ? "selected" : ""}>${regionName(r, lang)}</option>`)}
        </select>
      </div>
      <div>
        <label for="tl-sort">${zh ? "排序" : "Sort by"}</label
        ><select id="tl-sort" name="sort">
          ${SORTS.map((s) => html`<option value="${s}" ${query.sort === s ? "selected" : ""}>${sortNames[s]}</option>`)}
        </select>
      </div>
      <button type="submit">${zh ? "筛选" : "Filter"}</button>
    </form>
    <p class="muted" role="status">
      ${zh ? `${rows.length}项中的${shown.length}项` : `${shown.length} of ${rows.length}`}${
        shown.length > MAX_ROWS ? (zh ? `，显示前${MAX_ROWS}项（请搜索或者筛选）` : `, the first ${MAX_ROWS} shown (search or filter)`) : ""
      }
    </p>
    <div class="table-scroll" tabindex="0" role="group" aria-labelledby="transfer-list-h">
      <table class="transfers">
        <thead>
          <tr>
            <th>${zh ? "编号" : "ID"}</th>
            <th>${zh ? "出境路径" : "Pathway"}</th>
            <th>${zh ? "国家或者地区" : "Country or region"}</th>
            <th>${zh ? "人数（数据地图：一般／敏感）" : "Persons (data map: general / sensitive)"}</th>
            <th>${zh ? "数据集" : "Dataset"}</th>
            <th>${zh ? "境外接收方" : "Recipient"}</th>
          </tr>
        </thead>
        <tbody>
          ${shown.slice(0, MAX_ROWS).map(
            (r) =>
              html`<tr data-transfer="${r.id}">
                <td>${r.id}</td>
                <td>${r.pathway ? PATHWAY_NAMES[r.pathway][lang] : "—"}</td>
                <td>${regionName(r.region, lang)}</td>
                <td>${r.general.toLocaleString("en-US")} / ${r.sensitive.toLocaleString("en-US")}</td>
                <td>${r.dataset}</td>
                <td>${r.recipient}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
