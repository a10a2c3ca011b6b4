/**
 * Excel workbooks (.xlsx) read straight from the zip, in memory: yauzl (a maintained unzip
 * library) reads the central directory at the end of the file, so any part can be opened in any
 * order — the shared strings before a sheet that the zip stores ahead of them, with nothing
 * spooled to disk (exceljs's streaming reader wrote such a sheet, ID numbers and all, to a temp
 * file) — and a cut file fails at once with a clear error instead of a stream that never settles.
 * Each part is inflated as a stream and parsed by saxes (a maintained SAX parser) fed text decoded
 * by a streaming UTF-8 decoder, so a character split between two chunks stays whole.
 *
 * What is read: every sheet in the workbook's order, rows as they appear, cells by their column
 * letter; shared strings, inline strings, formula results, numbers (integers written out in full,
 * as exceljs did), booleans. Styles are not read: a number stays a number, never a date.
 */
import { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl, { type Entry, type ZipFile } from "yauzl";

export interface XlsxSheet {
  name: string;
  /** Rows in order, each a dense array of cell texts ("" where a cell is missing). */
  rows: AsyncGenerator<string[]>;
  /**
   * Number cells that cannot hold their value exactly, by column index, as the rows are read: they
   * are given as "" (issue 31 §6: an ID or card number typed as a number keeps 15 significant digits).
   */
  lostDigits: number[];
}

/** A part of the workbook as XML events. Text is given whole, also when it crossed chunk boundaries. */
interface XmlHandlers {
  open(tag: SaxesTagPlain): void;
  close(name: string): void;
  text?(text: string): void;
}

async function openZip(path: string): Promise<{ zip: ZipFile; entries: Map<string, Entry> }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  const entries = new Map<string, Entry>();
  try {
    for await (const e of zip.eachEntry()) entries.set(e.fileName, e);
  } catch (e) {
    zip.close();
    throw e;
  }
  return { zip, entries };
}

/** Parse one part, calling `handlers`; yields to the caller after each chunk through `drain`. */
async function* parsePart(zip: ZipFile, entry: Entry, handlers: XmlHandlers): AsyncGenerator<void> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const parser = new SaxesParser({ position: false });
  let failure: Error | undefined;
  parser.on("error", (e) => {
    failure ??= e;
  });
  parser.on("opentag", (t) => handlers.open(t as SaxesTagPlain));
  parser.on("closetag", (t) => handlers.close(t.name));
  if (handlers.text) parser.on("text", handlers.text);
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk as Buffer, { stream: true }));
      if (failure) throw failure;
      yield;
    }
    parser.write(decoder.decode());
    parser.close();
    if (failure) throw failure;
  } finally {
    stream.destroy();
  }
}

/** Run a part to its end (for the small parts read whole: workbook, relationships, shared strings). */
async function readPart(zip: ZipFile, entry: Entry, handlers: XmlHandlers): Promise<void> {
  for await (const _ of parsePart(zip, entry, handlers));
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/**
 * A number cell that cannot hold an identifier exactly: Excel keeps 15 significant digits, so an
 * integer of 16 digits or more (an ID number stored as 110105194912310000 or 1.10105194912310E+17,
 * a card number) has lost its last ones (detectors.md §0.8).
 */
export function lostDigits(v: string): boolean {
  const x = Number(v);
  return Number.isFinite(x) && Math.abs(x) >= 1e15 && Number.isInteger(x);
}

/** A number cell's text: integers in full (a 15-digit ID stored as a number), others as written. */
function numberText(v: string): string {
  const x = Number(v);
  if (v === "" || !Number.isFinite(x)) return v;
  return Number.isInteger(x) && Math.abs(x) < 1e21 ? BigInt(x).toString() : String(x);
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** The shared-string table: one text per <si>, rich-text runs joined, phonetic runs (<rPh>) left out. */
async function sharedStrings(zip: ZipFile, entry: Entry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  let cur = "";
  let inT = false;
  let inPhonetic = 0;
  await readPart(zip, entry, {
    open(t) {
      const n = local(t.name);
      if (n === "si") cur = "";
      else if (n === "rPh") inPhonetic++;
      else if (n === "t" && !inPhonetic) inT = true;
    },
    close(name) {
      const n = local(name);
      if (n === "si") out.push(cur);
      else if (n === "rPh") inPhonetic--;
      else if (n === "t") inT = false;
    },
    text(x) {
      if (inT) cur += x;
    },
  });
  return out;
}

/** The workbook's relationships, read once: each id's zip path, and the shared strings' path. */
async function relationships(zip: ZipFile, entries: Map<string, Entry>): Promise<{ targets: Map<string, string>; strings: string }> {
  const targets = new Map<string, string>();
  let strings = "xl/sharedStrings.xml";
  const rels = entries.get("xl/_rels/workbook.xml.rels");
  if (rels) {
    await readPart(zip, rels, {
      open(t) {
        if (local(t.name) !== "Relationship") return;
        const a = t.attributes;
        const target = a.Target ?? "";
        const path = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
        if (a.Id) targets.set(a.Id, path);
        if ((a.Type ?? "").endsWith("/sharedStrings")) strings = path;
      },
      close() {},
    });
  }
  return { targets, strings };
}

/** The sheets in the workbook's order, with the zip path of each. */
async function sheetList(
  zip: ZipFile,
  entries: Map<string, Entry>,
  targets: Map<string, string>,
): Promise<{ name: string; path: string }[]> {
  const workbook = entries.get("xl/workbook.xml");
  const sheets: { name: string; path: string }[] = [];
  if (workbook) {
    await readPart(zip, workbook, {
      open(t) {
        if (local(t.name) !== "sheet") return;
        const a = t.attributes;
        const rid = a["r:id"] ?? Object.entries(a).find(([k]) => k.endsWith(":id"))?.[1];
        const path = rid ? targets.get(rid) : undefined;
        if (path && entries.has(path)) sheets.push({ name: a.name ?? path, path });
      },
      close() {},
    });
  }
  if (sheets.length === 0) {
    // No workbook part we can read: the worksheets as the zip names them.
    for (const name of [...entries.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n)).sort()) {
      sheets.push({ name: name.replace(/^.*\/|\.xml$/g, ""), path: name });
    }
  }
  return sheets;
}

/** One sheet's rows, parsed as the part is inflated. */
async function* sheetRows(zip: ZipFile, entry: Entry, strings: readonly string[], lost: number[]): AsyncGenerator<string[]> {
  const ready: string[][] = [];
  let row: string[] | undefined;
  let col = 0;
  let type = "n";
  let text = "";
  let collecting = false;
  let inInline = false;
  const handlers: XmlHandlers = {
    open(t) {
      switch (local(t.name)) {
        case "row":
          row = [];
          col = 0;
          break;
        case "c": {
          const ref = t.attributes.r;
          if (ref) col = columnOf(ref);
          type = t.attributes.t ?? "n";
          text = "";
          break;
        }
        case "v":
          collecting = true;
          break;
        case "is":
          inInline = true;
          break;
        case "t":
          if (inInline) collecting = true;
          break;
        case "rPh":
          collecting = false;
          break;
      }
    },
    close(name) {
      switch (local(name)) {
        case "v":
          collecting = false;
          break;
        case "t":
          if (inInline) collecting = false;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          if (!row) break;
          let value: string;
          if (type === "s") value = strings[Number(text)] ?? "";
          else if (type === "b") value = text === "1" ? "true" : text === "0" ? "false" : text;
          else if (type === "e") value = "";
          else if (type === "n") {
            if (lostDigits(text)) {
              value = "";
              while (lost.length <= col) lost.push(0);
              lost[col]!++;
            } else value = numberText(text);
          } else value = text; // str (formula text), inlineStr
          while (row.length < col) row.push("");
          row[col] = value;
          col++;
          break;
        }
        case "row":
          if (row) ready.push(row);
          row = undefined;
          break;
      }
    },
    text(x) {
      if (collecting) text += x;
    },
  };
  for await (const _ of parsePart(zip, entry, handlers)) {
    yield* ready;
    ready.length = 0;
  }
  yield* ready;
}

/**
 * A workbook's sheets, each with its rows; `close` releases the file (also when not read to the end).
 * Errors (a cut or corrupt zip, XML that does not parse, bytes that are not UTF-8) are thrown as is.
 */
export async function openXlsx(path: string): Promise<{ sheets: XlsxSheet[]; close: () => void }> {
  const { zip, entries } = await openZip(path);
  try {
    const rels = await relationships(zip, entries);
    const strings = await sharedStrings(zip, entries.get(rels.strings));
    const list = await sheetList(zip, entries, rels.targets);
    const sheets = list.map(({ name, path: p }) => {
      const lost: number[] = [];
      return { name, rows: sheetRows(zip, entries.get(p) as Entry, strings, lost), lostDigits: lost };
    });
    return { sheets, close: () => zip.close() };
  } catch (e) {
    zip.close();
    throw e;
  }
}
