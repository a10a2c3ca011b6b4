/**
 * The flow map (数据出境流向图): the processor → its datasets → each transfer → the recipients,
 * grouped by country or region, as one self-contained SVG string (no script, no external style).
 * Each transfer is one box coloured by its pathway (出境路径) and labelled with the pathway's
 * name and drawn with its own line pattern, so colour is never the only cue; a legend is inside.
 * The Data map page shows it; a document (e.g. the self-assessment report) can embed the same string.
 */
import type { DataMap } from "../engine/datamap.js";
import { PATHWAY_NAMES, regionName } from "../engine/names.js";
import type { Pathway } from "../engine/types.js";
import type { Lang } from "../law/index.js";

/** Colour-blind-safe hues (dark enough for text on white) and a dash pattern per pathway. */
export const PATHWAY_STYLE: Record<Pathway, { colour: string; tint: string; dash: string }> = {
  exempt: { colour: "#1b7837", tint: "#e3f2e5", dash: "" },
  standard_contract_or_certification: { colour: "#9a4a00", tint: "#fbead6", dash: "8 4" },
  security_assessment: { colour: "#1f4e9a", tint: "#e0e9f7", dash: "2 3" },
  prohibited: { colour: "#a50f15", tint: "#f9e0e0", dash: "12 3 2 3" },
};

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** Shorten a label to about `em` ems (a CJK character is one, a Latin letter about half). */
function fit(s: string, em: number): string {
  let w = 0;
  for (let i = 0; i < s.length; i++) {
    w += s.charCodeAt(i) > 0x2e80 ? 1 : 0.56;
    if (w > em) return `${s.slice(0, i)}…`;
  }
  return s;
}

export interface FlowMapOptions {
  lang: Lang;
  /** Prefix of the SVG's element ids, unique on the page that holds it. */
  idPrefix?: string;
  /** Transfers drawn at most (default 120): a larger map draws the first ones and says how many are left out. */
  max?: number;
}

const ROW = 52;
const COL = { processor: 10, datasets: 200, transfers: 410, recipients: 720 };
const WIDTH = 980;

/**
 * The flow map of a data map, each transfer coloured by the pathway the assessment gave it
 * (`pathways`: transfer id → pathway; a transfer without one is drawn as not assessed).
 */
export function flowMapSvg(map: DataMap, pathways: ReadonlyMap<string, Pathway>, opts: FlowMapOptions): string {
  const { lang } = opts;
  const id = opts.idPrefix ?? "flowmap";
  const zh = lang === "zh";
  const drawn = map.transfers.slice(0, opts.max ?? 120);
  const left = map.transfers.length - drawn.length;
  const used = (ids: string[]) => new Set(ids);
  const usedDatasets = used(drawn.map((t) => t.dataset));
  const usedRecipients = used(drawn.map((t) => t.recipient));
  const datasets = map.datasets.map((d) => d.id).filter((d) => !left || usedDatasets.has(d));
  const recipients = map.recipients.filter((r) => !left || usedRecipients.has(r.id));
  const byRegion = new Map<string, string[]>();
  for (const r of recipients) byRegion.set(r.region, [...(byRegion.get(r.region) ?? []), r.id]);
  const legendH = 36;
  const top = legendH + 34;
  // Recipients' rows: a heading row per country or region, then its recipients.
  const recipientY = new Map<string, number>();
  const regionRows: { region: string; y: number }[] = [];
  let row = 0;
  for (const [region, ids] of byRegion) {
    regionRows.push({ region, y: top + row * ROW });
    row += 0.6;
    for (const r of ids) recipientY.set(r, top + row++ * ROW);
  }
  const rows = Math.max(datasets.length, drawn.length, Math.ceil(row), 1);
  const height = top + rows * ROW + (left ? 40 : 10);
  const datasetY = new Map(datasets.map((d, i) => [d, top + i * ROW]));
  const processorY = top + ((Math.max(datasets.length, 1) - 1) * ROW) / 2;
  const box = (x: number, y: number, w: number, text: string, cls: string, fill = "#f6f7f9", stroke = "#5b6472") =>
    `<rect class="${cls}" x="${x}" y="${y}" width="${w}" height="40" rx="6" fill="${fill}" stroke="${stroke}"/>` +
    `<text x="${x + 10}" y="${y + 25}" font-size="13" fill="#1d232b">${esc(fit(text, (w - 20) / 13))}</text>`;
  const curve = (x1: number, y1: number, x2: number, y2: number, stroke: string, dash = "") =>
    `<path d="M${x1},${y1 + 20} C${(x1 + x2) / 2},${y1 + 20} ${(x1 + x2) / 2},${y2 + 20} ${x2},${y2 + 20}" fill="none" stroke="${stroke}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
  const out: string[] = [];
  const title = zh
    ? `${map.processor.name || "数据处理者"}的数据出境流向`
    : `Outbound data flows of ${map.processor.name || "the processor"}`;
  const desc = zh
    ? `${datasets.length}个数据集、${map.transfers.length}项出境活动、${map.recipients.length}个境外接收方；每项出境活动按出境路径着色并标注路径名称。`
    : `${datasets.length} datasets, ${map.transfers.length} transfers, ${map.recipients.length} recipients; each transfer is coloured and labelled by its pathway.`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="flow-map" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, 'Noto Sans CJK SC', sans-serif">`,
    `<title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>`,
  );
  // Legend: a swatch with its line pattern and the pathway's name.
  let lx = COL.processor;
  out.push(`<g class="legend">`);
  for (const p of Object.keys(PATHWAY_STYLE) as Pathway[]) {
    const s = PATHWAY_STYLE[p];
    const name = PATHWAY_NAMES[p][lang];
    out.push(
      `<g class="legend-item" data-pathway="${p}"><line x1="${lx}" y1="18" x2="${lx + 28}" y2="18" stroke="${s.colour}" stroke-width="3"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>` +
        `<text x="${lx + 34}" y="23" font-size="12" fill="${s.colour}">${esc(name)}</text></g>`,
    );
    lx += 40 + name.length * (zh ? 12 : 6.6);
  }
  out.push(`</g>`);
  const heads: [number, string][] = [
    [COL.processor, zh ? "数据处理者" : "Processor"],
    [COL.datasets, zh ? "数据集" : "Datasets"],
    [COL.transfers, zh ? "出境活动（出境路径）" : "Transfers (pathway)"],
    [COL.recipients, zh ? "境外接收方（按国家或者地区）" : "Recipients (by country or region)"],
  ];
  out.push(...heads.map(([x, h]) => `<text x="${x}" y="${legendH + 20}" font-size="13" font-weight="700" fill="#1d232b">${esc(h)}</text>`));
  // Processor → datasets.
  for (const y of datasetY.values()) out.push(curve(COL.processor + 170, processorY, COL.datasets, y, "#9aa3ae"));
  out.push(box(COL.processor, processorY, 170, map.processor.name || (zh ? "数据处理者" : "Processor"), "processor"));
  for (const [d, y] of datasetY) out.push(box(COL.datasets, y, 170, d, "dataset"));
  for (const { region, y } of regionRows) {
    out.push(
      `<text class="region" x="${COL.recipients}" y="${y + 14}" font-size="12" font-weight="700" fill="#3b4450">${esc(`${regionName(region, lang)} (${region})`)}</text>`,
    );
  }
  for (const r of recipients) out.push(box(COL.recipients, recipientY.get(r.id)!, 250, r.name || r.id, "recipient"));
  // Each transfer: dataset → its box → recipient, in its pathway's colour and pattern.
  drawn.forEach((t, i) => {
    const y = top + i * ROW;
    const p = pathways.get(t.id);
    const s = p ? PATHWAY_STYLE[p] : { colour: "#5b6472", tint: "#f6f7f9", dash: "1 3" };
    const name = p ? PATHWAY_NAMES[p][lang] : zh ? "未评估" : "not assessed";
    const dy = datasetY.get(t.dataset);
    const ry = recipientY.get(t.recipient);
    out.push(
      `<g class="transfer" data-transfer="${esc(t.id)}" data-pathway="${p ?? ""}"><title>${esc(`${t.id}: ${t.dataset} → ${t.recipient} — ${name}`)}</title>`,
      dy === undefined ? "" : curve(COL.datasets + 170, dy, COL.transfers, y, s.colour, s.dash),
      ry === undefined ? "" : curve(COL.transfers + 260, y, COL.recipients, ry, s.colour, s.dash),
      `<rect x="${COL.transfers}" y="${y - 4}" width="260" height="48" rx="6" fill="${s.tint}" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`,
      `<text x="${COL.transfers + 10}" y="${y + 14}" font-size="13" font-weight="700" fill="#1d232b">${esc(fit(t.id, 18))}</text>`,
      `<text class="pathway" x="${COL.transfers + 10}" y="${y + 34}" font-size="12" fill="${s.colour}">${esc(fit(name, 20))}</text>`,
      `</g>`,
    );
  });
  if (left) {
    const note = zh ? `另有${left}项出境活动未画出（见出境活动列表）` : `${left} more transfers not drawn (see the list of transfers)`;
    out.push(`<text class="left-out" x="${COL.transfers}" y="${height - 14}" font-size="13" fill="#3b4450">${esc(note)}</text>`);
  }
  out.push(`</svg>`);
  return out.join("");
}
