/**
 * The options of `xborder scan`, stated once. main.ts builds commander's `scan` command from them,
 * and `scanArgs` reads a scan's arguments with node:util's parseArgs, so that a scan whose
 * arguments are plainly valid starts without loading commander (~12 ms of a ~90 ms start,
 * measured; the scanner is meant to run on every export). Anything else — help, an unknown
 * option, a missing value, no path — goes to commander, which reports it as for every command.
 */
import { parseArgs } from "node:util";
import type { ScanCliOptions } from "./scan.js";

export interface CliOption {
  /** As commander reads it: `--name <value>` takes a value, `--name` is a switch, `--no-name` turns one off. */
  flags: string;
  description: string;
  default?: string;
}

export const SCAN_OPTIONS: readonly CliOption[] = [
  { flags: "--format <format>", description: "json | text", default: "text" },
  { flags: "--sample <n>", description: "masked samples per entity type", default: "3" },
  { flags: "--as-of <date>", description: "the scan date, for ages (default today in Asia/Shanghai)" },
  { flags: "--emit-dataset", description: "print a data-map datasets entry and the persons counts instead of the report" },
  { flags: "--table <name>", description: "with a postgres:// URL: the table to scan (schema.table or table)" },
  { flags: "--schema <name>", description: "with a postgres:// URL: scan every table of this schema (default public)" },
  {
    flags: "--findings <file>",
    description: "also write every finding to FILE.jsonl: file, row, column or offset, type, confidence, masked value (one thread)",
  },
  { flags: "--no-progress", description: "no progress line on the terminal" },
];

/** `--as-of <date>` → as-of; whether it takes a value; its key in the options (commander's: asOf, and progress for --no-progress). */
function shape(o: CliOption): { long: string; takesValue: boolean; key: string; negated: boolean } {
  const long = /^--([a-z][a-z-]*)/.exec(o.flags)![1]!;
  const negated = long.startsWith("no-");
  const key = (negated ? long.slice(3) : long).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  return { long, takesValue: o.flags.includes("<"), key, negated };
}

/**
 * `scan PATH... [options]` read as commander would read it, or undefined when commander should
 * read it (not a scan, no path, `--help`, an unknown option, an option without its value, or a
 * value that starts with a dash).
 */
export function scanArgs(argv: readonly string[]): { paths: string[]; options: ScanCliOptions } | undefined {
  if (argv[0] !== "scan") return undefined;
  const shapes = SCAN_OPTIONS.map((o) => ({ ...shape(o), default: o.default }));
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.slice(1),
      options: Object.fromEntries(shapes.map((s) => [s.long, { type: s.takesValue ? ("string" as const) : ("boolean" as const) }])),
      allowPositionals: true,
      strict: true,
    });
  } catch {
    return undefined;
  }
  if (parsed.positionals.length === 0) return undefined;
  const options: Record<string, string | boolean> = {};
  for (const s of shapes) {
    const given = parsed.values[s.long];
    if (s.negated) options[s.key] = given !== true;
    else if (given !== undefined) options[s.key] = given as string | boolean;
    else if (s.default !== undefined) options[s.key] = s.default;
  }
  return { paths: parsed.positionals, options: options as unknown as ScanCliOptions };
}
