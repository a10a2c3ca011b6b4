/** The deadlines as month grids on China's working-day calendar: days off shaded, make-up working days marked, each dated duty in its day. */
import { html } from "hono/html";
import { addDays, type IsoDate, weekday } from "../../calendar/date.js";
import type { Calendar } from "../../calendar/working-days.js";
import type { RegisterItem } from "../../engine/register/index.js";
import type { Lang } from "../../law/index.js";

const WEEK = { zh: ["一", "二", "三", "四", "五", "六", "日"], en: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] };

function monthGrid(first: IsoDate, items: readonly RegisterItem[], calendar: Calendar, lang: Lang, today: IsoDate) {
  const month = first.slice(0, 7);
  const lead = (weekday(first) + 6) % 7; // Monday first
  const cells: (IsoDate | undefined)[] = Array.from({ length: lead }, () => undefined);
  for (let d = first; d.slice(0, 7) === month; d = addDays(d, 1)) cells.push(d);
  while (cells.length % 7) cells.push(undefined);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const title = lang === "zh" ? `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月` : month;
  return html`<table class="month">
    <caption>
      ${title}
    </caption>
    <thead>
      <tr>
        ${WEEK[lang].map((w) => html`<th scope="col">${w}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (w) =>
          html`<tr>
            ${w.map((d, i) => {
              if (!d) return html`<td class="empty"></td>`;
              const working = calendar.isWorkingDay(d);
              const makeUp = working && i >= 5;
              const due = items.filter((x) => x.due === d);
              const cls = [working ? "" : "off", makeUp ? "makeup" : "", d === today ? "today" : ""].filter(Boolean).join(" ");
              return html`<td class="${cls}">
                <span class="day">${Number(d.slice(8))}${makeUp ? (lang === "zh" ? " 班" : " work") : ""}</span>
                ${due.map((x) => html`<span class="badge s-${x.status}" title="${x.action} — ${x.trigger}">${x.kind}</span>`)}
              </td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** `months` grids from the as-of date's month. */
export function calendarBody(asOf: IsoDate, items: readonly RegisterItem[], calendar: Calendar, lang: Lang, months = 3) {
  const grids = [];
  let y = Number(asOf.slice(0, 4));
  let m = Number(asOf.slice(5, 7));
  for (let i = 0; i < months; i++) {
    grids.push(monthGrid(`${y}-${String(m).padStart(2, "0")}-01`, items, calendar, lang, asOf));
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  return html`<div class="months">${grids}</div>`;
}
