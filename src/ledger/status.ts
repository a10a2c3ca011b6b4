/**
 * `status`: where the processor stands against each band of the rules in force, month by month,
 * and when each band will be crossed at the current rate — so a filing starts before it is due —
 * and the obligations register's next three duties.
 */
import { type IsoDate, addDays, toDayNumber } from "../calendar/date.js";
import type { DataMap } from "../engine/datamap.js";
import { buildRegister, nextItems, type Register, type RegisterItem } from "../engine/register/index.js";
import { regimeOn } from "../engine/regimes/index.js";
import { CBDF_2024_BANDS, SAM_2022_BANDS } from "../law/index.js";
import type { Store } from "../store/open.js";
import { countLedger, cumulativeSeries } from "./count.js";

export interface Band {
  id: string;
  measure: "general" | "sensitive";
  /** People at which the band is reached (以上: the number itself counts). */
  threshold: number;
  meaning: string;
  /** The same in Chinese (the workspace's pages). */
  meaningZh: string;
  current: number;
  reached: boolean;
  /** At the average daily rate since the window opened; null when not reached by the window's end of year. */
  projected: IsoDate | null;
}

export interface Status {
  asOf: IsoDate;
  regime: string;
  window: { from: IsoDate; to: IsoDate };
  bands: Band[];
  /** Cumulative counts at the end of each month of the window so far (and at asOf). */
  trend: { date: IsoDate; general: number; sensitive: number }[];
  /** The obligations register's next three duties still to do (on the ledger's counts). */
  next: RegisterItem[];
}

function bandsFor(regime: string) {
  if (regime === "CBDF-2024") {
    return [
      {
        id: "standard_contract_general",
        measure: "general",
        threshold: CBDF_2024_BANDS.contractGeneral.atLeast,
        meaning: "CBDF-2024 Art 8: standard contract or certification",
        meaningZh: "《促进和规范数据跨境流动规定》第八条：标准合同或者认证（个人信息10万人以上）",
      },
      {
        id: "security_assessment_general",
        measure: "general",
        threshold: CBDF_2024_BANDS.assessmentGeneral.atLeast,
        meaning: "CBDF-2024 Art 7(1)(2): security assessment",
        meaningZh: "《促进和规范数据跨境流动规定》第七条第一款第二项：安全评估（个人信息100万人以上）",
      },
      {
        id: "standard_contract_sensitive",
        measure: "sensitive",
        threshold: 1,
        meaning: "CBDF-2024 Art 8: any sensitive PI",
        meaningZh: "《促进和规范数据跨境流动规定》第八条：任何敏感个人信息",
      },
      {
        id: "security_assessment_sensitive",
        measure: "sensitive",
        threshold: CBDF_2024_BANDS.assessmentSensitive.atLeast,
        meaning: "CBDF-2024 Art 7(1)(2): security assessment",
        meaningZh: "《促进和规范数据跨境流动规定》第七条第一款第二项：安全评估（敏感个人信息1万人以上）",
      },
    ] as const;
  }
  return [
    {
      id: "security_assessment_general",
      measure: "general",
      threshold: SAM_2022_BANDS.sentGeneral.atLeast,
      meaning: "SAM-2022 Art 4(3): security assessment",
      meaningZh: "《数据出境安全评估办法》第四条第三项：安全评估",
    },
    {
      id: "security_assessment_sensitive",
      measure: "sensitive",
      threshold: SAM_2022_BANDS.sentSensitive.atLeast,
      meaning: "SAM-2022 Art 4(3): security assessment",
      meaningZh: "《数据出境安全评估办法》第四条第三项：安全评估",
    },
  ] as const;
}

function monthEnds(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  for (;;) {
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
    const end = addDays(next, -1);
    if (end >= to) break;
    out.push(end);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  out.push(to);
  return out;
}

/** `register`: the obligations register on the ledger's counts, where the caller has it already (the workspace's overview). */
export async function ledgerStatus(store: Store, map: DataMap, asOf: IsoDate, register?: Register): Promise<Status> {
  const regime = regimeOn(asOf);
  const window = regime.window(asOf);
  const ends = monthEnds(window.from, asOf);
  const series = await cumulativeSeries(store, map, ends);
  const trend = ends.map((d) => ({ date: d, ...(series.get(d) ?? { general: 0, sensitive: 0 }) }));
  const now = { window, cumulative: series.get(asOf) ?? { general: 0, sensitive: 0 } };
  const elapsed = toDayNumber(asOf) - toDayNumber(now.window.from) + 1;
  const yearEnd = `${asOf.slice(0, 4)}-12-31`;
  const bands: Band[] = bandsFor(regime.id).map((b) => {
    const current = now.cumulative[b.measure];
    const reached = current >= b.threshold;
    let projected: IsoDate | null = null;
    if (!reached && current > 0) {
      const rate = current / elapsed;
      const offset = Math.ceil(b.threshold / rate) - 1;
      if (toDayNumber(now.window.from) + offset <= toDayNumber(yearEnd)) projected = addDays(now.window.from, offset);
    }
    return { ...b, current, reached, projected };
  });
  return {
    asOf,
    regime: regime.id,
    window: now.window,
    bands,
    trend,
    next: nextItems(register ?? (await registerOnLedger(store, map, asOf)), 3),
  };
}

async function registerOnLedger(store: Store, map: DataMap, asOf: IsoDate): Promise<Register> {
  const counts = await countLedger(store, map, asOf);
  return buildRegister(map, { asOf, ledger: { cumulative: counts.cumulative, transfers: counts.transfers } });
}

export function renderStatus(s: Status): string {
  const n = (x: number) => x.toLocaleString("en-US");
  const lines = [`Status as of ${s.asOf} (${s.regime}; window ${s.window.from} – ${s.window.to})`, ""];
  for (const b of s.bands) {
    const pct = Math.min(100, Math.floor((b.current / b.threshold) * 100));
    const bar = "#".repeat(Math.round(pct / 5)).padEnd(20, ".");
    const when = b.reached ? "REACHED" : b.projected ? `projected ${b.projected}` : "not projected this year";
    lines.push(
      `${b.measure.padEnd(9)} ${n(b.current).padStart(11)} / ${n(b.threshold).padEnd(9)} [${bar}] ${String(pct).padStart(3)}%  ${when}  — ${b.meaning}`,
    );
  }
  lines.push("", "Trend (cumulative, counted transfers):");
  for (const t of s.trend) lines.push(`  ${t.date}  general ${n(t.general).padStart(11)}  sensitive ${n(t.sensitive).padStart(9)}`);
  lines.push("", "Next duties (xborder obligations for all):");
  if (s.next.length === 0) lines.push("  none outstanding");
  for (const i of s.next) lines.push(`  ${i.due ?? "now       "}  [${i.status}] ${i.action}${i.transfer ? ` (${i.transfer})` : ""}`);
  return `${lines.join("\n")}\n`;
}
