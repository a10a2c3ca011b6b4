/**
 * Random bytes for a key made for one run (the scanner's person tags): from the native addon
 * (getrandom(2), Linux) where it is built, else node:crypto — loaded only then, since loading it
 * costs a command 4–6 ms of start-up for 8 bytes.
 */
import { createRequire } from "node:module";
import { nativeAddon } from "./addon.js";

export function randomKey(bytes: number): Buffer {
  const out = Buffer.alloc(bytes);
  const native = nativeAddon()?.randomKey as ((out: Uint8Array) => boolean) | undefined;
  if (native?.(out)) return out;
  const { randomFillSync } = createRequire(import.meta.url)("node:crypto") as typeof import("node:crypto");
  return randomFillSync(out);
}
