import { execFile, spawnSync } from "node:child_process";
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

type CliOptions = { env?: Record<string, string>; input?: string };

const cliSpawn = (opts: CliOptions) => ({
  cwd: ROOT,
  encoding: "utf8" as const,
  env: { ...process.env, ...opts.env },
  maxBuffer: 512 * 1024 * 1024,
  // A hang (a FIFO read, a lock spin) fails the test instead of stalling the suite.
  timeout: 300_000,
});

/** Run the built `xborder` command as a user would. */
export function xborder(args: string[], opts: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [`${ROOT}bin/xborder.js`, ...args], { ...cliSpawn(opts), input: opts.input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * The same, without blocking this process: beside a server running in it (a blocked event loop
 * outlives the HTTP keep-alive, and the next request may go out on a socket the server has closed).
 */
export function xborderAsync(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [`${ROOT}bin/xborder.js`, ...args], cliSpawn(opts), (e, stdout, stderr) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : null) : 0, stdout, stderr }),
    );
    child.stdin?.end(opts.input);
  });
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
