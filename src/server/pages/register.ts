/** The obligations register as table rows (the Deadlines page and the overview). */
import { html } from "hono/html";
import type { RegisterItem } from "../../engine/register/index.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { STATUS_NAMES } from "../../report/register.js";
import { citationLinks } from "./citations.js";

export function itemRow(i: RegisterItem, lang: Lang) {
  return html`<tr>
    <td>${i.due ?? i.on ?? "—"}</td>
    <td><span class="badge s-${i.status}">${STATUS_NAMES[i.status][lang]}</span></td>
    <td><strong>${i.action}</strong><br /><span class="muted">${i.trigger}${i.condition ? ` — ${i.condition}` : ""}</span></td>
    <td>${citationLinks(i.basis, lang, new CitationWriter(lang))}</td>
  </tr>`;
}
