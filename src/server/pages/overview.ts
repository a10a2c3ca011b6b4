/** Overview: the bands on the ledger's exact counts, the monthly trend (an SVG chart drawn here), deadlines, heavier-than-filed transfers. */
import { html } from "hono/html";
import { PATHWAY_NAMES } from "../../engine/messages.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import type { Overview } from "../service.js";
import { asOfForm, countsSourceNote, pathwayBadge } from "./answer.js";
import { t } from "./i18n.js";
import { itemRow } from "./register.js";
import { STATUS_NAMES } from "../../report/register.js";

const n = (x: number) => x.toLocaleString("en-US");

/** A line chart of the cumulative counts, month by month: two series, axes, labels. No script. */
export function trendChart(o: Overview, lang: Lang) {
  const pts = o.status.trend;
  const W = 720;
  const H = 240;
  const L = 70;
  const B = 30;
  const max = Math.max(1, ...pts.map((p) => p.general), ...pts.map((p) => p.sensitive));
  const x = (i: number) => L + (pts.length <= 1 ? 0 : (i * (W - L - 20)) / (pts.length - 1));
  const y = (v: number) => H - B - (v / max) * (H - B - 20);
  const line = (k: "general" | "sensitive") => pts.map((p, i) => `${i ? "L" : "M"}${x(i).toFixed(1)},${y(p[k]).toFixed(1)}`).join(" ");
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  const desc = pts.map((p) => `${p.date}: ${n(p.general)} / ${n(p.sensitive)}`).join("; ");
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${t(lang, "trend")}: ${desc}">
    ${ticks.map((v) => html`<line x1="${L}" x2="${W - 10}" y1="${y(v)}" y2="${y(v)}" stroke="#d7dce3" /><text x="${L - 6}" y="${y(v) + 4}" font-size="11" text-anchor="end" fill="#5a6472">${n(v)}</text>`)}
    ${pts.map((p, i) => html`<text x="${x(i)}" y="${H - 10}" font-size="11" text-anchor="middle" fill="#5a6472">${p.date.slice(5)}</text>`)}
    <path d="${line("general")}" fill="none" stroke="#0b5cad" stroke-width="2" />
    <path d="${line("sensitive")}" fill="none" stroke="#b42318" stroke-width="2" stroke-dasharray="5 3" />
    <text x="${L + 6}" y="14" font-size="12" fill="#0b5cad">— ${t(lang, "general")}</text>
    <text x="${L + 140}" y="14" font-size="12" fill="#b42318">- - ${t(lang, "sensitive")}</text>
  </svg>`;
}

/**
 * Reminders (提醒): the register's overdue duties and those due within 30 days, at the top of the
 * page a person lands on when they sign in.
 */
export function reminders(o: Overview, lang: Lang, base: string) {
  const overdue = o.upcoming.filter((i) => i.status === "overdue");
  const due = o.upcoming.filter((i) => i.status === "due");
  if (!overdue.length && !due.length) return "";
  const line = (i: Overview["upcoming"][number]) =>
    html`<li><span class="badge s-${i.status}">${STATUS_NAMES[i.status][lang]}</span> ${i.due} · ${i.action}</li>`;
  return html`<section class="card reminders" role="region" aria-labelledby="reminders-h">
    <h2 id="reminders-h">${t(lang, "reminders")}</h2>
    <p data-overdue="${overdue.length}" data-due="${due.length}">
      ${lang === "zh" ? `${overdue.length} 项义务已逾期，${due.length} 项将在30天内到期。` : `${overdue.length} overdue, ${due.length} due within 30 days.`}
    </p>
    <ul>
      ${[...overdue, ...due].map(line)}
    </ul>
    <p><a href="${base}/deadlines">${t(lang, "deadlines")} →</a></p>
  </section>`;
}

export function overviewBody(o: Overview, lang: Lang, base: string, mapAsOf?: string) {
  const w = new CitationWriter(lang);
  return html`${reminders(o, lang, base)} ${asOfForm(base, o.asOf, lang, mapAsOf)}
    <p class="muted">
      ${t(lang, "asOf")} ${o.asOf} · ${t(lang, "version")} ${o.version} · ${o.status.regime} (${o.status.window.from} –
      ${o.status.window.to})
    </p>
    ${countsSourceNote(o.countsSource, lang)}
    <section class="card">
      <h2>${t(lang, "pathways")}</h2>
      <ul class="pathways">
        ${o.pathways.map((p) => html`<li><a href="${base}/assessment?asOf=${o.asOf}#t-${p.transfer}">${p.transfer}</a> ${pathwayBadge(p.transfer, p.pathway, lang)}</li>`)}
      </ul>
    </section>
    <section class="card">
      <h2>${t(lang, "bands")}</h2>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">${t(lang, "band")}</th>
            <th scope="col" class="num">${t(lang, "counts")}</th>
            <th scope="col" class="num">${t(lang, "threshold")}</th>
            <th scope="col">${t(lang, "progress")}</th>
            <th scope="col">${t(lang, "status")}</th>
          </tr>
        </thead>
        <tbody>
          ${o.status.bands.map((b) => {
            const pct = Math.min(100, Math.floor((b.current / b.threshold) * 100));
            const meaning = lang === "zh" ? b.meaningZh : b.meaning;
            return html`<tr>
              <td>${meaning}</td>
              <td class="num">${n(b.current)}</td>
              <td class="num">${n(b.threshold)}</td>
              <td>
                <meter min="0" max="100" low="60" high="90" optimum="0" value="${pct}" aria-label="${meaning}: ${pct}%">${pct}%</meter>
                ${pct}%
              </td>
              <td>
                ${b.reached ? html`<strong class="s-overdue">${t(lang, "reached")}</strong>` : b.projected ? `${t(lang, "projected")} ${b.projected}` : t(lang, "notProjected")}
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
    </section>
    <section class="card">
      <h2>${t(lang, "trend")}</h2>
      ${trendChart(o, lang)}
    </section>
    <section class="card">
      <h2>${t(lang, "next90")}</h2>
      ${
        o.upcoming.length
          ? html`<table class="stack">
              <tbody>
                ${o.upcoming.map((i) => itemRow(i, lang, w))}
              </tbody>
            </table>`
          : html`<p>${t(lang, "none")}</p>`
      }
      <p><a href="${base}/deadlines">${t(lang, "deadlines")} →</a></p>
    </section>
    <section class="card">
      <h2>${t(lang, "heavier")}</h2>
      ${
        o.heavierThanFiled.length
          ? html`<table>
              <tbody>
                ${o.heavierThanFiled.map(
                  (h) =>
                    html`<tr>
                      <td><a href="${base}/assessment#t-${h.transfer}">${h.transfer}</a></td>
                      <td class="p-${h.pathway}">${PATHWAY_NAMES[h.pathway][lang]}</td>
                      <td class="muted">${h.filed.join(", ") || "—"}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p>${t(lang, "none")}</p>`
      }
    </section>`;
}
