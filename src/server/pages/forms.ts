/** A section of the data map as a form: one fieldset per entry, the new entry last, each field's error beside it. */
import { html } from "hono/html";
import type { DataMap } from "../../engine/datamap.js";
import { divisionEntries, regionName } from "../../engine/names.js";
import type { Lang } from "../../law/index.js";
import { fieldWords } from "../field-labels.js";
import { fieldMessage } from "../field-messages.js";
import { FIELDS, type FieldSpec, SECTIONS, type Section } from "../form-fields.js";
import { t } from "./i18n.js";
import { csrfField, type PageContext } from "./layout.js";

const LABELS: Record<Section, [string, string]> = {
  processor: ["处理者", "Processor"],
  recipients: ["境外接收方", "Recipients"],
  datasets: ["数据集", "Datasets"],
  transfers: ["出境活动", "Transfers"],
  filings: ["申报与备案", "Filings"],
};

export const sectionLabel = (s: Section, lang: "zh" | "en") => LABELS[s][lang === "zh" ? 0 : 1];

const get = (entry: unknown, name: string): unknown =>
  name.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), entry);

/** ISO 3166-1 alpha-2 codes the runtime names (美国, 新加坡), Hong Kong, Macao and Taiwan as regions of China. */
let isoCodes: string[] | undefined;
function countryCodes(): string[] {
  if (!isoCodes) {
    const en = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
    isoCodes = [];
    for (let a = 65; a <= 90; a++)
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        if (!["EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "CN"].includes(code) && en.of(code)) isoCodes.push(code);
      }
  }
  return isoCodes;
}

/** The pickers' choices (searchable by name as the user types): countries and regions, mainland divisions. */
function datalists(lang: Lang, section: Section) {
  if (section === "recipients")
    return html`<datalist id="regions">${countryCodes().map((c) => html`<option value="${c}">${regionName(c, lang)}</option>`)}</datalist>`;
  if (section === "processor")
    return html`<datalist id="divisions">
      ${divisionEntries()
        .filter(([c]) => c.endsWith("00"))
        .map(([c, n]) => html`<option value="${c}">${n}</option>`)}
    </datalist>`;
  return "";
}

function input(spec: FieldSpec, key: string, value: unknown, map: DataMap, error: string | undefined, lang: Lang, section: Section) {
  const id = `f-${key.replace(/\./g, "-")}`;
  const words = fieldWords(section, spec.name);
  const shown = value === undefined || value === null ? "" : String(value);
  const place = (spec.kind === "region" || spec.kind === "division") && shown ? regionName(shown, lang) : "";
  const described = [words ? `${id}-help` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  const invalid = html`${error ? html` aria-invalid="true"` : ""}${described ? html` aria-describedby="${described}"` : ""}`;
  const name = (o: string) => (spec.names?.[o] ? spec.names[o][lang] : o);
  let control;
  switch (spec.kind) {
    case "flag":
      control = html`<select id="${id}" name="${key}" ${invalid}>
        <option value="" ${value === undefined ? "selected" : ""}>—</option>
        <option value="true" ${value === true ? "selected" : ""}>${lang === "zh" ? "是" : "yes"}</option>
        <option value="false" ${value === false ? "selected" : ""}>${lang === "zh" ? "否" : "no"}</option>
      </select>`;
      break;
    case "region":
    case "division":
      control = html`<input
        id="${id}"
        name="${key}"
        type="text"
        value="${shown}"
        list="${spec.kind === "region" ? "regions" : "divisions"}"
        autocomplete="off"
        ${invalid}
      />`;
      break;
    case "enum":
    case "ref": {
      const options = spec.kind === "enum" ? (spec.values ?? []) : (map[spec.ref!] as { id: string }[]).map((x) => x.id);
      control = html`<select id="${id}" name="${key}" ${invalid}>
        <option value="">—</option>
        ${options.map((o) => html`<option value="${o}" ${o === shown ? "selected" : ""}>${name(o)}</option>`)}
        ${shown && !options.includes(shown) ? html`<option value="${shown}" selected>${shown}</option>` : ""}
      </select>`;
      break;
    }
    case "multi": {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      control = html`<select id="${id}" name="${key}" multiple size="${Math.min(8, spec.values?.length ?? 4)}" ${invalid}>
        ${(spec.values ?? []).map((o) => html`<option value="${o}" ${chosen.includes(o) ? "selected" : ""}>${name(o)}</option>`)}
      </select>`;
      break;
    }
    default:
      control = html`<input
        id="${id}"
        name="${key}"
        type="${spec.kind === "date" ? "date" : "text"}"
        value="${shown}"
        ${spec.kind === "int" ? html` inputmode="numeric"` : ""}${invalid}
      />`;
  }
  return html`<div class="field${error ? " has-error" : ""}">
    <label for="${id}">${words ? words.label[lang] : ""} <code class="muted">${spec.name}</code></label
    >${control}${words ? html`<p class="help muted" id="${id}-help">${words.help[lang]}${place && place !== shown ? html` · ${place}` : ""}</p>` : ""}${
      error ? html`<p class="field-error" id="${id}-err">${fieldMessage(error, lang)}</p>` : ""
    }
  </div>`;
}

export function sectionForm(
  ctx: PageContext,
  base: string,
  section: Section,
  map: DataMap,
  raw: Record<string, unknown>,
  errors: Map<string, string>,
  general?: string,
  baseVersion?: number,
) {
  const lang = ctx.lang;
  const specs = FIELDS[section];
  const nav = html`<p class="noprint">
    ${SECTIONS.map((s) => (s === section ? html`<strong>${sectionLabel(s, lang)}</strong> ` : html`<a href="${base}/datamap/edit/${s}">${sectionLabel(s, lang)}</a> `))}
    · <a href="${base}/datamap">YAML / JSON</a>
  </p>`;
  const fieldset = (entry: unknown, prefix: string, legend: string, removable: boolean) =>
    html`<fieldset class="entry">
      <legend>${legend}</legend>
      <div class="fields">
        ${specs.map((spec) => input(spec, `${prefix}${spec.name}`, get(entry, spec.name), map, errors.get(`${prefix}${spec.name}`), lang, section))}
      </div>
      ${removable ? html`<label class="remove"><input type="checkbox" name="${prefix}_remove" value="1" /> ${t(lang, "remove")}</label>` : ""}
    </fieldset>`;
  const rows = section === "processor" ? [] : ((raw[section] as unknown[] | undefined) ?? []);
  return html`${nav}
    ${
      errors.size || general
        ? html`<div class="errors" role="alert">
            <strong>${t(lang, "fieldError")}</strong>${general ? html`<p>${general}</p>` : ""}
            <ul>
              ${[...errors].map(
                ([k, m]) =>
                  html`<li>
                    <a href="#f-${k.replace(/\./g, "-")}"
                      >${section === "processor" ? `processor.${k}` : k.replace(/^(\d+)\./, `${section}[$1].`)}</a
                    >: ${fieldMessage(m, lang)}
                  </li>`,
              )}
            </ul>
          </div>`
        : ""
    }
    <form id="section-form" method="post" action="${base}/datamap/edit/${section}">
      ${csrfField(ctx)} ${baseVersion === undefined ? "" : html`<input type="hidden" name="base" value="${baseVersion}" />`}
      ${
        section === "processor"
          ? fieldset(raw.processor, "", sectionLabel(section, lang), false)
          : html`${rows.map((entry, i) => fieldset(entry, `${i}.`, `${sectionLabel(section, lang)} ${i + 1}${get(entry, "id") ? ` — ${get(entry, "id")}` : ""}`, true))}
            ${fieldset({}, `${rows.length}.`, lang === "zh" ? "新增" : "New", false)}`
      }
      <button type="submit">${t(lang, "save")}</button>
      ${datalists(lang, section)}
    </form>`;
}
