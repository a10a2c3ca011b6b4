/** The `xborder` command as a user runs it: output, exit codes, errors. */
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import * as commander from "commander";
import fc from "fast-check";
import { buildProgram } from "../src/cli/main.js";
import { scanArgs } from "../src/cli/scan-args.js";
import { ROOT, xborder } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-cli-"));
const write = (name: string, content: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof content === "string" ? content : JSON.stringify(content));
  return p;
};
const map = (general: number, extra: Record<string, unknown> = {}) => ({
  xborder: 1,
  asOf: "2026-06-30",
  processor: { name: "示例科技有限公司", region: "440300" },
  recipients: [{ id: "hq", region: "US" }],
  datasets: [{ id: "c", personalInformation: true }],
  transfers: [{ id: "crm-sync", dataset: "c", recipient: "hq", purpose: "other", persons: { general, sensitive: 0 } }],
  ...extra,
});

describe("xborder assess", () => {
  test("--format json prints the assessment of the contract", () => {
    const r = xborder(["assess", write("a.json", map(120_000)), "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.asOf, "2026-06-30");
    assert.equal(a.regime, "CBDF-2024");
    assert.deepEqual(a.processor.cumulative, { general: 120_000, sensitive: 0 });
    assert.equal(a.transfers[0].pathway, "standard_contract_or_certification");
    assert.deepEqual(a.transfers[0].basis, [{ instrument: "CBDF-2024", article: 8 }]);
    assert.deepEqual(a.deadlines, []);
  });
  test("--as-of overrides the map's date and picks the rules in force then", () => {
    const r = xborder(["assess", write("b.json", map(120_000)), "--format", "json", "--as-of", "2023-10-01"]);
    assert.equal(r.code, 0, r.stderr);
    const a = JSON.parse(r.stdout);
    assert.equal(a.regime, "SAM-2022");
    assert.equal(a.transfers[0].pathway, "security_assessment");
  });
  test("the text report reads in Chinese with --lang zh", () => {
    const r = xborder(["assess", write("c.json", map(120_000)), "--lang", "zh"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /路径：订立标准合同或者通过个人信息保护认证/);
    assert.match(r.stdout, /依据：《规定》第八条/);
  });
  test("a wrong field: exit 2, the path on stderr, nothing on stdout", () => {
    const bad = map(1);
    (bad.transfers[0] as { persons: { general: number } }).persons.general = -5;
    const r = xborder(["assess", write("bad.json", bad), "--format", "json"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /bad\.json:1: transfers\[0\]\.persons\.general: expected a whole number ≥ 0/);
  });
  test("a missing file, a bad option value, an unknown option: exit 2", () => {
    assert.equal(xborder(["assess", join(dir, "none.yaml")]).code, 2);
    const r = xborder(["assess", write("d.json", map(1)), "--format", "xml"]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--format: expected json or text/);
    assert.equal(xborder(["assess", write("e.json", map(1)), "--bogus"]).code, 2);
    assert.match(xborder(["assess", write("f.json", map(1)), "--as-of", "2026-13-01"]).stderr, /--as-of: expected a date/);
  });
  test("a date before any encoded rules: exit 2 with a clear message", () => {
    const r = xborder(["assess", write("g.json", map(1)), "--as-of", "2021-12-31"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(r.stderr, /encodes no cross-border rules/);
  });
  test("--fail-on turns the assessment into a CI gate", () => {
    const f = write("h.json", map(120_000));
    const gate = xborder(["assess", f, "--format", "json", "--fail-on", "standard_contract_or_certification"]);
    assert.equal(gate.code, 1);
    assert.match(gate.stderr, /crm-sync \(standard_contract_or_certification\)/);
    assert.doesNotThrow(() => JSON.parse(gate.stdout), "the report is still printed");
    assert.equal(xborder(["assess", f, "--fail-on", "security_assessment"]).code, 0);
    assert.equal(xborder(["assess", f, "--fail-on", "exempt"]).code, 2);
  });
  test("without asOf anywhere, today in Asia/Shanghai is used", () => {
    const { asOf: _, ...noDate } = map(1);
    const r = xborder(["assess", write("i.json", noDate), "--format", "json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(JSON.parse(r.stdout).asOf, /^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("xborder calendar", () => {
  test("add-working-days", () => {
    const r = xborder(["calendar", "add-working-days", "2024-09-27", "10"]);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, "2024-10-16\n");
    // 2027's notice is not out: 1 January (a statutory holiday) is still off, the result provisional
    assert.equal(xborder(["calendar", "add-working-days", "2026-12-24", "10"]).stdout, "2027-01-08 (provisional)\n");
  });
  test("check validates a schedule file", () => {
    const r = xborder(["calendar", "check", "data/calendar/2026.json"]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /2026: .* working days/);
    const bad = xborder(["calendar", "check", write("2027.json", { year: 2027, days: [{ date: "2027-01-01" }] })]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /days\[0\]\.isOffDay: expected true or false/);
  });
  test("XBORDER_CALENDAR_DIR adds next year's schedule: deadlines stop being provisional", () => {
    const calDir = mkdtempSync(join(tmpdir(), "xborder-cal-"));
    writeFileSync(
      join(calDir, "2027.json"),
      JSON.stringify({ year: 2027, papers: ["test"], days: [{ date: "2027-01-01", isOffDay: true }] }),
    );
    const r = xborder(["calendar", "add-working-days", "2026-12-24", "10"], { env: { XBORDER_CALENDAR_DIR: calDir } });
    assert.equal(r.stdout, "2027-01-08\n"); // the same day, no longer provisional
  });
});

describe("xborder scan's arguments without commander", () => {
  /** What commander hands the scan command for argv, or "refused" (help, usage errors). */
  async function byCommander(argv: string[]): Promise<unknown> {
    let got: unknown = "refused";
    const program = buildProgram(commander, () => {});
    const scan = program.commands.find((c) => c.name() === "scan")!;
    for (const c of [program, scan]) c.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    scan.action((paths: string[], options: Record<string, unknown>) => {
      got = { paths, options: { ...options } };
    });
    try {
      await program.parseAsync(argv, { from: "user" });
    } catch {
      return "refused";
    }
    return got;
  }

  test("the usual forms are read directly, exactly as commander reads them", async () => {
    for (const argv of [
      ["scan", "a.csv"],
      ["scan", "a.csv", "dir", "--format", "json"],
      ["scan", "--format=json", "a.csv", "--sample", "0", "--no-progress"],
      ["scan", "a.csv", "--emit-dataset", "--as-of", "2026-01-01", "--format", "text", "--format", "json"],
      ["scan", "postgres://u@h/db", "--table", "public.t"],
      ["scan", "--", "-odd-name.csv"],
    ]) {
      const direct = scanArgs(argv);
      assert.ok(direct, argv.join(" "));
      assert.deepEqual(direct, await byCommander(argv), argv.join(" "));
    }
  });

  test("anything else goes to commander: help, unknown options, missing values or paths", () => {
    for (const argv of [
      ["scan"],
      ["scan", "--help"],
      ["scan", "a", "--bogus"],
      ["scan", "a", "--sample"],
      ["scan", "a", "--as-of", "-1"],
      ["assess", "m.yaml"],
    ])
      assert.equal(scanArgs(argv), undefined, argv.join(" "));
  });

  test("whatever is read directly is read as commander reads it (random argument lists)", async () => {
    const token = fc.constantFrom(
      "a.csv",
      "b",
      "--format",
      "json",
      "--format=text",
      "--sample",
      "5",
      "--sample=",
      "--as-of",
      "2026-01-01",
      "--emit-dataset",
      "--emit-dataset=1",
      "--table",
      "--schema",
      "s",
      "--no-progress",
      "--progress",
      "--",
      "-",
      "-x",
      "--help",
      "-h",
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 8 }), async (rest) => {
        const argv = ["scan", ...rest];
        const direct = scanArgs(argv);
        if (direct) assert.deepEqual(direct, await byCommander(argv));
      }),
      { numRuns: 300 },
    );
  });
});

describe("the installed command", () => {
  test("runs from its bundle, which finds the package's data and starts the worker threads of dist/", () => {
    assert.ok(existsSync(join(ROOT, "dist", "bundle", "main.js")), "npm run build bundles the command line");
    const dir = mkdtempSync(join(tmpdir(), "xborder-cli-bundle-"));
    const file = join(dir, "big.csv");
    // 40 MB: above the size at which a table is read by one worker thread per core.
    const block = "姓名,手机,身份证号\n" + "张伟,13800138000,11010519491231002X\n".repeat(1_250_000);
    writeFileSync(file, block);
    const r = xborder(["scan", file, "--format", "json", "--as-of", "2026-11-22"]);
    rmSync(dir, { recursive: true });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.files[0].records, 1_250_000);
    assert.deepEqual(report.entities, { cn_resident_id: 1_250_000, cn_mobile: 1_250_000, person_name: 1_250_000 });
    assert.equal(report.persons.distinct, 1);
    const version = xborder(["--version"]);
    assert.equal(version.stdout.trim(), JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
  });
});
