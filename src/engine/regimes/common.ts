/** Decisions that read the same under every regime. */
import { type Citation, citationOf, DSL, PIPL, type Provision } from "../../law/index.js";
import { say } from "../messages.js";
import type { Decision } from "../types.js";

export function prohibited(): Decision {
  return {
    pathway: "prohibited",
    options: [],
    counted: false,
    basis: [citationOf(DSL.provisions.art21_2)],
    optionBasis: {},
    reasons: [
      say(
        "数据集含核心数据：核心数据实行更加严格的管理制度，不得出境（本项目约定，见 regulations.md §0）",
        "The dataset holds core data, which is under the strictest control and may not leave (our convention, regulations.md §0)",
      ),
    ],
  };
}

export function notOutbound(region: string): Decision {
  return {
    pathway: "exempt",
    options: [],
    counted: false,
    basis: [citationOf(PIPL.provisions.art38_1)],
    optionBasis: {},
    reasons: [
      say(
        `接收方在境内（${region}），不属于向境外提供，不适用数据出境制度`,
        `The recipient is in the mainland (${region}): this is not an outbound transfer, so no export pathway applies`,
      ),
    ],
  };
}

export const cites = (...ps: Provision[]): Citation[] => ps.map(citationOf);
