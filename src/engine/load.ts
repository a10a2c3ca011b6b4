/** Read a data map file (YAML or JSON), with line numbers in every error. */
import { readFileSync, statSync } from "node:fs";
import { detectEncoding } from "../text/decode.js";
import { isNode, LineCounter, parseDocument } from "yaml";
import { type DataMap, DataMapError, type FieldIssue, validateDataMap } from "./datamap.js";

export class InputError extends Error {
  override name = "InputError";
}

/** A data map too large to assess in one go (docs/data-map.md, "Size"). */
export class MapSizeError extends InputError {
  override name = "MapSizeError";
}

/** The largest data map file read (a map holds counts, not people: real ones are kilobytes). */
export const MAX_MAP_BYTES = 16 * 1024 * 1024;
/** The most transfers one map may hold; the assessment of each is kilobytes of JSON. */
export const MAX_TRANSFERS = 20_000;

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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The YAML library's guard against alias bombs ("billion laughs"), and any other failure to build the value.
    throw new InputError(
      `${file}: not a usable data map: ${/alias/i.test((e as Error).message) ? "too many YAML aliases (*name) expand to too much data" : (e as Error).message}`,
    );
  }
  const transfers = (value as { transfers?: unknown } | null)?.transfers;
  if (Array.isArray(transfers) && transfers.length > MAX_TRANSFERS) {
    throw new MapSizeError(
      `${file}: transfers: ${transfers.length} transfers; xborder assesses at most ${MAX_TRANSFERS} in one map — split the map by business unit or recipient`,
    );
  }
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
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_MAP_BYTES) {
      throw new MapSizeError(
        `${path}: ${size} bytes; a data map may be at most ${MAX_MAP_BYTES / 1024 / 1024} MiB (it holds counts, not people)`,
      );
    }
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof MapSizeError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${path}: cannot read the data map (${code === "ENOENT" ? "no such file" : (code ?? (e as Error).message)})`);
  }
  return parseDataMap(decodeMap(bytes, path), path);
}

/**
 * A map's text whatever its encoding, detected as the scanner does: UTF-8 (with or without BOM),
 * UTF-16 with or without BOM, else GB18030 (what a Chinese Windows editor saves). Bytes that are
 * none of these are refused rather than read into "�" (which made Chinese ids look duplicated).
 */
export function decodeMap(bytes: Buffer, file: string): string {
  const encoding = detectEncoding(bytes.subarray(0, 64 * 1024));
  const label = encoding.startsWith("utf-16le")
    ? "utf-16le"
    : encoding.startsWith("utf-16be")
      ? "utf-16be"
      : encoding === "gb18030"
        ? "gb18030"
        : "utf-8";
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new InputError(`${file}: not text in UTF-8, UTF-16 or GB18030: save the data map as UTF-8`);
  }
}
