/** Read a data map file (YAML or JSON), with line numbers in every error. */
import { readFileSync } from "node:fs";
import { isNode, LineCounter, parseDocument } from "yaml";
import { type DataMap, DataMapError, type FieldIssue, validateDataMap } from "./datamap.js";

export class InputError extends Error {
  override name = "InputError";
}

/**
 * Parse YAML (a superset of JSON) and validate. Errors carry `FILE:LINE: path: message`.
 */
export function parseDataMap(text: string, file = "<input>"): DataMap {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = e ? lineCounter.linePos(e.pos[0]) : undefined;
    throw new InputError(`${file}${pos ? `:${pos.line}:${pos.col}` : ""}: not valid YAML or JSON: ${e?.message.split("\n")[0]}`);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  try {
    return validateDataMap(value);
  } catch (e) {
    if (!(e instanceof DataMapError)) throw e;
    const lineOf = (issue: FieldIssue): number | undefined => {
      // Walk up the path to the nearest node that exists, for a line number.
      for (let n = issue.path.length; n >= 0; n--) {
        const node = doc.getIn(issue.path.slice(0, n), true);
        if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      }
      return undefined;
    };
    throw new DataMapError(
      e.issues.map((i) => ({ ...i, line: lineOf(i) })),
      file,
    );
  }
}

export function loadDataMap(path: string): DataMap {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the data map (${code === "ENOENT" ? "no such file" : (code ?? (e as Error).message)})`);
  }
  return parseDataMap(text.replace(/^\uFEFF/, ""), path);
}
