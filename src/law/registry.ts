/** Every instrument xborder encodes, and the look-ups over them. */
import type { Citation, InstrumentId, Provision } from "./citation.js";
import type { Instrument } from "./instrument.js";
import { CBDF_2024 } from "./instruments/cbdf-2024.js";
import { CERT_2025 } from "./instruments/cert-2025.js";
import { GBA_HK_2023, GBA_MO_2024 } from "./instruments/gba.js";
import { PIPCA_2025, PIPCA_DRAFT_2023 } from "./instruments/pipca.js";
import { SAM_2022 } from "./instruments/sam-2022.js";
import { SCM_2023 } from "./instruments/scm-2023.js";
import { ALGO_2021, ATFL_2022, DS_2022, GENAI_2023, MLPS_2007 } from "./instruments/services.js";
import { CSL, DSL, NDSR_2024, PIPL } from "./instruments/statutes.js";

export const INSTRUMENTS: readonly Instrument[] = [
  PIPL,
  CSL,
  DSL,
  NDSR_2024,
  SAM_2022,
  SCM_2023,
  CBDF_2024,
  CERT_2025,
  GBA_HK_2023,
  GBA_MO_2024,
  PIPCA_2025,
  PIPCA_DRAFT_2023,
  ALGO_2021,
  DS_2022,
  GENAI_2023,
  ATFL_2022,
  MLPS_2007,
];

export function instrument(id: InstrumentId): Instrument | undefined {
  return INSTRUMENTS.find((i) => i.id === id);
}

function sameCitation(a: Citation, b: Citation): boolean {
  return a.instrument === b.instrument && a.article === b.article && a.paragraph === b.paragraph && a.item === b.item;
}

/** The provision a citation points at, if we encode it. */
export function provisionAt(c: Citation): Provision | undefined {
  const inst = instrument(c.instrument);
  if (!inst) return undefined;
  return Object.values(inst.provisions).find((p) => sameCitation(p.cite, c));
}
