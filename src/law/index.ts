/**
 * The instruments xborder encodes, in one place. Ask "where is CBDF-2024 Art 8?":
 * `provisionAt({ instrument: "CBDF-2024", article: 8 })` or src/law/instruments/cbdf-2024.ts, key `art8`.
 */
export type { Bilingual, Citation, InstrumentId, Lang, Provision } from "./citation.js";
export { chineseNumber, citationOf, enPlace, zhItem, zhPlace } from "./citation.js";
export { CitationWriter, formatCitation } from "./format.js";
export { type Bound, type Instrument, inForceOn, meets } from "./instrument.js";
export { CBDF_2024_BANDS } from "./instruments/cbdf-2024.js";
export { GBA_MAINLAND_CITIES } from "./instruments/gba.js";
export { SAM_2022_BANDS } from "./instruments/sam-2022.js";
export { INSTRUMENTS, instrument, provisionAt } from "./registry.js";
export { CBDF_2024 } from "./instruments/cbdf-2024.js";
export { CERT_2025 } from "./instruments/cert-2025.js";
export { GBA_HK_2023, GBA_MO_2024 } from "./instruments/gba.js";
export { PIPCA_2025, PIPCA_DRAFT_2023 } from "./instruments/pipca.js";
export { SAM_2022 } from "./instruments/sam-2022.js";
export { ALGO_2021, ATFL_2022, DS_2022, GENAI_2023, MLPS_2007 } from "./instruments/services.js";
export { SCM_2023 } from "./instruments/scm-2023.js";
export { CSL, DSL, NDSR_2024, PIPL } from "./instruments/statutes.js";
