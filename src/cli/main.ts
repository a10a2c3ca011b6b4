/** The `xborder` command line. Only this edge reads files, the clock and the terminal. */
import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { ScheduleError } from "../calendar/schedule.js";
import { DataMapError } from "../engine/datamap.js";
import { InputError } from "../engine/load.js";
import { NoRulesError } from "../engine/regimes/index.js";
import { runAssess } from "./assess.js";
import { runCalendarCheck } from "./calendar.js";
import { EXIT, UsageError } from "./errors.js";

const out = (s: string) => process.stdout.write(s);
const err = (s: string) => process.stderr.write(s);

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}

export function buildProgram(setExit: (code: number) => void): Command {
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
    .action((file: string, o: { format: string; asOf?: string; lang: string; failOn?: string }) => {
      setExit(runAssess(file, o, out, err));
    });

  const cal = program.command("calendar").description("China's working-day calendar (State Council holiday schedules)");
  cal
    .command("check")
    .description("validate a holiday schedule file (data/calendar/YYYY.json format)")
    .argument("<file>")
    .action((file: string) => setExit(runCalendarCheck(file, out)));
  cal
    .command("add-working-days")
    .description("the Nth working day after DATE (negative N: before), DATE not counted")
    .argument("<date>")
    .argument("<n>")
    .action(async (date: string, n: string) => {
      const { runAddWorkingDays } = await import("./calendar.js");
      setExit(runAddWorkingDays(date, n, out));
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; unknown options and missing arguments are input errors
      return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    if (
      e instanceof DataMapError ||
      e instanceof InputError ||
      e instanceof UsageError ||
      e instanceof NoRulesError ||
      e instanceof ScheduleError
    ) {
      err(`xborder: ${e.message.split("\n").join("\nxborder: ")}\n`);
      return EXIT.input;
    }
    err(`xborder: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return EXIT.failure;
  }
}
