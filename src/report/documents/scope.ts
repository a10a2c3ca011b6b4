/**
 * Which transfers a package is about (docs/filing-documents.md, "Scope"): the SC filing and its
 * 附录一 only standard-contract transfers (never one filed under the GBA contract or assessed), the
 * GBA filing only GBA transfers, the SA application only transfers that need an assessment, the
 * self-assessment the SA application's and the PIPIA its route's. Exempt transfers are never in a
 * package. A package that does not apply is refused with its reason.
 */
import { gbaCity } from "../../engine/gba.js";
import { regionName } from "../../engine/names.js";
import type { TransferAssessment } from "../../engine/types.js";
import type { DocumentFacts } from "./facts.js";

export type PackageKind = "self-assessment" | "pipia" | "sa-application" | "sc-filing" | "gba-filing";

/** A package that does not apply to this map (exit 2 on the command line). */
export class NotApplicable extends Error {
  override name = "NotApplicable";
}

const filedAs = (f: DocumentFacts, type: string) => new Set(f.map.filings.filter((x) => x.type === type).map((x) => x.transfer));

function route(kind: PackageKind, f: DocumentFacts, pipiaRoute: "sc" | "gba" | undefined): TransferAssessment[] {
  const live = f.assessment.transfers.filter((t) => t.pathway !== "exempt" && t.pathway !== "prohibited");
  const gbaFiled = filedAs(f, "gba_standard_contract");
  const saFiled = filedAs(f, "security_assessment");
  const scFiled = filedAs(f, "standard_contract");
  if (kind === "sa-application" || kind === "self-assessment")
    return live.filter((t) => t.pathway === "security_assessment" || saFiled.has(t.id));
  const gba = live.filter((t) => gbaFiled.has(t.id) || (t.options.includes("gba_standard_contract") && !scFiled.has(t.id)));
  const sc = live.filter(
    (t) =>
      !gbaFiled.has(t.id) &&
      !saFiled.has(t.id) &&
      t.pathway !== "security_assessment" &&
      (scFiled.has(t.id) || t.options.includes("standard_contract")),
  );
  if (kind === "gba-filing" || (kind === "pipia" && pipiaRoute === "gba")) return gba;
  // sc-filing, and the PIPIA that accompanies it; a transfer that may take either contract and has not
  // been filed goes under the national one unless the GBA filing is asked for.
  return sc.filter((t) => scFiled.has(t.id) || !gbaFiled.has(t.id));
}

const REFUSAL: Record<PackageKind, string> = {
  "sa-application": "没有需要申报数据出境安全评估的出境活动 (no transfer needs a security assessment)",
  "self-assessment":
    "没有需要申报数据出境安全评估的出境活动；自评估报告随安全评估申报提交 (no transfer needs a security assessment, which the self-assessment accompanies)",
  "sc-filing": "没有以个人信息出境标准合同出境的活动 (no transfer goes under the standard contract)",
  pipia: "没有以该路径出境的活动 (no transfer goes by this route)",
  "gba-filing": "没有可以采用大湾区标准合同的出境活动 (no transfer can use the GBA standard contract)",
};

/**
 * The transfers of a package, in the map's order; `chosen` (--transfer) narrows them and must name
 * transfers of the route. Throws NotApplicable with the reason when the package does not apply.
 */
export function packageScope(kind: PackageKind, f: DocumentFacts, o: { transfers?: string[]; route?: "sc" | "gba" }): string[] {
  const known = new Set(f.map.transfers.map((t) => t.id));
  for (const id of o.transfers ?? []) if (!known.has(id)) throw new NotApplicable(`--transfer ${id}: no such transfer in the data map`);
  if (kind === "gba-filing" || (kind === "pipia" && o.route === "gba")) {
    const region = f.map.processor.region;
    if (!gbaCity(region))
      throw new NotApplicable(
        `个人信息处理者（${region ? regionName(region, "zh") : "注册地未填写"}）不在粤港澳大湾区内地九市，不适用大湾区标准合同 (the processor is not in one of the nine mainland GBA cities)`,
      );
    const gbaFiled = f.map.filings.filter((x) => x.type === "gba_standard_contract").map((x) => x.transfer);
    for (const id of o.transfers ?? gbaFiled) {
      const t = f.map.transfers.find((x) => x.id === id);
      const r = f.map.recipients.find((x) => x.id === t?.recipient);
      if (r && r.region !== "HK" && r.region !== "MO")
        throw new NotApplicable(
          `${id}: 接收方位于${regionName(r.region, "zh")}，不在香港或者澳门，不适用大湾区标准合同 (the recipient is not in Hong Kong or Macao)`,
        );
    }
  }
  const mine = route(kind, f, o.route).map((t) => t.id);
  if (o.transfers?.length) {
    const off = o.transfers.filter((id) => !mine.includes(id));
    if (off.length) {
      const t = f.assessment.transfers.find((x) => x.id === off[0]);
      throw new NotApplicable(
        `--transfer ${off.join(", ")}: not a transfer this package is for${t?.pathway === "exempt" ? " (exempt: no filing needed)" : ""} — ${kind} covers ${mine.join(", ") || "none"}`,
      );
    }
    return o.transfers;
  }
  if (!mine.length) throw new NotApplicable(REFUSAL[kind]);
  return mine;
}
