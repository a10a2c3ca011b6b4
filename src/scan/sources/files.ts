/** Files to scan: listing, format by extension, and their bytes as UTF-8 whatever the encoding. */
import { fstatSync, lstatSync, readSync, readdirSync, type Stats, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { join } from "node:path";
import { dropPages, mapFile, unmapFile } from "../../native/mapped-file.js";
import { bomLength, type Encoding, detectEncoding, looksBinary } from "../../text/decode.js";

export type Format = "csv" | "tsv" | "jsonl" | "json" | "xlsx" | "parquet" | "text";

export function formatOf(path: string): Format {
  if (/\.csv$/i.test(path)) return "csv";
  if (/\.(tsv|tab)$/i.test(path)) return "tsv";
  if (/\.(jsonl|ndjson)$/i.test(path)) return "jsonl";
  if (/\.json$/i.test(path)) return "json";
  if (/\.xlsx$/i.test(path)) return "xlsx";
  if (/\.parquet$/i.test(path)) return "parquet";
  return "text";
}

/** An entry of a folder that was not scanned, and why (shown in the report). */
export interface Skipped {
  path: string;
  reason: string;
}

/**
 * Files under the given paths, folders recursively, in a stable order, each real file once.
 * Inside folders: symbolic links are followed, but a dangling link, a folder reached again (a
 * link loop, or the same folder through two links) and a file seen before are skipped and named;
 * FIFOs, sockets and devices are skipped (a FIFO with no writer would block the scan). Hidden
 * entries (dot files) are passed over as before. Paths given by the user are followed if they are links.
 */
export function listFiles(paths: string[]): { files: string[]; skipped: Skipped[] } {
  const files: string[] = [];
  const skipped: Skipped[] = [];
  const seen = new Map<string, string>();
  const id = (st: Stats) => `${st.dev}:${st.ino}`;
  const kind = (st: Stats) =>
    st.isFIFO()
      ? "a FIFO (named pipe)"
      : st.isSocket()
        ? "a socket"
        : st.isCharacterDevice() || st.isBlockDevice()
          ? "a device"
          : "not a regular file";
  const visit = (p: string, st: Stats) => {
    const key = id(st);
    const before = seen.get(key);
    if (before !== undefined) {
      skipped.push({
        path: p,
        reason: st.isDirectory() ? `the folder ${before} again (a link loop or a second link to it)` : `the same file as ${before}`,
      });
      return;
    }
    seen.set(key, p);
    if (st.isDirectory()) {
      let names: string[];
      try {
        names = readdirSync(p);
      } catch (e) {
        skipped.push({ path: p, reason: `cannot list the folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
        return;
      }
      for (const name of names.filter((f) => !f.startsWith(".")).sort()) {
        const child = join(p, name);
        let entry: Stats;
        try {
          entry = lstatSync(child);
          if (entry.isSymbolicLink()) entry = statSync(child);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          skipped.push({
            path: child,
            reason:
              code === "ENOENT"
                ? "a dangling symbolic link"
                : code === "ELOOP"
                  ? "a symbolic link loop"
                  : `cannot read (${code ?? (e as Error).message})`,
          });
          continue;
        }
        visit(child, entry);
      }
    } else if (st.isFile()) {
      files.push(p);
    } else {
      skipped.push({ path: p, reason: `${kind(st)}, not a file to scan` });
    }
  };
  for (const p of paths) visit(p, statSync(p));
  return { files, skipped };
}

/** A file whose content is not text in any encoding we read (an image, an archive…). */
export class BinaryFileError extends Error {
  override name = "BinaryFileError";
}

/**
 * Bytes read at a time: 1 MiB stays in the cache between the read and the scan (4 MiB did not:
 * −5 % time for a whole CSV scan, measured; 128 KiB costs more in calls than it saves).
 */
export const CHUNK = 1024 * 1024;

/** How much of a file is mapped at a time (a whole number of chunks). */
const MAP_WINDOW = 16 * CHUNK;

/**
 * A file's encoding (detected from its first 64 KiB: BOM, then strict UTF-8, else GB18030) and
 * its content from `start` to `end` as UTF-8 chunks, BOM removed. `onRead` gets raw bytes read.
 */
export async function openUtf8(
  path: string,
  range: {
    start?: number;
    end?: number;
    encoding?: Encoding;
    /**
     * UTF-8 chunks are read into two buffers in turn: a chunk stays valid only until the one after
     * the next is read, so the reader must copy what it keeps (the CSV scanner does). Saves
     * allocating, faulting in and collecting a fresh buffer per chunk. Such chunks are read
     * synchronously (the event loop waits about a millisecond per chunk).
     */
    reuseBuffers?: boolean;
  } = {},
  onRead?: (bytes: number) => void,
): Promise<{ encoding: Encoding; size: number; chunks: AsyncGenerator<Buffer>; close: () => Promise<void> }> {
  const fd = await open(path);
  let encoding: Encoding;
  let size: number;
  try {
    size = (await fd.stat()).size;
    if (range.encoding) encoding = range.encoding;
    else {
      const head = Buffer.alloc(64 * 1024);
      const { bytesRead } = await fd.read(head, 0, head.length, 0);
      encoding = detectEncoding(head.subarray(0, bytesRead));
      const sample = head.subarray(0, bytesRead);
      // Valid UTF-8 is text unless it holds NULs; other encodings are decoded and looked at.
      const utf8 = encoding === "utf-8" || encoding === "utf-8-bom";
      if ((!encoding.startsWith("utf-16") && nulShare(sample) > 0.01) || (!utf8 && looksBinary(decodeHead(sample, encoding)))) {
        throw new BinaryFileError("looks binary: not text in UTF-8, UTF-16 or GB18030");
      }
    }
  } catch (e) {
    await fd.close();
    throw e;
  }
  const bom = bomLength(encoding);
  const start = Math.max(range.start ?? 0, bom);
  const end = Math.min(range.end ?? size, size);
  let closed = false;
  /** Windows of the file mapped and not yet unmapped. */
  const live = new Set<ArrayBuffer>();
  /** Closes the file (also when the chunks were not read to the end), and unmaps it; safe to call twice. */
  const close = async () => {
    for (const view of live) unmapFile(view);
    live.clear();
    if (closed) return;
    closed = true;
    await fd.close();
  };
  const decoder =
    encoding === "gb18030" ? new TextDecoder("gb18030") : encoding.startsWith("utf-16") ? new TextDecoder("utf-16le") : undefined;
  const shrank = (now: number) => new Error(`the file shrank to ${now} bytes while it was being read (it had ${size})`);
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      let pos = start;
      if (range.reuseBuffers && !decoder && end - start >= CHUNK) {
        // Chunks are views of the page cache: nothing copied. The file is mapped a window at a
        // time (V8 counts a mapping as external memory: a whole big file at once set off
        // collections), each chunk's pages are given back once it is scanned, and a window is
        // unmapped when the chunk after its last one has been read.
        let before: ArrayBuffer | undefined;
        while (pos < end) {
          const view = mapFile(fd.fd, pos, Math.min(MAP_WINDOW, end - pos), path);
          if (!view) break; // read the rest
          live.add(view);
          for (let at = 0; at < view.byteLength; at += CHUNK) {
            const size = Math.min(CHUNK, view.byteLength - at);
            onRead?.(size);
            // Pages past a file's end are gone (reading them raises SIGBUS): check before reading on.
            const now = fstatSync(fd.fd).size;
            if (now < pos + at + size) throw shrank(now);
            yield Buffer.from(view, at, size);
            dropPages(view, at, at + size);
            if (before) {
              unmapFile(before);
              live.delete(before);
              before = undefined;
            }
          }
          before = view;
          pos += view.byteLength;
        }
      }
      const spare = pos < end && range.reuseBuffers && !decoder ? [Buffer.allocUnsafe(CHUNK), Buffer.allocUnsafe(CHUNK)] : undefined;
      for (let turn = 0; pos < end; turn ^= 1) {
        const size = Math.min(CHUNK, end - pos);
        const buf = spare ? spare[turn]!.subarray(0, size) : Buffer.allocUnsafe(size);
        // Reused buffers are filled synchronously: no thread-pool hop per chunk (1 MiB, a quarter of a millisecond).
        const bytesRead = spare ? readSync(fd.fd, buf, 0, buf.length, pos) : (await fd.read(buf, 0, buf.length, pos)).bytesRead;
        if (bytesRead === 0) throw shrank(fstatSync(fd.fd).size);
        pos += bytesRead;
        onRead?.(bytesRead);
        const chunk = buf.subarray(0, bytesRead);
        if (!decoder) {
          yield chunk;
          continue;
        }
        if (encoding.startsWith("utf-16") && bytesRead % 2 === 1) throw new Error("odd number of bytes in a UTF-16 file (truncated?)");
        if (encoding.startsWith("utf-16be")) chunk.swap16();
        const text = decoder.decode(chunk, { stream: true });
        if (text) yield Buffer.from(text, "utf8");
      }
      if (decoder) {
        const tail = decoder.decode();
        if (tail) yield Buffer.from(tail, "utf8");
      }
    } finally {
      await close();
    }
  }
  return { encoding, size, chunks: chunks(), close };
}

/** Lines of UTF-8 chunks as byte ranges of a buffer (without the line break). */
export async function* lineRanges(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ buf: Buffer; start: number; end: number }> {
  let carry: Buffer | undefined;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    let s = 0;
    for (let nl = buf.indexOf(0x0a, s); nl !== -1; nl = buf.indexOf(0x0a, s)) {
      yield { buf, start: s, end: nl > s && buf[nl - 1] === 0x0d ? nl - 1 : nl };
      s = nl + 1;
    }
    carry = s < buf.length ? buf.subarray(s) : undefined;
  }
  if (carry?.length) yield { buf: carry, start: 0, end: carry[carry.length - 1] === 0x0d ? carry.length - 1 : carry.length };
}

/** The start of a file as text, for telling text from binary. */
function decodeHead(head: Buffer, encoding: Encoding): string {
  const body = head.subarray(bomLength(encoding), head.length - ((head.length - bomLength(encoding)) % 2));
  if (encoding.startsWith("utf-16be")) return new TextDecoder("utf-16be").decode(body);
  if (encoding.startsWith("utf-16")) return new TextDecoder("utf-16le").decode(body);
  return new TextDecoder(encoding === "gb18030" ? "gb18030" : "utf-8").decode(head);
}

/** The share of 0x00 bytes: text in UTF-8 or GB18030 has none. */
function nulShare(b: Buffer): number {
  let n = 0;
  for (let i = b.indexOf(0); i !== -1; i = b.indexOf(0, i + 1)) n++;
  return b.length ? n / b.length : 0;
}
