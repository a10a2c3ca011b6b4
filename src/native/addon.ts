/**
 * The native addon (native/*.cc → build/Release/xborder_scan.node), where it was built: `npm ci`
 * builds it with node-gyp where a C++ compiler is present (scripts/build-native.mjs). Everything
 * it does has a JavaScript equivalent with the same results; each user checks for the part it
 * needs.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { packageFile } from "../paths.js";

/** Where node-gyp puts the addon. */
export const NATIVE_PATH = packageFile("build", "Release", "xborder_scan.node");

let loaded: Record<string, unknown> | null | undefined;

/** The addon's exports, or undefined where it is not built. */
export function nativeAddon(): Record<string, unknown> | undefined {
  if (loaded === undefined)
    loaded = existsSync(NATIVE_PATH) ? (createRequire(import.meta.url)(NATIVE_PATH) as Record<string, unknown>) : null;
  return loaded ?? undefined;
}
