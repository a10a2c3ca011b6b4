/**
 * Free-trade-zone data-export negative lists (自贸试验区数据出境管理清单（负面清单）), one dated file
 * per zone edition in data/ftz/, validated on load like the holiday schedules: an error names the
 * file and the field. CBDF-2024 Art 6 exempts only within a list in force on the date, read with
 * its own scope (CBDF-2024 Art 6; docs/rules.md, Art 6 para 2; each file names its source). Every fact
 * carries its mark: official, secondary or unverified.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { isIsoDate, type IsoDate } from "../calendar/date.js";
import { formatPath } from "../text/field-path.js";
import { packageFile } from "../paths.js";

export const MARKS = ["official", "secondary", "unverified"] as const;
export type Mark = (typeof MARKS)[number];

const mark = z.enum(MARKS);
const text = z.string().min(1);
const date = z.string().refine(isIsoDate, { error: "expected a date YYYY-MM-DD" });
const bilingual = z.object({ zh: text, en: text });
const source = z.object({ url: text, mark, note: text.optional() });

const FtzListSchema = z.object({
  zone: z.string().regex(/^[a-z]+$/, { error: "expected a lower-case zone id" }),
  zoneName: bilingual,
  /** Other spellings a data map may use for `processor.ftz` (e.g. 天津). */
  aliases: z.array(text).default([]),
  /** GB/T 2260 province prefix: a processor registered elsewhere is not in the zone. */
  province: z.string().regex(/^\d{2}$/, { error: "expected a two-digit province code" }),
  edition: text,
  title: text,
  titleMark: mark.optional(),
  issuers: z.array(z.object({ name: text, mark })),
  published: z.object({ date, mark, note: text.optional() }),
  effective: z.object({ date: date.nullable(), mark, note: text.optional() }),
  /** classification: every sector in scope (Tianjin); scenario: only the sectors/scenarios listed. */
  structure: z.enum(["classification", "scenario"]),
  structureMark: mark.optional(),
  scope: z.object({
    /** zone: registered in the zone; city: anywhere in the province-level city (Beijing 2025). */
    registration: z.enum(["zone", "city"]),
    excludesCiio: z.object({ value: z.boolean(), mark, note: text.optional() }),
  }),
  procedure: z.object({
    /** The zone's own step before the list may be used: true, false, or null where unknown. */
    required: z.boolean().nullable(),
    mark,
    description: bilingual,
  }),
  sectors: z.union([z.literal("all"), z.array(z.object({ name: text, mark, scenarios: z.array(text).optional() }))]),
  classes: z.array(z.object({ name: text, mark })).optional(),
  rows: z.array(
    z.object({
      sector: text,
      scenario: text,
      item: text,
      mechanism: z.enum(["security_assessment", "standard_contract_or_certification", "unverified"]),
      importantData: z.boolean().nullable(),
      mark,
      source: text,
      note: text.optional(),
    }),
  ),
  unlisted: z.object({ zh: text, en: text, mark, source: text.optional() }),
  sources: z.array(source).min(1, { error: "a list needs at least one source" }),
  unverified: z.array(text),
});

export type FtzList = z.infer<typeof FtzListSchema> & {
  /** The first day the list can be relied on: its effective date, else its publication (§0). */
  from: IsoDate;
  file: string;
};

export class FtzListError extends Error {
  override name = "FtzListError";
}

/** Parse and check one list file; errors name the file and the field. */
export function parseFtzList(textIn: string, file: string): FtzList {
  let raw: unknown;
  try {
    raw = JSON.parse(textIn);
  } catch (e) {
    throw new FtzListError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const r = FtzListSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new FtzListError(`${file}: ${formatPath(i?.path ?? [])}: ${i?.message ?? "invalid"}`);
  }
  const l = r.data;
  if (l.effective.date !== null && l.effective.date < l.published.date) {
    throw new FtzListError(`${file}: effective.date: ${l.effective.date} is before published.date ${l.published.date}`);
  }
  return { ...l, from: l.effective.date ?? l.published.date, file };
}

/** The package's data/ftz. */
export const BUNDLED_FTZ_DIR = packageFile("data", "ftz");

let cache: readonly FtzList[] | undefined;

/** Every list edition: the bundled ones, then any in $XBORDER_FTZ_DIR (same zone and edition: theirs win). */
export function ftzLists(): readonly FtzList[] {
  if (!cache) {
    const byKey = new Map<string, FtzList>();
    for (const dir of [BUNDLED_FTZ_DIR, process.env.XBORDER_FTZ_DIR].filter((d): d is string => Boolean(d))) {
      for (const f of readdirSync(dir)
        .filter((x) => x.endsWith(".json"))
        .sort()) {
        const l = parseFtzList(readFileSync(join(dir, f), "utf8"), join(dir, f));
        byKey.set(`${l.zone}/${l.edition}`, l);
      }
    }
    cache = [...byKey.values()].sort((a, b) => a.zone.localeCompare(b.zone) || a.from.localeCompare(b.from));
  }
  return cache;
}

/** For tests: forget what was loaded. */
export function resetFtzLists(): void {
  cache = undefined;
}

/** The zone id a data map's `processor.ftz` names (its id or an alias), if any list knows it. */
export function zoneOf(ftz: string, lists: readonly FtzList[] = ftzLists()): string | undefined {
  const k = ftz.trim().toLowerCase();
  return lists.find((l) => l.zone === k || l.aliases.some((a) => a.toLowerCase() === k))?.zone;
}

/** The zone's newest edition that can be relied on on `asOf`, if any. */
export function listInForce(zone: string, asOf: IsoDate, lists: readonly FtzList[] = ftzLists()): FtzList | undefined {
  return lists.filter((l) => l.zone === zone && l.from <= asOf).at(-1);
}

/** The zone's first edition (for "no list yet on that date"). */
export function firstList(zone: string, lists: readonly FtzList[] = ftzLists()): FtzList | undefined {
  return lists.find((l) => l.zone === zone);
}

/** What `xborder ftz` shows: the lists that can be relied on on a date, and those not yet. */
export interface FtzStatus {
  asOf: IsoDate;
  inForce: Omit<FtzList, "file">[];
  notYet: { zone: string; edition: string; title: string; from: IsoDate }[];
}

export function ftzStatus(asOf: IsoDate, zone?: string, lists: readonly FtzList[] = ftzLists()): FtzStatus {
  const zones = [...new Set(lists.map((l) => l.zone))].filter((z) => zone === undefined || z === zone);
  const inForce: Omit<FtzList, "file">[] = [];
  const notYet: FtzStatus["notYet"] = [];
  for (const z of zones) {
    const current = listInForce(z, asOf, lists);
    if (current) {
      const { file: _file, ...rest } = current;
      inForce.push(rest);
    }
    for (const l of lists.filter((x) => x.zone === z && x.from > asOf)) {
      notYet.push({ zone: l.zone, edition: l.edition, title: l.title, from: l.from });
    }
  }
  return { asOf, inForce, notYet };
}
