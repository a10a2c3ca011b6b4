/** What a scan says about a data map: a `datasets` entry and a transfer's `persons` (contracts §1). */
import type { ScanReport } from "./scan.js";

export function datasetEntry(r: ScanReport, id: string) {
  const pi = r.persons.distinct > 0 || Object.keys(r.entities).some((t) => t !== "uscc");
  return {
    dataset: { id, personalInformation: pi, sensitive: Object.keys(r.sensitiveCategories).sort() },
    persons: { general: r.persons.distinct, sensitive: r.persons.sensitive },
  };
}
