/**
 * Scanner benchmark (issue 3): a synthetic export of customer records (bench/corpus.ts, with
 * its truth), then, each in its own process, in the same run:
 *  - the reference byte loop (18-digit IDs, 11-digit mobiles; nothing else), one core, and
 *    xborder scan with every detector, one core, taking turns `--rounds` times (the machine is
 *    shared: the ratio is of the medians, and of the best runs);
 *  - the same two as whole programs, pinned, timed from outside (start-up included):
 *    `node bench/reference.mjs FILE` and `node bin/xborder.js scan FILE --format json`, in turns;
 *  - xborder scan with its JavaScript core (XBORDER_SCAN_CORE=js), one core; and on all cores;
 *  - a sample through @openredaction/openredaction, redact-pii and xborder (speed, what they find).
 *   npm run bench:scan -- [--records 1000000] [--sample-kb 512] [--rounds 5]
 * Writes bench/results/scan.json. Goal: xborder per core ≥ the reference loop per core.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type CorpusTruth, writeCustomers } from "./corpus.js";

const { values } = parseArgs({
  options: {
    records: { type: "string", default: "1000000" },
    "sample-kb": { type: "string", default: "512" },
    seed: { type: "string", default: "1" },
    rounds: { type: "string", default: "5" },
  },
});
const records = Number(values.records);
const seed = Number(values.seed);

const cacheDir = join(tmpdir(), "xborder-bench");
mkdirSync(cacheDir, { recursive: true });
// v2: the order numbers are random 15-digit numbers (a look-alike column).
const corpus = join(cacheDir, `customers-v2-${records}-${seed}.csv`);
const truthFile = `${corpus}.truth.json`;
let truth: CorpusTruth;
if (existsSync(corpus) && existsSync(truthFile)) truth = JSON.parse(readFileSync(truthFile, "utf8")) as CorpusTruth;
else {
  console.error(`generating ${records} records …`);
  truth = await writeCustomers(corpus, records, seed);
  writeFileSync(truthFile, JSON.stringify(truth));
}
// The sample for the slow libraries: the first lines of the corpus.
const sample = join(cacheDir, `sample-${values["sample-kb"]}k.csv`);
const head = readFileSync(corpus).subarray(0, Number(values["sample-kb"]) * 1024);
writeFileSync(sample, head.subarray(0, head.lastIndexOf(0x0a) + 1));

let taskset = false;
try {
  execFileSync("taskset", ["-c", "0", "true"]);
  taskset = true;
} catch {
  console.error("taskset not available: one-core runs are not pinned");
}

interface Run {
  name: string;
  file: "corpus" | "sample";
  cores: number;
  seconds: number;
  mbPerSec: number;
  mbPerSecPerCore: number;
  /** Peak resident memory (not measured for whole-program runs). */
  peakRssMB?: number;
  /** The CSV core xborder ran (native where built). */
  core?: string;
  found: unknown;
}

function run(name: string, mode: string, file: string, cores: number, workers?: number, env: Record<string, string> = {}): Run {
  const args = ["--import", "tsx", join(import.meta.dirname, "scan-child.ts"), mode, file, ...(workers ? [String(workers)] : [])];
  const cmd = cores === 1 && taskset ? "taskset" : process.execPath;
  const argv = cores === 1 && taskset ? ["-c", "0", process.execPath, ...args] : args;
  console.error(`${name} …`);
  const r = spawnSync(cmd, argv, { encoding: "utf8", maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split("\n").pop() ?? "{}") as {
    seconds: number;
    bytes: number;
    peakRssMB: number;
    core?: string;
    found: unknown;
  };
  const mbPerSec = out.bytes / 1e6 / out.seconds;
  return {
    name,
    file: file === corpus ? "corpus" : "sample",
    cores,
    seconds: Number(out.seconds.toFixed(3)),
    mbPerSec: Number(mbPerSec.toFixed(1)),
    mbPerSecPerCore: Number((mbPerSec / cores).toFixed(1)),
    peakRssMB: out.peakRssMB,
    core: out.core,
    found: out.found,
  };
}

/** A whole program, pinned to one core, timed from here (start-up and output included). */
function program(name: string, argv: string[]): Run {
  const cmd = taskset ? "taskset" : process.execPath;
  const args = taskset ? ["-c", "0", process.execPath, ...argv] : argv;
  console.error(`${name} …`);
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${name} failed: ${r.stderr}`);
  const mbPerSec = truth.bytes / 1e6 / seconds;
  return {
    name,
    file: "corpus",
    cores: 1,
    seconds: Number(seconds.toFixed(3)),
    mbPerSec: Number(mbPerSec.toFixed(1)),
    mbPerSecPerCore: Number(mbPerSec.toFixed(1)),
    found: undefined,
  };
}

const all = availableParallelism();
const rounds = Math.max(1, Number(values.rounds));
const refName = "reference byte loop (18-digit IDs, 11-digit mobiles)";
const oneName = "xborder scan, every detector, one core";
const turns: Run[] = [];
const refProgram = "reference program (node bench/reference.mjs FILE), whole process";
const xbProgram = "xborder scan FILE --format json (node bin/xborder.js), whole process";
const bin = join(import.meta.dirname, "..", "bin", "xborder.js");
for (let k = 0; k < rounds; k++)
  turns.push(
    run(refName, "reference", corpus, 1),
    run(oneName, "xborder", corpus, 1, 1),
    program(refProgram, [join(import.meta.dirname, "reference.mjs"), corpus]),
    program(xbProgram, [bin, "scan", corpus, "--format", "json", "--no-progress"]),
  );
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
/** The round whose speed is the median of its kind (its own numbers, not an average). */
const medianRun = (name: string) => {
  const mine = turns.filter((r) => r.name === name);
  const m = median(mine.map((r) => r.mbPerSecPerCore));
  return { ...mine.find((r) => r.mbPerSecPerCore === m)!, rounds: mine.map((r) => r.mbPerSecPerCore) };
};
const runs: (Run & { rounds?: number[] })[] = [
  medianRun(refName),
  medianRun(oneName),
  medianRun(refProgram),
  medianRun(xbProgram),
  run("xborder scan, JavaScript core (XBORDER_SCAN_CORE=js), one core", "xborder", corpus, 1, 1, { XBORDER_SCAN_CORE: "js" }),
  run(`xborder scan, every detector, ${all} cores`, "xborder", corpus, all, all),
  run("xborder scan on the sample, one core", "xborder", sample, 1, 1),
  run("@openredaction/openredaction 1.0.4 on the sample, one core", "openredaction", sample, 1),
  run("redact-pii 3.4.0 on the sample, one core", "redact-pii", sample, 1),
];
/**
 * The counts must be right before the speed means anything: every xborder run over the corpus
 * finds exactly the truth's entities and people — no ID number or IMEI out of the look-alike
 * order-number column (issue 19 §1) — or the bench fails.
 */
const wrong: string[] = [];
for (const r of runs.filter((x) => x.file === "corpus" && x.name.startsWith("xborder scan"))) {
  const f = r.found as { entities: Record<string, number>; persons: { distinct: number } } | undefined;
  if (!f) continue;
  const expected: Record<string, number> = { ...truth.entities };
  for (const t of new Set([...Object.keys(expected), ...Object.keys(f.entities)])) {
    if ((f.entities[t] ?? 0) !== (expected[t] ?? 0)) wrong.push(`${r.name}: ${t} ${f.entities[t] ?? 0}, truth ${expected[t] ?? 0}`);
  }
  if (f.persons.distinct !== truth.people) wrong.push(`${r.name}: people ${f.persons.distinct}, truth ${truth.people}`);
}
if (wrong.length) {
  console.error(`counts off:\n  ${wrong.join("\n  ")}`);
  process.exit(1);
}
const ref = runs[0]!.mbPerSecPerCore;
const one = runs[1]!.mbPerSecPerCore;
const best = (name: string) => Math.max(...turns.filter((r) => r.name === name).map((r) => r.mbPerSecPerCore));
/**
 * Each round's xborder speed over the reference's in the same round (they run one after the
 * other), and the median of those: a machine that drifts between slow and fast phases moves
 * both runs of a round together, so this is steadier than the ratio of the two medians.
 */
const paired = (refRun: string, xbRun: string) => {
  const a = turns.filter((r) => r.name === refRun);
  const b = turns.filter((r) => r.name === xbRun);
  return a.map((r, k) => Number((b[k]!.mbPerSecPerCore / r.mbPerSecPerCore).toFixed(3)));
};
const pairedInProcess = paired(refName, oneName);
const pairedPrograms = paired(refProgram, xbProgram);
const result = {
  date: new Date().toISOString(),
  machine: { cpus: cpus()[0]?.model, cores: all, node: process.version, pinned: taskset },
  corpus: { file: corpus, records: truth.records, bytes: truth.bytes, truth },
  sampleBytes: readFileSync(sample).length,
  runs,
  ratio: {
    xborderPerCoreOverReference: Number((one / ref).toFixed(3)),
    bestOverBest: Number((best(oneName) / best(refName)).toFixed(3)),
    /** The median of each round's ratio, and the rounds' ratios. */
    pairedMedian: median(pairedInProcess),
    pairedRounds: pairedInProcess,
    rounds,
    goalMet: one >= ref,
    programs: Number((runs[3]!.mbPerSec / runs[2]!.mbPerSec).toFixed(3)),
    programsBestOverBest: Number((best(xbProgram) / best(refProgram)).toFixed(3)),
    programsPairedMedian: median(pairedPrograms),
    programsPairedRounds: pairedPrograms,
    nativeOverJavaScriptCore: Number((one / runs[4]!.mbPerSecPerCore).toFixed(2)),
    xborderOverOpenredaction: Number((runs[6]!.mbPerSec / runs[7]!.mbPerSec).toFixed(0)),
    xborderOverRedactPii: Number((runs[6]!.mbPerSec / runs[8]!.mbPerSec).toFixed(0)),
  },
};
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const outFile = join(import.meta.dirname, "results", "scan.json");
writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
for (const r of runs)
  console.log(
    `${r.name}: ${r.mbPerSecPerCore} MB/s per core${r.rounds ? ` (median of ${r.rounds.join(", ")})` : ""}${r.peakRssMB ? `, peak ${r.peakRssMB} MB` : ""}`,
  );
console.log(
  `xborder / reference per core: ${result.ratio.xborderPerCoreOverReference} (medians; best runs ${result.ratio.bestOverBest}; ` +
    `median of the rounds' ratios ${result.ratio.pairedMedian}; goal ≥ 1); as whole programs ${result.ratio.programs} ` +
    `(best runs ${result.ratio.programsBestOverBest}; median of the rounds' ratios ${result.ratio.programsPairedMedian}) → ${outFile}`,
);
