import type { IsoDate } from "../calendar/date.js";
import type { CountsSource } from "./counts-source.js";
import type { Bilingual, Citation, InstrumentId, Provision } from "../law/index.js";

/** How a transfer may lawfully leave (contracts §2). Ordered lightest to heaviest. */
export const PATHWAYS = ["exempt", "standard_contract_or_certification", "security_assessment", "prohibited"] as const;
export type Pathway = (typeof PATHWAYS)[number];

export type Option = "standard_contract" | "certification" | "security_assessment" | "gba_standard_contract";

export function severity(p: Pathway): number {
  return PATHWAYS.indexOf(p);
}

export interface Counts {
  general: number;
  sensitive: number;
}

export interface Obligation {
  id: string;
  basis: Citation[];
  description: string;
  /** Only when the processor takes this option (e.g. the GBA contract). */
  option?: Option;
}

export interface TransferAssessment {
  id: string;
  dataset: string;
  recipient: string;
  pathway: Pathway;
  options: Option[];
  counted: boolean;
  basis: Citation[];
  /** Where each option comes from, when it is not the pathway's own basis (e.g. the GBA contract). */
  optionBasis: Partial<Record<Option, Citation[]>>;
  obligations: Obligation[];
  explanation: string[];
}

export type DeadlineKind =
  | "filing_due"
  | "assessment_expires"
  | "extension_window_opens"
  | "reapplication_due"
  // SAM-2022's review clocks for an assessment under way (Arts 7, 12, 13)
  | "completeness_check_due"
  | "acceptance_decision_due"
  | "review_due"
  | "rereview_request_due";

export interface Deadline {
  filing: number;
  transfer: string;
  kind: DeadlineKind;
  date: IsoDate;
  basis: Citation[];
  /** Present (true) when the date relies on a year whose holiday schedule is unpublished. */
  provisional?: true;
  /** Relative to `asOf`: the date is before it (`passed`) or on or after it (`upcoming`). */
  status: "passed" | "upcoming";
  /** The legal condition the date carries, where it has one (regulations.md §0, last row). */
  condition?: string;
}

export interface Assessment {
  asOf: IsoDate;
  /** Which people counts decided the pathways (人数来源): the ledger's, or the map's `persons`. */
  countsSource: CountsSource;
  regime: InstrumentId;
  /** Instruments whose rules decided this assessment. */
  instruments: InstrumentId[];
  /** The counting window of the regime (contracts §1). */
  window: { from: IsoDate; to: IsoDate };
  processor: {
    name: string;
    cumulative: Counts;
    /** Where the cumulative counts came from. */
    cumulativeSource: "data_map" | "transfers" | "ledger";
  };
  /** Duties of the processor as a whole, whatever its transfers (e.g. CBDF-2024 Art 2). */
  processorObligations: Obligation[];
  transfers: TransferAssessment[];
  deadlines: Deadline[];
  /** Processor-level remarks (e.g. data likely to be important under a local standard). */
  notices: string[];
}

/** What a regime decides for one transfer, before obligations are attached. */
export interface Decision {
  pathway: Pathway;
  options: Option[];
  counted: boolean;
  basis: Citation[];
  optionBasis: Partial<Record<Option, Citation[]>>;
  reasons: Bilingual[];
  /** Where the GBA contract is an option: its guideline's provisions (for the obligations). */
  gba?: GbaProvisions;
  /** Exempt under this provision of CBDF-2024 Art 5(1)(1)–(3): notice is owed, separate consent is not (§0). */
  consentRelief?: Provision;
}

export interface GbaProvisions {
  /** Art 4(1): notice or consent under the processor's local law. */
  notice: Provision;
  /** Art 5: the PIPIA and its three focus points. */
  pipia: Provision;
  /** Art 7: both parties file, each with its own regulator. */
  filing: Provision;
}
