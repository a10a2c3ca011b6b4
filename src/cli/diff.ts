import { isIsoDate, todayInShanghai } from "../calendar/date.js";
import { diffMaps } from "../engine/diff.js";
import { countLedger } from "../ledger/count.js";
import { withMapLedger } from "./assess.js";
import { loadDataMap } from "../engine/load.js";
import type { Lang } from "../law/index.js";
import { renderDiff } from "../report/diff.js";
import { EXIT, UsageError } from "./errors.js";

export interface DiffCliOptions {
  asOf?: string;
  format: string;
  lang: string;
  failOn?: string;
  ledger?: boolean;
  db?: string;
}

/** `xborder diff OLD NEW`: what the change sets off. Exit 1 when a --fail-on gate trips (the report is still printed). */
export async function runDiff(
  oldFile: string,
  newFile: string,
  o: DiffCliOptions,
  out: (s: string) => void,
  err: (s: string) => void,
): Promise<number> {
  if (!["text", "json", "markdown"].includes(o.format))
    throw new UsageError(`--format: expected text, json or markdown, got ${JSON.stringify(o.format)}`);
  if (o.lang !== "zh" && o.lang !== "en") throw new UsageError(`--lang: expected zh or en, got ${JSON.stringify(o.lang)}`);
  if (o.asOf !== undefined && !isIsoDate(o.asOf))
    throw new UsageError(`--as-of: expected a date YYYY-MM-DD, got ${JSON.stringify(o.asOf)}`);
  if (o.failOn !== undefined && o.failOn !== "refile" && o.failOn !== "pathway") {
    throw new UsageError(`--fail-on: expected refile or pathway, got ${JSON.stringify(o.failOn)}`);
  }
  const before = loadDataMap(oldFile);
  const after = loadDataMap(newFile);
  const asOf = o.asOf ?? after.asOf ?? todayInShanghai();
  // Both maps are judged with the counts of the ledger beside the new map, where it is used.
  const ledger = await withMapLedger(newFile, o, async (store) => {
    const [b, a] = [await countLedger(store, before, asOf), await countLedger(store, after, asOf)];
    return { before: { cumulative: b.cumulative, transfers: b.transfers }, after: { cumulative: a.cumulative, transfers: a.transfers } };
  });
  const d = diffMaps(before, after, { asOf, lang: o.lang as Lang, ledger });
  out(o.format === "json" ? `${JSON.stringify(d, null, 2)}\n` : renderDiff(d, o.lang as Lang, o.format === "markdown"));
  if ((o.failOn === "refile" && d.refile) || (o.failOn === "pathway" && d.heavier)) {
    err(
      `xborder: --fail-on ${o.failOn}: ${d.consequences
        .filter((c) => (o.failOn === "refile" ? c.id === "refile" : c.id === "pathway_heavier"))
        .map((c) => c.transfer)
        .join(", ")}\n`,
    );
    return EXIT.failure;
  }
  return EXIT.ok;
}
