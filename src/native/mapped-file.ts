/**
 * Files mapped into memory by the native addon (native/mapped_file.cc): the scanner reads a big
 * table where it lies in the page cache instead of having read(2) copy each chunk out of it.
 * Unavailable without the addon, on Windows, or with `XBORDER_MMAP=0`: callers then read.
 */
import { nativeAddon } from "./addon.js";

interface MappedFileAddon {
  mapFile(fd: number, offset: number, length: number, name: string): ArrayBuffer | null;
  dropPages(buffer: ArrayBuffer, from: number, to: number): void;
  unmapFile(buffer: ArrayBuffer): void;
}

function addon(): MappedFileAddon | undefined {
  if (process.env.XBORDER_MMAP === "0") return undefined;
  const a = nativeAddon() as Partial<MappedFileAddon> | undefined;
  return a?.mapFile && a.dropPages && a.unmapFile ? (a as MappedFileAddon) : undefined;
}

/**
 * Bytes [offset, offset + length) of the open file `fd`, read-only, or undefined where it cannot
 * be mapped. If the file shrinks while it is read, the pages past its new end are gone: the native
 * core's call then throws; a read anywhere else stops the process with exit code 74 and a message
 * naming `name`.
 */
export function mapFile(fd: number, offset: number, length: number, name: string): ArrayBuffer | undefined {
  if (length <= 0) return undefined;
  return addon()?.mapFile(fd, offset, length, name) ?? undefined;
}

/** Gives back the resident pages of [from, to) of a mapped file (still readable afterwards). */
export function dropPages(buffer: ArrayBuffer, from: number, to: number): void {
  addon()?.dropPages(buffer, from, to);
}

/**
 * Unmaps a mapped file now (otherwise it stays mapped until the buffer is collected). Views of
 * it read as empty afterwards: call it once nothing reads the chunks any more.
 */
export function unmapFile(buffer: ArrayBuffer): void {
  addon()?.unmapFile(buffer);
}
