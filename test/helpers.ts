import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { DataMap } from "../src/engine/datamap.js";
import { validateDataMap } from "../src/engine/datamap.js";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

export interface TransferSpec {
  id?: string;
  general?: number;
  sensitive?: number;
  purpose?: string;
  necessary?: boolean;
  recipientRegion?: string;
  recipientKind?: "organization" | "individual";
  onwardOutsideGBA?: boolean;
  dataset?: Record<string, unknown>;
  /** More fields of the transfer (labourRules, lawfulBasis, ftzCovered, sector, …). */
  transfer?: Record<string, unknown>;
}

/** A data map with one transfer per spec, each with its own dataset and recipient. */
export function mapOf(processor: Record<string, unknown>, specs: TransferSpec[], extra: DeepPartial<DataMap> = {}): DataMap {
  const raw = {
    xborder: 1,
    processor: { name: "测试有限公司", region: "310115", ciio: false, ...processor },
    recipients: specs.map((s, i) => ({
      id: `r${i}`,
      name: `R${i}`,
      region: s.recipientRegion ?? "US",
      kind: s.recipientKind ?? "organization",
    })),
    datasets: specs.map((s, i) => ({
      id: `d${i}`,
      personalInformation: true,
      sensitive: (s.sensitive ?? 0) > 0 ? ["medical_health"] : [],
      ...s.dataset,
    })),
    transfers: specs.map((s, i) => ({
      id: s.id ?? `t${i}`,
      dataset: `d${i}`,
      recipient: `r${i}`,
      purpose: s.purpose ?? "other",
      necessary: s.necessary ?? true,
      onwardOutsideGBA: s.onwardOutsideGBA ?? false,
      persons: { general: s.general ?? 0, sensitive: s.sensitive ?? 0 },
      ...s.transfer,
    })),
    ...extra,
  };
  return validateDataMap(raw);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `xborder` command as a user would. */
export function xborder(args: string[], opts: { env?: Record<string, string>; input?: string } = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}bin/xborder.js`, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...opts.env },
    input: opts.input,
    maxBuffer: 512 * 1024 * 1024,
    // A hang (a FIFO read, a lock spin) fails the test instead of stalling the suite.
    timeout: 300_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A seeded xorshift32 generator in [0, 1): the same data on every run. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}
