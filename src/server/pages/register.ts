/** The obligations register as table rows (the Deadlines page and the overview). */
import { html } from "hono/html";
import type { RegisterItem } from "../../engine/register/index.js";
import type { CitationWriter, Lang } from "../../law/index.js";
import { STATUS_NAMES } from "../../report/register.js";
import { citationLinks } from "./citations.js";

/** One duty; `w` is the page's citation writer (a Chinese page names an instrument in full once, then by its short name). */
export function itemRow(i: RegisterItem, lang: Lang, w: CitationWriter) {
  return html`<tr>
    <td>${i.due ?? i.on ?? "—"}</td>
    <td><span class="badge s-${i.status}">${STATUS_NAMES[i.status][lang]}</span></td>
    <td><strong>${i.action}</strong><br /><span class="muted">${i.trigger}${i.condition ? ` — ${i.condition}` : ""}</span></td>
    <td>${citationLinks(i.basis, lang, w)}</td>
  </tr>`;
}
