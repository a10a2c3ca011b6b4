/** Instants as a team in China reads them: stored in UTC (ISO 8601), shown in Asia/Shanghai (UTC+8). */
import { html } from "hono/html";

const FORMAT = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** "2026-12-08 07:26:05" for 2026-12-07T23:26:05Z. */
export const shanghaiTime = (iso: string | Date): string => FORMAT.format(new Date(iso));

/** A `<time>` element: the instant in UTC for machines, in Asia/Shanghai for people. */
export const when = (iso: string | Date) => {
  const d = new Date(iso);
  return html`<time datetime="${d.toISOString()}">${shanghaiTime(d)} <span class="muted">UTC+8</span></time>`;
};
