/**
 * What every answering page shows the same way: which counts it used (人数来源), the date it is for
 * (today in Asia/Shanghai by default; the map's own asOf one click away), and a transfer's pathway
 * as a badge that names the transfer (so a reader, or a test, can compare pages).
 */
import { html } from "hono/html";
import { countsSourceLine, type CountsSource } from "../../engine/counts-source.js";
import { PATHWAY_NAMES } from "../../engine/messages.js";
import type { Pathway } from "../../engine/types.js";
import type { MapDiff } from "../../engine/diff.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { citationLinks } from "./citations.js";
import { t } from "./i18n.js";

export const countsSourceNote = (s: CountsSource, lang: Lang) =>
  html`<p class="counts-source" data-counts-source="${s}">${countsSourceLine(s, lang)}</p>`;

export const pathwayBadge = (transfer: string, p: Pathway, lang: Lang) =>
  html`<span class="badge p-${p}" data-transfer="${transfer}" data-pathway="${p}">${PATHWAY_NAMES[p][lang]}</span>`;

/** The date form: a date, "show", and links to today and to the map's own date (where it has one). */
export function asOfForm(action: string, asOf: string, lang: Lang, mapAsOf?: string, hidden: Record<string, string> = {}) {
  const q = (d?: string) => {
    const p = new URLSearchParams(hidden);
    if (d) p.set("asOf", d);
    const s = p.toString();
    return s ? `${action}?${s}` : action;
  };
  return html`<form class="inline noprint" method="get" action="${action}">
    ${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <div><label for="asOf">${t(lang, "asOf")}</label><input id="asOf" name="asOf" type="date" value="${asOf}" /></div>
    <button type="submit">${t(lang, "show")}</button>
    <a href="${q()}">${t(lang, "today")}</a>
    ${mapAsOf ? html`<a href="${q(mapAsOf)}">${t(lang, "mapAsOf")} (${mapAsOf})</a>` : ""}
  </form>`;
}

const num = (x: number) => x.toLocaleString("en-US");

/** A changed value as a reader takes it: 64,000 (not 64000), persons as "general 64,000 · sensitive 0", lists joined. */
export function showValue(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return num(v);
  if (Array.isArray(v)) return v.map((x) => showValue(x, lang)).join(lang === "zh" ? "、" : ", ") || "—";
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.general === "number" && typeof o.sensitive === "number")
      return `${t(lang, "general")} ${num(o.general)} · ${t(lang, "sensitive")} ${num(o.sensitive)}`;
    return JSON.stringify(v);
  }
  return String(v);
}

/** The changes of a diff as a table: what, field, before → after. */
export function changesTable(changes: MapDiff["changes"], lang: Lang) {
  if (!changes.length) return html`<p>${t(lang, "none")}</p>`;
  return html`<table class="changes">
    <thead>
      <tr>
        <th scope="col">${t(lang, "what")}</th>
        <th scope="col">${t(lang, "field")}</th>
        <th scope="col">${t(lang, "before")}</th>
        <th scope="col">${t(lang, "after")}</th>
      </tr>
    </thead>
    <tbody>
      ${changes.map(
        (c) =>
          html`<tr data-change="${c.subject}:${c.id}${c.field ? `:${c.field}` : ""}">
            <td>${t(lang, c.kind)} ${t(lang, c.subject)} <code>${c.id}</code></td>
            <td>${c.field ? html`<code>${c.field}</code>` : "—"}</td>
            <td class="before">${c.kind === "added" ? "—" : showValue(c.before, lang)}</td>
            <td class="after">${c.kind === "removed" ? "—" : showValue(c.after, lang)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** What a change sets off, with citations. */
export function consequencesList(cs: MapDiff["consequences"], lang: Lang, w: CitationWriter) {
  return cs.length
    ? html`<ul class="consequences">
        ${cs.map((c) => html`<li data-consequence="${c.id}"><strong>${c.transfer}</strong>: ${c.description}${citationLinks(c.basis, lang, w)}</li>`)}
      </ul>`
    : html`<p>${t(lang, "none")}</p>`;
}

/** A diff's two cards: what changes (before → after) and what it sets off. */
export const changesAndConsequences = (d: MapDiff, lang: Lang) =>
  html`<section class="card">
      <h2>${t(lang, "changes")}</h2>
      ${changesTable(d.changes, lang)}
    </section>
    <section class="card">
      <h2>${t(lang, "consequences")}</h2>
      ${consequencesList(d.consequences, lang, new CitationWriter(lang))}
    </section>`;

/** Download links for an export (CSV and XLSX) of what the page shows, on the same date. */
export const exportLinks = (slug: string, kind: string, lang: Lang, asOf?: string) => {
  const q = new URLSearchParams({ lang, ...(asOf ? { asOf } : {}) }).toString();
  const href = (f: string) => `/api/v1/orgs/${slug}/exports/${kind}.${f}?${q}`;
  return html`<p class="noprint exports">
    ${t(lang, "export")}: <a href="${href("csv")}" download>CSV</a> · <a href="${href("xlsx")}" download>XLSX</a>
  </p>`;
};
