/**
 * xborder as a library: the same engine, calendar, ledger and scanner the CLI uses.
 *   import { assess, loadDataMap, openStore, recordEvents, countLedger, scanPaths } from "xborder";
 */
export { assess, type AssessOptions } from "./engine/assess.js";
export { loadDataMap, parseDataMap, InputError } from "./engine/load.js";
export { validateDataMap, DataMapError, type DataMap } from "./engine/datamap.js";
export type { Assessment, TransferAssessment, Deadline, Obligation, Pathway, Option } from "./engine/types.js";
export { Calendar, defaultCalendar } from "./calendar/working-days.js";
export { openStore, type Store } from "./store/open.js";
export { importEvents, recordEvents, type EventInput, type ImportResult } from "./ledger/import.js";
export { countLedger, type LedgerCount } from "./ledger/count.js";
export { ledgerStatus, type Status } from "./ledger/status.js";
export { INSTRUMENTS, formatCitation, provisionAt } from "./law/index.js";
export { scanPaths, scanDatabase, type ScanReport, type ScanOptions, type ScanProgress, type ScanFinding } from "./scan/scan.js";
export { detect, type Finding } from "./scan/detect.js";
export { diffMaps, type MapDiff } from "./engine/diff.js";
export { buildRegister, nextItems, type Register, type RegisterItem, type RegisterStatus } from "./engine/register/index.js";
export { renderRegister } from "./report/register.js";
export { registerToIcs } from "./report/register-ics.js";
