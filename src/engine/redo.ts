/**
 * What a change during a filed route's term or validity sets off, and on what condition
 * (regulations.md §0: every conditional duty states its condition).
 * - Security assessment, SAM-2022 Art 14 para 2: a longer retention abroad is a re-declaration
 *   trigger as such (item 1); a change of purpose, manner, scope, types or the recipient's use only
 *   where it "影响出境数据安全" (item 1); the recipient country's law, force majeure, a change of
 *   actual control of the processor or the recipient, a changed legal document likewise (item 2);
 *   anything else affecting security (item 3) — the storage place is not in item 1, so it falls here.
 * - Standard contract, SCM-2023 Art 8: the listed changes (item 1) as such; the recipient country's
 *   law (item 2) and anything else (item 3) where it "可能影响个人信息权益".
 * - GBA contract, guideline Art 8: purpose, scope, types, manner, the recipient's use and a longer
 *   retention as such; anything else (the storage place and sensitivity are not listed) where it
 *   "影响或者可能影响个人信息权益".
 * A new recipient and data notified as important change the transfer itself: a redo on every route.
 */
import { type Bilingual, formatCitation, GBA_HK_2023, GBA_MO_2024, type Provision, SAM_2022, SCM_2023, zhItem } from "../law/index.js";
import { CHANGE_KINDS, type ChangeKind, type Filing } from "./datamap.js";
import { say } from "./messages.js";

/** A recorded kind of change, or one `xborder diff` sees that the list has no name for. */
export type RedoKind = ChangeKind | "recipient" | "important_data";
export type RedoRoute = Filing["type"];

/** SCM-2023 Art 8 item 1's list: the recorded kinds but the recipient's law, control and "other". */
const CHANGES_LISTED = CHANGE_KINDS.filter((k) => k !== "recipient_law" && k !== "control" && k !== "other");
/** The changes each route's article names as triggers in themselves (no condition attached). */
const AS_SUCH: Record<RedoRoute, readonly RedoKind[]> = {
  security_assessment: ["retention", "recipient", "important_data"],
  standard_contract: [...CHANGES_LISTED, "recipient", "important_data"],
  gba_standard_contract: [...CHANGES_LISTED.filter((k) => k !== "storage_place"), "recipient", "important_data"],
};

/** SAM-2022 Art 14 para 2: the item each conditional kind falls under. */
const SAM_ITEM: Partial<Record<RedoKind, number>> = {
  purpose: 1,
  scope: 1,
  types: 1,
  sensitivity: 1,
  manner: 1,
  recipient_use: 1,
  recipient_law: 2,
  control: 2,
};

/** The provision that says what a change sets off on a route (GBA: by the recipient's side). */
export function redoProvision(route: RedoRoute, recipientRegion: string | undefined): Provision {
  if (route === "security_assessment") return SAM_2022.provisions.art14_2;
  if (route === "standard_contract") return SCM_2023.provisions.art8;
  return recipientRegion === "HK" ? GBA_HK_2023.provisions.art8 : GBA_MO_2024.provisions.art8;
}

/**
 * The condition a redo carries, or undefined where some change is a trigger as such.
 * "re-declare if the change affects the security of the exported data (SAM-2022 Art 14(2)(1)/(3))".
 */
export function redoCondition(route: RedoRoute, kinds: readonly RedoKind[], redo: Provision): Bilingual | undefined {
  if (kinds.some((k) => AS_SUCH[route].includes(k))) return undefined;
  if (route === "security_assessment") {
    const items = [...new Set(kinds.map((k) => SAM_ITEM[k] ?? 3))].sort((a, b) => a - b);
    const c = redo.cite;
    const zh = `${formatCitation({ instrument: c.instrument, article: c.article, paragraph: c.paragraph }, "zh")}${items.map(zhItem).join("、")}`;
    const en = `${formatCitation({ instrument: c.instrument, article: c.article, paragraph: c.paragraph }, "en")}${items.map((i) => `(${i})`).join("/")}`;
    return say(`如变更影响出境数据安全（${zh}）`, `if the change affects the security of the exported data (${en})`);
  }
  const where = say(formatCitation(redo.cite, "zh"), formatCitation(redo.cite, "en"));
  return route === "standard_contract"
    ? say(`如可能影响个人信息权益（${where.zh}）`, `if it may affect individuals' rights in their PI (${where.en})`)
    : say(`如影响或者可能影响个人信息权益（${where.zh}）`, `if it affects or may affect individuals' rights in their PI (${where.en})`);
}
