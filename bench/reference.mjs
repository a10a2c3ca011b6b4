/**
 * The reference of issue 3: a plain byte loop that looks only for 18-digit ID numbers
 * (17 digits + X allowed) and 11-digit numbers starting with 1, counting them — no validation,
 * no structure, no people. Plain JavaScript, so that it also runs as a program of its own
 * (`node bench/reference.mjs FILE`) for whole-process timings beside `xborder scan FILE`.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** @param {string} path */
export function referenceLoop(path) {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(4 << 20);
  let ids = 0;
  let mobiles = 0;
  let run = 0;
  let first = 0;
  for (;;) {
    const n = readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    for (let i = 0; i < n; i++) {
      const c = buf[i];
      if (c >= 48 && c <= 57) {
        if (run === 0) first = c;
        run++;
        continue;
      }
      if (run === 17 && (c === 88 || c === 120)) ids++;
      else if (run === 18) ids++;
      else if (run === 11 && first === 49) mobiles++;
      run = 0;
    }
  }
  closeSync(fd);
  return { id18: ids, mobile11: mobiles };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: node bench/reference.mjs FILE");
  process.stdout.write(`${JSON.stringify(referenceLoop(file))}\n`);
}
