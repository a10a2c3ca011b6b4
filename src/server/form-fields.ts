/**
 * The data map as forms: which fields each section shows and how a form's values are written back
 * into the saved text (the YAML document is edited in place, so comments and unknown fields stay).
 * The validation is the command line's: a wrong value comes back with its field path.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import { FILING_TYPES, LAWFUL_BASES, MANNERS, OUTCOMES, PURPOSES, SECTORS, SENSITIVE_CATEGORIES, SUBJECTS } from "../engine/datamap.js";
import {
  FILING_TYPE_NAMES,
  LAWFUL_BASIS_NAMES,
  MANNER_NAMES,
  OUTCOME_NAMES,
  PURPOSE_NAMES,
  RECIPIENT_KIND_NAMES,
  SECTOR_NAMES,
  SENSITIVE_NAMES,
  SUBJECT_NAMES,
} from "../engine/names.js";
import type { Bilingual } from "../law/index.js";

export type FieldKind = "text" | "int" | "date" | "flag" | "enum" | "multi" | "ref" | "region" | "division";

export interface FieldSpec {
  /** Dotted path inside the entry (e.g. `persons.general`). */
  name: string;
  kind: FieldKind;
  values?: readonly string[];
  /** For `enum` and `multi`: each value's name (src/engine/names.ts); the option's value stays the code. */
  names?: Record<string, Bilingual>;
  /** For `ref`: the section whose ids it takes. */
  ref?: "datasets" | "recipients" | "transfers";
}

export const SECTIONS = ["processor", "recipients", "datasets", "transfers", "filings"] as const;
export type Section = (typeof SECTIONS)[number];

const f = (name: string, kind: FieldKind, extra: Partial<FieldSpec> = {}): FieldSpec => ({ name, kind, ...extra });

export const FIELDS: Record<Section, FieldSpec[]> = {
  processor: [
    f("name", "text"),
    f("region", "division"),
    f("ciio", "flag"),
    f("ftz", "text"),
    f("ftzListFiled", "flag"),
    f("sector", "enum", { values: SECTORS, names: SECTOR_NAMES }),
    f("personsProcessed", "int"),
    f("cumulative.general", "int"),
    f("cumulative.sensitive", "int"),
    f("overTenMillionSince", "date"),
    f("protectionOfficer.reachedDate", "date"),
    f("protectionOfficer.designated", "flag"),
    f("protectionOfficer.reportedDate", "date"),
    f("dataSecurityOfficer", "flag"),
  ],
  recipients: [
    f("id", "text"),
    f("name", "text"),
    f("region", "region"),
    f("kind", "enum", { values: ["organization", "individual"], names: RECIPIENT_KIND_NAMES }),
  ],
  datasets: [
    f("id", "text"),
    f("personalInformation", "flag"),
    f("sensitive", "multi", { values: SENSITIVE_CATEGORIES, names: SENSITIVE_NAMES }),
    f("subjects", "multi", { values: SUBJECTS, names: SUBJECT_NAMES }),
    f("importantData", "flag"),
    f("coreData", "flag"),
    f("collectedAbroad", "flag"),
    f("domesticDataIntroduced", "flag"),
    f("inNegativeList", "flag"),
  ],
  transfers: [
    f("id", "text"),
    f("dataset", "ref", { ref: "datasets" }),
    f("recipient", "ref", { ref: "recipients" }),
    f("purpose", "enum", { values: PURPOSES, names: PURPOSE_NAMES }),
    f("necessary", "flag"),
    f("lawfulBasis", "enum", { values: LAWFUL_BASES, names: LAWFUL_BASIS_NAMES }),
    f("labourRules", "flag"),
    f("collectiveContract", "flag"),
    f("persons.general", "int"),
    f("persons.sensitive", "int"),
    f("manner", "enum", { values: MANNERS, names: MANNER_NAMES }),
    f("storagePlace", "text"),
    f("recipientUse", "text"),
    f("retentionAbroad", "int"),
    f("onwardOutsideGBA", "flag"),
    f("ftzCovered", "flag"),
    f("sector", "enum", { values: SECTORS, names: SECTOR_NAMES }),
    f("startDate", "date"),
    f("pipiaDate", "date"),
    f("noticeGiven", "flag"),
    f("consentObtained", "flag"),
  ],
  filings: [
    f("type", "enum", { values: FILING_TYPES, names: FILING_TYPE_NAMES }),
    f("transfer", "ref", { ref: "transfers" }),
    f("effectiveDate", "date"),
    f("endDate", "date"),
    f("filedDate", "date"),
    f("submittedDate", "date"),
    f("acceptedDate", "date"),
    f("resultDate", "date"),
    f("outcome", "enum", { values: OUTCOMES, names: OUTCOME_NAMES }),
  ],
};

export const isSection = (s: string): s is Section => (SECTIONS as readonly string[]).includes(s);

/** The value a form sends for a field, as the data map holds it; undefined means "leave it out". */
function valueOf(spec: FieldSpec, raw: string | string[] | undefined): unknown {
  if (spec.kind === "multi") return ([] as string[]).concat(raw ?? []).filter(Boolean);
  const s = typeof raw === "string" ? raw.trim() : Array.isArray(raw) ? (raw[0] ?? "").trim() : "";
  if (s === "") return undefined;
  if (spec.kind === "flag") return s === "true" ? true : s === "false" ? false : s;
  if (spec.kind === "int") return /^-?\d+$/.test(s) ? Number(s) : s; // a wrong number goes to the validation as it is
  return s;
}

/**
 * Write a section's form into the map's text. Fields are named `<row>.<field>` (`processor`:
 * `<field>`). The row after the last is a new one, added when any of its fields is filled; rows
 * marked `<row>._remove` are removed.
 */
export function applyForm(text: string, section: Section, form: Record<string, string | string[] | undefined>): string {
  const doc = parseDocument(text);
  const specs = FIELDS[section];
  const setField = (base: (string | number)[], spec: FieldSpec) => {
    const path = [...base, ...spec.name.split(".")];
    const key = base.length === 1 ? spec.name : `${base[1]}.${spec.name}`;
    const v = valueOf(spec, form[key]);
    if (v === undefined || (Array.isArray(v) && v.length === 0 && !doc.hasIn(path))) {
      if (doc.hasIn(path)) doc.deleteIn(path);
      const parent = path.slice(0, -1);
      const node = parent.length > base.length ? doc.getIn(parent) : undefined;
      if (node && isMap(node) && (node as YAMLMap).items.length === 0) doc.deleteIn(parent);
      return;
    }
    doc.setIn(path, doc.createNode(v));
  };
  if (section === "processor") {
    if (!isMap(doc.get("processor"))) doc.set("processor", doc.createNode({}));
    for (const spec of specs) setField(["processor"], spec);
    return doc.toString();
  }
  if (!isSeq(doc.get(section))) doc.set(section, doc.createNode([]));
  const seq = doc.get(section) as { items: unknown[] };
  const rows = seq.items.length;
  const filled = specs.some((spec) => {
    const v = valueOf(spec, form[`${rows}.${spec.name}`]);
    return v !== undefined && !(Array.isArray(v) && v.length === 0);
  });
  if (filled) seq.items.push(doc.createNode({}));
  for (let i = 0; i < seq.items.length; i++) for (const spec of specs) setField([section, i], spec);
  for (let i = rows - 1; i >= 0; i--) if (form[`${i}._remove`] === "1") doc.deleteIn([section, i]);
  return doc.toString();
}
