/**
 * Cutting a file of lines into byte ranges for several threads (the scanner's and the ledger's
 * readers): each cut falls just after a line break. A cut is only safe where no quoted field
 * spans lines: the first MiB is checked, and a file whose quoted fields hold line breaks is one
 * range.
 */
import { open } from "node:fs/promises";

/** Offsets [dataStart, …, size] cutting the file after line breaks into about `parts` ranges; one range if quotes span lines. */
export async function splitPoints(file: string, dataStart: number, size: number, parts: number): Promise<number[]> {
  const fd = await open(file);
  try {
    const probe = Buffer.alloc(Math.min(1 << 20, size - dataStart));
    await fd.read(probe, 0, probe.length, dataStart);
    let q = false;
    for (let i = 0; i < probe.length; i++) {
      if (probe[i] === 0x22) q = !q;
      else if (probe[i] === 0x0a && q) return [dataStart, size];
    }
    const points = [dataStart];
    const step = Math.ceil((size - dataStart) / parts);
    const window = Buffer.alloc(64 * 1024);
    for (let k = 1; k < parts; k++) {
      let pos = Math.max(dataStart + k * step, points[points.length - 1]!);
      for (;;) {
        const { bytesRead } = await fd.read(window, 0, window.length, pos);
        if (bytesRead === 0) {
          pos = size;
          break;
        }
        const nl = window.subarray(0, bytesRead).indexOf(0x0a);
        if (nl >= 0) {
          pos += nl + 1;
          break;
        }
        pos += bytesRead;
      }
      if (pos < size && pos > points[points.length - 1]!) points.push(pos);
    }
    points.push(size);
    return points;
  } finally {
    await fd.close();
  }
}
