/** The `xborder` command line. Only this edge reads files, the clock and the terminal. */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { AssessCliOptions } from "./assess.js";
import { packageFile } from "../paths.js";
import { EXIT } from "./errors.js";
import type { LedgerOptions } from "./ledger.js";
import { SCAN_OPTIONS, scanArgs } from "./scan-args.js";
import type { ScanCliOptions } from "./scan.js";

// Each command's code (and what it needs: the embedded database, the rules, the file readers) is
// loaded when that command runs, so that `xborder scan` does not start PGlite and `--version` is quick.
const commands = {
  assess: () => import("./assess.js"),
  calendar: () => import("./calendar.js"),
  ftz: () => import("./ftz.js"),
  schema: () => import("./schema.js"),
  diff: () => import("./diff.js"),
  obligations: () => import("./obligations.js"),
  serve: () => import("./serve.js"),
  report: () => import("./report.js"),
  ledger: () => import("./ledger.js"),
  scan: () => import("./scan.js"),
};

/** The counts' source (人数来源), the same on assess, diff, obligations and report (docs/workspace.md). */
const LEDGER_HELP =
  "count people from the ledger (the default when one with an import is beside the map: --db, $XBORDER_DB, else .xborder/ in the map's folder)";
const NO_LEDGER_HELP = "count people from the map's persons even where a ledger is present";
const DB_HELP = "the ledger: a directory (embedded) or postgres:// URL (default $XBORDER_DB, else .xborder/ in the map's folder)";
const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string };
  return pkg.version;
}

type Commander = typeof import("commander");

export function buildProgram({ Command }: Commander, setExit: (code: number) => void): Command {
  const program = new Command("xborder")
    .description("China cross-border data transfers (数据出境): pathways, obligations and deadlines")
    .version(version())
    .exitOverride()
    .configureOutput({ writeErr: err, writeOut: out });

  program
    .command("assess")
    .description("assess a data map (YAML or JSON): each transfer's pathway, obligations and deadlines")
    .argument("<file>", "the data map")
    .option("--format <format>", "json | text", "text")
    .option("--as-of <date>", "assessment date YYYY-MM-DD (default: the map's asOf, else today in Asia/Shanghai)")
    .option("--lang <lang>", "zh | en (report and explanations)", "en")
    .option("--fail-on <pathway>", "exit 1 if any transfer needs this pathway or a heavier one (for CI)")
    .option("--ledger", LEDGER_HELP)
    .option("--no-ledger", NO_LEDGER_HELP)
    .option("--db <dir-or-url>", DB_HELP)
    .action(async (file: string, o: AssessCliOptions) => {
      setExit(await (await commands.assess()).runAssess(file, o, out, err));
    });

  const ledger = program.command("ledger").description("record outbound transfers as they happen, and count people exactly");
  ledger
    .command("import")
    .description("import transfer events (CSV, TSV, JSON Lines or Parquet): all or nothing, idempotent")
    .argument("<file>")
    .requiredOption("--map <file>", "the data map the transfer ids belong to")
    .option("--db <dir-or-url>", "a directory (embedded PostgreSQL) or postgres:// URL (default $XBORDER_DB or ./.xborder)")
    .action(async (file: string, o: LedgerOptions) => setExit(await (await commands.ledger()).runLedgerImport(file, o, out, err)));
  /** --map, --as-of, --format and --db, shared by the commands that read the ledger. */
  const readsLedger = (cmd: Command) =>
    cmd
      .requiredOption("--map <file>", "the data map")
      .option("--as-of <date>", "as of this date (default: the map's asOf, else today in Asia/Shanghai)")
      .option("--format <format>", "json | text", "text")
      .option("--db <dir-or-url>", "a directory (embedded PostgreSQL) or postgres:// URL (default $XBORDER_DB or ./.xborder)");
  readsLedger(
    ledger.command("count").description("distinct people per transfer and over the counted transfers, in the window of the rules in force"),
  ).action(async (o: LedgerOptions) => setExit(await (await commands.ledger()).runLedgerCount(o, out)));
  readsLedger(
    program.command("status").description("where the processor stands against each band, the trend, and when each band will be crossed"),
  ).action(async (o: LedgerOptions) => setExit(await (await commands.ledger()).runStatus(o, out)));

  const scan = program
    .command("scan")
    .description("find Chinese personal information in files and folders, and count the people behind it")
    .argument("<paths...>", "files or folders (recursive), or one postgres:// URL with --table or --schema");
  for (const o of SCAN_OPTIONS) scan.option(o.flags, o.description, o.default);
  scan.action(async (paths: string[], o: ScanCliOptions) => setExit(await runScan(paths, o)));

  program
    .command("ftz")
    .description("free-trade-zone negative lists: which can be relied on on a date, their sources and what is unverified")
    .option("--as-of <date>", "the date YYYY-MM-DD (default: today in Asia/Shanghai)")
    .option("--zone <zone>", "one zone (tianjin, beijing, shanghai, …)")
    .option("--format <format>", "json | text", "text")
    .option("--lang <lang>", "zh | en", "en")
    .action(async (o: import("./ftz.js").FtzCliOptions) => setExit((await commands.ftz()).runFtz(o, out)));

  program
    .command("diff")
    .description("what a change to the data map sets off: re-filing, a heavier or lighter pathway, added and removed parts")
    .argument("<old>", "the data map before")
    .argument("<new>", "the data map after")
    .option("--as-of <date>", "assessment date YYYY-MM-DD (default: the new map's asOf, else today in Asia/Shanghai)")
    .option("--format <format>", "text | json | markdown (for a pull-request comment)", "text")
    .option("--lang <lang>", "zh | en", "en")
    .option("--fail-on <gate>", "refile | pathway: exit 1 if the change needs a re-filing, or makes a pathway heavier")
    .option("--ledger", LEDGER_HELP)
    .option("--no-ledger", NO_LEDGER_HELP)
    .option("--db <dir-or-url>", DB_HELP)
    .action(async (a: string, b: string, o: import("./diff.js").DiffCliOptions) =>
      setExit(await (await commands.diff()).runDiff(a, b, o, out, err)),
    );

  program
    .command("obligations")
    .description("every duty the processor owes, one-off and recurring: due dates on the working-day calendar, status, citations")
    .argument("<map>", "the data map")
    .option("--as-of <date>", "the date YYYY-MM-DD (default: the map's asOf, else today in Asia/Shanghai)")
    .option("--format <format>", "text | json | ics (a calendar file)", "text")
    .option("--lang <lang>", "zh | en", "en")
    .option("--fail-on <status>", "overdue: exit 1 if any duty is overdue (for CI)")
    .option("--changed-from <old-map>", "an earlier version of the map: what changed since sets off redo duties (as xborder diff)")
    .option("--ledger", LEDGER_HELP)
    .option("--no-ledger", NO_LEDGER_HELP)
    .option("--db <dir-or-url>", DB_HELP)
    .action(async (file: string, o: import("./obligations.js").ObligationsCliOptions) =>
      setExit(await (await commands.obligations()).runObligations(file, o, out, err)),
    );

  program
    .command("report")
    .description(
      "the filing documents (self-assessment, pipia, sa-application, sc-filing, gba-filing), pre-filled from the facts; `report check KIND MAP` lists what is open (exit 0 only when --final would succeed)",
    )
    .argument("<kind>", "self-assessment | pipia | sa-application | sc-filing | gba-filing, or check")
    .argument("<map>", "the data map (with check: the kind)")
    .argument("[checkMap]", "with check: the data map")
    .option("--out <file>", "FILE.docx | FILE.pdf | FILE.html")
    .option("--as-of <date>", "the date YYYY-MM-DD (default: the map's asOf, else today in Asia/Shanghai)")
    .option("--lang <lang>", "zh (for filing) | en (a working translation, marked not for filing)", "zh")
    .option("--scan <report...>", "scan reports (xborder scan --format json) for the data-item tables")
    .option("--route <route>", "pipia: sc (standard contract or certification, Annex 5; default) | gba (the GBA guideline's three points)")
    .option("--ledger", LEDGER_HELP)
    .option("--no-ledger", NO_LEDGER_HELP)
    .option("--db <dir-or-url>", DB_HELP)
    .option("--transfer <id...>", "the transfers the document is about (each of its route; default: all of the route's)")
    .option("--final", "the filing copy: no source marks, notes or placeholder keys; refused (exit 1) while anything is open")
    .action(async (kind: string, a: string, b: string | undefined, o: import("./report.js").ReportCliOptions) => {
      const r = await commands.report();
      if (kind === "check") {
        if (!b) throw new (await import("./errors.js")).UsageError("report check KIND MAP: the data map is missing");
        setExit(await r.runReportCheck(a, b, o, out));
      } else {
        if (b) throw new (await import("./errors.js")).UsageError(`report ${kind} MAP: one data map, got ${JSON.stringify(b)} as well`);
        setExit(await r.runReport(kind, a, o, out));
      }
    });

  program
    .command("serve")
    .description("the workspace: web app and HTTP API (embedded database by default, or --db postgres://…)")
    .option("--port <port>", "port to listen on", "8080")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--db <dir-or-url>", "a directory (embedded PostgreSQL) or postgres:// URL (default $XBORDER_DB or ./.xborder)")
    .option(
      "--scan-target <NAME=postgres://…>",
      "a database editors may scan, by NAME (repeat; also $XBORDER_SCAN_TARGETS); none by default",
      (v: string, all: string[] = []) => [...all, v],
    )
    .option(
      "--trust-proxy <address>",
      "a reverse proxy's address whose X-Forwarded-For is believed (repeat; also $XBORDER_TRUST_PROXY); none by default",
      (v: string, all: string[] = []) => [...all, v],
    )
    .action(async (o: import("./serve.js").ServeCliOptions) => setExit(await (await commands.serve()).runServe(o, out)));

  const audit = program.command("audit").description("the workspace's audit log");
  audit
    .command("verify")
    .description("check every organisation's hash chain: exit 1 if an entry was edited, inserted or removed")
    .option("--org <slug>", "one organisation")
    .option("--expect-head <seq:hash>", "a head exported earlier (verify prints it): exit 1 if it is no longer in the chain")
    .option("--format <format>", "json | text", "text")
    .option("--db <dir-or-url>", "the workspace: a directory or postgres:// URL (default $XBORDER_DB or ./.xborder)")
    .action(async (o: import("./serve.js").AuditCliOptions) => setExit(await (await commands.serve()).runAuditVerify(o, out)));

  program
    .command("schema")
    .description("the data map's JSON Schema, for editors (also in the package: schema/data-map.schema.json)")
    .action(async () => setExit((await commands.schema()).runSchema(out)));

  const cal = program.command("calendar").description("China's working-day calendar (State Council holiday schedules)");
  cal
    .command("check")
    .description("validate a holiday schedule file (data/calendar/YYYY.json format)")
    .argument("<file>")
    .action(async (file: string) => setExit((await commands.calendar()).runCalendarCheck(file, out)));
  cal
    .command("add-working-days")
    .description("the Nth working day after DATE (negative N: before), DATE not counted")
    .argument("<date>")
    .argument("<n>")
    .action(async (date: string, n: string) => setExit((await commands.calendar()).runAddWorkingDays(date, n, out)));
  return program;
}

const runScan = async (paths: string[], o: ScanCliOptions) => (await commands.scan()).runScan(paths, o, out, err);

export async function main(argv: string[]): Promise<number> {
  try {
    // A scan with plainly valid arguments starts without commander (scan-args.ts); the rest is commander's.
    const direct = scanArgs(argv);
    if (direct) return await runScan(direct.paths, direct.options);
    const commander = await import("commander");
    let code: number = EXIT.ok;
    const program = buildProgram(commander, (c) => {
      code = c;
    });
    try {
      await program.parseAsync(argv, { from: "user" });
    } catch (e) {
      // help and version exit 0; unknown options and missing arguments are input errors
      if (e instanceof commander.CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.input;
      throw e;
    }
    return code;
  } catch (e) {
    const kind = await errorKind(e);
    if (kind === "input") {
      err(`xborder: ${(e as Error).message.split("\n").join("\nxborder: ")}\n`);
      return EXIT.input;
    }
    if (kind === "failure") {
      err(`xborder: ${(e as Error).message}\n`);
      return EXIT.failure;
    }
    err(`xborder: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}

/**
 * Bad input (exit 2: a data map, event file, schedule or secret at fault, or usage) or a failure
 * of something outside (exit 1: the database, its lock, an unreadable source); undefined for a bug.
 * The error classes are loaded only now, from the modules that throw them.
 */
async function errorKind(e: unknown): Promise<"input" | "failure" | undefined> {
  const [datamap, load, regimes, schedule, events, keys, errors, open, lock, sources, ftz, calendarRange] = await Promise.all([
    import("../engine/datamap.js"),
    import("../engine/load.js"),
    import("../engine/regimes/index.js"),
    import("../calendar/schedule.js"),
    import("../ledger/events.js"),
    import("../identity/keys.js"),
    import("./errors.js"),
    import("../store/open.js"),
    import("../store/lock.js"),
    import("../scan/sources/structured.js"),
    import("../law/ftz.js"),
    import("../calendar/working-days.js"),
  ]);
  const input = [
    datamap.DataMapError,
    load.InputError,
    errors.UsageError,
    regimes.NoRulesError,
    schedule.ScheduleError,
    events.EventError,
    keys.SecretError,
    ftz.FtzListError,
    open.StoreTargetError,
    load.MapSizeError,
    calendarRange.CalendarRangeError,
  ];
  if (input.some((c) => e instanceof c)) return "input";
  if (e instanceof open.StoreError || e instanceof lock.LockError || e instanceof sources.SourceError) return "failure";
  return undefined;
}
