import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { loadDataMap } from "../engine/load.js";
import { buildRegister } from "../engine/register/index.js";
import type { Lang } from "../law/index.js";
import { renderRegister } from "../report/register.js";
import { registerToIcs } from "../report/register-ics.js";
import { ledgerCounts } from "./assess.js";
import { EXIT, UsageError } from "./errors.js";

export interface ObligationsCliOptions {
  asOf?: string;
  format: string;
  lang: string;
  failOn?: string;
  ledger?: boolean;
  db?: string;
  changedFrom?: string;
}

/** `xborder obligations MAP`: the register; exit 1 with --fail-on overdue when a duty is overdue (the register is still printed). */
export async function runObligations(
  file: string,
  o: ObligationsCliOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!["text", "json", "ics"].includes(o.format))
    throw new UsageError(`--format: expected text, json or ics, got ${JSON.stringify(o.format)}`);
  if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(o.lang)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  if (o.failOn !== undefined && o.failOn !== "overdue")
    throw new UsageError(`--fail-on: expected overdue, got ${JSON.stringify(o.failOn)}`);
  const map = loadDataMap(file);
  const changedFrom = o.changedFrom !== undefined ? loadDataMap(o.changedFrom) : undefined;
  const asOf = o.asOf ?? map.asOf ?? todayInShanghai();
  const lang = o.lang as Lang;
  const register = buildRegister(map, { asOf, lang, ledger: await ledgerCounts(file, map, asOf, o), changedFrom });
  out(
    o.format === "json"
      ? `${JSON.stringify(register, null, 2)}\n`
      : o.format === "ics"
        ? registerToIcs(register)
        : renderRegister(register),
  );
  const overdue = register.items.filter((i) => i.status === "overdue");
  if (o.failOn === "overdue" && overdue.length) {
    err(`xborder: --fail-on overdue: ${overdue.map((i) => `${i.id} (${i.due})`).join(", ")}\n`);
    return EXIT.failure;
  }
  return EXIT.ok;
}
