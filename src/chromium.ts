/**
 * Debian's Chromium, driven by playwright-core (no browser download): where it is, and how it is
 * started — headless, and without the background networking this machine's closed network refuses.
 * The PDF writer, the browser tests and the workspace benchmark share it.
 */
import { existsSync } from "node:fs";
import type { Browser } from "playwright-core";

export const chromiumPath = () => process.env.XBORDER_CHROMIUM ?? "/usr/bin/chromium";
export const hasChromium = () => existsSync(chromiumPath());

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
