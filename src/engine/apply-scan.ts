/**
 * "Apply to the data map": a scan's findings written into a data map's text — the dataset's
 * `personalInformation` and `sensitive` categories, and a transfer's `persons` — keeping the rest
 * of the text (YAML comments and order) as it was. The result is validated like any map.
 */
import { isMap, isSeq, parseDocument, type YAMLMap } from "yaml";
import type { ScanReport } from "../scan/scan.js";
import { datasetEntry } from "../scan/dataset.js";
import { parseDataMap } from "./load.js";

export interface ApplyScan {
  /** The dataset to fill (created when the map has none with this id). */
  dataset: string;
  /** A transfer of that dataset whose `persons` take the scan's counts. */
  transfer?: string;
}

export class ApplyScanError extends Error {
  override name = "ApplyScanError";
}

export function applyScan(text: string, report: ScanReport, target: ApplyScan): string {
  const map = parseDataMap(text);
  const e = datasetEntry(report, target.dataset);
  if (target.transfer !== undefined) {
    const t = map.transfers.find((x) => x.id === target.transfer);
    if (!t) throw new ApplyScanError(`transfer: no transfer with id ${JSON.stringify(target.transfer)}`);
    if (t.dataset !== target.dataset) throw new ApplyScanError(`transfer: ${target.transfer} sends ${t.dataset}, not ${target.dataset}`);
  }
  let out: string;
  if (/^\s*\{/.test(text)) {
    const raw = JSON.parse(text) as { datasets?: Record<string, unknown>[]; transfers?: Record<string, unknown>[] };
    raw.datasets ??= [];
    const d = raw.datasets.find((x) => x.id === target.dataset);
    if (d) Object.assign(d, { personalInformation: e.dataset.personalInformation, sensitive: e.dataset.sensitive });
    else raw.datasets.push(e.dataset);
    if (target.transfer) {
      const t = raw.transfers?.find((x) => x.id === target.transfer);
      if (t) t.persons = e.persons;
    }
    out = `${JSON.stringify(raw, null, 2)}\n`;
  } else {
    const doc = parseDocument(text);
    let datasets = doc.get("datasets");
    if (!isSeq(datasets)) {
      doc.set("datasets", doc.createNode([]));
      datasets = doc.get("datasets");
    }
    const seq = datasets as { items: unknown[]; add(v: unknown): void };
    const d = seq.items.find((x): x is YAMLMap => isMap(x) && x.get("id") === target.dataset);
    if (d) {
      d.set("personalInformation", e.dataset.personalInformation);
      d.set("sensitive", doc.createNode(e.dataset.sensitive));
    } else seq.add(doc.createNode(e.dataset));
    if (target.transfer) {
      const transfers = doc.get("transfers") as { items: unknown[] };
      const t = transfers.items.find((x): x is YAMLMap => isMap(x) && x.get("id") === target.transfer);
      t?.set("persons", doc.createNode(e.persons));
    }
    out = doc.toString();
  }
  parseDataMap(out);
  return out;
}
