/**
 * The assessment (contracts §2): for each transfer its pathway, options, whether it counts,
 * the provisions that decide it, the obligations that follow and why; plus filing deadlines.
 * Pure: a data map and a date in, plain data out.
 */
import type { IsoDate } from "../calendar/date.js";
import type { Calendar } from "../calendar/working-days.js";
import { citationOf, type Lang, PIPL } from "../law/index.js";
import type { DataMap } from "./datamap.js";
import { deadlinesFor } from "./deadlines.js";
import { notices } from "./notices.js";
import { obligationsFor, processorObligations } from "./obligations.js";
import { regimeOn, type TransferContext } from "./regimes/index.js";
import type { Assessment, Counts, Decision, Option, TransferAssessment } from "./types.js";

export interface AssessOptions {
  asOf: IsoDate;
  lang?: Lang;
  /** De-duplicated counts from the ledger; replaces the map's persons and processor.cumulative. */
  ledger?: { cumulative: Counts; transfers: Record<string, Counts> };
  calendar?: Calendar;
}

/** Where each national option comes from in PIPL Art 38(1). */
const OPTION_BASIS: Partial<Record<Option, ReturnType<typeof citationOf>[]>> = {
  security_assessment: [citationOf(PIPL.provisions.art38_1_1)],
  certification: [citationOf(PIPL.provisions.art38_1_2)],
  standard_contract: [citationOf(PIPL.provisions.art38_1_3)],
};

export function assess(input: DataMap, opts: AssessOptions): Assessment {
  const lang = opts.lang ?? "en";
  const asOf = opts.asOf;
  const regime = regimeOn(asOf);
  const map: DataMap = opts.ledger ? withLedgerCounts(input, opts.ledger.transfers) : input;

  const datasets = new Map(map.datasets.map((d) => [d.id, d]));
  const recipients = new Map(map.recipients.map((r) => [r.id, r]));
  const contexts: TransferContext[] = map.transfers.map((transfer) => {
    const dataset = datasets.get(transfer.dataset);
    const recipient = recipients.get(transfer.recipient);
    if (!dataset || !recipient) throw new Error(`transfer ${transfer.id}: unresolved reference (validate the map first)`);
    return { map, asOf, transfer, dataset, recipient, cumulative: { general: 0, sensitive: 0 } };
  });

  // Whether a transfer counts never depends on the totals, so decide it first, then add up.
  const counted = contexts.map((ctx) => regime.decide(ctx).counted);
  let cumulative: Counts;
  let cumulativeSource: Assessment["processor"]["cumulativeSource"];
  if (opts.ledger) {
    cumulative = opts.ledger.cumulative;
    cumulativeSource = "ledger";
  } else if (map.processor.cumulative) {
    cumulative = { general: map.processor.cumulative.general, sensitive: map.processor.cumulative.sensitive };
    cumulativeSource = "data_map";
  } else {
    cumulative = { general: 0, sensitive: 0 };
    contexts.forEach((ctx, i) => {
      if (!counted[i]) return;
      cumulative.general += ctx.transfer.persons.general;
      cumulative.sensitive += ctx.transfer.persons.sensitive;
    });
    cumulativeSource = "transfers";
  }

  const transfers = contexts.map((ctx): TransferAssessment => {
    const dec: Decision = regime.decide({ ...ctx, cumulative });
    const optionBasis = { ...dec.optionBasis };
    for (const o of dec.options) optionBasis[o] ??= OPTION_BASIS[o];
    return {
      id: ctx.transfer.id,
      dataset: ctx.dataset.id,
      recipient: ctx.recipient.id,
      pathway: dec.pathway,
      options: dec.options,
      counted: dec.counted,
      basis: dec.basis,
      optionBasis,
      obligations: obligationsFor(dec, { dataset: ctx.dataset, transfer: ctx.transfer, processor: map.processor }, asOf, lang),
      explanation: dec.reasons.map((r) => r[lang]),
    };
  });

  return {
    asOf,
    countsSource: opts.ledger ? "ledger" : "data_map",
    regime: regime.id,
    instruments: regime.instruments(asOf),
    window: regime.window(asOf),
    processor: { name: map.processor.name, cumulative, cumulativeSource },
    processorObligations: processorObligations(asOf, lang),
    transfers,
    deadlines: deadlinesFor(map, asOf, { calendar: opts.calendar, lang }),
    notices: notices(map, asOf, lang),
  };
}

function withLedgerCounts(map: DataMap, counts: Record<string, Counts>): DataMap {
  return {
    ...map,
    processor: { ...map.processor, cumulative: undefined },
    transfers: map.transfers.map((t) => ({ ...t, persons: { ...(counts[t.id] ?? { general: 0, sensitive: 0 }) } })),
  };
}
